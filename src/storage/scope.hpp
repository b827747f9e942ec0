// SQL conditions for data scope: rows whose unit lies in the units a user may see, or in
// one unit's subtree. Units are matched by materialised path prefix ("/1/4/").
#pragma once

#include <string>
#include <string_view>

#include "core/roles.hpp"
#include "storage/query.hpp"

namespace tongxin::storage {

// Appends " AND <unit_column> IN (units in who's scope)"; nothing for admins, a false
// condition for users without units.
void AppendUnitScope(Query& q, const core::Principal& who, const std::string& unit_column,
                     std::string_view param_prefix = "scope");
// Appends " AND <unit_column> IN (units under unit_path)"; nothing when unit_path is "".
void AppendUnitSubtree(Query& q, const std::string& unit_column, const std::string& unit_path);

}  // namespace tongxin::storage
