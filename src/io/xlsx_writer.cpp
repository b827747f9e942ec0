// XLSX writing in constant memory: rows go to libxlsxwriter's temporary files as they come,
// and the workbook is written to a temporary file (libxlsxwriter 1.1 writes only to files).
#include "io/xlsx.hpp"

#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace tongxin::io {

struct XlsxWriter::Impl {
  std::string path;
  lxw_workbook* wb = nullptr;
  lxw_worksheet* ws = nullptr;
  lxw_format* bold = nullptr;
  lxw_format* red = nullptr;
  lxw_format* strong = nullptr;
  lxw_row_t next_row = 0;
};

XlsxWriter::XlsxWriter() : impl_(std::make_unique<Impl>()) {}

XlsxWriter::~XlsxWriter() {
  if (impl_->wb) workbook_close(impl_->wb);
  if (!impl_->path.empty()) std::remove(impl_->path.c_str());
}

core::Result<std::unique_ptr<XlsxWriter>> XlsxWriter::Create() {
  std::unique_ptr<XlsxWriter> w(new XlsxWriter());
  char path[] = "/tmp/tongxin-xlsx-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return core::Internal("mkstemp failed");
  close(fd);
  w->impl_->path = path;
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  w->impl_->wb = workbook_new_opt(path, &options);
  if (!w->impl_->wb) return core::Internal("workbook_new_opt failed");
  w->impl_->bold = workbook_add_format(w->impl_->wb);
  format_set_bold(w->impl_->bold);
  format_set_bg_color(w->impl_->bold, 0xDDEBF7);
  w->impl_->red = workbook_add_format(w->impl_->wb);
  format_set_bg_color(w->impl_->red, 0xFFC7CE);
  format_set_font_color(w->impl_->red, 0x9C0006);
  w->impl_->strong = workbook_add_format(w->impl_->wb);
  format_set_bold(w->impl_->strong);
  format_set_top(w->impl_->strong, LXW_BORDER_THIN);
  return w;
}

void XlsxWriter::AddSheet(const std::string& name, const std::vector<std::string>& headers,
                          const std::vector<double>& widths) {
  const std::string n = name.substr(0, 31);
  impl_->ws = workbook_add_worksheet(impl_->wb, n.empty() ? nullptr : n.c_str());
  for (std::size_t c = 0; c < headers.size(); ++c) {
    const double width = c < widths.size() ? widths[c] : 16;
    worksheet_set_column(impl_->ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
    const std::string text = NeutraliseFormula(headers[c]);
    worksheet_write_string(impl_->ws, 0, static_cast<lxw_col_t>(c), text.c_str(), impl_->bold);
  }
  worksheet_freeze_panes(impl_->ws, 1, 0);
  impl_->next_row = 1;
}

void XlsxWriter::AddRow(const std::vector<Cell>& row) {
  for (std::size_t c = 0; c < row.size(); ++c) {
    const Cell& cell = row[c];
    lxw_format* fmt = cell.highlight ? impl_->red : cell.bold ? impl_->strong : nullptr;
    if (cell.number) {
      worksheet_write_number(impl_->ws, impl_->next_row, static_cast<lxw_col_t>(c), *cell.number, fmt);
    } else if (!cell.text.empty()) {
      // libxlsxwriter 1.1 has no quote-prefix format: the apostrophe is written as text.
      const std::string text = NeutraliseFormula(cell.text);
      worksheet_write_string(impl_->ws, impl_->next_row, static_cast<lxw_col_t>(c), text.c_str(), fmt);
    }
  }
  ++impl_->next_row;
}

core::Result<std::string> XlsxWriter::Finish() {
  lxw_error err = workbook_close(impl_->wb);
  impl_->wb = nullptr;
  if (err != LXW_NO_ERROR) return core::Internal(std::string("workbook_close: ") + lxw_strerror(err));
  std::ifstream in(impl_->path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

core::Result<std::string> WriteXlsx(const std::vector<Sheet>& sheets) {
  TX_TRY(w, XlsxWriter::Create());
  for (const auto& sheet : sheets) {
    (*w)->AddSheet(sheet.name, sheet.headers, sheet.widths);
    for (const auto& row : sheet.rows) (*w)->AddRow(row);
  }
  return (*w)->Finish();
}

}  // namespace tongxin::io
