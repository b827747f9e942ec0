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

// Bounds on what an uploaded workbook may expand to, enforced while reading (a few-KB
// "zip bomb" stops at the first bound it crosses, before anything large is allocated).
struct XlsxLimits {
  std::size_t max_entries = 2000;                  // files in the archive
  std::size_t max_uncompressed = 128u << 20;       // bytes inflated, all parts read together
  std::size_t max_rows = 200000;                   // sheet rows (row numbers too)
  std::size_t max_columns = 256;                   // columns per row (cell references too)
};

// The first worksheet as text rows (shared strings, inline strings and numbers as written;
// date cells keep their serial number); row i of the result is sheet row i+1.
// Errors: kInvalid imports.bad_file; kTooLarge imports.too_large (details.limit names the
// bound: entries, uncompressed_bytes, rows or columns, and details.max its value).
core::Result<Table> ReadXlsx(std::string_view bytes, const XlsxLimits& limits = {});

// Excel date serial ("45000") to "YYYY-MM-DD"; "" when the text is not a plausible serial.
std::string ExcelSerialToDate(const std::string& serial);

}  // namespace tongxin::io
