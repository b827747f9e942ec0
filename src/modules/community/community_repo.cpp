// Households, residents and building lockdowns storage.
#include "modules/community/community_repo.hpp"

#include "core/text.hpp"
#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::community::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

// A household's unit (u), its building (b) and the building's state (l).
constexpr const char* kWhere =
    "FROM households h JOIN units u ON u.id = h.unit_id JOIN units b ON b.id = (CASE WHEN u.kind = 'entrance' THEN "
    "u.parent_id ELSE u.id END) LEFT JOIN building_lockdowns l ON l.unit_id = b.id";

const RowMap<Household> kHouseholds(
    kWhere, "h",
    {{"unit_kind", "u.kind"},
     {"unit_name_zh", "u.name_zh"},
     {"unit_name_en", "u.name_en"},
     {"building_id", "b.id"},
     {"building_name_zh", "b.name_zh"},
     {"building_name_en", "b.name_en"},
     {"state", "COALESCE(l.state, 'open')"},
     {"residents", "(SELECT COUNT(*) FROM household_residents hr WHERE hr.household_id = h.id)"}});

const RowMap<Resident> kResidents(
    std::string("FROM household_residents r JOIN people p ON p.id = r.person_id JOIN households h ON h.id = "
                "r.household_id JOIN units u ON u.id = h.unit_id JOIN units b ON b.id = (CASE WHEN u.kind = "
                "'entrance' THEN u.parent_id ELSE u.id END) LEFT JOIN building_lockdowns l ON l.unit_id = b.id"),
    "r",
    {{"name_zh", "p.name_zh"},
     {"name_latin", "p.name_latin"},
     {"phone", "p.phone"},
     {"category", "p.category"},
     {"room", "h.room"},
     {"unit_kind", "u.kind"},
     {"unit_name_zh", "u.name_zh"},
     {"unit_name_en", "u.name_en"},
     {"building_name_zh", "b.name_zh"},
     {"building_name_en", "b.name_en"},
     {"state", "COALESCE(l.state, 'open')"}});

const RowMap<Building> kBuildings(
    "FROM units u LEFT JOIN units pu ON pu.id = u.parent_id LEFT JOIN building_lockdowns l ON l.unit_id = u.id", "u",
    {{"parent_name_zh", "COALESCE(pu.name_zh, '')"},
     {"parent_name_en", "COALESCE(pu.name_en, '')"},
     {"state", "COALESCE(l.state, 'open')"},
     {"since", "COALESCE(l.since, '')"},
     {"until", "COALESCE(l.until, '')"},
     {"reason", "COALESCE(l.reason, '')"},
     {"households", "(SELECT COUNT(*) FROM households h JOIN units hu ON hu.id = h.unit_id WHERE hu.id = u.id OR "
                    "hu.parent_id = u.id)"},
     {"residents", "(SELECT COUNT(*) FROM household_residents hr JOIN households h ON h.id = hr.household_id JOIN "
                   "units hu ON hu.id = h.unit_id WHERE hu.id = u.id OR hu.parent_id = u.id)"}});

const RowMap<LockdownEvent> kEvents("FROM building_lockdown_events e", "e");

}  // namespace

core::Page<Building> Buildings(soci::session& sql, const core::Principal& who, const Filter& f,
                               const core::PageRequest& page) {
  Query where(" WHERE u.kind = 'building' AND u.archived = 0");
  storage::AppendUnitScope(where, who, "u.id");
  storage::AppendUnitSubtree(where, "u.id", f.under_path);
  if (!f.state.empty()) where.Append(" AND COALESCE(l.state, 'open') = :st").Bind("st", f.state);
  if (!f.q.empty()) {
    const std::string like = "%" + core::EscapeLike(f.q) + "%";
    where.Append(" AND (u.name_zh LIKE :q1 ESCAPE '\\' OR u.name_en LIKE :q2 ESCAPE '\\')");
    where.Bind("q1", like).Bind("q2", like);
  }
  return kBuildings.Page(sql, where, " ORDER BY u.path, u.sort_order, u.id", page);
}

std::optional<Building> FindBuilding(soci::session& sql, std::int64_t unit_id) {
  Query q(kBuildings.Select() + " WHERE u.id = :id AND u.kind = 'building'");
  q.Bind("id", unit_id);
  return kBuildings.One(sql, q);
}

std::vector<LockdownEvent> LockdownHistory(soci::session& sql, std::int64_t unit_id) {
  Query q(kEvents.Select() + " WHERE e.unit_id = :u ORDER BY e.id DESC");
  q.Bind("u", unit_id);
  return kEvents.All(sql, q);
}

void SetLockdown(soci::session& sql, const Lockdown& l, const std::string& actor_name) {
  Query up("INSERT INTO building_lockdowns (unit_id, state, since, until, reason, updated_by_name, updated_at) VALUES "
           "(:u, :s, :f, :t, :r, :n, :a) ON CONFLICT (unit_id) DO UPDATE SET state = excluded.state, since = "
           "excluded.since, until = excluded.until, reason = excluded.reason, updated_by_name = "
           "excluded.updated_by_name, updated_at = excluded.updated_at");
  up.Bind("u", l.unit_id).Bind("s", l.state).Bind("f", l.since).Bind("t", l.until).Bind("r", l.reason);
  up.Bind("n", l.updated_by_name).Bind("a", l.updated_at).Exec(sql);
  Query ev("INSERT INTO building_lockdown_events (unit_id, state, since, until, reason, actor_name, at) VALUES (:u, "
           ":s, :f, :t, :r, :n, :a)");
  ev.Bind("u", l.unit_id).Bind("s", l.state).Bind("f", l.since).Bind("t", l.until).Bind("r", l.reason);
  ev.Bind("n", actor_name).Bind("a", l.updated_at).Exec(sql);
}

core::Page<Household> Households(soci::session& sql, const core::Principal& who, const Filter& f,
                                 const core::PageRequest& page) {
  Query where(" WHERE 1 = 1");
  storage::AppendUnitScope(where, who, "u.id");
  storage::AppendUnitSubtree(where, "u.id", f.under_path);
  if (!f.state.empty()) where.Append(" AND COALESCE(l.state, 'open') = :st").Bind("st", f.state);
  if (!f.q.empty()) where.Where("h.room LIKE ? ESCAPE '\\'", "%" + core::EscapeLike(f.q) + "%");
  return kHouseholds.Page(sql, where, " ORDER BY b.path, b.sort_order, b.id, u.sort_order, u.id, h.room", page,
                          std::string(kWhere));
}

std::optional<Household> FindHousehold(soci::session& sql, std::int64_t id) {
  Query q(kHouseholds.Select() + " WHERE h.id = :id");
  q.Bind("id", id);
  return kHouseholds.One(sql, q);
}

std::optional<std::int64_t> HouseholdAt(soci::session& sql, std::int64_t unit_id, const std::string& room) {
  Query q("SELECT id FROM households WHERE unit_id = :u AND room = :r");
  q.Bind("u", unit_id).Bind("r", room);
  for (const auto& row : q.Rows(sql)) return GetInt(row, 0);
  return std::nullopt;
}

std::int64_t InsertHousehold(soci::session& sql, const Household& h) {
  Query q("INSERT INTO households (unit_id, room, notes, created_at, updated_at) VALUES (:u, :r, :n, :c, :c) "
          "RETURNING id");
  return q.Bind("u", h.unit_id).Bind("r", h.room).Bind("n", h.notes).Bind("c", h.created_at).Scalar(sql);
}

void UpdateHousehold(soci::session& sql, const Household& h) {
  Query q("UPDATE households SET room = :r, notes = :n, updated_at = :a WHERE id = :id");
  q.Bind("r", h.room).Bind("n", h.notes).Bind("a", h.updated_at).Bind("id", h.id).Exec(sql);
}

core::Page<Resident> Residents(soci::session& sql, const core::Principal& who, const Filter& f,
                               const core::PageRequest& page) {
  Query where(" WHERE p.status = 'active'");
  storage::AppendUnitScope(where, who, "u.id");
  storage::AppendUnitSubtree(where, "u.id", f.under_path);
  if (!f.state.empty()) where.Append(" AND COALESCE(l.state, 'open') = :st").Bind("st", f.state);
  if (f.flag == "elderly_alone") where.Append(" AND r.elderly_alone = 1");
  if (f.flag == "chronic_illness") where.Append(" AND r.chronic_illness = 1");
  if (f.flag == "pregnant") where.Append(" AND r.pregnant = 1");
  if (f.flag == "disabled") where.Append(" AND r.disabled = 1");
  if (!f.q.empty()) {
    const std::string like = "%" + core::EscapeLike(f.q) + "%";
    where.Append(" AND (p.name_zh LIKE :q1 ESCAPE '\\' OR p.name_latin LIKE :q2 ESCAPE '\\' OR h.room LIKE :q3 "
                 "ESCAPE '\\')");
    where.Bind("q1", like).Bind("q2", like).Bind("q3", like);
  }
  return kResidents.Page(sql, where, " ORDER BY b.path, b.id, u.id, h.room, p.id", page);
}

std::vector<Resident> ResidentsOf(soci::session& sql, std::int64_t household_id) {
  Query q(kResidents.Select() + " WHERE r.household_id = :h ORDER BY p.id");
  q.Bind("h", household_id);
  return kResidents.All(sql, q);
}

std::optional<Resident> FindResident(soci::session& sql, std::int64_t person_id) {
  Query q(kResidents.Select() + " WHERE r.person_id = :p");
  q.Bind("p", person_id);
  return kResidents.One(sql, q);
}

void InsertResident(soci::session& sql, const Resident& r, const std::string& now) {
  Query q("INSERT INTO household_residents (person_id, household_id, age_band, elderly_alone, chronic_illness, "
          "pregnant, disabled, created_at, updated_at) VALUES (:p, :h, :a, :e, :c, :g, :d, :n, :n)");
  q.Bind("p", r.person_id).Bind("h", r.household_id).Bind("a", r.age_band).Bind("e", r.elderly_alone);
  q.Bind("c", r.chronic_illness).Bind("g", r.pregnant).Bind("d", r.disabled).Bind("n", now).Exec(sql);
}

void UpdateResident(soci::session& sql, const Resident& r, const std::string& now) {
  Query q("UPDATE household_residents SET household_id = :h, age_band = :a, elderly_alone = :e, chronic_illness = :c, "
          "pregnant = :g, disabled = :d, updated_at = :n WHERE person_id = :p");
  q.Bind("p", r.person_id).Bind("h", r.household_id).Bind("a", r.age_band).Bind("e", r.elderly_alone);
  q.Bind("c", r.chronic_illness).Bind("g", r.pregnant).Bind("d", r.disabled).Bind("n", now).Exec(sql);
}

void DeleteResident(soci::session& sql, std::int64_t person_id) {
  Query q("DELETE FROM household_residents WHERE person_id = :p");
  q.Bind("p", person_id).Exec(sql);
}

bool HoldsHouseholds(soci::session& sql, std::int64_t unit_id) {
  Query q("SELECT COUNT(*) FROM units u LEFT JOIN units b ON b.id = u.parent_id WHERE u.id = :id AND u.archived = 0 "
          "AND (u.kind = 'building' OR (u.kind = 'entrance' AND b.kind = 'building'))");
  return q.Bind("id", unit_id).Scalar(sql) > 0;
}

std::optional<std::int64_t> UnitByAddress(soci::session& sql, const std::string& community_path,
                                          const std::string& building, const std::string& entrance) {
  Query q(entrance.empty()
              ? "SELECT u.id FROM units u WHERE u.kind = 'building' AND u.archived = 0 AND u.name_zh = :b"
              : "SELECT e.id FROM units u JOIN units e ON e.parent_id = u.id AND e.kind = 'entrance' AND e.archived "
                "= 0 AND e.name_zh = :e WHERE u.kind = 'building' AND u.archived = 0 AND u.name_zh = :b");
  q.Bind("b", building);
  if (!entrance.empty()) q.Bind("e", entrance);
  storage::AppendUnitSubtree(q, "u.id", community_path);
  q.Append(" ORDER BY 1 LIMIT 2");
  std::vector<std::int64_t> ids;
  for (const auto& row : q.Rows(sql)) ids.push_back(GetInt(row, 0));
  if (ids.size() != 1) return std::nullopt;  // none, or two compounds with a building of that name
  return ids.front();
}

std::optional<std::int64_t> ChildNamed(soci::session& sql, std::int64_t parent_id, const std::string& kind,
                                       const std::string& name_zh) {
  Query q("SELECT id FROM units WHERE parent_id = :p AND kind = :k AND name_zh = :n AND archived = 0 ORDER BY id "
          "LIMIT 2");
  q.Bind("p", parent_id).Bind("k", kind).Bind("n", name_zh);
  std::vector<std::int64_t> ids;
  for (const auto& row : q.Rows(sql)) ids.push_back(GetInt(row, 0));
  if (ids.size() != 1) return std::nullopt;
  return ids.front();
}

std::vector<std::int64_t> BuildingsNamed(soci::session& sql, const std::string& under_path,
                                         const std::string& name_zh) {
  Query q("SELECT u.id FROM units u WHERE u.kind = 'building' AND u.archived = 0 AND u.name_zh = :n");
  q.Bind("n", name_zh);
  storage::AppendUnitSubtree(q, "u.id", under_path);
  q.Append(" ORDER BY u.id LIMIT 5");
  std::vector<std::int64_t> ids;
  for (const auto& row : q.Rows(sql)) ids.push_back(GetInt(row, 0));
  return ids;
}

std::optional<Resident> ResidentByNameAndPhone(soci::session& sql, const std::string& name_zh,
                                               const std::string& phone) {
  Query q(kResidents.Select() + " WHERE p.name_zh = :n AND p.phone = :ph ORDER BY r.person_id LIMIT 1");
  q.Bind("n", name_zh).Bind("ph", phone);
  return kResidents.One(sql, q);
}

}  // namespace tongxin::community::repo
