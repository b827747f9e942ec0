// Broadcasts routes.
#include "modules/announcements/broadcasts_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/labels.hpp"
#include "core/pick.hpp"
#include "core/paging.hpp"
#include "http/route_kit.hpp"
#include "http/spreadsheet.hpp"

namespace tongxin::announcements {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

boost::json::object FigureJson(const FigureValue& f, core::Lang lang) {
  return {{"key", f.key},
          {"label", lang == core::Lang::kEn ? f.label_en : f.label_zh},
          {"label_zh", f.label_zh},
          {"label_en", f.label_en},
          {"value", f.value},
          {"source", f.source},
          {"updated_at", f.updated_at}};
}

boost::json::object DetailJson(const RunDetail& d) {
  boost::json::object o = RunToJson(d.run);
  boost::json::object delivery;
  for (const auto& [k, n] : d.delivery) delivery[k] = n;
  o["delivery"] = std::move(delivery);
  return o;
}

// How a recipient was told, in the reader's language ("" = not that way).
std::string DeliveryLabel(core::Lang lang, const std::string& status) {
  static const core::LabelTable kLabels = {
      {"s.read", {"已读", "Read"}},       {"s.sent", {"已发送", "Sent"}},
      {"s.pending", {"待发送", "Waiting"}}, {"s.sending", {"发送中", "Sending"}},
      {"s.failed", {"失败", "Failed"}},   {"s.unknown", {"状态未知", "Unknown"}},
      {"s.delivered", {"已送达", "Delivered"}}, {"s.undelivered", {"未送达", "Not delivered"}},
  };
  return status.empty() ? std::string() : kLabels("s", status, lang);
}

}  // namespace

void RegisterBroadcastRoutes(http::Router& router, BroadcastsService& service) {
  const auto managers = Access::Roles(core::roles::kManagers);
  const auto overseers = Access::Roles(core::roles::kOverseers);

  router.Add({"GET", "/api/v1/broadcasts", overseers, "broadcasts",
              "The broadcasts (daily briefings), each with its next sending and its last one",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, service.List(ctx.User(), *page));
                return http::JsonResponse(http::PageJson(*list, BroadcastToJson));
              }});
  router.Add({"GET", "/api/v1/broadcasts/figures", overseers, "broadcasts",
              "The live figures a template may use ({key}), with their values now",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, service.LiveFigures(ctx.User()));
                return http::JsonResponse(
                    http::ItemsJson(*list, [&](const FigureValue& f) { return FigureJson(f, ctx.lang); }));
              }});
  router.Add({"POST", "/api/v1/broadcasts", managers, "broadcasts",
              "Write a broadcast: name, subject_zh/subject_en, body_zh/body_en (templates with {placeholders}), "
              "schedule daily|once|manual, send_time (HH:MM local), send_at, by_email, active, audience {roles, "
              "units, categories, nationalities}, figures [{key, label_zh, label_en, value}]",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseBroadcastInput, true));
                TX_TRY(v, service.Create(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(BroadcastToJson(*v), 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/broadcasts/{id}", overseers, "broadcasts", "A broadcast",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(v, service.Get(ctx.User(), *id));
                return http::JsonResponse(BroadcastToJson(*v));
              }});
  router.Add({"PATCH", "/api/v1/broadcasts/{id}", managers, "broadcasts",
              "Change a broadcast or type today's figures (as POST; figures replace the list)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseBroadcastInput, false));
                TX_TRY(v, service.Update(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(BroadcastToJson(*v));
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/broadcasts/{id}/preview", overseers, "broadcasts",
              "The text in both languages with the figures as they are now, and how many would get it",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(p, service.Preview(ctx.User(), *id));
                boost::json::array figures;
                for (const auto& f : p->figures) figures.push_back(FigureJson(f, ctx.lang));
                return http::JsonResponse({{"subject_zh", p->subject_zh},
                                           {"subject_en", p->subject_en},
                                           {"body_zh", p->body_zh},
                                           {"body_en", p->body_en},
                                           {"figures", std::move(figures)},
                                           {"recipients", p->recipients},
                                           {"recipients_en", p->recipients_en},
                                           {"with_email", p->with_email},
                                           {"with_phone", p->with_phone},
                                           {"reachable", p->reachable}});
              }});
  router.Add({"POST", "/api/v1/broadcasts/{id}/send", managers, "broadcasts",
              "Send it now to its audience, each in their language",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(d, service.SendNow(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::JsonResponse(DetailJson(*d), 201);
              }});
  router.Add({"GET", "/api/v1/broadcasts/{id}/runs", overseers, "broadcasts",
              "What was sent: each sending, newest first, with the text as sent and the figures used",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, service.Runs(ctx.User(), *id, *page));
                return http::JsonResponse(http::PageJson(*list, RunToJson));
              }});
  router.Add({"GET", "/api/v1/broadcasts/runs/{id}", overseers, "broadcasts",
              "One sending, with its outbox rows counted by channel and status",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(d, service.Run(ctx.User(), *id));
                return http::JsonResponse(DetailJson(*d));
              }});
  router.Add({"GET", "/api/v1/broadcasts/runs/{id}/recipients", overseers, "broadcasts",
              "Whom a sending reached in my units, and by which channel (in-app read, email, SMS status)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, service.RunRecipients(ctx.User(), *id, *page));
                return http::JsonResponse(http::PageJson(*list, [&](const repo::RunRecipient& r) {
                  return boost::json::object{
                      {"user_id", r.user_id ? boost::json::value(*r.user_id) : boost::json::value(nullptr)},
                      {"person_id", r.person_id ? boost::json::value(*r.person_id) : boost::json::value(nullptr)},
                      {"name", r.name},
                      {"unit", ctx.lang == core::Lang::kEn && !r.unit_name_en.empty() ? r.unit_name_en
                                                                                        : r.unit_name_zh},
                      {"lang", r.lang},
                      {"inapp", r.inapp},
                      {"email", r.email},
                      {"sms", r.sms}};
                }));
              }});
  router.Add({"GET", "/api/v1/broadcasts/runs/{id}/recipients/export", overseers, "broadcasts",
              "Whom a sending reached in my units (format=xlsx|csv); audited",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(all, service.AllRunRecipients(ctx.User(), *id, auth::ActorFrom(ctx)));
                const core::Lang lang = ctx.lang;
                const bool zh = lang == core::Lang::kZh;
                return http::SpreadsheetResponse(
                    ctx.req, (zh ? "通报接收人-" : "broadcast-recipients-") + std::to_string(*id),
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      begin({zh ? "接收人" : "Recipients",
                             zh ? std::vector<std::string>{"姓名", "单位", "语言", "站内", "邮件", "短信"}
                                : std::vector<std::string>{"Name", "Unit", "Language", "In the app", "Email", "SMS"},
                             {24, 28, 8, 10, 10, 10}});
                      for (const auto& r : *all) {
                        add({r.name, core::Pick(lang, r.unit_name_zh, r.unit_name_en), r.lang,
                             DeliveryLabel(lang, r.inapp), DeliveryLabel(lang, r.email), DeliveryLabel(lang, r.sms)});
                      }
                      return static_cast<std::int64_t>(all->size());
                    });
              }});
}

}  // namespace tongxin::announcements
