// Importing partners and their contacts from XLSX or CSV (the export's layout, headers in
// Chinese or English): one row per contact, rows naming the same partner (by English name
// in any case, or Chinese name) are one partner. A preview lists every invalid row and
// why, and what the import will do (new partners, contacts added to partners that exist,
// contacts already there, skipped); nothing is written until confirmed, then everything in
// one transaction or nothing. A partner that exists must be kept by a unit in the caller's
// scope. Thread-safe; blocks on the database.
#pragma once

#include <string>
#include <string_view>

#include "auth/audit.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "io/import_preview.hpp"
#include "modules/partners/partners_service.hpp"

namespace tongxin::partners {

// The field a header names ("英文名称", "English name" -> "name_en"; "邮箱" -> "contact.email"), or "".
std::string PartnerFieldForHeader(std::string_view header);

struct ImportResult {
  std::int64_t partners_created = 0, contacts_added = 0, contacts_skipped = 0;
};

class PartnersImporter {
 public:
  explicit PartnersImporter(PartnersService& partners) : partners_(partners) {}

  // unit_id: the keeping unit of rows without a unit column. Errors: imports.bad_file,
  // imports.no_rows, imports.missing_column, request.too_large, unit_id (not found, out of scope).
  core::Result<io::imports::Preview> Preview(const core::Principal& who, std::string_view bytes,
                                             const std::string& filename, std::int64_t unit_id,
                                             const auth::Actor& actor);
  core::Result<io::imports::Preview> Get(const core::Principal& who, const std::string& id);
  // Errors: imports.not_found, imports.has_errors, imports.already_done (409), and any error
  // met while writing (then nothing is written; details.row names the row).
  core::Result<ImportResult> Confirm(const core::Principal& who, const std::string& id, const auth::Actor& actor);

 private:
  PartnersService& partners_;
};

}  // namespace tongxin::partners
