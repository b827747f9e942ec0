// Unit storage.
#include "modules/people/people_repo.hpp"
#include "storage/repo_kit.hpp"

namespace tongxin::people::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {


const RowMap<Unit> kUnits("FROM units");

std::optional<Unit> One(soci::session& sql, Query q) { return kUnits.One(sql, q); }

std::string ParentPath(soci::session& sql, const std::optional<std::int64_t>& parent_id) {
  if (!parent_id) return "/";
  auto p = FindUnit(sql, *parent_id);
  return p ? p->path : "/";
}

}  // namespace

std::vector<Unit> ListUnits(soci::session& sql) {
  Query q(kUnits.Select() + " ORDER BY path, sort_order, id");
  return kUnits.All(sql, q);
}

std::optional<Unit> FindUnit(soci::session& sql, std::int64_t id) {
  return One(sql, Query(kUnits.Select() + " WHERE id = :id").Bind("id", id));
}

std::optional<Unit> FindUnitByCode(soci::session& sql, const std::string& code) {
  return One(sql, Query(kUnits.Select() + " WHERE code = :c").Bind("c", code));
}

std::int64_t InsertUnit(soci::session& sql, Unit& u) {
  Query q("INSERT INTO units (parent_id, code, name_zh, name_en, kind, path, sort_order, archived, "
                   "created_at, updated_at) VALUES (" +
                   std::string(u.parent_id ? ":pid" : "NULL") +
                   ", :code, :nz, :ne, :kind, '', :so, :ar, :ca, :ua) RETURNING id");
  if (u.parent_id) q.Bind("pid", *u.parent_id);
  q.Bind("code", u.code).Bind("nz", u.name_zh).Bind("ne", u.name_en).Bind("kind", u.kind);
  q.Bind("so", std::int64_t{u.sort_order}).Bind("ar", std::int64_t{u.archived ? 1 : 0});
  q.Bind("ca", u.created_at).Bind("ua", u.updated_at);
  u.id = q.Scalar(sql);
  u.path = ParentPath(sql, u.parent_id) + std::to_string(u.id) + "/";
  Query("UPDATE units SET path = :p WHERE id = :id").Bind("p", u.path).Bind("id", u.id).Exec(sql);
  return u.id;
}

void UpdateUnit(soci::session& sql, const Unit& before, Unit& after) {
  if (after.parent_id != before.parent_id) {
    after.path = ParentPath(sql, after.parent_id) + std::to_string(after.id) + "/";
    // Rewrite the prefix of every descendant's path (and this unit's own).
    Query("UPDATE units SET path = CAST(:np AS TEXT) || substr(path, CAST(:len AS INTEGER)) WHERE path LIKE :old ESCAPE '\\'")
        .Bind("np", after.path)
        .Bind("len", static_cast<std::int64_t>(before.path.size() + 1))
        .Bind("old", before.path + "%")
        .Exec(sql);
  }
  Query q("UPDATE units SET parent_id = " + std::string(after.parent_id ? ":pid" : "NULL") +
                   ", code = :code, name_zh = :nz, name_en = :ne, kind = :kind, sort_order = :so, archived = :ar, "
                   "updated_at = :ua WHERE id = :id");
  if (after.parent_id) q.Bind("pid", *after.parent_id);
  q.Bind("code", after.code).Bind("nz", after.name_zh).Bind("ne", after.name_en).Bind("kind", after.kind);
  q.Bind("so", std::int64_t{after.sort_order}).Bind("ar", std::int64_t{after.archived ? 1 : 0});
  q.Bind("ua", after.updated_at).Bind("id", after.id);
  q.Exec(sql);
}

std::int64_t CountChildren(soci::session& sql, std::int64_t unit_id) {
  return Query("SELECT COUNT(*) FROM units WHERE parent_id = :id").Bind("id", unit_id).Scalar(sql);
}

std::int64_t CountPeopleIn(soci::session& sql, std::int64_t unit_id) {
  return Query("SELECT COUNT(*) FROM people WHERE unit_id = :id").Bind("id", unit_id).Scalar(sql);
}

void DeleteUnit(soci::session& sql, std::int64_t unit_id) {
  Query("DELETE FROM user_units WHERE unit_id = :id").Bind("id", unit_id).Exec(sql);
  Query("DELETE FROM units WHERE id = :id").Bind("id", unit_id).Exec(sql);
}

}  // namespace tongxin::people::repo
