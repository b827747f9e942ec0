// Unit storage.
#include "modules/people/people_repo.hpp"
#include "storage/query.hpp"
#include "storage/rows.hpp"

namespace tongxin::people::repo {
namespace {

using storage::GetInt;
using storage::GetOptInt;
using storage::GetStr;

constexpr const char* kUnitColumns =
    "SELECT id, parent_id, code, name_zh, name_en, kind, path, sort_order, archived, created_at, updated_at FROM units";

Unit UnitFromRow(const soci::row& r) {
  Unit u;
  u.id = GetInt(r, "id");
  u.parent_id = GetOptInt(r, "parent_id");
  u.code = GetStr(r, "code");
  u.name_zh = GetStr(r, "name_zh");
  u.name_en = GetStr(r, "name_en");
  u.kind = GetStr(r, "kind");
  u.path = GetStr(r, "path");
  u.sort_order = static_cast<int>(GetInt(r, "sort_order"));
  u.archived = GetInt(r, "archived") != 0;
  u.created_at = GetStr(r, "created_at");
  u.updated_at = GetStr(r, "updated_at");
  return u;
}

std::optional<Unit> One(soci::session& sql, storage::Query q) {
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return UnitFromRow(r);
  return std::nullopt;
}

std::string ParentPath(soci::session& sql, const std::optional<std::int64_t>& parent_id) {
  if (!parent_id) return "/";
  auto p = FindUnit(sql, *parent_id);
  return p ? p->path : "/";
}

}  // namespace

std::vector<Unit> ListUnits(soci::session& sql) {
  std::vector<Unit> out;
  auto query = storage::Query(std::string(kUnitColumns) + " ORDER BY path, sort_order, id");
  soci::rowset<soci::row> rs = query.Rows(sql);
  for (const auto& r : rs) out.push_back(UnitFromRow(r));
  return out;
}

std::optional<Unit> FindUnit(soci::session& sql, std::int64_t id) {
  return One(sql, storage::Query(std::string(kUnitColumns) + " WHERE id = :id").Bind("id", id));
}

std::optional<Unit> FindUnitByCode(soci::session& sql, const std::string& code) {
  return One(sql, storage::Query(std::string(kUnitColumns) + " WHERE code = :c").Bind("c", code));
}

std::int64_t InsertUnit(soci::session& sql, Unit& u) {
  storage::Query q("INSERT INTO units (parent_id, code, name_zh, name_en, kind, path, sort_order, archived, "
                   "created_at, updated_at) VALUES (" +
                   std::string(u.parent_id ? ":pid" : "NULL") +
                   ", :code, :nz, :ne, :kind, '', :so, :ar, :ca, :ua) RETURNING id");
  if (u.parent_id) q.Bind("pid", *u.parent_id);
  q.Bind("code", u.code).Bind("nz", u.name_zh).Bind("ne", u.name_en).Bind("kind", u.kind);
  q.Bind("so", std::int64_t{u.sort_order}).Bind("ar", std::int64_t{u.archived ? 1 : 0});
  q.Bind("ca", u.created_at).Bind("ua", u.updated_at);
  u.id = q.Scalar(sql);
  u.path = ParentPath(sql, u.parent_id) + std::to_string(u.id) + "/";
  storage::Query("UPDATE units SET path = :p WHERE id = :id").Bind("p", u.path).Bind("id", u.id).Exec(sql);
  return u.id;
}

void UpdateUnit(soci::session& sql, const Unit& before, Unit& after) {
  if (after.parent_id != before.parent_id) {
    after.path = ParentPath(sql, after.parent_id) + std::to_string(after.id) + "/";
    // Rewrite the prefix of every descendant's path (and this unit's own).
    storage::Query("UPDATE units SET path = CAST(:np AS TEXT) || substr(path, CAST(:len AS INTEGER)) WHERE path LIKE :old ESCAPE '\\'")
        .Bind("np", after.path)
        .Bind("len", static_cast<std::int64_t>(before.path.size() + 1))
        .Bind("old", before.path + "%")
        .Exec(sql);
  }
  storage::Query q("UPDATE units SET parent_id = " + std::string(after.parent_id ? ":pid" : "NULL") +
                   ", code = :code, name_zh = :nz, name_en = :ne, kind = :kind, sort_order = :so, archived = :ar, "
                   "updated_at = :ua WHERE id = :id");
  if (after.parent_id) q.Bind("pid", *after.parent_id);
  q.Bind("code", after.code).Bind("nz", after.name_zh).Bind("ne", after.name_en).Bind("kind", after.kind);
  q.Bind("so", std::int64_t{after.sort_order}).Bind("ar", std::int64_t{after.archived ? 1 : 0});
  q.Bind("ua", after.updated_at).Bind("id", after.id);
  q.Exec(sql);
}

std::int64_t CountChildren(soci::session& sql, std::int64_t unit_id) {
  return storage::Query("SELECT COUNT(*) FROM units WHERE parent_id = :id").Bind("id", unit_id).Scalar(sql);
}

std::int64_t CountPeopleIn(soci::session& sql, std::int64_t unit_id) {
  return storage::Query("SELECT COUNT(*) FROM people WHERE unit_id = :id").Bind("id", unit_id).Scalar(sql);
}

void DeleteUnit(soci::session& sql, std::int64_t unit_id) {
  storage::Query("DELETE FROM user_units WHERE unit_id = :id").Bind("id", unit_id).Exec(sql);
  storage::Query("DELETE FROM units WHERE id = :id").Bind("id", unit_id).Exec(sql);
}

}  // namespace tongxin::people::repo
