// Who may do what in the community module: one place for its role checks.
#pragma once

#include "core/roles.hpp"

namespace tongxin::community::access {

// Change households, residents, buildings, volunteers and groups (in scope).
inline bool CanEdit(const core::Principal& who) { return core::roles::kEditors.Has(who.role); }
// Read them (leaders and volunteers too).
inline bool CanRead(const core::Principal& who) { return core::roles::kReaders.Has(who.role); }

}  // namespace tongxin::community::access
