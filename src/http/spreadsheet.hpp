// A list streamed into an XLSX or CSV download, chosen by ?format= (default xlsx).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "http/message.hpp"
#include "io/table.hpp"

namespace tongxin::http {

using io::SheetShape;
using BeginSheet = std::function<void(const SheetShape&)>;
using AddRow = std::function<void(const std::vector<io::Cell>&)>;
// produce calls begin once, then add per row, and returns the number of rows or an error.
using ProduceRows = std::function<core::Result<std::int64_t>(const BeginSheet&, const AddRow&)>;

// Errors: format not xlsx/csv (kInvalid naming "format"), produce's errors, writer errors.
core::Result<Response> SpreadsheetResponse(const Request& req, const std::string& base_name,
                                           const ProduceRows& produce);

// An uploaded spreadsheet's Content-Type is CSV, XLSX or octet-stream. Errors:
// request.unsupported_media_type (415).
core::Status CheckSpreadsheetUpload(const Request& req);

}  // namespace tongxin::http
