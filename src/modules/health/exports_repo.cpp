// The rows health exports stream.
#include "modules/health/health_repo.hpp"

#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::health::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

using D = DailyCell;
const RowMap<D> kDaily(
    "FROM health_roster r JOIN people p ON p.id = r.person_id JOIN units u ON u.id = r.unit_id "
    "LEFT JOIN health_checkins c ON c.id = r.checkin_id",
    "", {{"person_id", &D::person_id, "r.person_id"}, {"slot", &D::slot, "r.slot"}, {"status", &D::status, "r.status"},
         {"unit_id", &D::unit_id, "u.id"}, {"unit_zh", &D::unit_zh, "u.name_zh"}, {"unit_en", &D::unit_en, "u.name_en"},
         {"name_zh", &D::name_zh, "p.name_zh"}, {"name_latin", &D::name_latin, "p.name_latin"},
         {"nationality", &D::nationality, "p.nationality"},
         {"temperature_tenths", &D::temperature_tenths, "c.temperature_tenths"}, {"symptoms", &D::symptoms, "c.symptoms"},
         {"contact", &D::contact, "c.contact"}, {"location", &D::location, "c.location"}});

using H = HistoryLine;
const RowMap<H> kHistory(
    "FROM health_checkins c JOIN people p ON p.id = c.person_id JOIN units u ON u.id = p.unit_id", "c",
    {{"day", &H::day}, {"slot_name", &H::slot_name}, {"unit_zh", &H::unit_zh, "u.name_zh"},
     {"unit_en", &H::unit_en, "u.name_en"}, {"name_zh", &H::name_zh, "p.name_zh"},
     {"name_latin", &H::name_latin, "p.name_latin"}, {"id_number", &H::id_number, "p.id_number"},
     {"temperature_tenths", &H::temperature_tenths}, {"method", &H::method}, {"symptoms", &H::symptoms},
     {"location", &H::location}, {"location_country", &H::location_country}, {"contact", &H::contact},
     {"channel", &H::channel}, {"late", &H::late}, {"submitted_at", &H::submitted_at}, {"version", &H::version}});

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
