// Notification routes: parse, call the service, reply.
#include "modules/notify/notify_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/paging.hpp"
#include "core/text.hpp"
#include "http/json_body.hpp"
#include "http/replies.hpp"
#include "http/route_kit.hpp"

namespace tongxin::notify {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

core::Status CheckChoice(const std::string& value, const std::string& field, std::initializer_list<const char*> ok) {
  if (value.empty()) return {};
  std::string choices;
  for (const char* c : ok) {
    if (value == c) return {};
    choices += (choices.empty() ? "" : ", ") + std::string(c);
  }
  return core::FieldInvalid(field, "validation.invalid_choice", {{"choices", choices}});
}

}  // namespace

void RegisterNotifyRoutes(http::Router& router, NotifyService& notify) {
  const auto everyone = Access::Roles(core::RoleSet::All());
  const auto admin = Access::Roles(core::roles::kAdmins);

  router.Add({"GET", "/api/v1/notices", everyone, "notices", "My in-app notices, newest first (unread=1: only unread)",
              [&notify](Context& ctx) -> core::Result<Response> {
                TX_TRY(page, core::ParsePage(ctx.req.query));
                const std::string unread = ctx.req.Query("unread");
                TX_CHECK(CheckChoice(unread, "unread", {"0", "1"}));
                TX_TRY(list, notify.Notices(ctx.User(), unread == "1", *page));
                TX_TRY(count, notify.UnreadCount(ctx.User()));
                auto o = http::PageJson(*list, [&](const auto& n) { return NoticeToJson(n); });
                o["unread"] = *count;
                return http::JsonResponse(o);
              }});

  router.Add({"GET", "/api/v1/notices/unread-count", everyone, "notices", "How many of my notices are unread",
              [&notify](Context& ctx) -> core::Result<Response> {
                TX_TRY(count, notify.UnreadCount(ctx.User()));
                return http::JsonResponse({{"unread", *count}});
              }});

  router.Add({"POST", "/api/v1/notices/{id}/read", everyone, "notices", "Mark one of my notices read",
              [&notify](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(changed, notify.MarkRead(ctx.User(), *id));
                return http::JsonResponse({{"id", *id}, {"read", true}});
              }});

  router.Add({"POST", "/api/v1/notices/read-all", everyone, "notices", "Mark all my notices read",
              [&notify](Context& ctx) -> core::Result<Response> {
                TX_TRY(changed, notify.MarkRead(ctx.User(), 0));
                return http::JsonResponse({{"marked", *changed}});
              }});

  router.Add({"GET", "/api/v1/admin/outbox", admin, "notices",
              "The notification outbox (channel=email|inapp|wecom|dingtalk|sms, status=pending|sending|sent|failed|unknown)",
              [&notify](Context& ctx) -> core::Result<Response> {
                TX_TRY(page, core::ParsePage(ctx.req.query));
                OutboxFilter f{ctx.req.Query("channel"), ctx.req.Query("status")};
                TX_CHECK(CheckChoice(f.channel, "channel", {"email", "inapp", "wecom", "dingtalk", "sms"}));
                if (auto st = CheckChoice(f.status, "status", {"pending", "sending", "sent", "failed", "unknown"}); !st) {
                  return st.error();
                }
                TX_TRY(list, notify.Outbox(f, *page));
                auto o = http::PageJson(*list, [&](const auto& n) { return OutboxToJson(n); });
                o["email_enabled"] = notify.email_enabled();
                return http::JsonResponse(o);
              }});

  router.Add({"POST", "/api/v1/admin/outbox/{id}/requeue", admin, "notices",
              "Send a failed or unknown email again",
              [&notify](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_CHECK(notify.Requeue(*id, auth::ActorFrom(ctx)));
                return http::JsonResponse({{"id", *id}, {"status", "pending"}});
              }});

  router.AuditReads("GET", "/api/v1/admin/outbox", "outbox");
}

}  // namespace tongxin::notify
