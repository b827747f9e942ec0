// XLSX out (libxlsxwriter) and in (libzip + pugixml, first worksheet, text of every cell).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "io/table.hpp"

namespace tongxin::io {

// Writes a workbook row by row in constant memory (rows are not kept). Not thread-safe.
class XlsxWriter {
 public:
  // Errors: kInternal when the temporary file cannot be made.
  static core::Result<std::unique_ptr<XlsxWriter>> Create();
  ~XlsxWriter();  // removes the temporary file
  // Starts a worksheet: bold frozen header row, optional widths in characters.
  void AddSheet(const std::string& name, const std::vector<std::string>& headers, const std::vector<double>& widths);
  void AddRow(const std::vector<Cell>& row);  // highlighted cells in red
  core::Result<std::string> Finish();          // the workbook's bytes

 private:
  XlsxWriter();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The bytes of a workbook with one worksheet per sheet: bold frozen header row, optional
// widths, highlighted cells in red. Errors: kInternal when the library fails.
core::Result<std::string> WriteXlsx(const std::vector<Sheet>& sheets);

// The first worksheet as text rows (shared strings, inline strings and numbers as written;
// date cells keep their serial number); row i of the result is sheet row i+1. Errors: kInvalid imports.bad_file.
core::Result<Table> ReadXlsx(std::string_view bytes);

// Excel date serial ("45000") to "YYYY-MM-DD"; "" when the text is not a plausible serial.
std::string ExcelSerialToDate(const std::string& serial);

}  // namespace tongxin::io
