// CSV (RFC 4180) reading and writing. Output starts with a UTF-8 BOM so Excel shows
// Chinese correctly; input accepts it.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "io/table.hpp"

namespace tongxin::io {

// Rows in file order, blank lines included (so row numbers match the file).
// Errors: kInvalid imports.bad_file (unterminated quote, invalid UTF-8).
core::Result<Table> ParseCsv(std::string_view text);
std::string WriteCsv(const Sheet& sheet);

// Appends rows to a CSV text as they come (header first). Not thread-safe.
class CsvWriter {
 public:
  explicit CsvWriter(const std::vector<std::string>& headers);
  void AddRow(const std::vector<Cell>& row);
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace tongxin::io
