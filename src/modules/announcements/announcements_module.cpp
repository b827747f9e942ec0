// The announcements module: notices (通知公告, 服务指南) with their workflow, audiences,
// receipts, reminders and the public page and feed.
#include <spdlog/spdlog.h>

#include "app/module.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include "modules/announcements/announcement_files_routes.hpp"
#include "modules/announcements/announcements_routes.hpp"
#include "modules/announcements/announcements_service.hpp"
#include "modules/announcements/broadcasts_routes.hpp"
#include "modules/announcements/broadcasts_service.hpp"
#include "modules/notify/notify_service.hpp"

namespace tongxin::announcements {

core::Status Register(app::AppContext& ctx) {
  auto& service =
      ctx.Provide(std::make_unique<AnnouncementsService>(ctx.db, ctx.clock, ctx.Get<notify::NotifyService>()));
  std::string public_url = ctx.config.public_url;
  while (!public_url.empty() && public_url.back() == '/') public_url.pop_back();
  ctx.AddRoutes([&service, public_url](http::Router& router) { RegisterAnnouncementRoutes(router, service, public_url); });
  auto& files = ctx.Provide(std::make_unique<AnnouncementFiles>(ctx.db, ctx.clock));
  ctx.AddRoutes([&files](http::Router& router) { RegisterAnnouncementFileRoutes(router, files); });
  // Scheduled notices tell their audience when their time comes.
  ctx.AddJob("announcements", [&service] {
    auto r = service.AnnounceDue();
    if (!r) {
      spdlog::error("announcements job: {}", r.error().reason);
    } else if (*r > 0) {
      spdlog::info("announcements job: {} notices came out", *r);
    }
  });
  // Broadcasts (the daily briefing): sent when their time comes, before the delivery jobs.
  auto& broadcasts = ctx.Provide(std::make_unique<BroadcastsService>(
      ctx.db, ctx.clock, ctx.Get<notify::NotifyService>(), ctx.figures, ctx.config.time_zone));
  ctx.AddRoutes([&broadcasts](http::Router& router) { RegisterBroadcastRoutes(router, broadcasts); });
  ctx.AddJob("broadcasts", [&broadcasts] {
    auto r = broadcasts.SendDue();
    if (!r) {
      spdlog::error("broadcasts job: {}", r.error().reason);
    } else if (*r > 0) {
      spdlog::info("broadcasts job: {} broadcasts sent", *r);
    }
  });
  TX_CHECK(core::AddCatalogue("announcements"));
  return {};
}

}  // namespace tongxin::announcements
