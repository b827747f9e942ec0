// Role names and scope checks.
#include "core/roles.hpp"

#include <array>

namespace tongxin::core {
namespace {
constexpr std::array<std::string_view, kRoleCount> kNames = {
    "admin", "office", "department", "leader", "volunteer", "foreign_staff"};
}

std::string_view RoleName(Role r) { return kNames[static_cast<int>(r)]; }

std::optional<Role> ParseRole(std::string_view name) {
  for (int i = 0; i < kRoleCount; ++i) {
    if (kNames[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::vector<Role> AllRoles() {
  std::vector<Role> out;
  for (int i = 0; i < kRoleCount; ++i) out.push_back(static_cast<Role>(i));
  return out;
}

const std::vector<NamedRoleSet>& NamedRoleSets() {
  static const std::vector<NamedRoleSet> kSets = {
      {"admins", roles::kAdmins},   {"managers", roles::kManagers}, {"editors", roles::kEditors},
      {"staff", roles::kStaff},     {"readers", roles::kReaders},   {"incident_readers", roles::kIncidentReaders},
      {"overseers", roles::kOverseers}, {"own_record", roles::kOwnRecord}, {"everyone", roles::kEveryone},
  };
  return kSets;
}

bool Principal::InScope(std::string_view unit_path) const {
  if (all_units) return true;
  for (const auto& p : scope_paths) {
    if (unit_path.substr(0, p.size()) == p) return true;
  }
  return false;
}

}  // namespace tongxin::core
