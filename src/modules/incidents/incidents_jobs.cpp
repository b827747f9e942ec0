// Scheduled incident work.
#include "modules/incidents/incidents_jobs.hpp"

#include <map>

#include "core/i18n.hpp"
#include "modules/health/notices.hpp"

namespace tongxin::incidents {
namespace {

// The reminder or the overdue notice of a step, in the owner's language.
notify::Message StepNotice(const repo::DueStep& s, bool overdue, const std::string& tz, core::Lang lang) {
  const bool zh = lang == core::Lang::kZh;
  const std::map<std::string, std::string> args = {{"title", zh || s.title_en.empty() ? s.title_zh : s.title_en},
                                                   {"incident", s.incident_title},
                                                   {"due", health::notices::Local(s.due_at, tz)}};
  const std::string key = overdue ? "incidents.notice.step_overdue" : "incidents.notice.step_due";
  return {core::Text(key + ".subject", lang, args), core::Text(key + ".body", lang, args)};
}

}  // namespace

IncidentJobs::IncidentJobs(storage::Database& db, const core::Clock& clock, IncidentsService& incidents,
                           notify::NotifyService& notify, int remind_before_minutes, int escalate_after_minutes)
    : db_(db),
      clock_(clock),
      incidents_(incidents),
      notify_(notify),
      remind_before_minutes_(remind_before_minutes),
      escalate_after_minutes_(escalate_after_minutes) {}

core::Result<IncidentJobReport> IncidentJobs::Run() {
  IncidentJobReport report;
  TX_TRY(alerts, db_.WithSession(
      [&](soci::session& sql) -> core::Result<std::vector<AlertToOpen>> { return repo::AlertsWithoutIncident(sql, 200); }));
  for (const auto& a : *alerts) {
    TX_TRY(opened, incidents_.OpenFromAlert(a));
    report.opened += *opened ? 1 : 0;
  }
  const auto now_tp = clock_.Now();
  const std::string now = core::FormatIso(now_tp);
  const std::string soon = core::FormatIso(now_tp + std::chrono::minutes(remind_before_minutes_));
  const std::string late_before = core::FormatIso(now_tp - std::chrono::minutes(escalate_after_minutes_));
  const std::string tz = incidents_.TimeZone();
  auto done = db_.InTransaction([&](soci::session& sql) -> core::Status {
    auto steps = repo::StepsDueBefore(sql, soon);
    if (steps.empty()) return {};
    const auto members = notify_.Staff(sql, {"office", "department", "leader", "volunteer"});
    std::map<std::string, std::string> unit_paths;
    for (const auto& s : steps) {
      if (!unit_paths.count(s.owner_unit_code)) unit_paths[s.owner_unit_code] = repo::UnitPathByCode(sql, s.owner_unit_code);
      const std::string owner_path = unit_paths[s.owner_unit_code].empty() ? s.unit_path : unit_paths[s.owner_unit_code];
      std::vector<const notify::NotifyService::StaffMember*> owners, office, leaders;
      for (const auto& m : members) {
        if (m.role == s.owner_role && m.Covers(owner_path)) owners.push_back(&m);
        if (m.role == "office" && m.Covers(s.unit_path)) office.push_back(&m);
        if (m.role == "leader" && m.Covers(s.unit_path)) leaders.push_back(&m);
      }
      if (owners.empty()) owners = office;  // nobody holds the role there: the office does
      const bool overdue = s.due_at < late_before;
      if (!overdue && s.due_at < now) continue;  // late, but not yet long enough to escalate
      if (!overdue) {
        // A step whose whole time limit is shorter than the lead gets no "due soon" reminder
        // seconds after the incident opened: the opening notice told its owner already.
        const auto due = core::ParseIso(s.due_at);
        const auto opened = core::ParseIso(s.opened_at);
        if (due && opened && *due - std::chrono::minutes(remind_before_minutes_) <= *opened) continue;
      }
      const std::string key = (overdue ? "step_overdue:" : "step_due:") + std::to_string(s.step_id);
      const std::string link = "/incidents/" + std::to_string(s.incident_id);
      auto send = [&](const notify::NotifyService::StaffMember& m) {
        return notify_.Queue(sql, m.to, overdue ? "step_overdue" : "step_due", key,
                             [&](core::Lang lang) { return StepNotice(s, overdue, tz, lang); }, link);
      };
      if (!overdue) {
        if (s.owner_role == "person") {
          // The person concerned: through their account or their email.
          if (auto person = s.person_id ? notify_.ForPerson(sql, *s.person_id) : std::nullopt) {
            report.reminders += notify_.Queue(sql, *person, "step_due", key,
                                              [&](core::Lang lang) { return StepNotice(s, false, tz, lang); },
                                              "/incidents/" + std::to_string(s.incident_id));
          }
          continue;
        }
        for (const auto* m : owners) report.reminders += send(*m);
        continue;
      }
      // The next level: the office (and the assignee); leaders when the office owned it.
      const bool office_owned = s.owner_role == "office";
      for (const auto* m : office_owned ? leaders : office) report.escalations += send(*m);
      if (s.assignee_id) {
        for (const auto& m : members) {
          if (m.to.user_id == s.assignee_id) report.escalations += send(m);
        }
      }
    }
    return {};
  });
  if (!done) return done.error();
  return report;
}

}  // namespace tongxin::incidents
