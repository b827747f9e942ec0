// The community module (下沉社区), part 1: buildings and their lockdown states, households
// and residents.
#include "app/module.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include "modules/community/community_routes.hpp"
#include "modules/community/community_service.hpp"
#include "modules/people/people_service.hpp"

namespace tongxin::community {

core::Status Register(app::AppContext& ctx) {
  auto& service =
      ctx.Provide(std::make_unique<CommunityService>(ctx.db, ctx.clock, ctx.Get<people::PeopleService>(),
                                                                ctx.config.time_zone));
  ctx.AddRoutes([&service](http::Router& router) { RegisterCommunityRoutes(router, service); });
  TX_CHECK(core::AddCatalogue("community"));
  return {};
}

}  // namespace tongxin::community
