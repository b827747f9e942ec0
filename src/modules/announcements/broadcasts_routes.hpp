// Broadcasts routes: /api/v1/broadcasts (the office writes, sends and reads them; leaders read).
#pragma once

#include "http/router.hpp"
#include "modules/announcements/broadcasts_service.hpp"

namespace tongxin::announcements {

void RegisterBroadcastRoutes(http::Router& router, BroadcastsService& service);

}  // namespace tongxin::announcements
