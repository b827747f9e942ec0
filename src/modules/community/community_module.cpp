// The community module (下沉社区), part 1: buildings and their lockdown states, households
// and residents and their import; volunteers, deployments and temporary groups; duty shifts.
#include "app/module.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include "modules/community/community_import.hpp"
#include "modules/community/community_import_routes.hpp"
#include "modules/community/community_routes.hpp"
#include "modules/community/community_service.hpp"
#include "modules/community/shifts_routes.hpp"
#include "modules/community/shifts_service.hpp"
#include "modules/community/volunteers_routes.hpp"
#include "modules/community/volunteers_service.hpp"
#include "modules/people/people_service.hpp"

namespace tongxin::community {

core::Status Register(app::AppContext& ctx) {
  auto& service =
      ctx.Provide(std::make_unique<CommunityService>(ctx.db, ctx.clock, ctx.Get<people::PeopleService>(),
                                                                ctx.config.time_zone));
  auto& importer = ctx.Provide(std::make_unique<CommunityImporter>(service));
  auto& volunteers = ctx.Provide(std::make_unique<VolunteersService>(ctx.db, ctx.clock, ctx.config.time_zone));
  auto& shifts = ctx.Provide(std::make_unique<ShiftsService>(ctx.db, ctx.clock, ctx.config.time_zone));
  ctx.AddRoutes([&service, &importer, &volunteers, &shifts](http::Router& router) {
    RegisterCommunityRoutes(router, service);
    RegisterCommunityImportRoutes(router, importer);
    RegisterVolunteerRoutes(router, volunteers);
    RegisterShiftRoutes(router, shifts);
  });
  TX_CHECK(core::AddCatalogue("community"));
  return {};
}

}  // namespace tongxin::community
