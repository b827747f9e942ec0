// XLSX writing through a temporary file (libxlsxwriter 1.1 writes only to files).
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "io/xlsx.hpp"

namespace tongxin::io {

core::Result<std::string> WriteXlsx(const std::vector<Sheet>& sheets) {
  char path[] = "/tmp/tongxin-xlsx-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return core::Internal("mkstemp failed");
  close(fd);
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path, &options);
  if (!wb) {
    std::remove(path);
    return core::Internal("workbook_new_opt failed");
  }
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xDDEBF7);
  lxw_format* red = workbook_add_format(wb);
  format_set_bg_color(red, 0xFFC7CE);
  format_set_font_color(red, 0x9C0006);
  for (const auto& sheet : sheets) {
    std::string name = sheet.name.substr(0, 31);
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.empty() ? nullptr : name.c_str());
    for (std::size_t c = 0; c < sheet.headers.size(); ++c) {
      const double width = c < sheet.widths.size() ? sheet.widths[c] : 16;
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.headers[c].c_str(), bold);
    }
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t r = 1;
    for (const auto& row : sheet.rows) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        const Cell& cell = row[c];
        lxw_format* fmt = cell.highlight ? red : nullptr;
        if (cell.number) {
          worksheet_write_number(ws, r, static_cast<lxw_col_t>(c), *cell.number, fmt);
        } else if (!cell.text.empty()) {
          worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), cell.text.c_str(), fmt);
        }
      }
      ++r;
    }
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::remove(path);
    return core::Internal(std::string("workbook_close: ") + lxw_strerror(err));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::remove(path);
  return ss.str();
}

}  // namespace tongxin::io
