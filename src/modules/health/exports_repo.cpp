// The rows health exports stream.
#include "modules/health/health_repo.hpp"

#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::health::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

// A report's fever alert reading and latest re-check, both kept however the report changes.
#define TX_ALERT_OF(c) \
  "COALESCE((SELECT MAX(a.reading_tenths) FROM health_alerts a WHERE a.checkin_id = " c ".id AND a.kind = 'fever'), 0)"
#define TX_RECHECK_OF(c)                                                                                        \
  "COALESCE((SELECT x.temperature_tenths FROM health_rechecks x WHERE x.checkin_id = " c ".id ORDER BY x.id " \
  "DESC LIMIT 1), 0)"

const RowMap<DailyCell> kDaily(
    "FROM health_roster r JOIN people p ON p.id = r.person_id JOIN units u ON u.id = r.unit_id "
    "LEFT JOIN health_checkins c ON c.id = r.checkin_id",
    "p", {{"person_id", "r.person_id"}, {"slot", "r.slot"}, {"status", "r.status"}, {"unit_id", "u.id"},
          {"unit_zh", "u.name_zh"}, {"unit_en", "u.name_en"}, {"temperature_tenths", "c.temperature_tenths"},
          {"symptoms", "c.symptoms"}, {"contact", "c.contact"}, {"location", "c.location"},
          {"alert_tenths", TX_ALERT_OF("c")}, {"recheck_tenths", TX_RECHECK_OF("c")}});

const RowMap<HistoryLine> kHistory(
    "FROM health_checkins c JOIN people p ON p.id = c.person_id JOIN units u ON u.id = p.unit_id", "c",
    {{"unit_zh", "u.name_zh"}, {"unit_en", "u.name_en"}, {"name_zh", "p.name_zh"}, {"name_latin", "p.name_latin"},
     {"id_number", "p.id_number"}, {"alert_tenths", TX_ALERT_OF("c")}, {"recheck_tenths", TX_RECHECK_OF("c")}});

#undef TX_ALERT_OF
#undef TX_RECHECK_OF

template <class T>
void Stream(soci::session& sql, const RowMap<T>& map, Query& q, const std::function<void(const T&)>& fn) {
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) fn(map.Read(r));
}

}  // namespace

std::vector<std::string> SlotNames(soci::session& sql, const std::string& day) {
  std::vector<std::string> names;
  Query q("SELECT slot, MIN(slot_name) FROM health_roster WHERE day = :d GROUP BY slot ORDER BY slot");
  q.Bind("d", day);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) names.push_back(GetStr(r, 1));
  return names;
}

void ForEachDailyCell(soci::session& sql, const core::Principal& who, const std::string& day,
                      const std::string& unit_path, const std::function<void(const DailyCell&)>& fn) {
  Query q(kDaily.Select() + " WHERE r.day = :day");
  q.Bind("day", day);
  storage::AppendUnitScope(q, who, "r.unit_id");
  storage::AppendUnitSubtree(q, "r.unit_id", unit_path);
  q.Append(" ORDER BY u.path, p.sort_name, p.id, r.slot");
  Stream(sql, kDaily, q, fn);
}

void ForEachHistoryLine(soci::session& sql, const core::Principal& who, const std::string& from, const std::string& to,
                        const std::string& unit_path, const std::function<void(const HistoryLine&)>& fn) {
  Query q(kHistory.Select() + " WHERE c.day >= :f AND c.day <= :t");
  q.Bind("f", from).Bind("t", to);
  storage::AppendUnitScope(q, who, "p.unit_id");
  storage::AppendUnitSubtree(q, "p.unit_id", unit_path);
  q.Append(" ORDER BY c.day, u.path, p.sort_name, c.slot");
  Stream(sql, kHistory, q, fn);
}

}  // namespace tongxin::health::repo
