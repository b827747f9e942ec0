// Health storage.
#include "modules/health/health_repo.hpp"

#include "core/text.hpp"
#include "storage/prepared.hpp"
#include "storage/query.hpp"
#include "storage/rows.hpp"
#include "storage/scope.hpp"

namespace tongxin::health::repo {
namespace {

using storage::GetInt;
using storage::GetOptInt;
using storage::GetStr;
using storage::Query;

constexpr const char* kPlanColumns =
    "SELECT id, name, kind, target, unit_id, category, time_zone, slots, late_minutes, start_date, end_date, active, "
    "created_at, updated_at FROM report_plans";

ReportPlan PlanFromRow(const soci::row& r) {
  ReportPlan p;
  p.id = GetInt(r, "id");
  p.name = GetStr(r, "name");
  p.kind = GetStr(r, "kind");
  p.target = GetStr(r, "target");
  p.unit_id = GetOptInt(r, "unit_id");
  p.category = GetStr(r, "category");
  p.time_zone = GetStr(r, "time_zone");
  p.slots = SlotsFromJson(GetStr(r, "slots"));
  p.late_minutes = static_cast<int>(GetInt(r, "late_minutes"));
  p.start_date = GetStr(r, "start_date");
  p.end_date = GetStr(r, "end_date");
  p.active = GetInt(r, "active") != 0;
  p.created_at = GetStr(r, "created_at");
  p.updated_at = GetStr(r, "updated_at");
  return p;
}

std::vector<std::int64_t> PlanPeople(soci::session& sql, std::int64_t plan_id) {
  std::vector<std::int64_t> out;
  auto query = Query("SELECT person_id FROM report_plan_people WHERE plan_id = :p ORDER BY person_id").Bind("p", plan_id);
  soci::rowset<soci::row> rs = query.Rows(sql);
  for (const auto& r : rs) out.push_back(GetInt(r, 0));
  return out;
}

void BindPlan(Query& q, const ReportPlan& p) {
  q.Bind("name", p.name).Bind("kind", p.kind).Bind("target", p.target).Bind("category", p.category);
  q.Bind("tz", p.time_zone).Bind("slots", SlotsToJson(p.slots)).Bind("late", std::int64_t{p.late_minutes});
  q.Bind("sd", p.start_date).Bind("ed", p.end_date).Bind("active", std::int64_t{p.active ? 1 : 0});
  q.Bind("ua", p.updated_at);
  if (p.unit_id) q.Bind("unit", *p.unit_id);
}

RosterRow RosterFromRow(const soci::row& r) {
  RosterRow x;
  x.day = GetStr(r, "day");
  x.slot = static_cast<int>(GetInt(r, "slot"));
  x.person_id = GetInt(r, "person_id");
  x.unit_id = GetInt(r, "unit_id");
  x.plan_id = GetInt(r, "plan_id");
  x.slot_name = GetStr(r, "slot_name");
  x.starts_at = GetStr(r, "starts_at");
  x.ends_at = GetStr(r, "ends_at");
  x.late_until = GetStr(r, "late_until");
  x.status = GetStr(r, "status");
  x.checkin_id = GetOptInt(r, "checkin_id");
  return x;
}

constexpr const char* kCheckinColumns =
    "SELECT id, person_id, day, slot, slot_name, temperature_tenths, method, symptoms, symptom_other, location, "
    "location_country, contact, remarks, channel, recorded_by, late, version, submitted_at, updated_at "
    "FROM health_checkins";

Checkin CheckinFromRow(const soci::row& r) {
  Checkin c;
  c.id = GetInt(r, "id");
  c.person_id = GetInt(r, "person_id");
  c.day = GetStr(r, "day");
  c.slot = static_cast<int>(GetInt(r, "slot"));
  c.slot_name = GetStr(r, "slot_name");
  c.temperature_tenths = static_cast<int>(GetInt(r, "temperature_tenths"));
  c.method = GetStr(r, "method");
  const std::string symptoms = GetStr(r, "symptoms");
  for (std::size_t pos = 0; pos < symptoms.size();) {
    auto end = symptoms.find(',', pos);
    if (end == std::string::npos) end = symptoms.size();
    if (end > pos) c.symptoms.push_back(symptoms.substr(pos, end - pos));
    pos = end + 1;
  }
  c.symptom_other = GetStr(r, "symptom_other");
  c.location = GetStr(r, "location");
  c.location_country = GetStr(r, "location_country");
  c.contact = GetStr(r, "contact");
  c.remarks = GetStr(r, "remarks");
  c.channel = GetStr(r, "channel");
  c.recorded_by = GetOptInt(r, "recorded_by");
  c.late = GetInt(r, "late") != 0;
  c.version = static_cast<int>(GetInt(r, "version"));
  c.submitted_at = GetStr(r, "submitted_at");
  c.updated_at = GetStr(r, "updated_at");
  return c;
}

std::string JoinSymptoms(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}


}  // namespace

std::int64_t InsertPlan(soci::session& sql, const ReportPlan& p) {
  Query q("INSERT INTO report_plans (name, kind, target, unit_id, category, time_zone, slots, late_minutes, "
          "start_date, end_date, active, created_at, updated_at) VALUES (:name, :kind, :target, " +
          std::string(p.unit_id ? ":unit" : "NULL") +
          ", :category, :tz, :slots, :late, :sd, :ed, :active, :ca, :ua) RETURNING id");
  BindPlan(q, p);
  q.Bind("ca", p.created_at);
  return q.Scalar(sql);
}

void UpdatePlan(soci::session& sql, const ReportPlan& p) {
  Query q("UPDATE report_plans SET name = :name, kind = :kind, target = :target, unit_id = " +
          std::string(p.unit_id ? ":unit" : "NULL") +
          ", category = :category, time_zone = :tz, slots = :slots, late_minutes = :late, start_date = :sd, "
          "end_date = :ed, active = :active, updated_at = :ua WHERE id = :id");
  BindPlan(q, p);
  q.Bind("id", p.id);
  q.Exec(sql);
}

void SetPlanPeople(soci::session& sql, std::int64_t plan_id, const std::vector<std::int64_t>& person_ids) {
  Query("DELETE FROM report_plan_people WHERE plan_id = :p").Bind("p", plan_id).Exec(sql);
  for (auto id : person_ids) {
    Query("INSERT INTO report_plan_people (plan_id, person_id) VALUES (:p, :x)").Bind("p", plan_id).Bind("x", id).Exec(sql);
  }
}

std::optional<ReportPlan> FindPlan(soci::session& sql, std::int64_t id) {
  auto query = Query(std::string(kPlanColumns) + " WHERE id = :id").Bind("id", id);
  soci::rowset<soci::row> rs = query.Rows(sql);
  for (const auto& r : rs) {
    ReportPlan p = PlanFromRow(r);
    p.person_ids = PlanPeople(sql, p.id);
    return p;
  }
  return std::nullopt;
}

std::vector<ReportPlan> ListPlans(soci::session& sql, bool include_people) {
  std::vector<ReportPlan> out;
  auto query = Query(std::string(kPlanColumns) + " ORDER BY id");
  soci::rowset<soci::row> rs = query.Rows(sql);
  for (const auto& r : rs) out.push_back(PlanFromRow(r));
  if (include_people) {
    for (auto& p : out) {
      if (p.target == "people") p.person_ids = PlanPeople(sql, p.id);
    }
  }
  return out;
}

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

bool DayBuilt(soci::session& sql, const std::string& day) {
  return Query("SELECT COUNT(*) FROM health_days WHERE day = :d").Bind("d", day).Scalar(sql) > 0;
}

void MarkDayBuilt(soci::session& sql, const std::string& day, const std::string& now) {
  Query("INSERT INTO health_days (day, built_at) VALUES (:d, :n)").Bind("d", day).Bind("n", now).Exec(sql);
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
  std::vector<RosterRow> out;
  auto query = Query("SELECT day, slot, person_id, unit_id, plan_id, slot_name, starts_at, ends_at, late_until, status, "
            "checkin_id FROM health_roster WHERE person_id = :p AND day >= :f AND day <= :t ORDER BY starts_at")
          .Bind("p", person_id)
          .Bind("f", from_day)
          .Bind("t", to_day)
          ;
  soci::rowset<soci::row> rs = query.Rows(sql);
  for (const auto& r : rs) out.push_back(RosterFromRow(r));
  return out;
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
    out.push_back(RosterFromRow(st->Row()));
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

core::Page<MissingRow> RosterList(soci::session& sql, const core::Principal& who, const std::string& day, int slot,
                                  const std::string& status, const std::string& unit_path,
                                  const core::PageRequest& page) {
  Query where(" WHERE r.day = :day AND r.slot = :slot AND r.status = :status");
  where.Bind("day", day).Bind("slot", std::int64_t{slot}).Bind("status", status);
  storage::AppendUnitScope(where, who, "r.unit_id");
  storage::AppendUnitSubtree(where, "r.unit_id", unit_path);
  core::Page<MissingRow> out;
  out.request = page;
  out.total = where.Wrap("SELECT COUNT(*) FROM health_roster r").Scalar(sql);
  Query list = where.Wrap(
      "SELECT p.id, p.name_zh, p.name_latin, p.phone, u.name_zh AS unit_zh, u.name_en AS unit_en, p.category, "
      "r.status, r.starts_at, r.ends_at FROM health_roster r JOIN people p ON p.id = r.person_id JOIN units u ON "
      "u.id = r.unit_id",
      " ORDER BY p.sort_name, p.id" + storage::PageClause(page));
  soci::rowset<soci::row> rs = list.Rows(sql);
  for (const auto& r : rs) {
    out.items.push_back({GetInt(r, 0), GetStr(r, 1), GetStr(r, 2), GetStr(r, 3), GetStr(r, 4), GetStr(r, 5),
                         GetStr(r, 6), GetStr(r, 7), GetStr(r, 8), GetStr(r, 9)});
  }
  return out;
}

std::optional<Checkin> FindCheckin(soci::session& sql, const std::string& day, int slot, std::int64_t person_id) {
  auto st = storage::Cached(sql, std::string(kCheckinColumns) + " WHERE day = :d AND slot = :s AND person_id = :p", "sii");
  if (!st->Set(0, day).Set(1, slot).Set(2, person_id).Run()) return std::nullopt;
  Checkin c = CheckinFromRow(st->Row());
  st->Finish();
  return c;
}

namespace {
// The values shared by insert and update, from :t on, in this order.
void SetCheckinValues(storage::Prepared& st, std::size_t at, const Checkin& c) {
  st.Set(at, c.temperature_tenths).Set(at + 1, c.method).Set(at + 2, JoinSymptoms(c.symptoms));
  st.Set(at + 3, c.symptom_other).Set(at + 4, c.location).Set(at + 5, c.location_country).Set(at + 6, c.contact);
  st.Set(at + 7, c.remarks).Set(at + 8, c.channel).Set(at + 9, c.recorded_by);
}
}  // namespace

std::int64_t InsertCheckin(soci::session& sql, const Checkin& c) {
  auto st = storage::Cached(
      sql,
      "INSERT INTO health_checkins (person_id, day, slot, slot_name, temperature_tenths, method, symptoms, "
      "symptom_other, location, location_country, contact, remarks, channel, recorded_by, late, version, "
      "submitted_at, updated_at) VALUES (:p, :d, :sl, :sn, :t, :m, :s, :so, :loc, :lc, :ct, :rm, :ch, :rb, :late, 1, "
      ":sa, :ua) RETURNING id",
      "isisissssssssiiss");
  st->Set(0, c.person_id).Set(1, c.day).Set(2, c.slot).Set(3, c.slot_name);
  SetCheckinValues(*st, 4, c);
  st->Set(14, c.late ? 1 : 0).Set(15, c.submitted_at).Set(16, c.updated_at);
  st->Run();
  const std::int64_t id = GetInt(st->Row(), 0);
  st->Finish();
  return id;
}

void UpdateCheckin(soci::session& sql, const Checkin& c) {
  auto st = storage::Cached(
      sql,
      "UPDATE health_checkins SET temperature_tenths = :t, method = :m, symptoms = :s, symptom_other = :so, "
      "location = :loc, location_country = :lc, contact = :ct, remarks = :rm, channel = :ch, recorded_by = :rb, "
      "version = :v, updated_at = :ua WHERE id = :id",
      "issssssssiisi");
  SetCheckinValues(*st, 0, c);
  st->Set(10, c.version).Set(11, c.updated_at).Set(12, c.id);
  st->Run();
}

void InsertHistory(soci::session& sql, std::int64_t checkin_id, int version, const std::string& data,
                   const std::string& at, std::optional<std::int64_t> by) {
  auto st = storage::Cached(sql,
                            "INSERT INTO health_checkin_history (checkin_id, version, data, replaced_at, replaced_by) "
                            "VALUES (:c, :v, :d, :a, :b)",
                            "iissi");
  st->Set(0, checkin_id).Set(1, version).Set(2, data).Set(3, at).Set(4, by).Run();
}

std::vector<Checkin> ListCheckins(soci::session& sql, std::int64_t person_id, const std::string& from_day,
                                  const std::string& to_day) {
  std::vector<Checkin> out;
  auto query = Query(std::string(kCheckinColumns) + " WHERE person_id = :p AND day >= :f AND day <= :t ORDER BY day, slot")
          .Bind("p", person_id)
          .Bind("f", from_day)
          .Bind("t", to_day)
          ;
  soci::rowset<soci::row> rs = query.Rows(sql);
  for (const auto& r : rs) out.push_back(CheckinFromRow(r));
  return out;
}

std::vector<std::int64_t> SuspicionCandidates(soci::session& sql, const core::Principal& who, const std::string& from,
                                              const std::string& to, const std::string& unit_path, int min_reports,
                                              int same_second_days, int limit) {
  Query q("SELECT c.person_id FROM health_checkins c JOIN people p ON p.id = c.person_id WHERE c.day >= :f AND "
          "c.day <= :t AND c.channel = 'self'");
  q.Bind("f", from).Bind("t", to);
  storage::AppendUnitScope(q, who, "p.unit_id");
  storage::AppendUnitSubtree(q, "p.unit_id", unit_path);
  q.Append(" GROUP BY c.person_id HAVING COUNT(*) >= :n AND (MIN(c.temperature_tenths) = MAX(c.temperature_tenths) "
           "OR COUNT(DISTINCT substr(c.submitted_at, 12, 8)) <= COUNT(*) - :k) ORDER BY c.person_id LIMIT " +
           std::to_string(limit));
  q.Bind("n", std::int64_t{min_reports}).Bind("k", std::int64_t{same_second_days - 1});
  std::vector<std::int64_t> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) out.push_back(GetInt(r, 0));
  return out;
}

std::int64_t InsertInquiry(soci::session& sql, std::int64_t person_id, const std::string& channel,
                           const std::string& answer, std::optional<std::int64_t> by, const std::string& at) {
  Query q("INSERT INTO health_inquiries (person_id, channel, answer, asked_by, asked_at) VALUES (:p, :c, :a, " +
          std::string(by ? ":b" : "NULL") + ", :t) RETURNING id");
  q.Bind("p", person_id).Bind("c", channel).Bind("a", answer).Bind("t", at);
  if (by) q.Bind("b", *by);
  return q.Scalar(sql);
}

bool AlertExists(soci::session& sql, std::int64_t checkin_id, const std::string& kind) {
  auto st = storage::Cached(sql, "SELECT COUNT(*) FROM health_alerts WHERE checkin_id = :c AND kind = :k", "is");
  st->Set(0, checkin_id).Set(1, kind).Run();
  const bool any = GetInt(st->Row(), 0) > 0;
  st->Finish();
  return any;
}

bool AnyAlertFor(soci::session& sql, std::int64_t checkin_id) {
  auto st = storage::Cached(sql, "SELECT COUNT(*) FROM health_alerts WHERE checkin_id = :c", "i");
  st->Set(0, checkin_id).Run();
  const bool any = GetInt(st->Row(), 0) > 0;
  st->Finish();
  return any;
}

std::int64_t InsertAlert(soci::session& sql, std::int64_t person_id, std::int64_t checkin_id, const std::string& day,
                         int slot, const std::string& kind, const std::string& detail, const std::string& recheck_due,
                         const std::string& now) {
  return Query("INSERT INTO health_alerts (person_id, checkin_id, day, slot, kind, detail, status, recheck_due_at, "
               "created_at, updated_at) VALUES (:p, :c, :d, :s, :k, :dt, 'open', :r, :n, :n2) RETURNING id")
      .Bind("p", person_id)
      .Bind("c", checkin_id)
      .Bind("d", day)
      .Bind("s", std::int64_t{slot})
      .Bind("k", kind)
      .Bind("dt", detail)
      .Bind("r", recheck_due)
      .Bind("n", now)
      .Bind("n2", now)
      .Scalar(sql);
}

std::vector<std::int64_t> OpenAlerts(soci::session& sql, std::int64_t person_id, const std::string& kind,
                                     std::int64_t except_checkin) {
  auto st = storage::Cached(
      sql, "SELECT id FROM health_alerts WHERE person_id = :p AND kind = :k AND status = 'open' AND checkin_id <> :c",
      "isi");
  std::vector<std::int64_t> out;
  for (bool row = st->Set(0, person_id).Set(1, kind).Set(2, except_checkin).Run(); row; row = st->Next()) {
    out.push_back(GetInt(st->Row(), 0));
  }
  return out;
}

bool SetAlertStatus(soci::session& sql, std::int64_t id, const std::string& status, const std::string& now,
                    const std::string& escalation) {
  // A new escalation is announced to staff again (escalation_notified_at cleared).
  Query q(status == "escalated"
              ? "UPDATE health_alerts SET status = :s, updated_at = :n, escalation = :e, escalation_notified_at = '' "
                "WHERE id = :id AND status <> 'escalated'"
              : "UPDATE health_alerts SET status = :s, updated_at = :n WHERE id = :id");
  q.Bind("s", status).Bind("n", now).Bind("id", id);
  if (status == "escalated") q.Bind("e", escalation);
  return q.Exec(sql) == 1;
}

std::optional<std::int64_t> AlertPerson(soci::session& sql, std::int64_t id) {
  Query q("SELECT person_id FROM health_alerts WHERE id = :id");
  q.Bind("id", id);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return GetInt(r, 0);
  return std::nullopt;
}

core::Page<AlertRow> ListAlerts(soci::session& sql, const core::Principal& who, const std::string& status,
                                const core::PageRequest& page) {
  Query where(" WHERE 1=1");
  if (!status.empty()) where.Where("a.status = ?", status);
  storage::AppendUnitScope(where, who, "p.unit_id");
  core::Page<AlertRow> out;
  out.request = page;
  out.total = where.Wrap("SELECT COUNT(*) FROM health_alerts a JOIN people p ON p.id = a.person_id").Scalar(sql);
  Query list = where.Wrap(
      "SELECT a.id, a.person_id, a.checkin_id, a.day, a.kind, a.detail, a.status, a.recheck_due_at, a.created_at, "
      "p.name_zh, p.name_latin, u.name_zh AS unit_zh, u.name_en AS unit_en, a.slot, c.temperature_tenths, "
      "a.escalation FROM "
      "health_alerts a JOIN people p ON p.id = a.person_id JOIN units u ON u.id = p.unit_id JOIN health_checkins c "
      "ON c.id = a.checkin_id",
      " ORDER BY a.id DESC" + storage::PageClause(page));
  soci::rowset<soci::row> rs = list.Rows(sql);
  for (const auto& r : rs) {
    AlertRow a;
    a.id = GetInt(r, 0);
    a.person_id = GetInt(r, 1);
    a.checkin_id = GetInt(r, 2);
    a.day = GetStr(r, 3);
    a.kind = GetStr(r, 4);
    a.detail = GetStr(r, 5);
    a.status = GetStr(r, 6);
    a.recheck_due_at = GetStr(r, 7);
    a.created_at = GetStr(r, 8);
    a.name_zh = GetStr(r, 9);
    a.name_latin = GetStr(r, 10);
    a.unit_name_zh = GetStr(r, 11);
    a.unit_name_en = GetStr(r, 12);
    a.slot = static_cast<int>(GetInt(r, 13));
    a.temperature_tenths = static_cast<int>(GetInt(r, 14));
    a.escalation = GetStr(r, 15);
    out.items.push_back(std::move(a));
  }
  return out;
}

}  // namespace tongxin::health::repo
