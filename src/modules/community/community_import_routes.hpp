// Community import routes: /api/v1/community/imports (preview), /{id}, /{id}/confirm.
#pragma once

#include "http/router.hpp"
#include "modules/community/community_import.hpp"

namespace tongxin::community {

void RegisterCommunityImportRoutes(http::Router& router, CommunityImporter& importer);

}  // namespace tongxin::community
