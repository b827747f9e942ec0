// CSV parser and writer.
#include "io/csv.hpp"

#include <cctype>
#include <cstdio>

#include "core/text.hpp"

namespace tongxin::io {

core::Result<Table> ParseCsv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!core::IsValidUtf8(text)) {
    return core::MakeError(core::Errc::kInvalid, "imports.bad_file", {{"detail", "not UTF-8"}});
  }
  // Excel in some locales writes ';' separated files: pick the separator of the first line.
  const auto first_line = text.substr(0, text.find('\n'));
  const char sep = first_line.find(',') == std::string_view::npos && first_line.find(';') != std::string_view::npos
                       ? ';'
                       : ',';
  Table table;
  Row row;
  std::string field;
  bool quoted = false, field_started = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field.push_back(c);
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
    } else if (c == sep) {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
      table.push_back(std::move(row));
      row.clear();
    } else {
      field.push_back(c);
      field_started = true;
    }
  }
  if (quoted) return core::MakeError(core::Errc::kInvalid, "imports.bad_file", {{"detail", "unterminated quote"}});
  if (field_started || !row.empty()) {
    row.push_back(std::move(field));
    table.push_back(std::move(row));
  }
  return table;  // blank lines stay, so row numbers match what the user sees
}

namespace {
void AppendField(std::string& out, const std::string& f) {
  // Quote when needed; formula-like text is neutralised so spreadsheets do not execute it.
  const std::string v = NeutraliseFormula(f);
  if (v.find_first_of(",\"\r\n;") != std::string::npos) {
    out.push_back('"');
    for (char c : v) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  } else {
    out += v;
  }
}
}  // namespace

CsvWriter::CsvWriter(const std::vector<std::string>& headers) : out_("\xEF\xBB\xBF") {
  for (std::size_t i = 0; i < headers.size(); ++i) {
    if (i) out_.push_back(',');
    AppendField(out_, headers[i]);
  }
  out_ += "\r\n";
}

void CsvWriter::AddRow(const std::vector<Cell>& row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i) out_.push_back(',');
    if (row[i].number) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.15g", *row[i].number);
      out_ += buf;
    } else {
      AppendField(out_, row[i].text);
    }
  }
  out_ += "\r\n";
}

std::string WriteCsv(const Sheet& sheet) {
  CsvWriter w(sheet.headers);
  for (const auto& row : sheet.rows) w.AddRow(row);
  return w.Take();
}

}  // namespace tongxin::io
