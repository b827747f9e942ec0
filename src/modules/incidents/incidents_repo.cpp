// Incident storage.
#include "modules/incidents/incidents_repo.hpp"

#include "auth/audit.hpp"
#include "io/attachment_table.hpp"

#include "storage/scope.hpp"
#include "storage/repo_kit.hpp"

namespace tongxin::incidents::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Incident> kIncidents(
    "FROM incidents i JOIN units u ON u.id = i.unit_id JOIN incident_plans pl ON pl.id = i.plan_id "
    "LEFT JOIN people p ON p.id = i.person_id LEFT JOIN users au ON au.id = i.assignee_id",
    "i",
    {{"assignee_name", "au.display_name"}, {"person_name_zh", "p.name_zh"}, {"person_name_latin", "p.name_latin"}, {"unit_path", "u.path"},
     {"unit_name_zh", "u.name_zh"}, {"unit_name_en", "u.name_en"}, {"plan_version", "pl.version"},
     {"steps_total", kNotRead}, {"steps_done", kNotRead}, {"steps_overdue", kNotRead}});

const RowMap<IncidentStep> kSteps(
    "FROM incident_steps s", "s",
    {{"owner_unit_name_zh", "COALESCE((SELECT ou.name_zh FROM units ou WHERE ou.code = s.owner_unit_code), '')"},
     {"owner_unit_name_en", "COALESCE((SELECT ou.name_en FROM units ou WHERE ou.code = s.owner_unit_code), '')"}});

const io::AttachmentTable kAttachments("incident_attachments", "incident_id");

}  // namespace


std::optional<std::int64_t> InsertIncident(soci::session& sql, const Incident& i) {
  Query q(std::string("INSERT INTO incidents (incident_type, severity, status, title, person_id, unit_id, location, "
                      "plan_id, alert_id, opened_by, opened_at, updated_at) VALUES (:t, :s, 'open', :ti, ") +
          (i.person_id ? ":p" : "NULL") + ", :u, :l, :pl, " + (i.alert_id ? ":a" : "NULL") + ", " +
          (i.opened_by ? ":b" : "NULL") + ", :o, :o2) ON CONFLICT (alert_id) DO NOTHING RETURNING id");
  q.Bind("t", i.incident_type).Bind("s", i.severity).Bind("ti", i.title).Bind("u", i.unit_id).Bind("l", i.location);
  q.Bind("pl", i.plan_id).Bind("o", i.opened_at).Bind("o2", i.opened_at);
  if (i.person_id) q.Bind("p", *i.person_id);
  if (i.alert_id) q.Bind("a", *i.alert_id);
  if (i.opened_by) q.Bind("b", *i.opened_by);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return GetInt(r, 0);
  return std::nullopt;
}

void InsertStep(soci::session& sql, std::int64_t incident_id, const IncidentStep& s) {
  Query q("INSERT INTO incident_steps (incident_id, position, title_zh, title_en, instructions_zh, instructions_en, "
          "owner_role, owner_unit_code, due_at) VALUES (:i, :p, :tz, :te, :iz, :ie, :r, :u, :d)");
  q.Bind("i", incident_id).Bind("p", std::int64_t{s.position}).Bind("tz", s.title_zh).Bind("te", s.title_en);
  q.Bind("iz", s.instructions_zh).Bind("ie", s.instructions_en).Bind("r", s.owner_role).Bind("u", s.owner_unit_code);
  q.Bind("d", s.due_at).Exec(sql);
}

bool AddPerson(soci::session& sql, std::int64_t incident_id, const IncidentPerson& p) {
  Query q(std::string("INSERT INTO incident_people (incident_id, person_id, role, observation_plan_id, added_at) "
                      "VALUES (:i, :p, :r, ") +
          (p.observation_plan_id ? ":o" : "NULL") + ", :a) ON CONFLICT (incident_id, person_id) DO NOTHING");
  q.Bind("i", incident_id).Bind("p", p.person_id).Bind("r", p.role).Bind("a", p.added_at);
  if (p.observation_plan_id) q.Bind("o", *p.observation_plan_id);
  return q.Exec(sql) > 0;
}

void SetObservationPlan(soci::session& sql, std::int64_t incident_id, std::int64_t person_id, std::int64_t plan_id) {
  Query("UPDATE incident_people SET observation_plan_id = :o WHERE incident_id = :i AND person_id = :p")
      .Bind("o", plan_id)
      .Bind("i", incident_id)
      .Bind("p", person_id)
      .Exec(sql);
}

void RemovePerson(soci::session& sql, std::int64_t incident_id, std::int64_t person_id) {
  Query q("DELETE FROM incident_people WHERE incident_id = :i AND person_id = :p");
  q.Bind("i", incident_id).Bind("p", person_id).Exec(sql);
}

std::vector<std::int64_t> ClosedBefore(soci::session& sql, const std::string& before, int limit) {
  Query q("SELECT id FROM incidents WHERE status = 'closed' AND closed_at <> '' AND closed_at < :b ORDER BY closed_at" +
          PageClause({1, limit}));
  q.Bind("b", before);
  std::vector<std::int64_t> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) out.push_back(GetInt(r, 0));
  return out;
}

std::int64_t DeleteIncident(soci::session& sql, std::int64_t id) {
  // Audit entries name steps and attachments by their own ids, the rest by the incident's.
  auto ids_of = [&](const char* table) {
    std::vector<std::string> out;
    Query q(std::string("SELECT id FROM ") + table + " WHERE incident_id = :i");
    q.Bind("i", id);
    soci::rowset<soci::row> rs = q.Rows(sql);
    for (const auto& r : rs) out.push_back(std::to_string(GetInt(r, 0)));
    return out;
  };
  auth::RedactAudit(sql, "incident_step", ids_of("incident_steps"));
  auth::RedactAudit(sql, "incident_attachment", ids_of("incident_attachments"));
  for (const char* entity : {"incident", "incident_note", "incident_person"}) {
    auth::RedactAudit(sql, entity, {std::to_string(id)});
  }
  std::int64_t n = 0;
  for (const char* table : {"incident_attachments", "incident_events", "incident_people", "incident_steps"}) {
    n += Query(std::string("DELETE FROM ") + table + " WHERE incident_id = :i").Bind("i", id).Exec(sql);
  }
  n += Query("DELETE FROM incidents WHERE id = :i").Bind("i", id).Exec(sql);
  return n;
}

void AddEvent(soci::session& sql, std::int64_t incident_id, const IncidentEvent& e) {
  Query q(std::string("INSERT INTO incident_events (incident_id, at, user_id, username, kind, text) VALUES (:i, :a, ") +
          (e.user_id ? ":u" : "NULL") + ", :n, :k, :t)");
  q.Bind("i", incident_id).Bind("a", e.at).Bind("n", e.username).Bind("k", e.kind).Bind("t", e.text);
  if (e.user_id) q.Bind("u", *e.user_id);
  q.Exec(sql);
}

std::optional<Incident> FindIncident(soci::session& sql, std::int64_t id, bool with_details) {
  Query q(kIncidents.Select() + " WHERE i.id = :id");
  q.Bind("id", id);
  std::optional<Incident> out = kIncidents.One(sql, q);
  if (!out || !with_details) return out;
  {
    Query s(kSteps.Select() + " WHERE s.incident_id = :i ORDER BY s.position");
    s.Bind("i", id);
    out->steps = kSteps.All(sql, s);
  }
  {
    Query p("SELECT ip.person_id, ip.role, p.name_zh, p.name_latin, ip.observation_plan_id, ip.added_at FROM "
            "incident_people ip JOIN people p ON p.id = ip.person_id WHERE ip.incident_id = :i ORDER BY ip.added_at, "
            "ip.person_id");
    p.Bind("i", id);
    soci::rowset<soci::row> rs = p.Rows(sql);
    for (const auto& r : rs) {
      out->people.push_back({GetInt(r, 0), GetStr(r, 1), GetStr(r, 2), GetStr(r, 3), GetOptInt(r, "observation_plan_id"),
                             GetStr(r, 5)});
    }
  }
  out->attachments = kAttachments.List(sql, id);
  {
    Query e("SELECT id, at, user_id, username, kind, text FROM incident_events WHERE incident_id = :i ORDER BY id");
    e.Bind("i", id);
    soci::rowset<soci::row> rs = e.Rows(sql);
    for (const auto& r : rs) {
      out->events.push_back({GetInt(r, 0), GetStr(r, 1), GetOptInt(r, "user_id"), GetStr(r, 3), GetStr(r, 4),
                             GetStr(r, 5)});
    }
  }
  return out;
}

bool UpdateIncident(soci::session& sql, const Incident& i, int expected_version) {
  Query q(std::string("UPDATE incidents SET severity = :s, status = :st, title = :t, location = :l, outcome = :o, "
                      "assignee_id = ") +
          (i.assignee_id ? ":a" : "NULL") +
          ", updated_at = :u, closed_at = :c, version = version + 1 WHERE id = :id AND version = :v");
  q.Bind("s", i.severity).Bind("st", i.status).Bind("t", i.title).Bind("l", i.location).Bind("o", i.outcome);
  q.Bind("u", i.updated_at).Bind("c", i.closed_at).Bind("id", i.id).Bind("v", std::int64_t{expected_version});
  if (i.assignee_id) q.Bind("a", *i.assignee_id);
  return q.Exec(sql) == 1;
}

std::int64_t InsertAttachment(soci::session& sql, std::int64_t incident_id, const Attachment& a) {
  return kAttachments.Insert(sql, incident_id, a);
}

std::optional<Attachment> FindAttachment(soci::session& sql, std::int64_t incident_id, std::int64_t id) {
  return kAttachments.Find(sql, incident_id, id);
}

std::optional<IncidentStep> FindStep(soci::session& sql, std::int64_t incident_id, std::int64_t step_id) {
  Query q(kSteps.Select() + " WHERE s.incident_id = :i AND s.id = :s");
  q.Bind("i", incident_id).Bind("s", step_id);
  return kSteps.One(sql, q);
}

void CompleteStep(soci::session& sql, std::int64_t step_id, const std::string& at, std::int64_t by,
                  const std::string& note) {
  Query q("UPDATE incident_steps SET done_at = :a, done_by = :b, note = :n WHERE id = :id AND done_at = ''");
  q.Bind("a", at).Bind("b", by).Bind("n", note).Bind("id", step_id).Exec(sql);
}

core::Page<Incident> ListIncidents(soci::session& sql, const core::Principal& who, const IncidentFilter& f,
                                   const core::PageRequest& page, const std::string& now) {
  Query where(" WHERE 1=1");
  if (!f.incident_type.empty()) where.Where("i.incident_type = ?", f.incident_type);
  if (!f.status.empty()) where.Where("i.status = ?", f.status);
  if (f.open_only) where.Append(" AND i.status IN ('open', 'in_progress')");
  if (f.alert_id > 0) where.Where("i.alert_id = ?", f.alert_id);
  if (!f.from.empty()) where.Where("i.opened_at >= ?", f.from);
  if (!f.to.empty()) where.Where("i.opened_at < ?", f.to + "T99");
  if (f.person_id) {
    where.Append(" AND (i.person_id = :fp1 OR i.id IN (SELECT incident_id FROM incident_people WHERE person_id = "
                 ":fp2))");
    where.Bind("fp1", *f.person_id).Bind("fp2", *f.person_id);
  } else {
    storage::AppendUnitScope(where, who, "i.unit_id");
  }
  storage::AppendUnitSubtree(where, "i.unit_id", f.unit_path);
  core::Page<Incident> out;
  out.request = page;
  out.total = where.Wrap("SELECT COUNT(*) " + kIncidents.From()).Scalar(sql);
  Query list = where.Wrap(kIncidents.Select("(SELECT COUNT(*) FROM incident_steps s WHERE s.incident_id = i.id) AS "
                                            "steps_total, (SELECT COUNT(*) FROM incident_steps s WHERE s.incident_id "
                                            "= i.id AND s.done_at <> '') AS steps_done, (SELECT COUNT(*) FROM "
                                            "incident_steps s WHERE s.incident_id = i.id AND s.done_at = '' AND "
                                            "s.due_at < :now) AS steps_overdue"),
                          " ORDER BY i.opened_at DESC, i.id DESC" + PageClause(page));
  list.Bind("now", now);
  soci::rowset<soci::row> rs = list.Rows(sql);
  for (const auto& r : rs) {
    Incident i = kIncidents.Read(r);
    i.steps_total = static_cast<int>(GetInt(r, "steps_total"));
    i.steps_done = static_cast<int>(GetInt(r, "steps_done"));
    i.steps_overdue = static_cast<int>(GetInt(r, "steps_overdue"));
    out.items.push_back(std::move(i));
  }
  return out;
}

std::vector<AlertToOpen> AlertsWithoutIncident(soci::session& sql, int limit) {
  Query q("SELECT a.id, a.person_id, a.kind, a.detail, a.day, c.slot_name FROM health_alerts a JOIN health_checkins c "
          "ON c.id = a.checkin_id LEFT JOIN incidents i ON i.alert_id = a.id WHERE i.id IS NULL AND a.status IN "
          "('open', 'escalated') ORDER BY a.id LIMIT " + std::to_string(limit));
  std::vector<AlertToOpen> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) out.push_back({GetInt(r, 0), GetInt(r, 1), GetStr(r, 2), GetStr(r, 3), GetStr(r, 4), GetStr(r, 5)});
  return out;
}

std::vector<DueStep> StepsDueBefore(soci::session& sql, const std::string& before) {
  Query q("SELECT s.id, s.incident_id, s.title_zh, s.title_en, s.owner_role, s.owner_unit_code, s.due_at, i.title, "
          "i.incident_type, u.path, i.assignee_id, i.person_id, i.opened_at FROM incident_steps s JOIN incidents i ON i.id = s.incident_id "
          "JOIN units u ON u.id = i.unit_id WHERE s.done_at = '' AND s.due_at < :b AND i.status IN ('open', "
          "'in_progress') ORDER BY s.due_at");
  q.Bind("b", before);
  std::vector<DueStep> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    out.push_back({GetInt(r, 0), GetInt(r, 1), GetStr(r, 2), GetStr(r, 3), GetStr(r, 4), GetStr(r, 5), GetStr(r, 6),
                   GetStr(r, 7), GetStr(r, 8), GetStr(r, 9), GetOptInt(r, "assignee_id"), GetOptInt(r, "person_id"),
                   GetStr(r, 12)});
  }
  return out;
}

std::string UnitPathByCode(soci::session& sql, const std::string& code) {
  if (code.empty()) return "";
  Query q("SELECT path FROM units WHERE code = :c");
  q.Bind("c", code);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return GetStr(r, 0);
  return "";
}

}  // namespace tongxin::incidents::repo
