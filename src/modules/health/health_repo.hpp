// SQL for report plans, the roster of expected reports, check-ins, history, inquiries,
// alerts and per-unit counters. Functions run on the caller's session and throw the
// driver's exception on failure.
#pragma once

#include <boost/describe/class.hpp>

#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/health/checkin.hpp"
#include "modules/health/plan.hpp"
#include "modules/health/recheck.hpp"

namespace tongxin::health {

// Types the service and the routes use as well as the repository.
struct RosterRow {
  std::string day;
  int slot = 0;
  std::int64_t person_id = 0;
  std::int64_t unit_id = 0;
  std::int64_t plan_id = 0;
  std::string slot_name;
  std::string starts_at, ends_at, late_until;  // ISO UTC
  std::string status = "missing";              // missing, reported, late
  std::optional<std::int64_t> checkin_id;
};
BOOST_DESCRIBE_STRUCT(RosterRow, (), (
    day, slot, person_id, unit_id, plan_id, slot_name, starts_at, ends_at, late_until, status, checkin_id))

struct DayTotals {
  std::string day;
  std::int64_t expected = 0, reported = 0, late = 0, alerts = 0;
};

struct MissingRow {
  std::int64_t person_id = 0;
  std::string name_zh, name_latin, phone, unit_name_zh, unit_name_en, category, status, starts_at, ends_at;
};
BOOST_DESCRIBE_STRUCT(MissingRow, (), (
    person_id, name_zh, name_latin, phone, unit_name_zh, unit_name_en, category, status, starts_at, ends_at))

struct AlertRow {
  std::int64_t id = 0, person_id = 0, checkin_id = 0;
  std::string day, kind, detail, status, recheck_due_at, created_at, name_zh, name_latin, unit_name_zh, unit_name_en;
  std::string escalation;  // why it was escalated: second_high, recheck_overdue, manual
  int slot = 0;
  int reading_tenths = 0;    // the reading that raised it, as it was then
  int corrected_tenths = 0;  // when its report was corrected afterwards: the corrected reading
  std::string corrected_at;
  std::vector<Recheck> rechecks;  // oldest first
};
BOOST_DESCRIBE_STRUCT(AlertRow, (), (
    id, person_id, checkin_id, day, kind, detail, status, recheck_due_at, created_at, name_zh, name_latin,
    unit_name_zh, unit_name_en, escalation, slot, reading_tenths, corrected_tenths, corrected_at))

}  // namespace tongxin::health

namespace tongxin::health::repo {
using health::RosterRow;
using health::DayTotals;
using health::MissingRow;
using health::AlertRow;

// Plans -------------------------------------------------------------------------------
std::int64_t InsertPlan(soci::session& sql, const ReportPlan& p);
void UpdatePlan(soci::session& sql, const ReportPlan& p);
// Fills person_ids and people (with names) of a plan from report_plan_people.
void LoadPlanPeople(soci::session& sql, ReportPlan& p);
void SetPlanPeople(soci::session& sql, std::int64_t plan_id, const std::vector<std::int64_t>& person_ids);
std::optional<ReportPlan> FindPlan(soci::session& sql, std::int64_t id);
std::vector<ReportPlan> ListPlans(soci::session& sql, bool include_people);

// Roster -----------------------------------------------------------------------------

struct RosterPerson {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_path;
  std::string category;
};
// Active people, or only those of `only` (when given) that are active.
std::vector<RosterPerson> ActivePeople(soci::session& sql, const std::vector<std::int64_t>* only = nullptr);

bool DayBuilt(soci::session& sql, const std::string& day);
// The earliest start date of an active plan ("" when there is none).
std::string EarliestPlanStart(soci::session& sql);
// Claims a day for building its roster; false when another builder (instance) has it.
bool MarkDayBuilt(soci::session& sql, const std::string& day, const std::string& now);
void InsertRoster(soci::session& sql, const std::vector<RosterRow>& rows);
// Keys "slot|person" already in the roster of a day.
std::vector<std::pair<int, std::int64_t>> RosterKeys(soci::session& sql, const std::string& day);
// The same for some people: their missing rows of the day deleted, and the keys left.
void DeleteMissingRosterOf(soci::session& sql, const std::string& day, const std::vector<std::int64_t>& people);
std::vector<std::pair<int, std::int64_t>> RosterKeysOf(soci::session& sql, const std::string& day,
                                                       const std::vector<std::int64_t>& people);
void DeleteMissingRoster(soci::session& sql, const std::string& day);
std::vector<RosterRow> RosterForPerson(soci::session& sql, std::int64_t person_id, const std::string& from_day,
                                       const std::string& to_day);
// The check-in's one read: the person's roster rows over days, and (when there are any)
// the path of the person's current unit for the scope check.
std::vector<RosterRow> RosterForCheckin(soci::session& sql, std::int64_t person_id, const std::string& from_day,
                                        const std::string& to_day, std::string& unit_path);
// Marks a missing roster row reported or late; false when it is not (or no longer) missing.
bool SetRosterStatus(soci::session& sql, const RosterRow& row, const std::string& status, std::int64_t checkin_id);
// Recomputes health_counts of a day from the roster and the alerts.
void RecountDay(soci::session& sql, const std::string& day);
void BumpCounts(soci::session& sql, const std::string& day, int slot, std::int64_t unit_id, int reported, int late,
                int alerts);

struct CountRow {
  int slot = 0;
  std::string slot_name;
  std::int64_t unit_id = 0;
  std::string unit_path;
  std::int64_t expected = 0, reported = 0, late = 0, alerts = 0;
};
std::vector<CountRow> CountsForDay(soci::session& sql, const std::string& day);

// Totals per day from..to over the units in scope (and under unit_path), built days only.
std::vector<DayTotals> CountsByDay(soci::session& sql, const core::Principal& who, const std::string& from,
                                   const std::string& to, const std::string& unit_path);

// Roster rows of a slot with the given status ("missing", "late", "reported") in scope
// and under unit_path (""), ordered by name: one page and the total.
core::Page<MissingRow> RosterList(soci::session& sql, const core::Principal& who, const std::string& day, int slot,
                                  const std::string& status, const std::string& unit_path,
                                  const core::PageRequest& page);

// Check-ins --------------------------------------------------------------------------
std::optional<Checkin> FindCheckin(soci::session& sql, const std::string& day, int slot, std::int64_t person_id);
std::int64_t InsertCheckin(soci::session& sql, const Checkin& c);
void UpdateCheckin(soci::session& sql, const Checkin& c);
void InsertHistory(soci::session& sql, std::int64_t checkin_id, int version, const std::string& data,
                   const std::string& at, std::optional<std::int64_t> by);
std::vector<Checkin> ListCheckins(soci::session& sql, std::int64_t person_id, const std::string& from_day,
                                  const std::string& to_day);

// People in scope whose self reports from..to might be automated (coarse SQL filter; the
// rules in suspicion.hpp decide). At most `limit`.
std::vector<std::int64_t> SuspicionCandidates(soci::session& sql, const core::Principal& who, const std::string& from,
                                              const std::string& to, const std::string& unit_path, int min_reports,
                                              int same_second_days, int limit);

// Inquiries and alerts ---------------------------------------------------------------
std::int64_t InsertInquiry(soci::session& sql, std::int64_t person_id, const std::string& channel,
                           const std::string& answer, std::optional<std::int64_t> by, const std::string& at);
bool AlertExists(soci::session& sql, std::int64_t checkin_id, const std::string& kind);
bool AnyAlertFor(soci::session& sql, std::int64_t checkin_id);
std::int64_t InsertAlert(soci::session& sql, std::int64_t person_id, std::int64_t checkin_id, const std::string& day,
                         int slot, const std::string& kind, const std::string& detail, int reading_tenths,
                         const std::string& recheck_due, const std::string& now);

// Open (or re-check pending) alerts of a kind for a person, raised by other reports.
std::vector<std::int64_t> OpenAlerts(soci::session& sql, std::int64_t person_id, const std::string& kind,
                                     std::int64_t except_checkin);
// Returns false when there is no such alert.
// escalation: why ("second_high", "recheck_overdue", "manual"), with status "escalated".
bool SetAlertStatus(soci::session& sql, std::int64_t id, const std::string& status, const std::string& now,
                    const std::string& escalation = "");
// An escalated alert escalated again for a new reason: staff are told again.
void Reescalate(soci::session& sql, std::int64_t id, const std::string& escalation, const std::string& now);
std::optional<std::int64_t> AlertPerson(soci::session& sql, std::int64_t id);

// statuses: any of these (none: every alert).
core::Page<AlertRow> ListAlerts(soci::session& sql, const core::Principal& who,
                                const std::vector<std::string>& statuses, const core::PageRequest& page);
// One alert (no scope check; the caller guards its person), without its re-checks.
std::optional<AlertRow> FindAlert(soci::session& sql, std::int64_t id);
// A person's alerts raised by reports of from..to, newest first, without re-checks.
std::vector<AlertRow> PersonAlerts(soci::session& sql, std::int64_t person_id, const std::string& from_day,
                                   const std::string& to_day);
// Alerts that still wait for the person's re-check: open, or escalated as overdue with no
// re-check yet, raised on or after `since_day`; oldest first.
std::vector<AlertRow> PendingRechecks(soci::session& sql, std::int64_t person_id, const std::string& since_day);
// The other alerts a re-check answers with the named one: open or escalated fever and
// red-flag alerts raised by the same report.
std::vector<AlertRow> AlertsOfCheckin(soci::session& sql, std::int64_t checkin_id);
// The report behind an alert was corrected: its new reading, beside the original.
void SetAlertCorrected(soci::session& sql, std::int64_t id, int tenths, const std::string& now);

// Re-checks --------------------------------------------------------------------------
std::int64_t InsertRecheck(soci::session& sql, const Recheck& r);
// The re-checks answering alerts of these reports (oldest first).
std::vector<Recheck> RechecksOf(soci::session& sql, const std::vector<std::int64_t>& checkin_ids);
// Fills each alert's rechecks.
void AttachRechecks(soci::session& sql, std::vector<AlertRow>& alerts);

// Retention: deletes at most `batch` rows (0: all) of one table's data of days before
// `before_day`; callers go children first (alerts and history point at reports) and
// repeat until nothing is deleted. Returns rows deleted.
enum class PurgeTable { kRechecks, kAlerts, kHistory, kCheckins, kInquiries, kRoster, kCounts, kDays };
long long PurgeBatch(soci::session& sql, PurgeTable table, const std::string& before_day, int batch);

// Exports. The slot names a day's roster uses, in slot order.
std::vector<std::string> SlotNames(soci::session& sql, const std::string& day);
// One roster entry of a day with the person and the report it got (if any); ordered by
// unit path, person and slot.
// alert_tenths: the reading a fever alert of the report kept (0: none); recheck_tenths:
// the latest re-check of the report's alerts (0: none).
struct DailyCell {
  std::int64_t person_id = 0, unit_id = 0;
  int slot = 0, temperature_tenths = 0, alert_tenths = 0, recheck_tenths = 0;
  std::string status, unit_zh, unit_en, name_zh, name_latin, nationality, symptoms, contact, location;
};
BOOST_DESCRIBE_STRUCT(DailyCell, (), (
    person_id, unit_id, slot, temperature_tenths, alert_tenths, recheck_tenths, status, unit_zh, unit_en, name_zh,
    name_latin, nationality, symptoms, contact, location))
void ForEachDailyCell(soci::session& sql, const core::Principal& who, const std::string& day,
                      const std::string& unit_path, const std::function<void(const DailyCell&)>& fn);
// One report of a day range with its person; ordered by day, unit path, person and slot.
struct HistoryLine {
  std::string day, slot_name, unit_zh, unit_en, name_zh, name_latin, id_number, method, symptoms, location,
      location_country, contact, channel, submitted_at;
  int temperature_tenths = 0, alert_tenths = 0, recheck_tenths = 0, version = 0;  // as DailyCell
  bool late = false;
};
BOOST_DESCRIBE_STRUCT(HistoryLine, (), (
    day, slot_name, unit_zh, unit_en, name_zh, name_latin, id_number, method, symptoms, location, location_country,
    contact, channel, submitted_at, temperature_tenths, alert_tenths, recheck_tenths, version, late))
void ForEachHistoryLine(soci::session& sql, const core::Principal& who, const std::string& from, const std::string& to,
                        const std::string& unit_path, const std::function<void(const HistoryLine&)>& fn);

// Every unit's path by id (a roster build resolves plan membership with it).
std::map<std::int64_t, std::string> UnitPaths(soci::session& sql);

}  // namespace tongxin::health::repo
