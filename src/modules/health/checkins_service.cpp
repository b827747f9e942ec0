// Check-ins: the caller's slots, self and on-behalf reports through the group writer, history.
#include "modules/health/health_service.hpp"

#include <boost/json.hpp>
#include <map>

#include "auth/auth_repo.hpp"
#include "auth/guard.hpp"
#include "modules/health/roster.hpp"
#include "modules/health/slot_time.hpp"
#include "modules/people/people_repo.hpp"

namespace tongxin::health {

core::Result<MyDay> HealthService::MySlots(const core::Principal& who) {
  if (!who.person_id) return core::MakeError(core::Errc::kNotFound, "health.no_person");
  const std::string today = Today();
  const std::string now = Now();
  auto read = [&](soci::session& sql) -> core::Result<MyDay> {
    MyDay out;
    for (auto& row : repo::RosterForPerson(sql, *who.person_id, AddDays(today, -1), AddDays(today, 1))) {
      std::string state = now < row.starts_at ? "upcoming" : now < row.ends_at ? "open"
                          : now < row.late_until                              ? "late_open"
                                                                              : "closed";
      out.slots.push_back({std::move(row), state});
    }
    // One re-check answers every alert of a report: one request per report.
    for (auto& a : repo::PendingRechecks(sql, *who.person_id, AddDays(today, -2))) {
      if (out.rechecks_due.empty() || out.rechecks_due.back().checkin_id != a.checkin_id) {
        out.rechecks_due.push_back(std::move(a));
      }
    }
    return out;
  };
  const std::vector<std::string> days{AddDays(today, -1), today, AddDays(today, 1)};
  bool built = true;
  for (const auto& d : days) built = built && KnownBuilt(d);
  if (built) return db_.WithSession(read);
  // A day not opened yet (before the scheduler's pass): computed, not stored.
  return db_.InScratch([&](soci::session& sql) -> core::Result<MyDay> {
    for (const auto& d : days) BuildDay(sql, d);  // only days not built yet
    return read(sql);
  });
}

core::Result<CheckinResult> HealthService::RecordCheckin(const core::Principal& who, const CheckinInput& in,
                                                         const auth::Actor& actor) {
  const bool on_behalf = in.person_id.has_value();
  const std::int64_t person_id = on_behalf ? *in.person_id : who.person_id.value_or(0);
  if (person_id == 0) return core::MakeError(core::Errc::kInvalid, "health.no_person");
  const std::string today = Today();
  for (const auto& d : {AddDays(today, -1), today, AddDays(today, 1)}) {
    TX_CHECK(EnsureDay(d));
  }
  const core::TimePoint now_tp = clock_.Now();
  const std::string now = core::FormatIso(now_tp);
  // Reads first, on a reader connection with the statement prepared, in parallel with other requests:
  // the person's scope and their slots around now. The writer then does only the writes
  // (and the one read that must see them: whether the slot already has a report).
  auto rows = readers_.With([&](soci::session& sql) -> core::Result<std::vector<RosterRow>> {
    std::string unit_path;
    auto list = repo::RosterForCheckin(sql, person_id, AddDays(today, -1), AddDays(today, 1), unit_path);
    if (on_behalf) {
      if (list.empty()) {
        // No slots: the full check tells "no such person" from "not yours" from "no plan".
        TX_CHECK(CheckPersonInScope(sql, who, person_id));
      } else if (!(who.person_id && *who.person_id == person_id) &&
                 (who.role == core::Role::kForeignStaff || !who.InScope(unit_path))) {
        return core::Forbidden("auth.out_of_scope");
      }
    }
    return list;
  });
  if (!rows) return rows.error();
  if (rows->empty()) return core::MakeError(core::Errc::kConflict, "health.no_plan");
  const RosterRow* slot = nullptr;
  bool late = false;
  for (const auto& r : *rows) {
    if (r.starts_at <= now && now < r.ends_at) {
      slot = &r;
      late = false;
      break;
    }
    if (r.ends_at <= now && now < r.late_until) {
      slot = &r;
      late = true;
    }
  }
  if (!slot) {
    std::string next;
    for (const auto& r : *rows) {
      if (r.starts_at > now && (next.empty() || r.starts_at < next)) next = r.starts_at;
    }
    core::Error e = core::MakeError(core::Errc::kConflict, "health.outside_slot", {{"next_slot", next}});
    e.details["next_slot_local"] = next.empty() ? "-" : LocalText(*core::ParseIso(next), settings_.time_zone);
    return e;
  }
  return writer_.Run<CheckinResult>([&](soci::session& sql) -> core::Result<CheckinResult> {
    CheckinResult result;
    Checkin c;
    auto existing = repo::FindCheckin(sql, slot->day, slot->slot, person_id);
    if (existing) c = *existing;
    c.person_id = person_id;
    c.day = slot->day;
    c.slot = slot->slot;
    c.slot_name = slot->slot_name;
    static_cast<Reading&>(c) = in;
    c.recorded_by = on_behalf ? std::optional<std::int64_t>(who.user_id) : std::nullopt;
    c.updated_at = now;
    const bool had_alert = existing && repo::AnyAlertFor(sql, existing->id);
    if (existing) {
      // A correction: the earlier version goes to the history.
      repo::InsertHistory(sql, existing->id, existing->version, boost::json::serialize(CheckinToJson(*existing)), now,
                          who.user_id ? std::optional<std::int64_t>(who.user_id) : std::nullopt);
      c.version = existing->version + 1;
      repo::UpdateCheckin(sql, c);
      result.corrected = true;
    } else {
      c.late = late;
      c.submitted_at = now;
      c.id = repo::InsertCheckin(sql, c);
      // Counted only if the roster row is still there (a plan change may have rebuilt it).
      if (repo::SetRosterStatus(sql, *slot, late ? "late" : "reported", c.id)) {
        repo::BumpCounts(sql, slot->day, slot->slot, slot->unit_id, 1, late ? 1 : 0, 0);
      }
    }
    if (existing && had_alert && existing->temperature_tenths != c.temperature_tenths) {
      // The alert keeps the reading that raised it; the correction is shown beside it.
      for (const auto& a : repo::AlertsOfCheckin(sql, c.id)) {
        if (a.kind != "fever") continue;
        repo::SetAlertCorrected(sql, a.id, c.temperature_tenths, now);
        auth::RecordAudit(sql, actor, now, "update", "alert", std::to_string(a.id),
                          boost::json::serialize(boost::json::object{{"temperature", a.reading_tenths / 10.0}}),
                          boost::json::serialize(boost::json::object{{"temperature", c.Temperature()}}));
        result.corrected_alerts.push_back(a.id);
      }
    }
    // A later slot's report answers earlier open fever alerts too, either way.
    const bool hot = in.temperature_tenths >= settings_.alerts.fever_tenths;
    for (auto id : repo::OpenAlerts(sql, person_id, "fever", c.id)) {
      repo::SetAlertStatus(sql, id, hot ? "escalated" : "rechecked", now, hot ? "second_high" : "");
      ++(hot ? result.escalated : result.rechecked);
    }
    const std::string recheck = core::FormatIso(now_tp + std::chrono::hours(settings_.recheck_hours));
    for (const auto& kind : AlertKinds(in, settings_.alerts)) {
      if (repo::AlertExists(sql, c.id, kind)) continue;
      std::string detail = kind == "fever" ? std::to_string(c.temperature_tenths / 10) + "." +
                                                 std::to_string(c.temperature_tenths % 10)
                           : kind == "contact" ? c.contact
                                               : "";
      repo::InsertAlert(sql, person_id, c.id, c.day, c.slot, kind, detail, c.temperature_tenths, recheck, now);
      result.alerts.push_back(kind);
    }
    if (!had_alert && !result.alerts.empty()) repo::BumpCounts(sql, slot->day, slot->slot, slot->unit_id, 0, 0, 1);
    auth::RecordAudit(sql, actor, now, existing ? "update" : "create", "checkin", std::to_string(c.id),
                      existing ? boost::json::serialize(CheckinToJson(*existing)) : "",
                      boost::json::serialize(CheckinToJson(c)));
    result.checkin = c;
    return result;
  });
}

core::Result<PersonHistory> HealthService::History(const core::Principal& who, std::int64_t person_id,
                                                   const std::string& from, const std::string& to,
                                                   const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<PersonHistory> {
    TX_CHECK(CheckPersonInScope(sql, who, person_id));
    PersonHistory list;
    list.checkins = repo::ListCheckins(sql, person_id, from, to);
    list.alerts = repo::PersonAlerts(sql, person_id, from, to);
    repo::AttachRechecks(sql, list.alerts);
    if (!(who.person_id && *who.person_id == person_id)) {
      // Someone else's health data: record the read.
      auth::RecordAudit(sql, actor, Now(), "read", "checkins", std::to_string(person_id), "",
                        boost::json::serialize(boost::json::object{{"from", from}, {"to", to}}));
    }
    return list;
  });
}

}  // namespace tongxin::health
