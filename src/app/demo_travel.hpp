// Demo trips for `make run`, from the bulletin's story: Oliver Bennett, home in the UK for
// the Spring Festival, stranded by the suspension of entry for foreign nationals; Li Na of
// the International Office on an official visit to a partner in Italy, stranded when the
// flights were cancelled; a colleague abroad, one trip planned and one home.
#pragma once

#include "app/app.hpp"
#include "core/result.hpp"

namespace tongxin::app {

// Entry rules by country from the spring of 2020 (the US and Japanese bans, Italy's flight
// suspension, South Korea's quarantine in two versions, the UK's quarantine to come).
// Loaded before the trips, so nobody is alerted of them.
core::Status LoadEntryRules(App& app, const core::Principal& system, const auth::Actor& actor);
core::Status LoadTravel(App& app, const core::Principal& system, const auth::Actor& actor);

}  // namespace tongxin::app
