// Communities routes: /api/v1/community/buildings, /households, /residents.
#pragma once

#include "http/router.hpp"
#include "modules/community/community_service.hpp"

namespace tongxin::community {

void RegisterCommunityRoutes(http::Router& router, CommunityService& service);

}  // namespace tongxin::community
