// Spreadsheet downloads.
#include "http/spreadsheet.hpp"

#include <memory>

#include "io/csv.hpp"
#include "io/xlsx.hpp"

namespace tongxin::http {

core::Result<Response> SpreadsheetResponse(const Request& req, const std::string& base_name,
                                           const ProduceRows& produce) {
  const std::string format = req.Query("format", "xlsx");
  if (format != "xlsx" && format != "csv") {
    return core::FieldInvalid("format", "validation.invalid_choice", {{"choices", "xlsx, csv"}});
  }
  std::unique_ptr<io::XlsxWriter> xlsx;
  std::unique_ptr<io::CsvWriter> csv;
  core::Status opened;
  auto begin = [&](const SheetShape& shape) {
    if (format == "csv") {
      csv = std::make_unique<io::CsvWriter>(shape.headers);
      return;
    }
    auto w = io::XlsxWriter::Create();
    if (!w) {
      opened = w.error();
      return;
    }
    xlsx = std::move(w.value());
    xlsx->AddSheet(shape.sheet_name, shape.headers, shape.widths);
  };
  auto add = [&](const std::vector<io::Cell>& row) {
    if (xlsx) xlsx->AddRow(row);
    if (csv) csv->AddRow(row);
  };
  TX_TRY(n, produce(begin, add));
  if (!opened) return opened.error();
  if (csv) return FileResponse(csv->Take(), "text/csv; charset=utf-8", base_name + ".csv");
  if (!xlsx) return core::Internal("spreadsheet producer never began a sheet");
  TX_TRY(bytes, xlsx->Finish());
  return FileResponse(std::move(bytes.value()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      base_name + ".xlsx");
}

core::Status CheckSpreadsheetUpload(const Request& req) {
  const std::string ct = req.Header("content-type");
  const bool known = ct.rfind("text/csv", 0) == 0 || ct.rfind("application/vnd.openxmlformats", 0) == 0 ||
                     ct.rfind("application/octet-stream", 0) == 0;
  if (known) return {};
  return core::MakeError(core::Errc::kUnsupportedMedia, "request.unsupported_media_type",
                         {{"content_type", ct},
                          {"expected", "text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}});
}

}  // namespace tongxin::http
