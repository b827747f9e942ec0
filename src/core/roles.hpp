// Roles, role sets and the authenticated principal. Plain data shared by http/ (route
// access declarations) and auth/ (who is logged in); no I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"

namespace tongxin::core {

enum class Role : std::uint8_t {
  kAdmin = 0,       // system owner: users, roles, settings, audit
  kOffice = 1,      // International Office staff: everything in scope
  kDepartment = 2,  // HR, clinic, logistics, finance, intl. education: their part
  kLeader = 3,      // headquarters: read-only
  kVolunteer = 4,   // staff deployed to communities
  kForeignStaff = 5,  // only their own records
};
inline constexpr int kRoleCount = 6;

std::string_view RoleName(Role r);                     // "admin", "office", ...
std::optional<Role> ParseRole(std::string_view name);  // nullopt for unknown names
std::vector<Role> AllRoles();

// A set of roles as a bitmask; used to declare route access once.
class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(std::initializer_list<Role> roles) {
    for (Role r : roles) bits_ |= Bit(r);
  }
  static constexpr RoleSet All() {
    return {Role::kAdmin, Role::kOffice, Role::kDepartment, Role::kLeader, Role::kVolunteer,
            Role::kForeignStaff};
  }
  constexpr bool Has(Role r) const { return (bits_ & Bit(r)) != 0; }
  constexpr bool Empty() const { return bits_ == 0; }

 private:
  static constexpr unsigned Bit(Role r) { return 1u << static_cast<unsigned>(r); }
  unsigned bits_ = 0;
};

// The role sets routes are declared with, named once. /auth/me tells the web app which of
// them the caller belongs to, so no view repeats a list of roles.
namespace roles {
inline constexpr RoleSet kAdmins{Role::kAdmin};
inline constexpr RoleSet kManagers{Role::kAdmin, Role::kOffice};                       // plans, imports, units
inline constexpr RoleSet kEditors{Role::kAdmin, Role::kOffice, Role::kDepartment};     // change records in scope
inline constexpr RoleSet kStaff{Role::kAdmin, Role::kOffice, Role::kDepartment, Role::kLeader};  // read health data
inline constexpr RoleSet kReaders{Role::kAdmin, Role::kOffice, Role::kDepartment, Role::kLeader,
                                  Role::kVolunteer};                                   // people and units
inline constexpr RoleSet kIncidentReaders{Role::kAdmin, Role::kOffice, Role::kDepartment, Role::kLeader,
                                          Role::kForeignStaff};                        // staff, and the person
inline constexpr RoleSet kOverseers{Role::kAdmin, Role::kOffice, Role::kLeader};        // every notice, who read it
inline constexpr RoleSet kOwnRecord{Role::kForeignStaff};                             // see only themselves
inline constexpr RoleSet kEveryone = RoleSet::All();
}  // namespace roles

struct NamedRoleSet {
  std::string_view name;  // "managers", "editors", ...
  RoleSet roles;
};
// Every named set, for /auth/me.
const std::vector<NamedRoleSet>& NamedRoleSets();

// Who is making a request. Built by auth/ from a session cookie or an API token.
struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kForeignStaff;
  std::optional<Lang> language;           // the user's preference, if set
  std::optional<std::int64_t> person_id;  // the person record of this user, if linked
  std::vector<std::string> scope_paths;   // unit paths ("/1/4/") the user may see
  bool all_units = false;                 // admin: no unit restriction
  bool via_token = false;                 // API token: no CSRF check
  std::string session_id;                 // hashed session id (cookie sessions only)
  std::string csrf_token;                 // expected X-CSRF-Token (cookie sessions only)

  // True when the role may see passport / ID numbers unmasked.
  bool MaySeeIdentifiers() const { return role == Role::kAdmin || role == Role::kOffice; }
  // True when the unit with this materialised path is within the user's scope.
  bool InScope(std::string_view unit_path) const;
};

}  // namespace tongxin::core
