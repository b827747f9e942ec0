// Duty shift routes: /api/v1/community/posts, /shifts, the volunteer's calendar feed and
// its public address /api/v1/public/calendar/{token}.
#pragma once

#include "http/router.hpp"
#include "modules/community/shifts_service.hpp"

namespace tongxin::community {

void RegisterShiftRoutes(http::Router& router, ShiftsService& service);

}  // namespace tongxin::community
