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

core::Status Register(app::AppContext& ctx) {
  const app::Config& c = ctx.config;
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
  const int keep_days = c.incident_retention_days;
  ctx.AddRetention([&incidents, keep_days](const app::RetentionPass& pass) {
    if (keep_days <= 0) return true;
    auto r = incidents.PurgeClosed(keep_days, pass.actor);
    if (!r) spdlog::error("incident retention: {}", r.error().reason);
    else if (*r > 0) spdlog::info("incident retention: {} closed incidents deleted", *r);
    return r.ok();
  });
  core::AddMessages({
      {"incidents.not_found", {"找不到该事件", "No such incident"}},
      {"incidents.unknown_type", {"没有这种事件类型", "No such incident type"}},
      {"incidents.no_plan", {"该事件类型还没有应急预案", "This incident type has no emergency plan yet"}},
      {"incidents.stale", {"事件已被他人修改，请刷新后重试", "Someone else changed this incident; reload and try again"}},
      {"incidents.outcome_required", {"办结或关闭事件前请填写处置结果", "Record the outcome before resolving or closing the incident"}},
      {"incidents.step_not_found", {"找不到该处置步骤", "No such step"}},
      {"incidents.step_done", {"该步骤已完成", "This step is done already"}},
      {"incidents.person_not_found", {"此人不在本事件中", "This person is not part of the incident"}},
      {"incidents.person_is_case", {"事件所涉人员不能移除", "The person the incident is about cannot be removed"}},
      {"incidents.person_already_added", {"此人已在本事件中", "This person is already part of the incident"}},
      {"incidents.steps_invalid", {"预案至少需要一个步骤（最多 50 个）", "A plan needs between 1 and 50 steps"}},
      {"incidents.attachment_type", {"只能上传 {allowed} 文件", "Only {allowed} files can be attached"}},
      {"incidents.attachment_too_large", {"附件不能超过 {max_mb} MB", "Attachments may be at most {max_mb} MB"}},
      {"incidents.attachment_not_found", {"找不到该附件", "No such attachment"}},
  });
  return {};
}

}  // namespace tongxin::incidents
