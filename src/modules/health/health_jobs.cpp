// Scheduled health work.
#include "modules/health/health_jobs.hpp"

#include <boost/json.hpp>

#include "auth/auth_repo.hpp"
#include "auth/guard.hpp"

#include <functional>

#include "modules/health/jobs_repo.hpp"
#include "modules/health/notices.hpp"
#include "modules/health/slot_time.hpp"
#include "modules/notify/notify_repo.hpp"

namespace tongxin::health {
namespace {

constexpr std::size_t kChunk = 500;  // notifications per transaction
constexpr int kAlertBatch = 200;

std::string Plus(const std::string& iso, int minutes) {
  auto t = core::ParseIso(iso);
  return t ? core::FormatIso(*t + std::chrono::minutes(minutes)) : iso;
}

notices::Named NamedOf(const repo::MissingPerson& m) {
  return {m.name_zh, m.name_latin, m.unit_name_zh, m.unit_name_en};
}

notices::Named NamedOf(const repo::AlertToTell& a) {
  return {a.name_zh, a.name_latin, a.unit_name_zh, a.unit_name_en};
}

notify::Recipient RecipientOf(const repo::MissingPerson& m) {
  notify::Recipient to;
  to.person_id = m.person_id;
  to.user_id = m.user_id;
  to.email = m.user_email.empty() ? m.email : m.user_email;
  const std::string lang = m.user_language.empty() ? m.language : m.user_language;
  to.lang = core::ParseLang(lang).value_or(core::Lang::kZh);
  return to;
}

}  // namespace

HealthJobs::HealthJobs(storage::Database& db, const core::Clock& clock, HealthService& health,
                       notify::NotifyService& notify, JobSettings settings)
    : db_(db), clock_(clock), health_(health), notify_(notify), settings_(settings) {}

core::Result<JobReport> HealthJobs::Run() {
  JobReport report;
  TX_CHECK(Slots(report));
  TX_CHECK(Alerts(report));
  return report;
}

core::Status HealthJobs::Slots(JobReport& report) {
  const std::string today = health_.Today();
  // Today's and tomorrow's rosters are ready before anyone reads them (reads build nothing).
  for (const auto& day : {today, AddDays(today, 1)}) {
    if (auto st = health_.EnsureDay(day); !st) return st;
  }
  const std::string now = core::FormatIso(clock_.Now());
  const std::string tz = health_.settings().time_zone;
  auto windows = db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<repo::Window>> {
    auto list = repo::Windows(sql, AddDays(today, -1));
    for (auto& w : repo::Windows(sql, today)) list.push_back(std::move(w));
    return list;
  });
  if (!windows) return windows.error();
  for (const auto& w : *windows) {
    // Only while the slot still accepts reports: a server that was down does not send
    // yesterday's reminders today.
    if (now >= w.late_until) continue;
    const notices::SlotText text{w.day, w.slot_name, w.starts_at, w.ends_at, w.late_until, tz};
    const std::string event = w.day + ":" + std::to_string(w.slot) + ":" + w.starts_at;
    const bool remind = now >= Plus(w.starts_at, settings_.remind_after_minutes);
    const bool escalate = now >= Plus(w.starts_at, settings_.escalate_after_minutes);
    for (const std::string kind : {"reminder", "missing_list"}) {
      if (kind == "reminder" ? !remind : !escalate) continue;
      const std::string key = kind + ":" + event;  // the job mark: this window's pass is done
      // A person hears once per day and slot, even when a plan change moved the window.
      const std::string reminder_key = "reminder:" + w.day + ":" + std::to_string(w.slot);
      // Done before (by this or another instance)?
      auto done = db_.WithSession([&](soci::session& sql) -> core::Result<bool> {
        return notify::repo::MarkExists(sql, key);
      });
      if (!done) return done.error();
      if (*done) continue;
      TX_TRY(missing, db_.WithSession(
          [&](soci::session& sql) -> core::Result<std::vector<repo::MissingPerson>> { return repo::MissingIn(sql, w); }));
      // Work in chunks so check-ins are not held up; the event keys make a repeated chunk
      // (after a crash, or on a second instance) queue nothing new.
      std::vector<std::function<int(soci::session&)>> work;
      if (kind == "reminder") {
        for (const auto& m : *missing) {
          work.push_back([&, m](soci::session& sql) {
            return notify_.Queue(sql, RecipientOf(m), "reminder", reminder_key,
                                 [&](core::Lang lang) { return notices::Reminder(text, NamedOf(m), lang); },
                                 "/health/checkin");
          });
        }
      } else if (!missing->empty()) {
        auto staff = db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<notify::NotifyService::StaffMember>> {
          return notify_.Staff(sql);
        });
        if (!staff) return staff.error();
        // Each staff member hears of the missing people in their own scope.
        for (const auto& member : *staff) {
          std::vector<notices::Named> theirs;
          for (const auto& m : *missing) {
            if (member.Covers(m.unit_path)) theirs.push_back(NamedOf(m));
          }
          const notify::Recipient to = member.to;
          if (theirs.empty()) continue;
          work.push_back([&, to, theirs](soci::session& sql) {
            return notify_.Queue(sql, to, "missing_list", key,
                                 [&](core::Lang lang) { return notices::MissingList(text, theirs, lang); },
                                 "/health/today?day=" + w.day);
          });
        }
      }
      for (std::size_t i = 0; i < work.size(); i += kChunk) {
        auto queued = db_.InTransaction([&](soci::session& sql) -> core::Result<int> {
          int n = 0;
          for (std::size_t j = i; j < std::min(work.size(), i + kChunk); ++j) n += work[j](sql);
          return n;
        });
        if (!queued) return queued.error();
        (kind == "reminder" ? report.reminders : report.missing_lists) += *queued;
      }
      auto marked = db_.InTransaction([&](soci::session& sql) -> core::Status {
        notify::repo::ClaimMark(sql, key, now);
        return {};
      });
      if (!marked) return marked;
    }
  }
  return {};
}

core::Status HealthJobs::Alerts(JobReport& report) {
  const std::string now = core::FormatIso(clock_.Now());
  const std::string tz = health_.settings().time_zone;
  auto text_of = [&](const repo::AlertToTell& a) {
    return notices::AlertText{a.kind, a.detail, a.escalation, a.recheck_due_at, a.day, a.slot_name, tz};
  };
  // Overdue re-checks escalate first, so the escalation notices below include them.
  auto overdue = db_.InTransaction([&](soci::session& sql) -> core::Result<int> {
    int n = 0;
    for (auto id : repo::OverdueAlerts(sql, now, kAlertBatch)) {
      if (repo::SetAlertStatus(sql, id, "escalated", now, "recheck_overdue")) ++n;
    }
    return n;
  });
  if (!overdue) return overdue.error();
  report.overdue += *overdue;
  for (bool escalations : {false, true}) {
    for (;;) {
      auto done = db_.InTransaction([&](soci::session& sql) -> core::Result<std::size_t> {
        auto list = escalations ? repo::EscalationsNotNotified(sql, kAlertBatch) : repo::AlertsNotNotified(sql, kAlertBatch);
        for (const auto& a : list) {
          const auto text = text_of(a);
          const auto named = NamedOf(a);
          const std::string key = (escalations ? "alert_escalated:" : "alert:") + std::to_string(a.id);
          for (const auto& to : notify_.StaffFor(sql, a.unit_path)) {
            const int n = notify_.Queue(
                sql, to, escalations ? "alert_escalated" : "alert", key,
                [&](core::Lang lang) {
                  return escalations ? notices::AlertEscalated(text, named, lang) : notices::AlertRaised(text, named, lang);
                },
                "/health/today");
            (escalations ? report.escalation_notices : report.alert_notices) += n;
          }
          if (escalations) {
            repo::MarkEscalationNotified(sql, a.id, now);
          } else {
            if (a.status == "open") {
              if (auto person = notify_.ForPerson(sql, a.person_id)) {
                report.alert_notices += notify_.Queue(
                    sql, *person, "recheck", "recheck:" + std::to_string(a.id),
                    [&](core::Lang lang) { return notices::RecheckRequest(text, named, lang); }, "/health/checkin");
              }
            }
            repo::MarkAlertNotified(sql, a.id, now);
          }
        }
        return list.size();
      });
      if (!done) return done.error();
      if (*done < static_cast<std::size_t>(kAlertBatch)) break;
    }
  }
  return {};
}

core::Result<int> HealthJobs::RemindNow(const core::Principal& who, const std::string& day, int slot,
                                        std::int64_t unit_id, const auth::Actor& actor) {
  const auto now_tp = clock_.Now();
  const std::string now = core::FormatIso(now_tp);
  const std::string tz = health_.settings().time_zone;
  // Ten-minute buckets: a double click, or two staff at once, remind once.
  const auto bucket = std::chrono::duration_cast<std::chrono::minutes>(now_tp.time_since_epoch()).count() / 10;
  // Today's (or yesterday's) roster exists even before the scheduler's first pass.
  const std::string today = health_.Today();
  if (day == today || day == AddDays(today, -1)) TX_CHECK(health_.EnsureDay(day));
  return db_.InTransaction([&](soci::session& sql) -> core::Result<int> {
    std::string under;
    if (unit_id > 0) {
      TX_TRY(unit, auth::guard::Unit(sql, who, unit_id, "unit_id"));
      under = unit->path;
    }
    // Plans may give the same slot number different hours: every window of it still
    // taking reports counts.
    bool any = false, open = false;
    int queued = 0;
    const std::string key = "remind_now:" + day + ":" + std::to_string(slot) + ":" + std::to_string(bucket);
    for (const auto& w : repo::Windows(sql, day)) {
      if (w.slot != slot) continue;
      any = true;
      if (now >= w.late_until || now < w.starts_at) continue;
      const notices::SlotText text{w.day, w.slot_name, w.starts_at, w.ends_at, w.late_until, tz};
      for (const auto& m : repo::MissingIn(sql, w)) {
        if (!who.InScope(m.unit_path) || (!under.empty() && m.unit_path.rfind(under, 0) != 0)) continue;
        queued += notify_.Queue(sql, RecipientOf(m), "reminder", key,
                                [&](core::Lang lang) { return notices::Reminder(text, NamedOf(m), lang); },
                                "/health/checkin");
      }
      open = true;
    }
    if (!any) return core::MakeError(core::Errc::kConflict, "health.no_roster", {{"day", day}});
    if (!open) return core::MakeError(core::Errc::kConflict, "health.slot_closed");
    auth::RecordAudit(sql, actor, now, "remind", "health_roster", day + ":" + std::to_string(slot), "",
                      boost::json::serialize(boost::json::object{{"unit_id", unit_id}, {"queued", queued}}));
    return queued;
  });
}

}  // namespace tongxin::health
