// Message channel routes: parse, call the service, reply.
#include "modules/notify/channels_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/json_reader.hpp"
#include "http/json_body.hpp"
#include "http/replies.hpp"
#include "http/route_kit.hpp"

namespace tongxin::notify {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

boost::json::object QuietJson(const QuietHours& q) { return {{"quiet_from", q.from}, {"quiet_to", q.to}}; }

}  // namespace

void RegisterChannelRoutes(http::Router& router, ChannelsService& channels) {
  const auto everyone = Access::Roles(core::RoleSet::All());
  const auto admin = Access::Roles(core::roles::kAdmins);

  router.Add({"GET", "/api/v1/admin/channels", admin, "channels",
              "Message channels (WeCom and DingTalk robots, SMS gateways) with their queued, sent and failed counts",
              [&channels](Context&) -> core::Result<Response> {
                TX_TRY(list, channels.List());
                boost::json::array items;
                for (const auto& l : *list) {
                  auto o = ChannelToJson(l.channel, channels.CallbackUrl(l.channel));
                  o["pending"] = l.counts.pending;
                  o["failed"] = l.counts.failed;
                  o["sent"] = l.counts.sent;
                  o["last_error"] = l.counts.last_error;
                  items.push_back(std::move(o));
                }
                return http::JsonResponse({{"items", std::move(items)}});
              }});

  router.Add({"POST", "/api/v1/admin/channels", admin, "channels", "Add a message channel",
              [&channels](Context& ctx) -> core::Result<Response> {
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                TX_TRY(c, channels.Create(*body, auth::ActorFrom(ctx)));
                return http::JsonResponse(ChannelToJson(*c, channels.CallbackUrl(*c)), 201);
              },
              BodyKind::kJson});

  router.Add({"GET", "/api/v1/admin/channels/{id}", admin, "channels", "One message channel",
              [&channels](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(c, channels.Get(*id));
                return http::JsonResponse(ChannelToJson(*c, channels.CallbackUrl(*c)));
              }});

  router.Add({"PATCH", "/api/v1/admin/channels/{id}", admin, "channels",
              "Change a message channel (active=false stops it; its queued messages wait)",
              [&channels](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                TX_TRY(c, channels.Update(*id, *body, auth::ActorFrom(ctx)));
                return http::JsonResponse(ChannelToJson(*c, channels.CallbackUrl(*c)));
              },
              BodyKind::kJson});

  router.Add({"POST", "/api/v1/admin/channels/{id}/test", admin, "channels",
              "Queue a test message through the channel ({\"phone\": ...} for SMS)",
              [&channels](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                core::JsonReader r(*body, {"phone"});
                auto phone = r.String("phone", false, 30);
                TX_CHECK(r.Finish());
                TX_TRY(row, channels.Test(*id, phone.value_or(""), auth::ActorFrom(ctx)));
                return http::JsonResponse({{"notification_id", *row}, {"status", "pending"}}, 202);
              },
              BodyKind::kJson});

  router.Add({"POST", "/api/v1/hooks/sms/{id}/status", Access::Public(), "channels",
              "The SMS gateway reports a text delivered or not (?token= the channel's callback token)",
              [&channels](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                std::string token = ctx.req.Query("token");
                if (token.empty()) token = ctx.req.Header("X-Tongxin-Token");
                TX_CHECK(channels.Delivery(*id, token, *body, auth::ActorFrom(ctx)));
                return http::JsonResponse({{"ok", true}});
              },
              BodyKind::kJson});

  router.Add({"GET", "/api/v1/notices/quiet-hours", everyone, "notices", "My quiet hours (email and SMS wait)",
              [&channels](Context& ctx) -> core::Result<Response> {
                TX_TRY(q, channels.Quiet(ctx.User()));
                return http::JsonResponse(QuietJson(*q));
              }});

  router.Add({"PUT", "/api/v1/notices/quiet-hours", everyone, "notices",
              "Set my quiet hours (local HH:MM; both empty = none)",
              [&channels](Context& ctx) -> core::Result<Response> {
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                TX_TRY(q, channels.SetQuiet(ctx.User(), *body, auth::ActorFrom(ctx)));
                return http::JsonResponse(QuietJson(*q));
              },
              BodyKind::kJson});

  router.AuditReads("GET", "/api/v1/admin/channels", "message_channels");
}

}  // namespace tongxin::notify
