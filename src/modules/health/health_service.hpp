// Health monitoring rules: plans, the daily roster, self and on-behalf check-ins with
// corrections, late reports and refusals, alerts, inquiries, today's counts and the
// missing list. Thread-safe; blocks on the database.
#pragma once

#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/health/checkin.hpp"
#include "modules/health/health_export.hpp"
#include "modules/health/health_repo.hpp"
#include "modules/health/plan.hpp"
#include "modules/health/suspicion.hpp"
#include "storage/database.hpp"
#include "storage/group_writer.hpp"
#include "storage/hot_readers.hpp"

namespace tongxin::health {

// How far back a day that was never opened is computed for a read (older ones are refused).
inline constexpr int kComputedPastDays = 62;

struct HealthSettings {
  std::string time_zone = "Asia/Shanghai";  // what "today" means for dashboards
  AlertRule alerts;
  int recheck_hours = 4;  // a raised alert asks for a re-check within this time
};

struct CheckinResult {
  Checkin checkin;
  bool corrected = false;          // an earlier report for the slot was replaced
  std::vector<std::string> alerts;  // kinds raised by this report
  int escalated = 0;                // earlier fever alerts escalated by a second high reading
  int rechecked = 0;                // earlier fever alerts answered by a normal reading
  std::vector<std::int64_t> corrected_alerts;  // fever alerts whose reading this correction changed
};

struct RecheckResult {
  Recheck recheck;
  std::string status;      // the alert's status after it
  std::string escalation;  // when escalated
  std::vector<std::int64_t> answered;  // every alert it answered (the named one first)
};

// A person's health over days: their reports, the alerts these raised (with the reading
// that raised each, a later correction beside it, and their re-checks).
struct PersonHistory {
  std::vector<Checkin> checkins;
  std::vector<AlertRow> alerts;
};

struct SlotStatus {
  RosterRow row;
  std::string state;  // upcoming, open, late_open, closed
};

// The caller's own slots around now and the re-checks they are asked for.
struct MyDay {
  std::vector<SlotStatus> slots;
  std::vector<AlertRow> rechecks_due;
};

struct TodaySlot {
  int slot = 0;
  std::string slot_name;
  std::int64_t expected = 0, reported = 0, missing = 0, late = 0, alerts = 0;
  struct UnitLine {
    std::int64_t unit_id = 0;
    std::int64_t expected = 0, reported = 0, missing = 0, late = 0, alerts = 0;
  };
  std::vector<UnitLine> units;  // per child unit of the view's root
};

class HealthService {
 public:
  HealthService(storage::Database& db, const core::Clock& clock, HealthSettings settings);

  const HealthSettings& settings() const { return settings_; }
  std::string Today() const;

  // The plans the caller's units have to do with (see plans_service.cpp); a people plan
  // lists only the people in the caller's scope.
  core::Result<std::vector<ReportPlan>> ListPlans(const core::Principal& who);
  // The plan's unit and every listed person must be in the caller's scope; a category
  // plan names a unit unless the caller sees every unit. Rebuilds today's and tomorrow's
  // roster. Errors: field errors, units.not_found / people.not_found (400),
  // health.plan_needs_unit, auth.out_of_scope.
  core::Result<ReportPlan> CreatePlan(const core::Principal& who, const PlanInput& in, const auth::Actor& actor);
  // The same in the caller's transaction without a scope check (an incident adding a
  // close contact, already checked by the incident's guard).
  core::Result<ReportPlan> CreatePlanIn(soci::session& sql, const PlanInput& in, const auth::Actor& actor);
  // The plan as it is and as it becomes must both be in scope. Errors: as CreatePlan,
  // health.plan_not_found.
  core::Result<ReportPlan> UpdatePlan(const core::Principal& who, std::int64_t id, const PlanInput& in,
                                      const auth::Actor& actor);
  // The same in the caller's transaction without a scope check (ending a removed close
  // contact's observation).
  core::Result<ReportPlan> UpdatePlanIn(soci::session& sql, std::int64_t id, const PlanInput& in,
                                        const auth::Actor& actor);

  // Builds the roster of a day once (safe when several instances race).
  core::Status EnsureDay(const std::string& day);
  // People were added, changed (unit, category) or archived/restored: their expected
  // reports of today and tomorrow follow, in the caller's transaction.
  core::Status RefreshPeople(soci::session& sql, const std::vector<std::int64_t>& person_ids);

  // The caller's own slots around now (yesterday to tomorrow) and the re-checks they owe.
  core::Result<MyDay> MySlots(const core::Principal& who);
  // Self report (person_id from the caller) or on behalf (staff, person in scope). Goes
  // through the group writer: answered only after its commit.
  // Errors: health.no_person, health.no_plan, health.outside_slot (details.next_slot),
  // auth.out_of_scope, field errors.
  core::Result<CheckinResult> RecordCheckin(const core::Principal& who, const CheckinInput& in,
                                            const auth::Actor& actor);
  // A re-check answering an alert (and the other fever and red-flag alerts of the same
  // report): by the person themself (channel self), or by an editor in scope on their
  // behalf (channel phone, wechat, email or in_person). Any time while the alert is open
  // or escalated; after its deadline it is late. Audited.
  // Errors: health.alert_not_found, auth.out_of_scope, auth.forbidden,
  // health.alert_settled (409: rechecked or closed), health.not_recheckable (409: a
  // contact alert), validation errors on channel.
  core::Result<RecheckResult> RecordRecheck(const core::Principal& who, std::int64_t alert_id, const Reading& in,
                                            const auth::Actor& actor);
  core::Result<std::int64_t> RecordInquiry(const core::Principal& who, std::int64_t person_id,
                                           const std::string& channel, const std::string& answer,
                                           const auth::Actor& actor);
  // A person's reports over days (foreign staff: only their own). Audited for staff.
  core::Result<PersonHistory> History(const core::Principal& who, std::int64_t person_id,
                                             const std::string& from, const std::string& to,
                                             const auth::Actor& actor);

  core::Result<std::vector<TodaySlot>> TodayCounts(const core::Principal& who, const std::string& day,
                                                   std::int64_t unit_id);
  core::Result<std::vector<DayTotals>> Trend(const core::Principal& who, const std::string& from,
                                                   const std::string& to, std::int64_t unit_id);
  core::Result<core::Page<MissingRow>> RosterList(const core::Principal& who, const std::string& day, int slot,
                                                        const std::string& status, std::int64_t unit_id,
                                                        const core::PageRequest& page);
  // Suspicious-reporting hints over the last `days` days: for one person (audited read),
  // and for everyone in scope (under unit_id) who has any.
  core::Result<std::vector<SuspicionFlag>> PersonFlags(const core::Principal& who, std::int64_t person_id, int days,
                                                       const auth::Actor& actor);
  struct FlaggedPerson {
    std::int64_t person_id = 0;
    std::string name_zh, name_latin, unit_name_zh, unit_name_en;
    std::vector<SuspicionFlag> flags;
  };
  core::Result<std::vector<FlaggedPerson>> FlaggedPeople(const core::Principal& who, std::int64_t unit_id, int days);
  // Exports stream rows: begin(shape) once, then sink(row) per row. Audited. Errors:
  // units.not_found, auth.out_of_scope.
  using ShapeSink = std::function<void(const ExportShape&)>;
  core::Result<std::int64_t> ExportDaily(const core::Principal& who, const std::string& day, std::int64_t unit_id,
                                         core::Lang lang, const ShapeSink& begin, const RowSink& sink,
                                         const auth::Actor& actor);
  core::Result<std::int64_t> ExportHistory(const core::Principal& who, const std::string& from, const std::string& to,
                                           std::int64_t unit_id, core::Lang lang, const ShapeSink& begin,
                                           const RowSink& sink, const auth::Actor& actor);
  // Staff set an alert's status (open, rechecked, escalated, closed), audited.
  // Errors: health.alert_not_found, auth.out_of_scope.
  core::Status SetAlertStatus(const core::Principal& who, std::int64_t alert_id, const std::string& status,
                              const auth::Actor& actor);
  core::Result<core::Page<AlertRow>> Alerts(const core::Principal& who, const std::vector<std::string>& statuses,
                                                  const core::PageRequest& page);

 private:
  core::Status RefreshDay(soci::session& sql, const std::string& day);
  // Claims and builds a day's roster and counters in the caller's transaction (a stored
  // build, or a computed one inside InScratch). False when the day was built already.
  bool BuildDay(soci::session& sql, const std::string& day);
  // Runs a read of a day's roster and counters without writing anything: on the stored
  // roster when the day has one; else on one computed in a rolled-back transaction, for
  // days from the earliest plan's start within [today - kComputedPastDays, today + 1].
  // Errors: health.no_roster (409) for other days, and fn's own.
  core::Status ReadDay(const std::string& day, const std::function<core::Status(soci::session&)>& fn);
  bool KnownBuilt(const std::string& day);
  core::Result<std::vector<TodaySlot>> TodayCountsIn(soci::session& sql, const core::Principal& who,
                                                     const std::string& day, std::int64_t unit_id);
  core::Status CheckPersonInScope(soci::session& sql, const core::Principal& who, std::int64_t person_id);
  core::Result<std::string> UnitPathInScope(soci::session& sql, const core::Principal& who, std::int64_t unit_id);
  core::Status CheckPlanRefs(soci::session& sql, const ReportPlan& p);
  core::Status CheckPlanScope(soci::session& sql, const core::Principal& who, const ReportPlan& p);
  core::Status RefreshSoon(soci::session& sql);  // today's and tomorrow's rosters after a plan change
  std::string Now() const { return core::FormatIso(clock_.Now()); }

  storage::Database& db_;
  const core::Clock& clock_;
  HealthSettings settings_;
  std::mutex mu_;
  std::set<std::string> built_days_;  // days known to have a roster (cache)
  std::mutex build_mu_;               // one roster build at a time in this process
  storage::GroupWriter writer_;       // check-ins commit in groups (the hot write path)
  storage::HotReaders readers_;       // and read the roster on connections with prepared statements
};

}  // namespace tongxin::health
