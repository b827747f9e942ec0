// Demo community data for `make run`, from the bulletin's story: the East Campus compound of
// Mafangshan Community, its residents in their households (an elderly man living alone, a
// neighbour with a chronic illness), and Building 2 locked down after a confirmed case.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "app/app.hpp"
#include "auth/audit.hpp"
#include "core/result.hpp"

namespace tongxin::app {

core::Status LoadCommunity(App& app, const core::Principal& system, const auth::Actor& actor,
                           const std::map<std::string, std::int64_t>& units);
// Staff deployed to the community as volunteers, with its temporary party branch and a work group.
core::Status LoadVolunteers(App& app, const core::Principal& system, const auth::Actor& actor,
                            const std::map<std::string, std::int64_t>& units);

}  // namespace tongxin::app
