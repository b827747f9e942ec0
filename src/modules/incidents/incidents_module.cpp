// The incidents module: the emergency plan, incidents and their steps, attachments, jobs.
#include <spdlog/spdlog.h>

#include "app/module.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include "modules/health/health_service.hpp"
#include "modules/incidents/incidents_jobs.hpp"
#include "modules/incidents/incidents_routes.hpp"
#include "modules/incidents/incidents_service.hpp"

namespace tongxin::incidents {

std::vector<app::Setting> ConfigKeys() {
  const app::Section<ConfigSection> s{"incidents", &app::Config::incidents};
  using S = ConfigSection;
  return {
      s.Int("step_remind_minutes", "remind an incident step's owner this long before its deadline",
            &S::step_remind_minutes, 0, 7 * 24 * 60),
      s.Int("step_escalate_minutes", "tell the next level this long after an incident step's deadline",
            &S::step_escalate_minutes, 0, 7 * 24 * 60),
      s.Int("retention_days", "delete incidents closed longer ago than this, with their attachments; 0 = keep",
            &S::retention_days, 0, 36500),
  };
}

core::Status Register(app::AppContext& ctx) {
  const ConfigSection& c = ctx.config.incidents;
  auto& incidents = ctx.Provide(std::make_unique<IncidentsService>(ctx.db, ctx.clock, ctx.Get<health::HealthService>()));
  TX_CHECK(incidents.EnsureDefaultPlans());
  auto& jobs = ctx.Provide(std::make_unique<IncidentJobs>(ctx.db, ctx.clock, incidents, ctx.Get<notify::NotifyService>(),
                                                          c.step_remind_minutes, c.step_escalate_minutes));
  ctx.AddRoutes([&incidents](http::Router& router) { RegisterIncidentRoutes(router, incidents); });
  ctx.AddJob("incidents", [&jobs] {
    auto r = jobs.Run();
    if (!r) {
      spdlog::error("incident jobs: {}", r.error().reason);
    } else if (r->opened + r->reminders + r->escalations > 0) {
      spdlog::info("incident jobs: {} opened from alerts, {} step reminders, {} escalations queued", r->opened,
                   r->reminders, r->escalations);
    }
  });
  const int keep_days = c.retention_days;
  ctx.AddRetention([&incidents, keep_days](const app::RetentionPass& pass) {
    if (keep_days <= 0) return true;
    auto r = incidents.PurgeClosed(keep_days, pass.actor);
    if (!r) spdlog::error("incident retention: {}", r.error().reason);
    else if (*r > 0) spdlog::info("incident retention: {} closed incidents deleted", *r);
    return r.ok();
  });
  TX_CHECK(core::AddCatalogue("incidents"));
  return {};
}

}  // namespace tongxin::incidents
