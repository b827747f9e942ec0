// The supplies module: catalogue, stores, ledger.
#include "app/module.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include "modules/supplies/supplies_routes.hpp"
#include "modules/supplies/supplies_service.hpp"

namespace tongxin::supplies {

core::Status Register(app::AppContext& ctx) {
  auto& supplies = ctx.Provide(std::make_unique<SuppliesService>(ctx.db, ctx.clock, ctx.config.time_zone));
  ctx.AddRoutes([&supplies](http::Router& router) { RegisterSupplyRoutes(router, supplies); });
  TX_CHECK(core::AddCatalogue("supplies"));
  return {};
}

}  // namespace tongxin::supplies
