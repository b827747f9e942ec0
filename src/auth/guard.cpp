// The scope guard.
#include "auth/guard.hpp"

#include "auth/auth_repo.hpp"

namespace tongxin::auth::guard {
namespace {

core::Error Missing(std::string_view field, const char* reason) {
  if (field.empty()) return core::NotFound(reason);
  return core::FieldInvalid(std::string(field), reason);
}

}  // namespace

bool IsStaff(core::Role r) { return core::roles::kReaders.Has(r); }

core::Status Path(const core::Principal& who, std::string_view unit_path) {
  if (!IsStaff(who.role) || !who.InScope(unit_path)) return core::Forbidden("auth.out_of_scope");
  return {};
}

core::Result<PersonRef> Person(soci::session& sql, const core::Principal& who, std::int64_t person_id,
                               std::string_view field) {
  auto row = repo::FindPersonScope(sql, person_id);
  if (!row) return Missing(field, "people.not_found");
  PersonRef ref{person_id, row->unit_id, row->unit_path, who.person_id && *who.person_id == person_id};
  if (!ref.own) {
    TX_CHECK(Path(who, ref.unit_path));
  }
  return ref;
}

core::Result<UnitRef> Unit(soci::session& sql, const core::Principal& who, std::int64_t unit_id,
                           std::string_view field) {
  auto paths = repo::UnitPaths(sql, {unit_id});
  if (paths.empty()) return Missing(field, "units.not_found");
  TX_CHECK(Path(who, paths.front()));
  return UnitRef{unit_id, paths.front()};
}

bool Covers(const repo::AccountScope& account, std::string_view unit_path) {
  const auto role = core::ParseRole(account.role);
  if (!role || !core::roles::kEditors.Has(*role)) return false;  // those who handle records
  if (*role == core::Role::kAdmin) return true;
  for (const auto& p : account.paths) {
    if (unit_path.substr(0, p.size()) == p) return true;
  }
  return false;
}

core::Status AccountCovers(soci::session& sql, std::int64_t user_id, std::string_view unit_path,
                           std::string_view field) {
  auto u = repo::FindUserById(sql, user_id);
  if (!u || !u->active) return core::FieldInvalid(std::string(field), "users.not_found");
  repo::AccountScope account{u->id, u->display_name, std::string(core::RoleName(u->role)),
                             repo::UnitPaths(sql, u->unit_ids)};
  if (!Covers(account, unit_path)) return core::FieldInvalid(std::string(field), "auth.assignee_out_of_scope");
  return {};
}

}  // namespace tongxin::auth::guard
