// Importing people from CSV or XLSX: a preview that lists every invalid row and why,
// nothing written until confirmed, then all rows in one transaction or none.
// Chinese and English column headers are both accepted. Thread-safe; blocks on the database.
#pragma once

#include <boost/json/object.hpp>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "auth/audit.hpp"
#include "core/i18n.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "io/import_preview.hpp"
#include "io/table.hpp"
#include "modules/people/people_service.hpp"

namespace tongxin::people {

inline constexpr std::size_t kMaxImportRows = io::imports::kMaxRows;
inline constexpr std::size_t kMaxImportBytes = io::imports::kMaxBytes;

using ImportIssue = io::imports::Issue;
using ImportPreview = io::imports::Preview;

// The field a header names ("证件号码", "Passport number" -> "id_number"), or "".
std::string FieldForHeader(std::string_view header);

// Validates a table (first row = headers) without touching the database beyond lookups
// of units and existing ID numbers (done by the importer).
ImportPreview ValidateTable(const io::Table& table, const std::map<std::string, std::int64_t>& units_by_key,
                            std::int64_t default_unit_id);

class PeopleImporter {
 public:
  explicit PeopleImporter(PeopleService& people) : people_(people) {}

  // Errors: imports.bad_file, imports.no_rows, imports.missing_column (kInvalid),
  // request.too_large (more than kMaxImportRows rows).
  core::Result<ImportPreview> Preview(const core::Principal& who, std::string_view bytes,
                                      const std::string& filename, std::int64_t default_unit_id,
                                      const auth::Actor& actor);
  core::Result<ImportPreview> Get(const core::Principal& who, const std::string& id);
  // Errors: imports.not_found, imports.has_errors, imports.already_done (409), and any
  // conflict found while writing (then nothing is written).
  core::Result<int> Confirm(const core::Principal& who, const std::string& id, const auth::Actor& actor);

 private:
  PeopleService& people_;
};

using io::imports::PreviewToJson;

}  // namespace tongxin::people
