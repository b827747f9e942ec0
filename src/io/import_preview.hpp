// What every import shares: the uploaded file read as a table (XLSX or CSV), header
// matching, and the preview — each invalid row and why, the valid rows normalised — kept
// in the imports table until the user confirms it, then written all or nothing by the
// module. People and partners import through it.
#pragma once

#include <boost/json/object.hpp>

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "io/imports_repo.hpp"  // Claim: pending -> done at confirmation
#include "io/table.hpp"

namespace tongxin::io::imports {

inline constexpr std::size_t kMaxRows = 50000;
inline constexpr std::size_t kMaxBytes = 20 * 1024 * 1024;

struct Issue {
  int row = 0;  // as numbered in the file (header is row 1)
  std::string field;
  std::string code;
  std::map<std::string, std::string> args;
};

struct Preview {
  std::string id;
  std::string filename;
  std::string status;  // pending, done
  int total = 0;
  int valid = 0;
  std::vector<Issue> issues;
  std::vector<boost::json::object> rows;  // normalised objects of the valid rows
  std::vector<int> row_numbers;           // file row of each entry in rows
  boost::json::object summary;            // the module's counts ("new partners": 3)
};

// The uploaded bytes as a table: XLSX by its zip signature, else CSV. Errors:
// imports.bad_file, imports.no_rows, request.too_large (more than kMaxRows rows).
core::Result<Table> ReadUpload(std::string_view bytes);
// A header cell lower-cased without spaces, _, - and * ("Passport No." -> "passportno.").
std::string HeaderKey(std::string_view header);
// True when every cell is blank.
bool BlankRow(const Row& row);

// The spellings a column may have in a file: a field and its header names.
struct HeaderAlias {
  const char* field;
  std::vector<const char*> names;  // compared as HeaderKey
};
// The field a header names by `aliases`, or "".
std::string FieldForHeader(std::string_view header, const std::vector<HeaderAlias>& aliases);

// A preview that may be carried out: still pending, with no invalid row. Errors (409):
// imports.already_done, imports.has_errors (details.invalid: how many rows).
core::Status Confirmable(const Preview& p);

// Stores the preview as pending under a fresh id (set in p), for user_id and kind.
void Save(soci::session& sql, Preview& p, std::int64_t user_id, const std::string& kind, const std::string& now);
// The user's preview of this kind. Errors: imports.not_found.
core::Result<Preview> Load(soci::session& sql, const std::string& id, std::int64_t user_id, const std::string& kind);

// The preview for the web: counts, at most max_issues issues with their messages in
// `lang`, the first 20 valid rows, and the module's summary.
boost::json::object PreviewToJson(const Preview& p, core::Lang lang, std::size_t max_issues = 1000);

}  // namespace tongxin::io::imports
