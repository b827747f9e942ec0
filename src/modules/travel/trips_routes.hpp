// Travel routes: /api/v1/trips (trips abroad: the status board, a trip with its flights and
// history, status changes, the traveller's position and needs, the assistance log, export).
#pragma once

#include "http/router.hpp"
#include "modules/travel/trips_service.hpp"

namespace tongxin::travel {

void RegisterTripRoutes(http::Router& router, TripsService& trips);

}  // namespace tongxin::travel
