// Entry-control rules storage: the rules, their versions, who was told, and the people a
// country's rules affect. SQL only; runs on the caller's session.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/travel/entry_rule.hpp"

namespace tongxin::travel::repo {

// By country, newest start first.
core::Page<EntryRule> ListRules(soci::session& sql, const EntryRuleFilter& f, const std::string& today,
                                const core::PageRequest& page);
std::vector<EntryRule> AllRules(soci::session& sql, const EntryRuleFilter& f, const std::string& today);
std::optional<EntryRule> FindRule(soci::session& sql, std::int64_t id);
// The rule of that country and measure starting that day (the import's identity).
std::optional<EntryRule> FindRuleByKey(soci::session& sql, const std::string& country, const std::string& measure,
                                       const std::string& effective_from);
std::int64_t InsertRule(soci::session& sql, const EntryRule& r);
void UpdateRule(soci::session& sql, const EntryRule& r);
void AddVersion(soci::session& sql, const EntryRuleVersion& v);
std::vector<EntryRuleVersion> Versions(soci::session& sql, std::int64_t rule_id);

// People in the caller's scope the rule's country concerns: of that nationality (active),
// or with a trip there that is planned or not over (a trip's countries or where the
// traveller is now), with the newest version each was told of. By name.
std::vector<AffectedPerson> Affected(soci::session& sql, const core::Principal& who, const EntryRule& r);
// The same a page at a time, counted in SQL; told filters on being told of the current version.
AffectedPage AffectedPaged(soci::session& sql, const core::Principal& who, const EntryRule& r,
                           std::optional<bool> told, const core::PageRequest& page);
void AddNotice(soci::session& sql, std::int64_t rule_id, std::int64_t version, std::int64_t person_id,
               const std::string& reason, const std::string& lang, const std::string& channels, const std::string& at,
               std::optional<std::int64_t> actor_id, const std::string& actor_name);

}  // namespace tongxin::travel::repo
