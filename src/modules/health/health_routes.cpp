// Health routes: parse, call the service, reply.
#include "modules/health/health_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/described_json.hpp"
#include "core/json_reader.hpp"
#include "core/paging.hpp"
#include "core/text.hpp"
#include "http/json_body.hpp"
#include "http/replies.hpp"
#include "http/spreadsheet.hpp"
#include "http/route_kit.hpp"

namespace tongxin::health {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

core::Result<std::string> DayParam(const http::Request& req, const std::string& name, const std::string& fallback) {
  const std::string v = req.Query(name, fallback);
  if (!core::IsValidDate(v)) return core::FieldInvalid(name, "validation.invalid_date");
  return v;
}

core::Result<std::int64_t> OptionalId(const http::Request& req, const std::string& name) {
  const std::string v = req.Query(name);
  if (v.empty()) return std::int64_t{0};
  return core::ParseId(v, name);
}

boost::json::object RosterJson(const RosterRow& r) {
  return {{"day", r.day},           {"slot", r.slot},         {"slot_name", r.slot_name},
          {"starts_at", r.starts_at}, {"ends_at", r.ends_at}, {"late_until", r.late_until},
          {"status", r.status}};
}

boost::json::object AlertJson(const AlertRow& a, core::Lang lang) {
  boost::json::object o = core::DescribedToJson(
      a, {"reading_tenths", "corrected_tenths", "unit_name_zh", "unit_name_en"});
  o["unit_name"] = lang == core::Lang::kEn && !a.unit_name_en.empty() ? a.unit_name_en : a.unit_name_zh;
  o["temperature"] = a.reading_tenths / 10.0;  // the reading that raised it, never rewritten
  if (a.corrected_tenths > 0) {
    o["corrected_temperature"] = a.corrected_tenths / 10.0;
  } else {
    o["corrected_temperature"] = nullptr;
  }
  boost::json::array rechecks;
  for (const auto& r : a.rechecks) rechecks.push_back(RecheckToJson(r));
  o["rechecks"] = std::move(rechecks);
  return o;
}

Response CheckinResponse(const CheckinResult& r, int status) {
  boost::json::object o = CheckinToJson(r.checkin);
  o["corrected"] = r.corrected;
  boost::json::array alerts;
  for (const auto& a : r.alerts) alerts.push_back(boost::json::value(a));
  o["alerts"] = std::move(alerts);
  o["escalated"] = r.escalated;
  o["rechecked"] = r.rechecked;
  boost::json::array corrected;
  for (auto id : r.corrected_alerts) corrected.push_back(id);
  o["corrected_alerts"] = std::move(corrected);
  return http::JsonResponse(o, status);
}

// Adapts a health export (ExportShape, RowSink) to the spreadsheet download.
core::Result<Response> Spreadsheet(
    const http::Request& req, const std::string& base_name,
    const std::function<core::Result<std::int64_t>(const HealthService::ShapeSink&, const RowSink&)>& produce) {
  return http::SpreadsheetResponse(req, base_name, [&](const http::BeginSheet& begin, const http::AddRow& add) {
    return produce([&](const ExportShape& s) { begin({s.sheet_name, s.headers, s.widths}); }, add);
  });
}

}  // namespace

void RegisterHealthRoutes(http::Router& router, HealthService& health, HealthJobs& jobs) {
  const auto staff = Access::Roles(core::roles::kStaff);
  const auto recorders = Access::Roles(core::roles::kEditors);
  const auto managers = Access::Roles(core::roles::kManagers);
  const auto everyone = Access::Roles(core::RoleSet::All());

  router.Add({"GET", "/api/v1/health/plans", staff, "health", "Report plans",
              [&health](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, health.ListPlans(ctx.User()));
                return http::JsonResponse(http::ItemsJson(*list, [&](const auto& p) { return PlanToJson(p, true); }));
              }});

  router.Add({"POST", "/api/v1/health/plans", managers, "health",
              "Create a report plan (group: unit, category or people; observation: people for N days)",
              [&health](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParsePlanInput, true));
                TX_TRY(p, health.CreatePlan(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(PlanToJson(*p, true), 201);
              },
              BodyKind::kJson});

  router.Add({"PATCH", "/api/v1/health/plans/{id}", managers, "health", "Change a report plan",
              [&health](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParsePlanInput, false));
                TX_TRY(p, health.UpdatePlan(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(PlanToJson(*p, true));
              },
              BodyKind::kJson});

  router.Add({"GET", "/api/v1/health/me/slots", everyone, "health",
              "The caller's report slots from yesterday to tomorrow, with their state",
              [&health](Context& ctx) -> core::Result<Response> {
                TX_TRY(mine, health.MySlots(ctx.User()));
                boost::json::array items;
                for (const auto& s : mine->slots) {
                  auto o = RosterJson(s.row);
                  o["state"] = s.state;
                  items.push_back(std::move(o));
                }
                return http::JsonResponse(
                    {{"items", std::move(items)},
                     {"today", health.Today()},
                     {"rechecks_due",
                      http::JsonArray(mine->rechecks_due, [&](const auto& a) { return AlertJson(a, ctx.lang); })}});
              }});

  // A report of one's own, or one staff record on someone's behalf: the same call.
  auto record = [&health](bool on_behalf) {
    return [&health, on_behalf](Context& ctx) -> core::Result<Response> {
      TX_TRY(in, ctx.Body(ParseCheckinInput, on_behalf));
      TX_TRY(r, health.RecordCheckin(ctx.User(), *in, auth::ActorFrom(ctx)));
      return CheckinResponse(*r, r->corrected ? 200 : 201);
    };
  };
  router.Add({"POST", "/api/v1/health/checkins", everyone, "health",
              "Report one's own temperature and health for the current slot (again: a correction)", record(false),
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/health/checkins/on-behalf", recorders, "health",
              "Record a report made by phone, WeChat, email or in person", record(true), BodyKind::kJson});

  router.Add({"GET", "/api/v1/health/people/{id}/checkins", everyone, "health",
              "A person's reports from..to (foreign staff: only their own); staff reads are audited",
              [&health](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                const std::string today = health.Today();
                TX_TRY(from, DayParam(ctx.req, "from", AddDays(today, -13)));
                TX_TRY(to, DayParam(ctx.req, "to", today));
                TX_TRY(list, health.History(ctx.User(), *id, *from, *to, auth::ActorFrom(ctx)));
                auto o = http::ItemsJson(list->checkins, [&](const auto& c) { return CheckinToJson(c); });
                o["alerts"] = http::JsonArray(list->alerts, [&](const auto& a) { return AlertJson(a, ctx.lang); });
                o["from"] = *from;
                o["to"] = *to;
                return http::JsonResponse(o);
              }});

  router.Add({"POST", "/api/v1/health/inquiries", recorders, "health",
              "Record a health inquiry (健康询问) made by phone, WeChat, email or in person",
              [&health](Context& ctx) -> core::Result<Response> {
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                core::JsonReader r(*body, {"person_id", "channel", "answer"});
                auto person = r.Int("person_id", true, 1, INT64_MAX);
                auto channel = r.Choice("channel", true, {"phone", "wechat", "email", "in_person"});
                auto answer = r.String("answer", true, 1000, true);
                TX_CHECK(r.Finish());
                TX_TRY(id, health.RecordInquiry(ctx.User(), *person, *channel, *answer, auth::ActorFrom(ctx)));
                return http::JsonResponse({{"id", *id}, {"person_id", *person}, {"channel", *channel}}, 201);
              },
              BodyKind::kJson});

  router.Add({"GET", "/api/v1/health/today", staff, "health",
              "Reported, missing, late and alerts per slot and unit for a day (default today)",
              [&health](Context& ctx) -> core::Result<Response> {
                TX_TRY(day, DayParam(ctx.req, "day", health.Today()));
                TX_TRY(unit, OptionalId(ctx.req, "unit_id"));
                TX_TRY(slots, health.TodayCounts(ctx.User(), *day, *unit));
                boost::json::array items;
                for (const auto& s : *slots) {
                  boost::json::array units;
                  for (const auto& u : s.units) {
                    units.push_back({{"unit_id", u.unit_id}, {"expected", u.expected}, {"reported", u.reported},
                                     {"missing", u.missing}, {"late", u.late}, {"alerts", u.alerts}});
                  }
                  items.push_back({{"slot", s.slot}, {"slot_name", s.slot_name}, {"expected", s.expected},
                                   {"reported", s.reported}, {"missing", s.missing}, {"late", s.late},
                                   {"alerts", s.alerts}, {"units", std::move(units)}});
                }
                return http::JsonResponse({{"day", *day}, {"slots", std::move(items)}});
              }});

  router.Add({"GET", "/api/v1/health/trend", staff, "health",
              "Expected, reported, late and alerts per day from..to (default the last 14 days)",
              [&health](Context& ctx) -> core::Result<Response> {
                const std::string today = health.Today();
                TX_TRY(from, DayParam(ctx.req, "from", AddDays(today, -13)));
                TX_TRY(to, DayParam(ctx.req, "to", today));
                if (*to < *from || AddDays(*from, 366) <= *to) {
                  return core::FieldInvalid("to", "validation.out_of_range", {{"min", *from}, {"max", AddDays(*from, 365)}});
                }
                TX_TRY(unit, OptionalId(ctx.req, "unit_id"));
                TX_TRY(days, health.Trend(ctx.User(), *from, *to, *unit));
                boost::json::array items;
                for (const auto& d : *days) {
                  items.push_back({{"day", d.day}, {"expected", d.expected}, {"reported", d.reported},
                                   {"missing", d.expected - d.reported}, {"late", d.late}, {"alerts", d.alerts}});
                }
                return http::JsonResponse({{"items", std::move(items)}, {"from", *from}, {"to", *to}});
              }});

  router.Add({"GET", "/api/v1/health/roster", staff, "health",
              "People of a slot by status (missing, late, reported), in scope and under unit_id",
              [&health](Context& ctx) -> core::Result<Response> {
                TX_TRY(day, DayParam(ctx.req, "day", health.Today()));
                TX_TRY(unit, OptionalId(ctx.req, "unit_id"));
                const std::string status = ctx.req.Query("status", "missing");
                if (status != "missing" && status != "late" && status != "reported") {
                  return core::FieldInvalid("status", "validation.invalid_choice", {{"choices", "missing, late, reported"}});
                }
                const std::string slot_text = ctx.req.Query("slot", "0");
                if (slot_text.size() != 1 || slot_text[0] < '0' || slot_text[0] > '9') {
                  return core::FieldInvalid("slot", "validation.out_of_range", {{"min", "0"}, {"max", "9"}});
                }
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, health.RosterList(ctx.User(), *day, slot_text[0] - '0', status, *unit, *page));
                const bool reveal = ctx.User().MaySeeIdentifiers();
                boost::json::array items;
                for (const auto& m : list->items) {
                  items.push_back({{"person_id", m.person_id}, {"name_zh", m.name_zh}, {"name_latin", m.name_latin},
                                   {"phone", reveal ? m.phone : core::MaskPhone(m.phone)},
                                   {"unit_name", ctx.lang == core::Lang::kEn && !m.unit_name_en.empty() ? m.unit_name_en : m.unit_name_zh},
                                   {"category", m.category}, {"status", m.status},
                                   {"starts_at", m.starts_at}, {"ends_at", m.ends_at}});
                }
                return http::JsonResponse({{"items", std::move(items)}, {"total", list->total},
                                           {"page", page->page}, {"page_size", page->page_size}});
              }});

  router.Add({"POST", "/api/v1/health/roster/remind", recorders, "health",
              "Remind now: everyone in scope (under unit_id) still missing a report of the day's slot",
              [&jobs](Context& ctx) -> core::Result<Response> {
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                core::JsonReader r(*body, {"day", "slot", "unit_id"});
                auto day = r.Date("day", true);
                auto slot = r.Int("slot", true, 0, 23);
                auto unit = r.Int("unit_id", false, 1, INT64_MAX);
                TX_CHECK(r.Finish());
                TX_TRY(n, jobs.RemindNow(ctx.User(), *day, static_cast<int>(*slot), unit.value_or(0),
                                         auth::ActorFrom(ctx)));
                return http::JsonResponse({{"queued", *n}});
              },
              BodyKind::kJson});

  router.Add({"GET", "/api/v1/health/people/{id}/flags", staff, "health",
              "Hints that a person's reports of the last 14 days look automated or copied (never a block)",
              [&health](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(flags, health.PersonFlags(ctx.User(), *id, 14, auth::ActorFrom(ctx)));
                boost::json::array items;
                for (const auto& f : *flags) items.push_back({{"code", f.code}, {"detail", f.detail}});
                return http::JsonResponse({{"person_id", *id}, {"flags", std::move(items)}});
              }});

  router.Add({"GET", "/api/v1/health/flags", staff, "health",
              "People in scope whose reports of the last 14 days look automated or copied",
              [&health](Context& ctx) -> core::Result<Response> {
                TX_TRY(unit, OptionalId(ctx.req, "unit_id"));
                TX_TRY(list, health.FlaggedPeople(ctx.User(), *unit, 14));
                boost::json::array items;
                for (const auto& p : *list) {
                  boost::json::array flags;
                  for (const auto& f : p.flags) flags.push_back({{"code", f.code}, {"detail", f.detail}});
                  items.push_back({{"person_id", p.person_id}, {"name_zh", p.name_zh}, {"name_latin", p.name_latin},
                                   {"unit_name", ctx.lang == core::Lang::kEn && !p.unit_name_en.empty() ? p.unit_name_en : p.unit_name_zh},
                                   {"flags", std::move(flags)}});
                }
                const auto total = static_cast<std::int64_t>(items.size());
                return http::JsonResponse({{"items", std::move(items)}, {"total", total}});
              }});

  router.Add({"GET", "/api/v1/health/report", staff, "health",
              "The daily health report as XLSX or CSV: one row per person, every slot, fevers highlighted, unit totals",
              [&health](Context& ctx) -> core::Result<Response> {
                TX_TRY(day, DayParam(ctx.req, "day", health.Today()));
                TX_TRY(unit, OptionalId(ctx.req, "unit_id"));
                const std::string base = (ctx.lang == core::Lang::kZh ? "健康日报-" : "health-report-") + *day;
                return Spreadsheet(ctx.req, base, [&](const auto& begin, const auto& sink) {
                  return health.ExportDaily(ctx.User(), *day, *unit, ctx.lang, begin, sink, auth::ActorFrom(ctx));
                });
              }});

  router.Add({"GET", "/api/v1/health/checkins/export", staff, "health",
              "Every report from..to as XLSX or CSV (at most 92 days)",
              [&health](Context& ctx) -> core::Result<Response> {
                const std::string today = health.Today();
                TX_TRY(from, DayParam(ctx.req, "from", AddDays(today, -6)));
                TX_TRY(to, DayParam(ctx.req, "to", today));
                if (*to < *from || AddDays(*from, 92) <= *to) {
                  return core::FieldInvalid("to", "validation.out_of_range", {{"min", *from}, {"max", AddDays(*from, 91)}});
                }
                TX_TRY(unit, OptionalId(ctx.req, "unit_id"));
                const std::string base = (ctx.lang == core::Lang::kZh ? "健康打卡-" : "health-reports-") + *from + "_" + *to;
                return Spreadsheet(ctx.req, base, [&](const auto& begin, const auto& sink) {
                  return health.ExportHistory(ctx.User(), *from, *to, *unit, ctx.lang, begin, sink, auth::ActorFrom(ctx));
                });
              }});

  router.Add({"PATCH", "/api/v1/health/alerts/{id}", recorders, "health",
              "Set an alert's status: open, rechecked, escalated or closed",
              [&health](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                core::JsonReader r(*body, {"status"});
                auto status = r.Choice("status", true, {"open", "rechecked", "escalated", "closed"});
                TX_CHECK(r.Finish());
                TX_CHECK(health.SetAlertStatus(ctx.User(), *id, *status, auth::ActorFrom(ctx)));
                return http::JsonResponse({{"id", *id}, {"status", *status}});
              },
              BodyKind::kJson});

  router.Add({"POST", "/api/v1/health/alerts/{id}/recheck", everyone, "health",
              "Re-check (复测) an alert: the person's new reading, or one staff record on their behalf; settles "
              "(rechecked) or escalates the alert, which keeps the reading that raised it",
              [&health](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseRecheckInput));
                TX_TRY(r, health.RecordRecheck(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                boost::json::object o = RecheckToJson(r->recheck);
                o["status"] = r->status;
                o["escalation"] = r->escalation;
                boost::json::array answered;
                for (auto a : r->answered) answered.push_back(a);
                o["answered"] = std::move(answered);
                return http::JsonResponse(o, 201);
              },
              BodyKind::kJson});

  router.Add({"GET", "/api/v1/health/alerts", staff, "health", "Health alerts in scope, newest first (status=open or several: status=open,escalated)",
              [&health](Context& ctx) -> core::Result<Response> {
                TX_TRY(page, core::ParsePage(ctx.req.query));
                // status=open or status=open,escalated,rechecked
                const auto statuses = core::SplitList(ctx.req.Query("status"));
                for (const auto& s : statuses) {
                  if (s != "open" && s != "rechecked" && s != "escalated" && s != "closed") {
                    return core::FieldInvalid("status", "validation.invalid_choice",
                                              {{"choices", "open, rechecked, escalated, closed"}});
                  }
                }
                TX_TRY(list, health.Alerts(ctx.User(), statuses, *page));
                boost::json::array items;
                for (const auto& a : list->items) items.push_back(AlertJson(a, ctx.lang));
                return http::JsonResponse({{"items", std::move(items)}, {"total", list->total},
                                           {"page", page->page}, {"page_size", page->page_size}});
              }});

  // Health data read in bulk: audited by the dispatcher (reads of one person's reports
  // are audited by the service with the person's id).
  router.AuditReads("GET", "/api/v1/health/today", "health_dashboard");
  router.AuditReads("GET", "/api/v1/health/trend", "health_dashboard");
  router.AuditReads("GET", "/api/v1/health/roster", "health_roster");
  router.AuditReads("GET", "/api/v1/health/alerts", "health_alerts");
  router.AuditReads("GET", "/api/v1/health/flags", "health_flags");
}

}  // namespace tongxin::health
