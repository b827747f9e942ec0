// Importing entry rules from CSV or XLSX in the export's COBAP-like layout (country,
// policy_type, start_date, end_date, summary_en, summary_zh, quarantine_days,
// quarantine_place, source, source_ref, source_url; headers in English or Chinese, COBAP's
// own names accepted). A rule is known by its country, measure and start date: a row
// naming a rule that exists changes it (a new version when anything differs), any other
// row enters a new rule. A preview lists every invalid row and why and what the import
// will do; nothing is written until confirmed, then everything in one transaction or
// nothing, with the versions and traveller alerts a form edit makes. Office staff and
// admins only. Thread-safe; blocks on the database.
#pragma once

#include <string>
#include <string_view>

#include "auth/audit.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "io/import_preview.hpp"
#include "modules/travel/entry_rules_service.hpp"

namespace tongxin::travel {

// The field a header names ("policy_type", "措施类型" -> "measure"; "start_date" ->
// "effective_from"), or "".
std::string RuleFieldForHeader(std::string_view header);
// A policy type as written ("Entry ban", "入境隔离", "quarantine") -> a measure code, or
// the text lower-cased when it is none (then the preview names it invalid).
std::string MeasureFromText(std::string_view text);

struct RuleImportResult {
  std::int64_t created = 0, changed = 0, unchanged = 0, travellers_alerted = 0;
};

class EntryRulesImporter {
 public:
  explicit EntryRulesImporter(EntryRulesService& rules) : rules_(rules) {}

  // Errors: auth.forbidden, imports.bad_file, imports.no_rows, imports.missing_column,
  // request.too_large.
  core::Result<io::imports::Preview> Preview(const core::Principal& who, std::string_view bytes,
                                             const std::string& filename, const auth::Actor& actor);
  core::Result<io::imports::Preview> Get(const core::Principal& who, const std::string& id);
  // Errors: imports.not_found, imports.has_errors, imports.already_done (409), and any error
  // met while writing (then nothing is written; details.row names the row).
  core::Result<RuleImportResult> Confirm(const core::Principal& who, const std::string& id,
                                         const auth::Actor& actor);

 private:
  EntryRulesService& rules_;
};

}  // namespace tongxin::travel
