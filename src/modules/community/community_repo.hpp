// Households, residents and building lockdowns storage. Lists take the caller's unit scope
// (storage/scope.hpp) and a subtree (a community, compound or building path).
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/community/household.hpp"

namespace tongxin::community::repo {

struct Filter {
  std::string under_path;  // a unit's path: what lies under it ("" = all in scope)
  std::string state;       // a building state ("" = any)
  std::string flag;        // residents with this vulnerable flag ("" = any)
  std::string q;           // room or name
};

core::Page<Building> Buildings(soci::session& sql, const core::Principal& who, const Filter& f,
                               const core::PageRequest& page);
std::optional<Building> FindBuilding(soci::session& sql, std::int64_t unit_id);
std::vector<LockdownEvent> LockdownHistory(soci::session& sql, std::int64_t unit_id);
// Sets the building's state and appends the change to its history.
void SetLockdown(soci::session& sql, const Lockdown& l, const std::string& actor_name);

core::Page<Household> Households(soci::session& sql, const core::Principal& who, const Filter& f,
                                 const core::PageRequest& page);
std::optional<Household> FindHousehold(soci::session& sql, std::int64_t id);
std::optional<std::int64_t> HouseholdAt(soci::session& sql, std::int64_t unit_id, const std::string& room);
std::int64_t InsertHousehold(soci::session& sql, const Household& h);
void UpdateHousehold(soci::session& sql, const Household& h);

core::Page<Resident> Residents(soci::session& sql, const core::Principal& who, const Filter& f,
                               const core::PageRequest& page);
std::vector<Resident> ResidentsOf(soci::session& sql, std::int64_t household_id);
std::optional<Resident> FindResident(soci::session& sql, std::int64_t person_id);
void InsertResident(soci::session& sql, const Resident& r, const std::string& now);
void UpdateResident(soci::session& sql, const Resident& r, const std::string& now);
void DeleteResident(soci::session& sql, std::int64_t person_id);

// True for a building, or an entrance under a building: the units households belong to.
bool HoldsHouseholds(soci::session& sql, std::int64_t unit_id);
// The building (unit of kind building) named `name_zh` under the community, and its
// entrance named `entrance` ("" = the building itself).
std::optional<std::int64_t> UnitByAddress(soci::session& sql, const std::string& community_path,
                                          const std::string& building, const std::string& entrance);

// The unit of `kind` named `name_zh` directly under the unit `parent_id`, if exactly one.
std::optional<std::int64_t> ChildNamed(soci::session& sql, std::int64_t parent_id, const std::string& kind,
                                       const std::string& name_zh);
// The buildings named `name_zh` anywhere under the unit path (a community's compounds too).
std::vector<std::int64_t> BuildingsNamed(soci::session& sql, const std::string& under_path,
                                         const std::string& name_zh);
// A resident (of any household) with this name and phone: how an import knows a person
// it has met before.
std::optional<Resident> ResidentByNameAndPhone(soci::session& sql, const std::string& name_zh,
                                               const std::string& phone);

}  // namespace tongxin::community::repo
