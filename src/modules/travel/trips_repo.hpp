// Trips storage: trips of the people in scope with their flights and history. SQL only;
// runs on the caller's session.
#pragma once

#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/travel/trip.hpp"

namespace tongxin::travel::repo {

// Newest departure first; travellers away (stranded first) before the rest when no status
// is chosen.
core::Page<Trip> ListTrips(soci::session& sql, const core::Principal& who, const TripFilter& f,
                           const core::PageRequest& page);
// Every matching trip in the list's order, without legs and history (the export).
std::vector<Trip> AllTrips(soci::session& sql, const core::Principal& who, const TripFilter& f);
// How many trips in scope (the filter without its statuses) are in each status.
std::map<std::string, std::int64_t> CountByStatus(soci::session& sql, const core::Principal& who, const TripFilter& f);
// With legs and history.
std::optional<Trip> FindTrip(soci::session& sql, std::int64_t id);
std::int64_t InsertTrip(soci::session& sql, const Trip& t);
// Every stored column but person_id, created_by and created_at.
void UpdateTrip(soci::session& sql, const Trip& t);
void SetLegs(soci::session& sql, std::int64_t trip_id, const std::vector<LegInput>& legs);
std::int64_t AddEvent(soci::session& sql, const TripEvent& e);

// Travellers still away whose planned return day is before `today`.
std::vector<Trip> OverdueTrips(soci::session& sql, const std::string& today);
// Trips to `country` (a destination, or where the traveller is now) that are planned or
// not over, for the entry-rule alerts.
std::vector<Trip> TripsTo(soci::session& sql, const std::string& country);
// Trips in observation whose plan ended before `today` (or was stopped).
std::vector<Trip> ObservationsOver(soci::session& sql, const std::string& today);

}  // namespace tongxin::travel::repo
