// Health job queries.
#include "modules/health/jobs_repo.hpp"

#include "storage/repo_kit.hpp"

namespace tongxin::health::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<AlertToTell> kAlerts(
    "FROM health_alerts a JOIN people p ON p.id = a.person_id JOIN units u ON u.id = p.unit_id "
    "JOIN health_checkins c ON c.id = a.checkin_id",
    "a", {{"slot_name", "c.slot_name"}, {"name_zh", "p.name_zh"}, {"name_latin", "p.name_latin"},
          {"unit_path", "u.path"}, {"unit_name_zh", "u.name_zh"}, {"unit_name_en", "u.name_en"}});

const RowMap<Window> kWindows("FROM health_roster", "", {{"slot_name", "MIN(slot_name)"}});

// A missing person with each active account linked to them (none: the user columns are NULL).
const RowMap<MissingPerson> kMissing(
    "FROM health_roster r JOIN people p ON p.id = r.person_id JOIN units un ON un.id = r.unit_id "
    "LEFT JOIN users x ON x.person_id = p.id AND x.active = 1",
    "p", {{"person_id", "r.person_id"}, {"unit_path", "un.path"}, {"unit_name_zh", "un.name_zh"},
          {"unit_name_en", "un.name_en"}, {"user_id", "x.id"}, {"user_email", "x.email"},
          {"user_language", "x.language"}});

std::vector<AlertToTell> Alerts(soci::session& sql, const std::string& where, int limit) {
  Query q(kAlerts.Select() + where + " ORDER BY a.id LIMIT " + std::to_string(limit));
  return kAlerts.All(sql, q);
}

}  // namespace

std::vector<Window> Windows(soci::session& sql, const std::string& day) {
  Query q(kWindows.Select() + " WHERE day = :d GROUP BY day, slot, starts_at, ends_at, late_until ORDER BY starts_at, slot");
  q.Bind("d", day);
  return kWindows.All(sql, q);
}

std::vector<MissingPerson> MissingIn(soci::session& sql, const Window& w) {
  Query q(kMissing.Select() + " WHERE r.day = :d AND r.slot = :s AND r.status = 'missing' AND r.starts_at = :st "
          "ORDER BY un.path, p.sort_name, r.person_id, x.id");
  q.Bind("d", w.day).Bind("s", std::int64_t{w.slot}).Bind("st", w.starts_at);
  std::vector<MissingPerson> out;
  for (MissingPerson& m : kMissing.All(sql, q)) {
    if (!out.empty() && out.back().person_id == m.person_id) continue;  // a second account of the same person
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<AlertToTell> AlertsNotNotified(soci::session& sql, int limit) {
  return Alerts(sql, " WHERE a.notified_at = ''", limit);
}

std::vector<AlertToTell> EscalationsNotNotified(soci::session& sql, int limit) {
  return Alerts(sql, " WHERE a.status = 'escalated' AND a.escalation_notified_at = ''", limit);
}

void MarkAlertNotified(soci::session& sql, std::int64_t id, const std::string& now) {
  Query("UPDATE health_alerts SET notified_at = :n WHERE id = :id").Bind("n", now).Bind("id", id).Exec(sql);
}

void MarkEscalationNotified(soci::session& sql, std::int64_t id, const std::string& now) {
  Query("UPDATE health_alerts SET escalation_notified_at = :n WHERE id = :id").Bind("n", now).Bind("id", id).Exec(sql);
}

std::vector<std::int64_t> OverdueAlerts(soci::session& sql, const std::string& now, int limit) {
  Query q("SELECT id FROM health_alerts WHERE status = 'open' AND recheck_due_at <= :n ORDER BY id LIMIT " +
          std::to_string(limit));
  q.Bind("n", now);
  std::vector<std::int64_t> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) out.push_back(GetInt(r, 0));
  return out;
}

}  // namespace tongxin::health::repo
