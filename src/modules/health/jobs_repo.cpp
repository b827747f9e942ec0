// Health job queries.
#include "modules/health/jobs_repo.hpp"

#include "storage/repo_kit.hpp"

namespace tongxin::health::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

constexpr const char* kAlertColumns =
    "SELECT a.id, a.person_id, a.kind, a.detail, a.status, a.escalation, a.recheck_due_at, a.day, a.slot, "
    "c.slot_name, p.name_zh, p.name_latin, u.path, u.name_zh AS unit_zh, u.name_en AS unit_en FROM health_alerts a JOIN people p ON p.id = a.person_id "
    "JOIN units u ON u.id = p.unit_id JOIN health_checkins c ON c.id = a.checkin_id";

std::vector<AlertToTell> Alerts(soci::session& sql, const std::string& where, int limit) {
  Query q(std::string(kAlertColumns) + where + " ORDER BY a.id LIMIT " + std::to_string(limit));
  std::vector<AlertToTell> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    AlertToTell a;
    a.id = GetInt(r, 0);
    a.person_id = GetInt(r, 1);
    a.kind = GetStr(r, 2);
    a.detail = GetStr(r, 3);
    a.status = GetStr(r, 4);
    a.escalation = GetStr(r, 5);
    a.recheck_due_at = GetStr(r, 6);
    a.day = GetStr(r, 7);
    a.slot = static_cast<int>(GetInt(r, 8));
    a.slot_name = GetStr(r, 9);
    a.name_zh = GetStr(r, 10);
    a.name_latin = GetStr(r, 11);
    a.unit_path = GetStr(r, 12);
    a.unit_name_zh = GetStr(r, 13);
    a.unit_name_en = GetStr(r, 14);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

std::vector<Window> Windows(soci::session& sql, const std::string& day) {
  Query q("SELECT day, slot, MIN(slot_name), starts_at, ends_at, late_until FROM health_roster WHERE day = :d "
          "GROUP BY day, slot, starts_at, ends_at, late_until ORDER BY starts_at, slot");
  q.Bind("d", day);
  std::vector<Window> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    out.push_back({GetStr(r, 0), static_cast<int>(GetInt(r, 1)), GetStr(r, 2), GetStr(r, 3), GetStr(r, 4),
                   GetStr(r, 5)});
  }
  return out;
}

std::vector<MissingPerson> MissingIn(soci::session& sql, const Window& w) {
  Query q("SELECT r.person_id, p.name_zh, p.name_latin, un.path, un.name_zh AS unit_zh, un.name_en AS unit_en, "
          "p.email, p.language, x.id AS user_id, x.email AS user_email, x.language AS user_language "
          "FROM health_roster r JOIN people p ON p.id = r.person_id JOIN units un ON un.id = r.unit_id "
          "LEFT JOIN users x ON x.person_id = p.id AND x.active = 1 "
          "WHERE r.day = :d AND r.slot = :s AND r.status = 'missing' AND r.starts_at = :st "
          "ORDER BY un.path, p.sort_name, r.person_id, x.id");
  q.Bind("d", w.day).Bind("s", std::int64_t{w.slot}).Bind("st", w.starts_at);
  std::vector<MissingPerson> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    const std::int64_t id = GetInt(r, 0);
    if (!out.empty() && out.back().person_id == id) continue;  // a second account of the same person
    MissingPerson m;
    m.person_id = id;
    m.name_zh = GetStr(r, 1);
    m.name_latin = GetStr(r, 2);
    m.unit_path = GetStr(r, 3);
    m.unit_name_zh = GetStr(r, 4);
    m.unit_name_en = GetStr(r, 5);
    m.email = GetStr(r, 6);
    m.language = GetStr(r, 7);
    m.user_id = GetOptInt(r, "user_id");
    m.user_email = GetStr(r, "user_email");
    m.user_language = GetStr(r, "user_language");
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
