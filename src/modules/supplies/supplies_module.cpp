// The supplies module: catalogue, stores, ledger, distributions.
#include "app/module.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include "modules/supplies/distributions_service.hpp"
#include "modules/supplies/supplies_routes.hpp"
#include "modules/supplies/supplies_service.hpp"

namespace tongxin::supplies {

core::Status Register(app::AppContext& ctx) {
  auto& supplies = ctx.Provide(std::make_unique<SuppliesService>(ctx.db, ctx.clock, ctx.config.time_zone));
  auto& distributions = ctx.Provide(std::make_unique<DistributionsService>(ctx.db, supplies));
  std::string public_url = ctx.config.public_url;
  while (!public_url.empty() && public_url.back() == '/') public_url.pop_back();
  ctx.AddRoutes([&supplies, &distributions, public_url](http::Router& router) {
    RegisterSupplyRoutes(router, supplies);
    RegisterDistributionRoutes(router, distributions, public_url);
  });
  TX_CHECK(core::AddCatalogue("supplies"));
  return {};
}

}  // namespace tongxin::supplies
