// Trips storage.
#include "modules/travel/trips_repo.hpp"

#include "core/text.hpp"
#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::travel::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Trip> kTrips(
    "FROM trips t JOIN people pe ON pe.id = t.person_id JOIN units u ON u.id = pe.unit_id "
    "LEFT JOIN report_plans op ON op.id = t.observation_plan_id",
    "t",
    {{"name_zh", "pe.name_zh"},
     {"name_latin", "pe.name_latin"},
     {"nationality", "pe.nationality"},
     {"category", "pe.category"},
     {"unit_id", "pe.unit_id"},
     {"unit_name_zh", "u.name_zh"},
     {"unit_name_en", "u.name_en"},
     {"unit_path", "u.path"},
     {"observation_start", "COALESCE(op.start_date, '')"},
     {"observation_end", "COALESCE(op.end_date, '')"},
     {"observation_active", "COALESCE(op.active, 0)"}});
const RowMap<TripLeg> kLegs("FROM trip_legs");
const RowMap<TripEvent> kEvents("FROM trip_events");

Query TripWhere(const core::Principal& who, const TripFilter& f, bool with_statuses) {
  Query where(" WHERE 1 = 1");
  if (f.own_only) {
    where.Where("t.person_id = ?", who.person_id.value_or(0));
  } else {
    storage::AppendUnitScope(where, who, "pe.unit_id");
  }
  if (f.person_id) where.Where("t.person_id = ?", *f.person_id);
  if (!f.country.empty()) {
    where.Where("(',' || t.countries || ',' || t.location_country || ',') LIKE ?", "%," + f.country + ",%");
  }
  if (with_statuses && !f.statuses.empty()) {
    where.Append(" AND t.status IN (");
    for (std::size_t i = 0; i < f.statuses.size(); ++i) {
      where.Append((i ? ", :st" : ":st") + std::to_string(i));
      where.Bind("st" + std::to_string(i), f.statuses[i]);
    }
    where.Append(")");
  }
  const std::string s = core::ToLowerAscii(core::Trim(f.q));
  if (!s.empty()) {
    where.Append(" AND (pe.search_text LIKE :q ESCAPE '\\' OR LOWER(t.purpose) LIKE :q2 ESCAPE '\\' OR "
                 "LOWER(t.cities) LIKE :q3 ESCAPE '\\' OR LOWER(t.approval_ref) LIKE :q4 ESCAPE '\\')");
    const std::string pattern = "%" + core::EscapeLike(s) + "%";
    where.Bind("q", pattern).Bind("q2", pattern).Bind("q3", pattern).Bind("q4", pattern);
  }
  return where;
}

}  // namespace

constexpr const char* kOrder =
    " ORDER BY CASE t.status WHEN 'stranded' THEN 0 WHEN 'returning' THEN 1 WHEN 'abroad' THEN 2 WHEN 'observation' "
    "THEN 3 WHEN 'planned' THEN 4 ELSE 5 END, t.depart_on DESC, t.id DESC";

core::Page<Trip> ListTrips(soci::session& sql, const core::Principal& who, const TripFilter& f,
                           const core::PageRequest& page) {
  return kTrips.Page(sql, TripWhere(who, f, true), kOrder, page);
}

std::vector<Trip> AllTrips(soci::session& sql, const core::Principal& who, const TripFilter& f) {
  Query q = TripWhere(who, f, true).Wrap(kTrips.Select(), kOrder);
  return kTrips.All(sql, q);
}

std::map<std::string, std::int64_t> CountByStatus(soci::session& sql, const core::Principal& who, const TripFilter& f) {
  Query q = TripWhere(who, f, false)
                .Wrap("SELECT t.status, COUNT(*) FROM trips t JOIN people pe ON pe.id = t.person_id", " GROUP BY t.status");
  std::map<std::string, std::int64_t> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) out[GetStr(r, 0)] = GetInt(r, 1);
  return out;
}

std::optional<Trip> FindTrip(soci::session& sql, std::int64_t id) {
  Query q(kTrips.Select() + " WHERE t.id = :id");
  q.Bind("id", id);
  auto t = kTrips.One(sql, q);
  if (!t) return t;
  Query legs(kLegs.Select() + " WHERE trip_id = :t ORDER BY id");
  legs.Bind("t", id);
  t->legs = kLegs.All(sql, legs);
  Query events(kEvents.Select() + " WHERE trip_id = :t ORDER BY id");
  events.Bind("t", id);
  t->events = kEvents.All(sql, events);
  return t;
}

namespace {
Query& BindColumns(Query& q, const Trip& t) {
  q.Bind("k", t.kind).Bind("pu", t.purpose).Bind("co", t.countries).Bind("ci", t.cities).Bind("dep", t.depart_on);
  q.Bind("ret", t.return_on).Bind("dd", t.departed_on).Bind("rd", t.returned_on).Bind("ar", t.approval_ref);
  q.Bind("ca", t.contact_abroad).Bind("st", t.status).Bind("sr", t.stranded_reason).Bind("lo", t.location);
  q.Bind("lc", t.location_country).Bind("ne", t.needs).Bind("nn", t.needs_note).Bind("pa", t.position_at);
  q.Bind("op", t.observation_plan_id.value_or(0)).Bind("ua", t.updated_at);
  return q;
}
}  // namespace

std::int64_t InsertTrip(soci::session& sql, const Trip& t) {
  Query q("INSERT INTO trips (person_id, kind, purpose, countries, cities, depart_on, return_on, departed_on, "
          "returned_on, approval_ref, contact_abroad, status, stranded_reason, location, location_country, needs, "
          "needs_note, position_at, observation_plan_id, created_by, created_at, updated_at) VALUES (:p, :k, :pu, :co, "
          ":ci, :dep, :ret, :dd, :rd, :ar, :ca, :st, :sr, :lo, :lc, :ne, :nn, :pa, NULLIF(:op, 0), NULLIF(:cb, 0), "
          ":cat, :ua) RETURNING id");
  q.Bind("p", t.person_id).Bind("cb", t.created_by.value_or(0)).Bind("cat", t.created_at);
  return BindColumns(q, t).Scalar(sql);
}

void UpdateTrip(soci::session& sql, const Trip& t) {
  Query q("UPDATE trips SET kind = :k, purpose = :pu, countries = :co, cities = :ci, depart_on = :dep, return_on = "
          ":ret, departed_on = :dd, returned_on = :rd, approval_ref = :ar, contact_abroad = :ca, status = :st, "
          "stranded_reason = :sr, location = :lo, location_country = :lc, needs = :ne, needs_note = :nn, position_at = "
          ":pa, observation_plan_id = NULLIF(:op, 0), updated_at = :ua WHERE id = :id");
  q.Bind("id", t.id);
  BindColumns(q, t).Exec(sql);
}

void SetLegs(soci::session& sql, std::int64_t trip_id, const std::vector<LegInput>& legs) {
  Query("DELETE FROM trip_legs WHERE trip_id = :t").Bind("t", trip_id).Exec(sql);
  for (const auto& l : legs) {
    Query q("INSERT INTO trip_legs (trip_id, flight, from_place, to_place, depart_at, arrive_at) VALUES (:t, :f, :fr, "
            ":to, :d, :a)");
    q.Bind("t", trip_id).Bind("f", l.flight).Bind("fr", l.from_place).Bind("to", l.to_place).Bind("d", l.depart_at);
    q.Bind("a", l.arrive_at).Exec(sql);
  }
}

std::int64_t AddEvent(soci::session& sql, const TripEvent& e) {
  Query q("INSERT INTO trip_events (trip_id, at, kind, status_from, status_to, party, note, cost_minor, currency, "
          "location, needs, return_on, actor_id, actor_name) VALUES (:t, :at, :k, :sf, :st, :pa, :n, :c, :cu, :lo, :ne, :r, "
          "NULLIF(:a, 0), "
          ":an) RETURNING id");
  q.Bind("t", e.trip_id).Bind("at", e.at).Bind("k", e.kind).Bind("sf", e.status_from).Bind("st", e.status_to);
  q.Bind("pa", e.party).Bind("n", e.note).Bind("c", e.cost_minor).Bind("cu", e.currency).Bind("lo", e.location);
  q.Bind("ne", e.needs).Bind("r", e.return_on);
  q.Bind("a", e.actor_id.value_or(0)).Bind("an", e.actor_name);
  return q.Scalar(sql);
}

std::vector<Trip> OverdueTrips(soci::session& sql, const std::string& today) {
  Query q(kTrips.Select() +
          " WHERE t.status IN ('abroad', 'stranded', 'returning') AND t.return_on < :d ORDER BY t.return_on, t.id");
  q.Bind("d", today);
  return kTrips.All(sql, q);
}

std::vector<Trip> TripsTo(soci::session& sql, const std::string& country) {
  Query q(kTrips.Select() +
          " WHERE t.status IN ('planned', 'abroad', 'stranded', 'returning') AND (',' || t.countries || ',' || "
          "t.location_country || ',') LIKE :c ORDER BY t.id");
  q.Bind("c", "%," + country + ",%");
  return kTrips.All(sql, q);
}

std::vector<Trip> ObservationsOver(soci::session& sql, const std::string& today) {
  Query q(kTrips.Select() +
          " WHERE t.status = 'observation' AND (op.id IS NULL OR op.active = 0 OR (op.end_date <> '' AND op.end_date < "
          ":d)) ORDER BY t.id");
  q.Bind("d", today);
  return kTrips.All(sql, q);
}

}  // namespace tongxin::travel::repo
