// /api/v1/incidents (incidents, their steps, notes and people) and /api/v1/incident-plans.
#pragma once

#include "http/router.hpp"
#include "modules/incidents/incidents_service.hpp"

namespace tongxin::incidents {

void RegisterIncidentRoutes(http::Router& router, IncidentsService& incidents);

}  // namespace tongxin::incidents
