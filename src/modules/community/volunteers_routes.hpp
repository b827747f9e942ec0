// Volunteers routes: /api/v1/community/volunteers, /deployments, /groups.
#pragma once

#include "http/router.hpp"
#include "modules/community/volunteers_service.hpp"

namespace tongxin::community {

void RegisterVolunteerRoutes(http::Router& router, VolunteersService& service);

}  // namespace tongxin::community
