// SQL for units and people. Functions run on the caller's session and throw the driver's
// exception on failure; the service wraps them in transactions.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/people/person.hpp"
#include "modules/people/unit.hpp"

namespace tongxin::people {

// Types the service and the routes use as well as the repository.
struct PersonFilter {
  std::string q;            // matches names, ID number, phone, email, WeChat
  std::string unit_path;    // subtree of this unit ("" = any)
  std::string category;
  std::string status = "active";  // active, archived, all
  std::string nationality;
  std::string sort = "name";  // name, nationality, category, unit, created_at, updated_at
  bool descending = false;
};

struct PersonRow {
  Person person;
  std::string unit_name_zh;
  std::string unit_name_en;
  std::string unit_path;
};

}  // namespace tongxin::people

namespace tongxin::people::repo {
using people::PersonFilter;
using people::PersonRow;

// Units ------------------------------------------------------------------------------
std::vector<Unit> ListUnits(soci::session& sql);
std::optional<Unit> FindUnit(soci::session& sql, std::int64_t id);
std::optional<Unit> FindUnitByCode(soci::session& sql, const std::string& code);
// Inserts and sets the unit's path from its parent's; returns the new id.
std::int64_t InsertUnit(soci::session& sql, Unit& u);
// Updates the row; when the parent changed, rewrites the paths of the whole subtree.
void UpdateUnit(soci::session& sql, const Unit& before, Unit& after);
std::int64_t CountChildren(soci::session& sql, std::int64_t unit_id);
std::int64_t CountPeopleIn(soci::session& sql, std::int64_t unit_id);
void DeleteUnit(soci::session& sql, std::int64_t unit_id);

// People -----------------------------------------------------------------------------


// People visible to `who` (scope) matching the filter: one page and the total.
core::Page<PersonRow> ListPeople(soci::session& sql, const core::Principal& who, const PersonFilter& f,
                                 const core::PageRequest& page);
// Calls fn for each matching person (at most limit), in list order, one row in memory at
// a time; returns how many. For exports.
std::int64_t ForEachPerson(soci::session& sql, const core::Principal& who, const PersonFilter& f, std::int64_t limit,
                           const std::function<void(const PersonRow&)>& fn);
std::optional<PersonRow> FindPerson(soci::session& sql, std::int64_t id);
std::int64_t InsertPerson(soci::session& sql, const Person& p);
// Writes every column and bumps version; returns false when `expected_version` is stale.
bool UpdatePerson(soci::session& sql, const Person& p, int expected_version);
// The id of another person with this ID number, if any.
std::optional<std::int64_t> FindByIdNumber(soci::session& sql, const std::string& id_type,
                                           const std::string& id_number, std::int64_t except_id);

}  // namespace tongxin::people::repo
