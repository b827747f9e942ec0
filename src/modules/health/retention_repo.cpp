// Retention deletes and the unit paths a roster build reads.
#include "modules/health/health_repo.hpp"

#include "storage/repo_kit.hpp"

namespace tongxin::health::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)

long long PurgeBatch(soci::session& sql, PurgeTable table, const std::string& before_day, int batch) {
  // Each statement selects the batch by the day its rows belong to.
  auto of = [&](const char* t, const char* select_ids) {
    std::string text = std::string("DELETE FROM ") + t;
    if (batch <= 0) return text + " WHERE id IN (" + select_ids + ")";
    return text + " WHERE id IN (" + select_ids + " LIMIT " + std::to_string(batch) + ")";
  };
  std::string text;
  switch (table) {
    case PurgeTable::kRechecks:
      text = of("health_rechecks", "SELECT id FROM health_rechecks WHERE day < :c");
      break;
    case PurgeTable::kAlerts: text = of("health_alerts", "SELECT id FROM health_alerts WHERE day < :c"); break;
    case PurgeTable::kHistory:
      text = of("health_checkin_history",
                "SELECT h.id FROM health_checkin_history h JOIN health_checkins c ON c.id = h.checkin_id "
                "WHERE c.day < :c");
      break;
    case PurgeTable::kCheckins: text = of("health_checkins", "SELECT id FROM health_checkins WHERE day < :c"); break;
    case PurgeTable::kInquiries:
      text = of("health_inquiries", "SELECT id FROM health_inquiries WHERE asked_at < :c");
      break;
    case PurgeTable::kRoster: text = "DELETE FROM health_roster WHERE day < :c"; break;
    case PurgeTable::kCounts: text = "DELETE FROM health_counts WHERE day < :c"; break;
    case PurgeTable::kDays: text = "DELETE FROM health_days WHERE day < :c"; break;
  }
  return Query(text).Bind("c", before_day).Exec(sql);
}

std::map<std::int64_t, std::string> UnitPaths(soci::session& sql) {
  std::map<std::int64_t, std::string> out;
  Query q("SELECT id, path FROM units");
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) out[GetInt(r, 0)] = GetStr(r, 1);
  return out;
}

}  // namespace tongxin::health::repo
