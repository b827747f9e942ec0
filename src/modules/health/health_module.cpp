// The health module: report plans, the roster, check-ins, alerts, dashboards and exports.
#include <spdlog/spdlog.h>

#include "app/module.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include "modules/health/health_figures.hpp"
#include "modules/health/health_jobs.hpp"
#include "modules/health/health_routes.hpp"
#include "modules/health/health_service.hpp"
#include "modules/health/retention.hpp"
#include "modules/health/slot_time.hpp"
#include "modules/people/people_service.hpp"

namespace tongxin::health {

std::vector<app::Setting> ConfigKeys() {
  const app::Section<ConfigSection> s{"health", &app::Config::health};
  using S = ConfigSection;
  return {
      s.Int("fever_tenths", "fever alert at or above this temperature, in tenths of °C (373 = 37.3)",
            &S::fever_tenths, 360, 400),
      s.Int("recheck_hours", "hours within which a person with an alert must report again", &S::recheck_hours, 1, 48),
      s.Int("remind_after_minutes", "remind people who have not reported this long after their slot opens",
            &S::remind_after_minutes, 0, 24 * 60),
      s.Int("escalate_after_minutes", "send unit staff the missing list this long after a slot opens",
            &S::escalate_after_minutes, 0, 24 * 60),
      s.Int("retention_days", "delete reports, alerts, inquiries and rosters of days older than this; 0 = keep",
            &S::retention_days, 0, 36500),
  };
}

core::Status Register(app::AppContext& ctx) {
  const ConfigSection& c = ctx.config.health;
  HealthSettings settings;
  settings.time_zone = ctx.config.time_zone;
  settings.alerts.fever_tenths = c.fever_tenths;
  settings.recheck_hours = c.recheck_hours;
  auto& health = ctx.Provide(std::make_unique<HealthService>(ctx.db, ctx.clock, settings));
  // People created, moved or archived join or leave today's roster at once.
  ctx.Get<people::PeopleService>().OnPeopleChanged(
      [&health](soci::session& sql, const std::vector<std::int64_t>& ids) { return health.RefreshPeople(sql, ids); });
  auto& jobs = ctx.Provide(std::make_unique<HealthJobs>(ctx.db, ctx.clock, health, ctx.Get<notify::NotifyService>(),
                                                        JobSettings{c.remind_after_minutes, c.escalate_after_minutes}));
  ctx.AddRoutes([&health, &jobs](http::Router& router) { RegisterHealthRoutes(router, health, jobs); });
  AddFigures(ctx.figures);
  ctx.AddJob("health", [&jobs] {
    auto r = jobs.Run();
    if (!r) {
      spdlog::error("health jobs: {}", r.error().reason);
    } else if (r->reminders + r->missing_lists + r->alert_notices + r->overdue + r->escalation_notices > 0) {
      spdlog::info("health jobs: {} reminders, {} missing lists, {} alert notices, {} overdue re-checks, {} "
                   "escalation notices queued",
                   r->reminders, r->missing_lists, r->alert_notices, r->overdue, r->escalation_notices);
    }
  });
  const int keep_days = c.retention_days;
  ctx.AddRetention([&db = ctx.db, keep_days](const app::RetentionPass& pass) {
    if (keep_days <= 0) return true;
    const std::string before = AddDays(pass.today, -keep_days);
    auto r = PurgeHealthData(db, before, pass.now, pass.actor);
    if (!r) spdlog::error("health retention: {}", r.error().reason);
    else if (r->Total() > 0) spdlog::info("health retention: {} rows of days before {} deleted", r->Total(), before);
    return r.ok();
  });
  TX_CHECK(core::AddCatalogue("health"));
  return {};
}

}  // namespace tongxin::health
