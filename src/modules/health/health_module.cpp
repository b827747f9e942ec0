// The health module: report plans, the roster, check-ins, alerts, dashboards and exports.
#include <spdlog/spdlog.h>

#include "app/module.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include "modules/health/health_jobs.hpp"
#include "modules/health/health_routes.hpp"
#include "modules/health/health_service.hpp"
#include "modules/health/retention.hpp"
#include "modules/health/slot_time.hpp"
#include "modules/people/people_service.hpp"

namespace tongxin::health {

core::Status Register(app::AppContext& ctx) {
  const app::Config& c = ctx.config;
  HealthSettings settings;
  settings.time_zone = c.time_zone;
  settings.alerts.fever_tenths = c.fever_tenths;
  settings.recheck_hours = c.recheck_hours;
  auto& health = ctx.Provide(std::make_unique<HealthService>(ctx.db, ctx.clock, settings));
  // People created, moved or archived join or leave today's roster at once.
  ctx.Get<people::PeopleService>().OnPeopleChanged(
      [&health](soci::session& sql, const std::vector<std::int64_t>& ids) { return health.RefreshPeople(sql, ids); });
  auto& jobs = ctx.Provide(std::make_unique<HealthJobs>(ctx.db, ctx.clock, health, ctx.Get<notify::NotifyService>(),
                                                        JobSettings{c.remind_after_minutes, c.escalate_after_minutes}));
  ctx.AddRoutes([&health](http::Router& router) { RegisterHealthRoutes(router, health); });
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
  const int keep_days = c.health_retention_days;
  ctx.AddRetention([&db = ctx.db, keep_days](const app::RetentionPass& pass) {
    if (keep_days <= 0) return true;
    const std::string before = AddDays(pass.today, -keep_days);
    auto r = PurgeHealthData(db, before, pass.now, pass.actor);
    if (!r) spdlog::error("health retention: {}", r.error().reason);
    else if (r->Total() > 0) spdlog::info("health retention: {} rows of days before {} deleted", r->Total(), before);
    return r.ok();
  });
  core::AddMessages({
      {"health.slots_invalid", {"时段设置无效：每个时段需有名称、开始和结束时间（HH:MM），且按时间先后不重叠", "Invalid slots: each needs a name, a start and an end (HH:MM), in order, without overlaps"}},
      {"health.bad_time_zone", {"时区 {field} 无效，如 Asia/Shanghai", "Unknown time zone; use a name such as Asia/Shanghai"}},
      {"health.end_before_start", {"结束日期早于开始日期", "The end date is before the start date"}},
      {"health.one_decimal", {"体温最多保留一位小数", "Give the temperature with at most one decimal"}},
      {"health.temperature_range", {"体温应在 {min} 到 {max} °C 之间", "The temperature must be between {min} and {max} °C"}},
      {"health.no_person", {"您的账号没有关联人员信息，无法打卡", "Your account is not linked to a person, so you cannot report"}},
      {"health.no_plan", {"该人员没有健康打卡计划", "This person has no report plan"}},
      {"health.outside_slot", {"现在不在打卡时段内，下一个时段开始于 {next_slot_local}", "It is not reporting time now; the next slot starts at {next_slot_local}"}},
      {"health.alert_not_found", {"找不到该异常记录", "No such alert"}},
      {"health.plan_needs_unit", {"请选择该计划适用的单位（只有管理员可设全校范围的类别计划）", "Choose the unit the plan applies to (only administrators may set a category plan for every unit)"}},
      {"health.no_roster", {"{day} 没有打卡名单（不在计划日期内，或离今天太远）", "There is no roster for {day} (outside the plans' dates, or too far from today)"}},
      {"health.plan_not_found", {"找不到该打卡计划", "No such report plan"}},
  });
  return {};
}

}  // namespace tongxin::health
