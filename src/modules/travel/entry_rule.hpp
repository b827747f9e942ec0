// The entry-control register (入境管制措施): a country's measure (entry ban, visa
// suspension, quarantine of N days and where, test requirements, flight restrictions), the
// days it runs, its source and who entered it; its versions with what changed between
// them; the people it affects. Plain structs, request parsing, the diff, JSON.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"

namespace tongxin::travel {

inline constexpr std::string_view kMeasures[] = {"entry_ban",     "visa_suspension",    "quarantine",
                                                 "test_required", "flight_restriction", "other"};

struct EntryRule {
  std::int64_t id = 0;
  std::string country, measure, summary_zh, summary_en;
  std::int64_t quarantine_days = 0;
  std::string quarantine_place, effective_from, effective_to, source_authority, source_ref, source_url;
  std::int64_t version = 1;
  std::optional<std::int64_t> created_by;
  std::string created_by_name, created_at, updated_by_name, updated_at;
};
BOOST_DESCRIBE_STRUCT(EntryRule, (), (id, country, measure, summary_zh, summary_en, quarantine_days, quarantine_place,
                                      effective_from, effective_to, source_authority, source_ref, source_url, version,
                                      created_by, created_by_name, created_at, updated_by_name, updated_at))

struct EntryRuleVersion {
  std::int64_t id = 0;
  std::int64_t rule_id = 0;
  std::int64_t version = 0;
  std::string at;
  std::optional<std::int64_t> actor_id;
  std::string actor_name, data;  // data: the rule's fields as JSON (RuleFields)
};
BOOST_DESCRIBE_STRUCT(EntryRuleVersion, (), (id, rule_id, version, at, actor_id, actor_name, data))

// One field that changed from one version to the next.
struct FieldChange {
  std::string field, before, after;
};

// The fields a version keeps, as JSON (strings and numbers).
boost::json::object RuleFields(const EntryRule& r);
// What changed from `before` to `after` (RuleFields objects), in the order of the fields.
std::vector<FieldChange> Diff(const boost::json::object& before, const boost::json::object& after);

// "current" (in force today), "upcoming" or "ended".
std::string RuleState(const EntryRule& r, const std::string& today);

struct EntryRuleInput {
  std::optional<std::string> country, measure, summary_zh, summary_en, quarantine_place, effective_from, effective_to,
      source_authority, source_ref, source_url;
  std::optional<std::int64_t> quarantine_days;
};
// Errors (field errors): country validation.invalid_country, measure invalid choice,
// summary_zh entry_rules.summary_needed (neither language given), quarantine_days
// entry_rules.quarantine_days_needed (a quarantine without days), effective_to
// entry_rules.ends_before_start, source_url validation.invalid_url.
core::Result<EntryRuleInput> ParseEntryRuleInput(const boost::json::object& body, bool create);
// The rule after `in` (checks what needs the stored rule: days for a quarantine, the end
// against the start). Errors as ParseEntryRuleInput.
core::Result<EntryRule> ApplyInput(EntryRule r, const EntryRuleInput& in);

struct EntryRuleFilter {
  std::string country, measure, state, q;  // state: current, upcoming, ended
};

// Someone the rule affects: a person of the country's nationality, or a traveller with a
// trip there (planned, abroad, stranded, returning), and when they were told of it.
struct AffectedPerson {
  std::int64_t person_id = 0;
  std::string name_zh, name_latin, nationality, category, language, unit_name_zh, unit_name_en;
  std::vector<std::string> reasons;  // nationality, traveller
  std::optional<std::int64_t> trip_id;
  std::string trip_status;
  std::int64_t told_version = 0;  // 0 = never told
  std::string told_at;
};

// A page of the affected: counts over all of them in scope, matching the told filter.
struct AffectedPage {
  std::int64_t version = 0;  // the rule's, read in the same transaction
  std::int64_t total = 0, told = 0, matching = 0;
  std::vector<AffectedPerson> items;
};

struct NotifyInput {
  std::vector<std::string> reasons;  // empty = everyone affected
  bool again = false;                // also those told of this version already
};
core::Result<NotifyInput> ParseNotifyInput(const boost::json::object& body);

struct NotifyReport {
  std::int64_t told = 0, already_told = 0, unreachable = 0;
};

boost::json::object RuleToJson(const EntryRule& r, core::Lang lang, const std::string& today);
// The versions newest first, each with what changed from the one before.
boost::json::array VersionsToJson(const std::vector<EntryRuleVersion>& versions);
boost::json::object AffectedToJson(const AffectedPerson& a, core::Lang lang, std::int64_t current_version);

// The measure's name ("Quarantine", "隔离观察").
std::string MeasureLabel(std::string_view measure, core::Lang lang);

}  // namespace tongxin::travel
