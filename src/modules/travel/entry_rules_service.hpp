// Entry-control rules. Everyone signed in reads the register (foreign staff look up the
// rules of the country they are going to); office staff and admins keep it — the register
// is the whole office's, not a unit's. Every change is a new version. Who a rule affects
// is computed within the caller's scope (a read of people: audited). "Notify affected"
// tells each of them in their language, once per version, and records who was told and
// when. A new rule or a changed one alerts the office staff covering each traveller with a
// trip to that country that is planned or not over. Thread-safe; blocks on the database.
#pragma once

#include <string>
#include <vector>

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/health/health_service.hpp"
#include "modules/notify/notify_service.hpp"
#include "modules/travel/entry_rule.hpp"
#include "storage/database.hpp"

namespace tongxin::travel {

struct RuleDetail {
  EntryRule rule;
  std::vector<EntryRuleVersion> versions;  // oldest first
  std::int64_t travellers_alerted = 0;     // by this write
};

class EntryRulesService {
 public:
  EntryRulesService(storage::Database& db, const core::Clock& clock, health::HealthService& health,
                    notify::NotifyService& notify);

  std::string Today() const { return health_.Today(); }
  storage::Database& db() { return db_; }
  std::string Now() const { return core::FormatIso(clock_.Now()); }

  core::Result<core::Page<EntryRule>> List(const EntryRuleFilter& f, const core::PageRequest& page);
  core::Result<std::vector<EntryRule>> Export(const EntryRuleFilter& f, const auth::Actor& actor);
  // Errors: entry_rules.not_found.
  core::Result<RuleDetail> Get(std::int64_t id);
  // Errors: auth.forbidden (not office or admin), field errors.
  core::Result<RuleDetail> Create(const core::Principal& who, const EntryRuleInput& in, const auth::Actor& actor);
  // A change makes a new version (none when nothing changed). Errors: entry_rules.not_found.
  core::Result<RuleDetail> Update(const core::Principal& who, std::int64_t id, const EntryRuleInput& in,
                                  const auth::Actor& actor);
  // On the caller's transaction (the import): create or change, with version and alerts.
  core::Result<RuleDetail> CreateOn(soci::session& sql, const EntryRuleInput& in, const auth::Actor& actor);
  core::Result<RuleDetail> UpdateOn(soci::session& sql, const EntryRule& before, const EntryRuleInput& in,
                                    const auth::Actor& actor);

  // Staff only; audited as a read of people.
  core::Result<AffectedPage> Affected(const core::Principal& who, std::int64_t id, std::optional<bool> told,
                                      const core::PageRequest& page, const auth::Actor& actor);
  // Everyone affected in scope (told filter as above) for an export, with the rule's version;
  // audited as an export of people.
  core::Result<AffectedPage> AffectedAll(const core::Principal& who, std::int64_t id, std::optional<bool> told,
                                         const auth::Actor& actor);
  core::Result<NotifyReport> NotifyAffected(const core::Principal& who, std::int64_t id, const NotifyInput& in,
                                            const auth::Actor& actor);

 private:
  // Alerts the office staff covering each traveller to the rule's country, once per version.
  std::int64_t AlertTravellers(soci::session& sql, const EntryRule& r, const std::vector<FieldChange>& changes);
  core::Status CheckKeeper(const core::Principal& who) const;

  storage::Database& db_;
  const core::Clock& clock_;
  health::HealthService& health_;
  notify::NotifyService& notify_;
};

}  // namespace tongxin::travel
