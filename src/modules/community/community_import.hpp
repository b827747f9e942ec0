// Importing a community's buildings, households and residents from XLSX or CSV, one row
// per resident (or per household when no resident is named): the address in one cell
// ("3栋2单元501", "3-2-501") or as building, entrance and room cells, an optional
// compound; the resident's name, phone, gender, age band (or age), the vulnerable flags
// (是/否, yes/no) and the household's notes; headers in Chinese or English. Compounds,
// buildings and entrances the community lacks are added to the unit tree. A resident
// already living in the household (same name, and same phone when the file gives one) is
// updated; one who lives elsewhere, or is named at two addresses of the file, makes the
// row invalid. A preview lists every invalid row and why and what the import will do;
// nothing is written until confirmed, then everything in one transaction or nothing.
// Community staff (editors) with the community in scope. Thread-safe; blocks on the database.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "auth/audit.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "io/import_preview.hpp"
#include "modules/community/community_service.hpp"

namespace tongxin::community {

// The field a header names ("楼栋" -> "building", "姓名" -> "name_zh"), or "".
std::string CommunityFieldForHeader(std::string_view header);
// "3", "3栋", "3号楼", "3幢" -> "3栋"; other names as written (trimmed).
std::string BuildingName(std::string_view text);
// "2", "2单元" -> "2单元"; other names as written.
std::string EntranceName(std::string_view text);
// "72" -> "60-79"; "80岁以上", "80+" -> "80+"; "60-79岁" -> "60-79"; else the text.
std::string AgeBandFrom(std::string_view text);

struct CommunityImportResult {
  std::int64_t units = 0, households = 0, residents = 0, changed = 0, unchanged = 0;
};

class CommunityImporter {
 public:
  explicit CommunityImporter(CommunityService& service) : service_(service) {}

  // community_id: the community (or compound) the file describes. Errors: auth.forbidden,
  // community_id validation.required / community.not_a_community (400),
  // auth.out_of_scope, imports.bad_file, imports.no_rows, imports.missing_column.
  core::Result<io::imports::Preview> Preview(const core::Principal& who, std::int64_t community_id,
                                             std::string_view bytes, const std::string& filename,
                                             const auth::Actor& actor);
  core::Result<io::imports::Preview> Get(const core::Principal& who, const std::string& id);
  // Errors: imports.not_found, imports.has_errors, imports.already_done (409), and any
  // error met while writing (then nothing is written; details.row names the row).
  core::Result<CommunityImportResult> Confirm(const core::Principal& who, const std::string& id,
                                              const auth::Actor& actor);

 private:
  CommunityService& service_;
};

}  // namespace tongxin::community
