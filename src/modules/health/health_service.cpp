// Health monitoring rules.
#include "modules/health/health_service.hpp"

#include <boost/json.hpp>
#include <map>

#include "auth/auth_repo.hpp"
#include "auth/guard.hpp"
#include "modules/health/roster.hpp"
#include "modules/health/slot_time.hpp"
#include "modules/people/people_repo.hpp"

namespace tongxin::health {

HealthService::HealthService(storage::Database& db, const core::Clock& clock, HealthSettings settings)
    : db_(db), clock_(clock), settings_(std::move(settings)), writer_(db), readers_(db, 4) {}

std::string HealthService::Today() const { return LocalDay(clock_.Now(), settings_.time_zone); }

bool HealthService::BuildDay(soci::session& sql, const std::string& day) {
  if (!repo::MarkDayBuilt(sql, day, Now())) return false;
  repo::InsertRoster(sql, BuildRoster(sql, day, {}));
  repo::RecountDay(sql, day);
  return true;
}

core::Status HealthService::RefreshDay(soci::session& sql, const std::string& day) {
  if (!repo::DayBuilt(sql, day)) return {};  // built on first use with the new plans
  repo::DeleteMissingRoster(sql, day);
  repo::InsertRoster(sql, BuildRoster(sql, day, repo::RosterKeys(sql, day)));
  repo::RecountDay(sql, day);
  return {};
}

core::Status HealthService::RefreshPeople(soci::session& sql, const std::vector<std::int64_t>& person_ids) {
  if (person_ids.empty()) return {};
  const std::string today = Today();
  for (const auto& day : {today, AddDays(today, 1)}) {
    if (!repo::DayBuilt(sql, day)) continue;  // built on first use, with them
    repo::DeleteMissingRosterOf(sql, day, person_ids);
    repo::InsertRoster(sql, BuildRoster(sql, day, repo::RosterKeysOf(sql, day, person_ids), &person_ids));
    repo::RecountDay(sql, day);
  }
  return {};
}

core::Status HealthService::EnsureDay(const std::string& day) {
  {
    std::lock_guard lock(mu_);
    if (built_days_.count(day)) return {};
  }
  // Requests arriving while a day is being built wait for that build instead of racing it.
  std::lock_guard build(build_mu_);
  {
    std::lock_guard lock(mu_);
    if (built_days_.count(day)) return {};
  }
  auto built = db_.InTransaction([&](soci::session& sql) -> core::Status {
    BuildDay(sql, day);  // claimed with ON CONFLICT: a racing instance that claimed it builds it
    return {};
  });
  if (!built) return built;
  std::lock_guard lock(mu_);
  built_days_.insert(day);
  return {};
}

core::Status HealthService::CheckPersonInScope(soci::session& sql, const core::Principal& who,
                                               std::int64_t person_id) {
  TX_TRY(ref, auth::guard::Person(sql, who, person_id, "person_id"));
  return {};
}

bool HealthService::KnownBuilt(const std::string& day) {
  {
    std::lock_guard lock(mu_);
    if (built_days_.count(day)) return true;
  }
  auto built = db_.WithSession([&](soci::session& sql) -> core::Result<bool> { return repo::DayBuilt(sql, day); });
  if (!built || !*built) return false;
  std::lock_guard lock(mu_);
  built_days_.insert(day);
  return true;
}

core::Status HealthService::ReadDay(const std::string& day, const std::function<core::Status(soci::session&)>& fn) {
  if (KnownBuilt(day)) return db_.WithSession(fn);
  const std::string today = Today();
  if (day > AddDays(today, 1) || day < AddDays(today, -kComputedPastDays)) {
    return core::Conflict("health.no_roster", {{"day", day}});
  }
  return db_.InScratch([&](soci::session& sql) -> core::Status {
    if (!repo::DayBuilt(sql, day)) {
      const auto earliest = repo::EarliestPlanStart(sql);
      if (earliest.empty() || day < earliest) return core::Conflict("health.no_roster", {{"day", day}});
      BuildDay(sql, day);
    }
    return fn(sql);
  });
}

core::Result<std::string> HealthService::UnitPathInScope(soci::session& sql, const core::Principal& who,
                                                         std::int64_t unit_id) {
  if (unit_id <= 0) return std::string();
  TX_TRY(unit, auth::guard::Unit(sql, who, unit_id, "unit_id"));
  return unit->path;
}


}  // namespace tongxin::health
