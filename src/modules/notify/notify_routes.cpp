// Notification routes: parse, call the service, reply.
#include "modules/notify/notify_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/paging.hpp"
#include "core/text.hpp"
#include "http/json_body.hpp"

namespace tongxin::notify {
namespace {

using core::Role;
using http::Access;
using http::Context;
using http::Response;

boost::json::object PageJson(boost::json::array items, std::int64_t total, const core::PageRequest& page) {
  return {{"items", std::move(items)}, {"total", total}, {"page", page.page}, {"page_size", page.page_size}};
}

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
                auto page = core::ParsePage(ctx.req.query);
                if (!page) return page.error();
                const std::string unread = ctx.req.Query("unread");
                if (auto st = CheckChoice(unread, "unread", {"0", "1"}); !st) return st.error();
                auto list = notify.Notices(ctx.User(), unread == "1", *page);
                if (!list) return list.error();
                auto count = notify.UnreadCount(ctx.User());
                if (!count) return count.error();
                boost::json::array items;
                for (const auto& n : list->items) items.push_back(NoticeToJson(n));
                auto o = PageJson(std::move(items), list->total, *page);
                o["unread"] = *count;
                return http::JsonResponse(o);
              }});

  router.Add({"GET", "/api/v1/notices/unread-count", everyone, "notices", "How many of my notices are unread",
              [&notify](Context& ctx) -> core::Result<Response> {
                auto count = notify.UnreadCount(ctx.User());
                if (!count) return count.error();
                return http::JsonResponse({{"unread", *count}});
              }});

  router.Add({"POST", "/api/v1/notices/{id}/read", everyone, "notices", "Mark one of my notices read",
              [&notify](Context& ctx) -> core::Result<Response> {
                auto id = ctx.Id();
                if (!id) return id.error();
                auto changed = notify.MarkRead(ctx.User(), *id);
                if (!changed) return changed.error();
                return http::JsonResponse({{"id", *id}, {"read", true}});
              }});

  router.Add({"POST", "/api/v1/notices/read-all", everyone, "notices", "Mark all my notices read",
              [&notify](Context& ctx) -> core::Result<Response> {
                auto changed = notify.MarkRead(ctx.User(), 0);
                if (!changed) return changed.error();
                return http::JsonResponse({{"marked", *changed}});
              }});

  router.Add({"GET", "/api/v1/admin/outbox", admin, "notices",
              "The notification outbox (channel=email|inapp, status=pending|sending|sent|failed|unknown)",
              [&notify](Context& ctx) -> core::Result<Response> {
                auto page = core::ParsePage(ctx.req.query);
                if (!page) return page.error();
                repo::OutboxFilter f{ctx.req.Query("channel"), ctx.req.Query("status")};
                if (auto st = CheckChoice(f.channel, "channel", {"email", "inapp"}); !st) return st.error();
                if (auto st = CheckChoice(f.status, "status", {"pending", "sending", "sent", "failed", "unknown"}); !st) {
                  return st.error();
                }
                auto list = notify.Outbox(f, *page);
                if (!list) return list.error();
                boost::json::array items;
                for (const auto& n : list->items) items.push_back(OutboxToJson(n));
                auto o = PageJson(std::move(items), list->total, *page);
                o["email_enabled"] = notify.email_enabled();
                return http::JsonResponse(o);
              }});

  router.Add({"POST", "/api/v1/admin/outbox/{id}/requeue", admin, "notices",
              "Send a failed or unknown email again",
              [&notify](Context& ctx) -> core::Result<Response> {
                auto id = ctx.Id();
                if (!id) return id.error();
                if (auto st = notify.Requeue(*id, auth::ActorFrom(ctx)); !st) return st.error();
                return http::JsonResponse({{"id", *id}, {"status", "pending"}});
              }});

  router.AuditReads("GET", "/api/v1/admin/outbox", "outbox");
}

}  // namespace tongxin::notify
