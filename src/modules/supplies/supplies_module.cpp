// The supplies module: catalogue, stores, ledger, distributions, donations.
#include "app/module.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include <spdlog/spdlog.h>

#include "core/local_time.hpp"
#include "modules/notify/notify_service.hpp"
#include "modules/supplies/distributions_service.hpp"
#include "modules/supplies/donations_service.hpp"
#include "modules/supplies/stock_alerts.hpp"
#include "modules/supplies/supplies_routes.hpp"
#include "modules/supplies/supplies_service.hpp"

namespace tongxin::supplies {

core::Status Register(app::AppContext& ctx) {
  auto& supplies = ctx.Provide(std::make_unique<SuppliesService>(ctx.db, ctx.clock, ctx.config.time_zone));
  // Batches expiring within expiry_notice_days are announced to their keepers, once each.
  auto& alerts = ctx.Provide(std::make_unique<StockAlerts>(ctx.db, ctx.clock, ctx.Get<notify::NotifyService>(),
                                                           ctx.config.time_zone, ctx.config.expiry_notice_days));
  supplies.SetAlerts(&alerts);
  // Once a local day is enough for expiry dates.
  auto last_day = std::make_shared<std::string>();
  ctx.AddJob("supplies", [&alerts, last_day, &clock = ctx.clock, tz = ctx.config.time_zone] {
    const std::string today = core::LocalDay(clock.Now(), tz);
    if (*last_day == today) return;
    auto r = alerts.ExpiringSoon();
    if (!r) {
      spdlog::error("supplies jobs: {}", r.error().reason);
      return;
    }
    *last_day = today;
    if (*r > 0) spdlog::info("supplies jobs: {} expiry notices queued", *r);
  });
  auto& distributions = ctx.Provide(std::make_unique<DistributionsService>(ctx.db, supplies));
  auto& donations = ctx.Provide(std::make_unique<DonationsService>(ctx.db, supplies, ctx.config.finance_unit));
  auto& stocktake = ctx.Provide(std::make_unique<Stocktake>(ctx.db, supplies));
  auto& reports = ctx.Provide(std::make_unique<SupplyReports>(ctx.db, supplies, ctx.config.time_zone));
  std::string public_url = ctx.config.public_url;
  while (!public_url.empty() && public_url.back() == '/') public_url.pop_back();
  ctx.AddRoutes([&supplies, &distributions, &donations, &stocktake, &reports, public_url](http::Router& router) {
    RegisterSupplyRoutes(router, supplies);
    RegisterDistributionRoutes(router, distributions, public_url);
    RegisterDonationRoutes(router, donations);
    RegisterStocktakeRoutes(router, stocktake);
    RegisterReportRoutes(router, reports, supplies);
  });
  TX_CHECK(core::AddCatalogue("supplies"));
  return {};
}

}  // namespace tongxin::supplies
