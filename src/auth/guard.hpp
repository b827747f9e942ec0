// The one scope guard: may this principal see or change this person, this unit, this
// account's assignment? Every service asks it for every object a request names by id or
// refers to in its body. Module-independent: it knows people, units and accounts only.
// Thread-safe; runs on the caller's session (inside its transaction when there is one).
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "auth/auth_repo.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"

namespace tongxin::auth::guard {

struct PersonRef {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_path;
  bool own = false;  // the caller's own person record
};

struct UnitRef {
  std::int64_t id = 0;
  std::string path;
};

// A person the caller may see: their own record (any role), or for staff roles a person
// of a unit in scope. `field` names the request field that carried the id (for 400s).
// Errors: people.not_found (404, or 400 naming `field` when it came in a body),
// auth.out_of_scope (403).
core::Result<PersonRef> Person(soci::session& sql, const core::Principal& who, std::int64_t person_id,
                               std::string_view field = "");
// A unit in the caller's scope. Errors: units.not_found (as Person), auth.out_of_scope.
core::Result<UnitRef> Unit(soci::session& sql, const core::Principal& who, std::int64_t unit_id,
                           std::string_view field = "");
// Staff roles only; the path lies in scope. Errors: auth.out_of_scope.
core::Status Path(const core::Principal& who, std::string_view unit_path);
// True for the roles that handle other people's records in their units.
bool IsStaff(core::Role r);
// True when the account (admin, office or department) covers the unit at unit_path.
bool Covers(const repo::AccountScope& account, std::string_view unit_path);
// An active account responsible for the unit at unit_path: an admin, or an office or
// department account whose units cover it. Errors: users.not_found (400 naming `field`),
// auth.assignee_out_of_scope (400 naming `field`).
core::Status AccountCovers(soci::session& sql, std::int64_t user_id, std::string_view unit_path,
                           std::string_view field);

}  // namespace tongxin::auth::guard
