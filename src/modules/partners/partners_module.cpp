// The partners module: partners, contacts, correspondence, linked donors, letter templates
// and mass letters, visits.
#include <spdlog/spdlog.h>

#include "app/module.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include "modules/notify/notify_service.hpp"
#include "modules/partners/mailings_service.hpp"
#include "modules/partners/partners_routes.hpp"
#include "modules/partners/visits_service.hpp"
#include "modules/partners/partners_service.hpp"

namespace tongxin::partners {

core::Status Register(app::AppContext& ctx) {
  auto& partners = ctx.Provide(std::make_unique<PartnersService>(ctx.db, ctx.clock, ctx.Get<notify::NotifyService>(),
                                                                 ctx.config.time_zone,
                                                                 ctx.config.answer_reminder_days));
  ctx.AddJob("partners", [&partners] {
    auto r = partners.RemindAnswers();
    if (!r) {
      spdlog::error("partners jobs: {}", r.error().reason);
    } else if (*r > 0) {
      spdlog::info("partners jobs: {} answer reminders queued", *r);
    }
  });
  auto& mailings = ctx.Provide(std::make_unique<MailingsService>(ctx.db, ctx.clock, ctx.Get<notify::NotifyService>()));
  ctx.AddJob("mass letters", [&mailings] {
    auto r = mailings.Work();
    if (!r) {
      spdlog::error("mass letters: {}", r.error().reason);
    } else if (*r > 0) {
      spdlog::info("mass letters: {} letters made and queued", *r);
    }
  });
  auto& visits = ctx.Provide(std::make_unique<VisitsService>(ctx.db, ctx.clock, partners,
                                                             ctx.Get<notify::NotifyService>(),
                                                             ctx.config.answer_reminder_days));
  ctx.AddJob("visit actions", [&visits] {
    auto r = visits.RemindActions();
    if (!r) {
      spdlog::error("visit actions: {}", r.error().reason);
    } else if (*r > 0) {
      spdlog::info("visit actions: {} reminders queued", *r);
    }
  });
  auto& importer = ctx.Provide(std::make_unique<PartnersImporter>(partners));
  ctx.AddRoutes([&partners, &mailings, &visits, &importer](http::Router& router) {
    RegisterPartnerRoutes(router, partners);
    RegisterLetterRoutes(router, partners);
    RegisterMailingRoutes(router, mailings);
    RegisterVisitRoutes(router, visits);
    RegisterImportRoutes(router, importer);
  });
  TX_CHECK(core::AddCatalogue("partners"));
  return {};
}

}  // namespace tongxin::partners
