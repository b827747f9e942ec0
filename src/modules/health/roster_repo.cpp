// Roster, day and counter storage.
#include "modules/health/health_repo.hpp"

#include "core/text.hpp"
#include "storage/prepared.hpp"
#include "storage/scope.hpp"
#include "storage/repo_kit.hpp"

namespace tongxin::health::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<RosterRow> kRoster("FROM health_roster r", "r");

}  // namespace

namespace {
// " AND <column> IN (1, 2, 3)" for a chunk of ids (integers, not user text).
std::string IdList(const std::vector<std::int64_t>& ids, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += (i > from ? ", " : "") + std::to_string(ids[i]);
  return out;
}
constexpr std::size_t kIdChunk = 500;
}  // namespace

std::vector<RosterPerson> ActivePeople(soci::session& sql, const std::vector<std::int64_t>* only) {
  std::vector<RosterPerson> out;
  const std::string base =
      "SELECT p.id, p.unit_id, u.path, p.category FROM people p JOIN units u ON u.id = p.unit_id WHERE p.status = "
      "'active'";
  auto read = [&](const std::string& text) {
    Query query(text);
    soci::rowset<soci::row> rs = query.Rows(sql);
    for (const auto& r : rs) out.push_back({GetInt(r, 0), GetInt(r, 1), GetStr(r, 2), GetStr(r, 3)});
  };
  if (!only) {
    read(base);
    return out;
  }
  for (std::size_t i = 0; i < only->size(); i += kIdChunk) {
    read(base + " AND p.id IN (" + IdList(*only, i, std::min(only->size(), i + kIdChunk)) + ")");
  }
  return out;
}

void DeleteMissingRosterOf(soci::session& sql, const std::string& day, const std::vector<std::int64_t>& people) {
  for (std::size_t i = 0; i < people.size(); i += kIdChunk) {
    Query q("DELETE FROM health_roster WHERE day = :d AND status = 'missing' AND person_id IN (" +
            IdList(people, i, std::min(people.size(), i + kIdChunk)) + ")");
    q.Bind("d", day).Exec(sql);
  }
}

std::vector<std::pair<int, std::int64_t>> RosterKeysOf(soci::session& sql, const std::string& day,
                                                       const std::vector<std::int64_t>& people) {
  std::vector<std::pair<int, std::int64_t>> out;
  for (std::size_t i = 0; i < people.size(); i += kIdChunk) {
    Query q("SELECT slot, person_id FROM health_roster WHERE day = :d AND person_id IN (" +
            IdList(people, i, std::min(people.size(), i + kIdChunk)) + ")");
    q.Bind("d", day);
    soci::rowset<soci::row> rs = q.Rows(sql);
    for (const auto& r : rs) out.emplace_back(static_cast<int>(GetInt(r, 0)), GetInt(r, 1));
  }
  return out;
}

std::string EarliestPlanStart(soci::session& sql) {
  Query q("SELECT MIN(start_date) FROM report_plans WHERE active = 1");
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return GetStr(r, 0);
  return "";
}

bool DayBuilt(soci::session& sql, const std::string& day) {
  return Query("SELECT COUNT(*) FROM health_days WHERE day = :d").Bind("d", day).Scalar(sql) > 0;
}

bool MarkDayBuilt(soci::session& sql, const std::string& day, const std::string& now) {
  return Query("INSERT INTO health_days (day, built_at) VALUES (:d, :n) ON CONFLICT (day) DO NOTHING")
             .Bind("d", day)
             .Bind("n", now)
             .Exec(sql) == 1;
}

void InsertRoster(soci::session& sql, const std::vector<RosterRow>& rows) {
  if (sql.get_backend_name() == "sqlite3") {
    // One prepared statement run per row (bulk binding). Not multi-row VALUES lists:
    // SQLite looks bound names up by a linear scan, so a statement with thousands of
    // parameters costs O(n²) string compares (it was most of a 100,000-row build).
    constexpr std::size_t kChunk = 1000;
    for (std::size_t start = 0; start < rows.size(); start += kChunk) {
      const std::size_t end = std::min(rows.size(), start + kChunk);
      std::vector<std::string> day, slot_name, starts, ends, late;
      std::vector<long long> slot, person, unit, plan;
      for (std::size_t i = start; i < end; ++i) {
        const auto& r = rows[i];
        day.push_back(r.day);
        slot.push_back(r.slot);
        person.push_back(r.person_id);
        unit.push_back(r.unit_id);
        plan.push_back(r.plan_id);
        slot_name.push_back(r.slot_name);
        starts.push_back(r.starts_at);
        ends.push_back(r.ends_at);
        late.push_back(r.late_until);
      }
      sql << "INSERT INTO health_roster (day, slot, person_id, unit_id, plan_id, slot_name, starts_at, ends_at, "
             "late_until, status) VALUES (:d, :s, :p, :u, :pl, :sn, :st, :en, :lu, 'missing')",
          soci::use(day), soci::use(slot), soci::use(person), soci::use(unit), soci::use(plan), soci::use(slot_name),
          soci::use(starts), soci::use(ends), soci::use(late);
    }
    return;
  }
  // PostgreSQL: multi-row inserts, one round trip per 200 rows.
  constexpr std::size_t kBatch = 200;
  for (std::size_t start = 0; start < rows.size(); start += kBatch) {
    Query q("INSERT INTO health_roster (day, slot, person_id, unit_id, plan_id, slot_name, starts_at, ends_at, "
            "late_until, status) VALUES ");
    const std::size_t end = std::min(rows.size(), start + kBatch);
    for (std::size_t i = start; i < end; ++i) {
      const auto& r = rows[i];
      const std::string n = std::to_string(i - start);
      q.Append((i > start ? ", " : "") + std::string("(:d") + n + ", :s" + n + ", :p" + n + ", :u" + n + ", :pl" + n +
               ", :sn" + n + ", :st" + n + ", :en" + n + ", :lu" + n + ", 'missing')");
      q.Bind("d" + n, r.day).Bind("s" + n, std::int64_t{r.slot}).Bind("p" + n, r.person_id).Bind("u" + n, r.unit_id);
      q.Bind("pl" + n, r.plan_id).Bind("sn" + n, r.slot_name).Bind("st" + n, r.starts_at).Bind("en" + n, r.ends_at);
      q.Bind("lu" + n, r.late_until);
    }
    q.Exec(sql);
  }
}

std::vector<std::pair<int, std::int64_t>> RosterKeys(soci::session& sql, const std::string& day) {
  std::vector<std::pair<int, std::int64_t>> out;
  auto query = Query("SELECT slot, person_id FROM health_roster WHERE day = :d").Bind("d", day);
  soci::rowset<soci::row> rs = query.Rows(sql);
  for (const auto& r : rs) out.emplace_back(static_cast<int>(GetInt(r, 0)), GetInt(r, 1));
  return out;
}

void DeleteMissingRoster(soci::session& sql, const std::string& day) {
  Query("DELETE FROM health_roster WHERE day = :d AND status = 'missing'").Bind("d", day).Exec(sql);
}

std::vector<RosterRow> RosterForPerson(soci::session& sql, std::int64_t person_id, const std::string& from_day,
                                       const std::string& to_day) {
  Query q(kRoster.Select() + " WHERE r.person_id = :p AND r.day >= :f AND r.day <= :t ORDER BY r.starts_at");
  q.Bind("p", person_id).Bind("f", from_day).Bind("t", to_day);
  return kRoster.All(sql, q);
}

std::vector<RosterRow> RosterForCheckin(soci::session& sql, std::int64_t person_id, const std::string& from_day,
                                        const std::string& to_day, std::string& unit_path) {
  auto st = storage::Cached(
      sql,
      "SELECT r.day, r.slot, r.person_id, r.unit_id, r.plan_id, r.slot_name, r.starts_at, r.ends_at, r.late_until, "
      "r.status, r.checkin_id, u.path FROM health_roster r JOIN people p ON p.id = r.person_id JOIN units u ON "
      "u.id = p.unit_id WHERE r.person_id = :p AND r.day >= :f AND r.day <= :t ORDER BY r.starts_at",
      "iss");
  std::vector<RosterRow> out;
  // Read to the end: a cached statement must not keep its snapshot open.
  for (bool row = st->Set(0, person_id).Set(1, from_day).Set(2, to_day).Run(); row; row = st->Next()) {
    out.push_back(kRoster.Read(st->Row()));
    unit_path = GetStr(st->Row(), 11);
  }
  return out;
}

bool SetRosterStatus(soci::session& sql, const RosterRow& row, const std::string& status, std::int64_t checkin_id) {
  auto st = storage::Cached(sql,
                            "UPDATE health_roster SET status = :s, checkin_id = :c WHERE day = :d AND slot = :sl AND "
                            "person_id = :p AND status = 'missing'",
                            "sisii");
  st->Set(0, status).Set(1, checkin_id).Set(2, row.day).Set(3, row.slot).Set(4, row.person_id).Run();
  return st->Affected() == 1;
}

void RecountDay(soci::session& sql, const std::string& day) {
  Query("DELETE FROM health_counts WHERE day = :d").Bind("d", day).Exec(sql);
  Query("INSERT INTO health_counts (day, slot, unit_id, slot_name, expected, reported, late, alerts) "
        "SELECT r.day, r.slot, r.unit_id, MIN(r.slot_name), COUNT(*), "
        "SUM(CASE WHEN r.status <> 'missing' THEN 1 ELSE 0 END), SUM(CASE WHEN r.status = 'late' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN EXISTS (SELECT 1 FROM health_alerts a WHERE a.checkin_id = r.checkin_id) THEN 1 ELSE 0 END) "
        "FROM health_roster r WHERE r.day = :d GROUP BY r.day, r.slot, r.unit_id")
      .Bind("d", day)
      .Exec(sql);
}

void BumpCounts(soci::session& sql, const std::string& day, int slot, std::int64_t unit_id, int reported, int late,
                int alerts) {
  auto st = storage::Cached(sql,
                            "UPDATE health_counts SET reported = reported + :r, late = late + :l, alerts = alerts + :a "
                            "WHERE day = :d AND slot = :s AND unit_id = :u",
                            "iiisii");
  st->Set(0, reported).Set(1, late).Set(2, alerts).Set(3, day).Set(4, slot).Set(5, unit_id).Run();
}

std::vector<CountRow> CountsForDay(soci::session& sql, const std::string& day) {
  std::vector<CountRow> out;
  auto query = Query("SELECT c.slot, c.slot_name, c.unit_id, u.path, c.expected, c.reported, c.late, c.alerts FROM "
            "health_counts c JOIN units u ON u.id = c.unit_id WHERE c.day = :d ORDER BY c.slot, u.path")
          .Bind("d", day)
          ;
  soci::rowset<soci::row> rs = query.Rows(sql);
  for (const auto& r : rs) {
    out.push_back({static_cast<int>(GetInt(r, 0)), GetStr(r, 1), GetInt(r, 2), GetStr(r, 3), GetInt(r, 4),
                   GetInt(r, 5), GetInt(r, 6), GetInt(r, 7)});
  }
  return out;
}

std::vector<DayTotals> CountsByDay(soci::session& sql, const core::Principal& who, const std::string& from,
                                   const std::string& to, const std::string& unit_path) {
  Query q("SELECT c.day, SUM(c.expected), SUM(c.reported), SUM(c.late), SUM(c.alerts) FROM health_counts c "
          "WHERE c.day >= :f AND c.day <= :t");
  q.Bind("f", from).Bind("t", to);
  storage::AppendUnitScope(q, who, "c.unit_id");
  storage::AppendUnitSubtree(q, "c.unit_id", unit_path);
  q.Append(" GROUP BY c.day ORDER BY c.day");
  std::vector<DayTotals> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) out.push_back({GetStr(r, 0), GetInt(r, 1), GetInt(r, 2), GetInt(r, 3), GetInt(r, 4)});
  return out;
}

namespace {

const RowMap<MissingRow> kMissing(
    "FROM health_roster r JOIN people p ON p.id = r.person_id JOIN units u ON u.id = r.unit_id", "p",
    {{"person_id", "p.id"}, {"unit_name_zh", "u.name_zh"}, {"unit_name_en", "u.name_en"}, {"status", "r.status"},
     {"starts_at", "r.starts_at"}, {"ends_at", "r.ends_at"}});

}  // namespace

core::Page<MissingRow> RosterList(soci::session& sql, const core::Principal& who, const std::string& day, int slot,
                                  const std::string& status, const std::string& unit_path,
                                  const core::PageRequest& page) {
  Query where(" WHERE r.day = :day AND r.slot = :slot AND r.status = :status");
  where.Bind("day", day).Bind("slot", std::int64_t{slot}).Bind("status", status);
  storage::AppendUnitScope(where, who, "r.unit_id");
  storage::AppendUnitSubtree(where, "r.unit_id", unit_path);
  return kMissing.Page(sql, where, " ORDER BY p.sort_name, p.id", page, "FROM health_roster r");
}
}  // namespace tongxin::health::repo
