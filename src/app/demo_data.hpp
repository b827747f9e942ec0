// Demo data for `make run`: the university's units, ~30 foreign staff of many
// nationalities, other staff, and one user per role (password kDemoPassword).
#pragma once

#include "app/app.hpp"
#include "core/result.hpp"

namespace tongxin::app {

inline constexpr const char* kDemoPassword = "Tongxin2020!";

// Loads the demo data unless the database already has users; returns whether it loaded.
core::Result<bool> LoadDemoData(App& app);

}  // namespace tongxin::app
