// Incident rules.
#include "modules/incidents/incidents_service.hpp"

#include <boost/json.hpp>

#include "auth/auth_repo.hpp"
#include "auth/guard.hpp"
#include "modules/health/slot_time.hpp"
#include "modules/incidents/labels.hpp"
#include "modules/people/people_repo.hpp"

namespace tongxin::incidents {
namespace {

std::string AuditJson(const Incident& i) {
  return boost::json::serialize(IncidentToJson(i, core::Lang::kZh, false));
}

std::string PlusMinutes(const std::string& iso, int minutes) {
  auto t = core::ParseIso(iso);
  return t ? core::FormatIso(*t + std::chrono::minutes(minutes)) : iso;
}

}  // namespace

IncidentsService::IncidentsService(storage::Database& db, const core::Clock& clock, health::HealthService& health)
    : db_(db), clock_(clock), health_(health) {}

std::int64_t IncidentsService::OpenIn(soci::session& sql, Incident& i, const Plan& plan, const auth::Actor& actor) {
  i.plan_id = plan.id;
  i.plan_version = plan.version;
  i.opened_at = i.updated_at = Now();
  auto id = repo::InsertIncident(sql, i);
  if (!id) return 0;  // the alert has its incident already
  i.id = *id;
  std::string previous_due = i.opened_at;
  for (const auto& ps : plan.steps) {
    IncidentStep s;
    static_cast<StepText&>(s) = ps;
    s.due_at = PlusMinutes(ps.due_from == "previous" ? previous_due : i.opened_at, ps.due_minutes);
    previous_due = s.due_at;
    repo::InsertStep(sql, i.id, s);
  }
  if (i.person_id) repo::AddPerson(sql, i.id, {*i.person_id, "concerned", "", "", std::nullopt, i.opened_at});
  repo::AddEvent(sql, i.id, {0, i.opened_at, actor.user_id, actor.username,
                             i.alert_id ? "opened_from_alert" : "opened", ""});
  auth::RecordAudit(sql, actor, i.opened_at, "create", "incident", std::to_string(i.id), "", AuditJson(i));
  return i.id;
}

core::Result<Incident> IncidentsService::Open(const core::Principal& who, const OpenInput& in,
                                              const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Incident> {
    Incident i;
    i.incident_type = in.incident_type;
    i.severity = in.severity;
    i.title = in.title;
    i.location = in.location;
    i.opened_by = who.user_id;
    if (in.person_id) {
      TX_TRY(p, auth::guard::Person(sql, who, *in.person_id, "person_id"));
      i.person_id = in.person_id;
      i.unit_id = p->unit_id;
    } else {
      TX_TRY(u, auth::guard::Unit(sql, who, *in.unit_id, "unit_id"));
      i.unit_id = u->id;
    }
    auto plan = repo::CurrentPlan(sql, i.incident_type);
    if (!plan) return core::Conflict("incidents.no_plan");
    OpenIn(sql, i, *plan, actor);
    return *repo::FindIncident(sql, i.id, true);
  });
}

core::Result<bool> IncidentsService::OpenFromAlert(const AlertToOpen& alert) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<bool> {
    auto person = people::repo::FindPerson(sql, alert.person_id);
    if (!person) return false;
    Incident i;
    i.incident_type = alert.kind == "red_flag" ? "suspected_case" : alert.kind == "contact" ? "close_contact" : "fever";
    i.severity = alert.kind == "red_flag" ? "high" : "medium";
    // The title travels into notices and emails: it names the kind and the day, never the
    // person or their temperature (those stay behind the incident's access checks).
    i.title = Label(i.incident_type, core::Lang::kZh) + " / " + Label(i.incident_type, core::Lang::kEn) + " · " +
              alert.day;
    i.person_id = alert.person_id;
    i.unit_id = person->person.unit_id;
    i.alert_id = alert.alert_id;
    auto plan = repo::CurrentPlan(sql, i.incident_type);
    if (!plan) return false;
    auth::Actor system;
    system.username = "health-alert";
    return OpenIn(sql, i, *plan, system) != 0;
  });
}

core::Result<Incident> IncidentsService::LoadInScope(soci::session& sql, const core::Principal& who, std::int64_t id) {
  auto i = repo::FindIncident(sql, id, true);
  if (!i) return core::NotFound("incidents.not_found");
  if (who.role == core::Role::kForeignStaff) {
    bool involved = who.person_id && i->person_id == who.person_id;
    for (const auto& p : i->people) involved = involved || (who.person_id && p.person_id == *who.person_id);
    if (!involved) return core::NotFound("incidents.not_found");
    return *i;
  }
  if (!core::roles::kStaff.Has(who.role)) return core::Forbidden("auth.out_of_scope");
  TX_CHECK(auth::guard::Path(who, i->unit_path));
  return *i;
}

Viewer IncidentsService::ViewOf(const core::Principal& who, const Incident& i) const {
  if (who.role != core::Role::kForeignStaff) return Viewer::kStaff;
  return who.person_id && i.person_id == who.person_id ? Viewer::kConcerned : Viewer::kContact;
}

core::Result<Incident> IncidentsService::Get(const core::Principal& who, std::int64_t id, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Incident> {
    TX_TRY(i, LoadInScope(sql, who, id));
    auth::RecordAudit(sql, actor, Now(), "read", "incident", std::to_string(id), "", "");
    return i;
  });
}

core::Result<core::Page<Incident>> IncidentsService::List(const core::Principal& who, IncidentFilter f,
                                                          const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<Incident>> {
    if (who.role == core::Role::kForeignStaff) {
      if (!who.person_id) return core::Page<Incident>{{}, 0, page};
      f.person_id = who.person_id;
    }
    if (f.unit_id > 0) {
      auto unit = people::repo::FindUnit(sql, f.unit_id);
      if (!unit) return core::FieldInvalid("unit_id", "units.not_found");
      f.unit_path = unit->path;
    }
    return repo::ListIncidents(sql, who, f, page, Now());
  });
}

core::Result<std::int64_t> IncidentsService::Export(const core::Principal& who, IncidentFilter f,
                                                   const auth::Actor& actor,
                                                   const std::function<void(const Incident&)>& sink) {
  core::PageRequest all{1, 100000};
  TX_TRY(list, List(who, std::move(f), all));
  for (const auto& i : list->items) sink(i);
  const auto n = static_cast<std::int64_t>(list->items.size());
  auto st = db_.InTransaction([&](soci::session& sql) -> core::Status {
    auth::RecordAudit(sql, actor, Now(), "export", "incident", "", "",
                      boost::json::serialize(boost::json::object{{"rows", n}}));
    return {};
  });
  if (!st) return st.error();
  return n;
}

core::Result<Incident> IncidentsService::Update(const core::Principal& who, std::int64_t id, const UpdateInput& in,
                                                const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Incident> {
    TX_TRY(found, LoadInScope(sql, who, id));
    Incident i = *found;
    if (in.version && *in.version != i.version) {
      return core::Conflict("incidents.stale", {{"version", std::to_string(i.version)}});
    }
    const std::string before = AuditJson(i);
    const std::string now = Now();
    std::vector<std::pair<std::string, std::string>> events;
    if (in.severity && *in.severity != i.severity) {
      events.emplace_back("severity", i.severity + " → " + *in.severity);
      i.severity = *in.severity;
    }
    if (in.title) i.title = *in.title;
    if (in.location) i.location = *in.location;
    if (in.outcome) i.outcome = *in.outcome;
    if (in.assignee_set && in.assignee_id != i.assignee_id) {
      if (in.assignee_id) {
        if (auto st = auth::guard::AccountCovers(sql, *in.assignee_id, i.unit_path, "assignee_id"); !st) {
          return st.error();
        }
        auto u = auth::repo::FindUserById(sql, *in.assignee_id);
        events.emplace_back("assigned", u->display_name.empty() ? u->username : u->display_name);
      } else {
        events.emplace_back("assigned", "");
      }
      i.assignee_id = in.assignee_id;
    }
    if (in.status && *in.status != i.status) {
      if ((*in.status == "resolved" || *in.status == "closed") && i.outcome.empty()) {
        return core::FieldInvalid("outcome", "incidents.outcome_required");
      }
      events.emplace_back("status", i.status + " → " + *in.status);
      i.status = *in.status;
      i.closed_at = i.status == "closed" ? now : "";
    }
    i.updated_at = now;
    if (!repo::UpdateIncident(sql, i, found->version)) {
      return core::Conflict("incidents.stale", {{"version", std::to_string(found->version)}});
    }
    for (const auto& [kind, text] : events) repo::AddEvent(sql, id, {0, now, actor.user_id, actor.username, kind, text});
    auto after = repo::FindIncident(sql, id, true);
    auth::RecordAudit(sql, actor, now, "update", "incident", std::to_string(id), before, AuditJson(*after));
    return *after;
  });
}

core::Result<Incident> IncidentsService::CompleteStep(const core::Principal& who, std::int64_t id,
                                                      std::int64_t step_id, const std::string& note,
                                                      const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Incident> {
    TX_TRY(found, LoadInScope(sql, who, id));
    auto step = repo::FindStep(sql, id, step_id);
    if (!step) return core::NotFound("incidents.step_not_found");
    if (!step->done_at.empty()) return core::Conflict("incidents.step_done");
    const std::string now = Now();
    repo::CompleteStep(sql, step_id, now, who.user_id, note);
    repo::AddEvent(sql, id, {0, now, actor.user_id, actor.username, "step_done",
                             std::to_string(step->position) + ". " + step->title_zh +
                                 (note.empty() ? "" : " — " + note)});
    auth::RecordAudit(sql, actor, now, "update", "incident_step", std::to_string(step_id), "",
                      boost::json::serialize(boost::json::object{{"done_at", now}, {"note", note}}));
    return *repo::FindIncident(sql, id, true);
  });
}

core::Result<Incident> IncidentsService::AddNote(const core::Principal& who, std::int64_t id, const std::string& text,
                                                 const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Incident> {
    TX_TRY(found, LoadInScope(sql, who, id));
    const std::string now = Now();
    repo::AddEvent(sql, id, {0, now, actor.user_id, actor.username, "note", text});
    auth::RecordAudit(sql, actor, now, "create", "incident_note", std::to_string(id), "",
                      boost::json::serialize(boost::json::object{{"text", text}}));
    return *repo::FindIncident(sql, id, true);
  });
}

core::Result<std::vector<IncidentsService::Assignee>> IncidentsService::Assignees(const core::Principal& who,
                                                                                  std::int64_t id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<Assignee>> {
    TX_TRY(found, LoadInScope(sql, who, id));
    std::vector<Assignee> out;
    for (const auto& acc : auth::repo::HandlerAccounts(sql)) {
      if (auth::guard::Covers(acc, found->unit_path)) out.push_back({acc.id, acc.name, acc.role});
    }
    return out;
  });
}

core::Result<Incident> IncidentsService::AddPerson(const core::Principal& who, std::int64_t id, std::int64_t person_id,
                                                   const std::string& role, int observation_days,
                                                   const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Incident> {
    TX_TRY(found, LoadInScope(sql, who, id));
    TX_CHECK(auth::guard::Person(sql, who, person_id, "person_id"));
    auto person = people::repo::FindPerson(sql, person_id);
    const std::string now = Now();
    // Added first, so that two requests adding the same person race on the key, not on a check.
    if (!repo::AddPerson(sql, id, {person_id, role, "", "", std::nullopt, now})) {
      return core::Conflict("incidents.person_already_added");
    }
    if (role == "contact") {
      // 14 days (by default) of observation with three checks a day; it runs on after
      // the incident closes, and ends by itself.
      health::PlanInput plan;
      plan.name = "密切接触者观察 · 事件 " + std::to_string(id);
      plan.kind = "observation";
      plan.target = "people";
      plan.time_zone = health_.settings().time_zone;
      plan.start_date = health_.Today();
      plan.observation_days = observation_days;
      plan.person_ids = std::vector<std::int64_t>{person_id};
      plan.slots = std::vector<health::SlotDef>{{"morning", 7 * 60, 10 * 60}, {"afternoon", 14 * 60, 17 * 60},
                                                {"evening", 19 * 60, 21 * 60}};
      TX_TRY(made, health_.CreatePlanIn(sql, plan, actor));
      repo::SetObservationPlan(sql, id, person_id, made->id);
    }
    const std::string name = person->person.name_zh.empty() ? person->person.name_latin : person->person.name_zh;
    repo::AddEvent(sql, id, {0, now, actor.user_id, actor.username, role == "contact" ? "contact_added" : "person_added",
                             name});
    auth::RecordAudit(sql, actor, now, "update", "incident_person", std::to_string(id), "",
                      boost::json::serialize(boost::json::object{{"person_id", person_id}, {"role", role}}));
    return *repo::FindIncident(sql, id, true);
  });
}

core::Result<Incident> IncidentsService::RemovePerson(const core::Principal& who, std::int64_t id,
                                                      std::int64_t person_id, bool end_observation,
                                                      const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Incident> {
    TX_TRY(found, LoadInScope(sql, who, id));
    const IncidentPerson* ip = nullptr;
    for (const auto& p : found->people) ip = p.person_id == person_id ? &p : ip;
    if (!ip) return core::NotFound("incidents.person_not_found");
    if (ip->role == "concerned" && found->person_id == person_id) return core::Conflict("incidents.person_is_case");
    const std::string now = Now();
    bool ended = false;
    if (ip->observation_plan_id && end_observation) {
      health::PlanInput stop;
      stop.active = false;
      TX_TRY(st, health_.UpdatePlanIn(sql, *ip->observation_plan_id, stop, actor));
      ended = true;
    }
    repo::RemovePerson(sql, id, person_id);
    const std::string name = Pick(core::Lang::kZh, ip->name_zh, ip->name_latin);
    repo::AddEvent(sql, id, {0, now, actor.user_id, actor.username, "person_removed", name});
    boost::json::object before{{"person_id", person_id}, {"role", ip->role}};
    if (ip->observation_plan_id) before["observation_plan_id"] = *ip->observation_plan_id;
    auth::RecordAudit(sql, actor, now, "delete", "incident_person", std::to_string(id), boost::json::serialize(before),
                      boost::json::serialize(boost::json::object{{"observation_ended", ended}}));
    return *repo::FindIncident(sql, id, true);
  });
}

}  // namespace tongxin::incidents
