// Notices routes.
#include "modules/announcements/announcements_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/paging.hpp"
#include "core/text.hpp"
#include "http/route_kit.hpp"

namespace tongxin::announcements {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

core::Result<AnnouncementFilter> ParseFilter(const Context& ctx) {
  AnnouncementFilter f;
  TX_TRY(state, QueryChoice(ctx, "state", {"draft", "review", "scheduled", "published", "expired"}));
  f.state = *state;
  TX_TRY(category, QueryChoice(ctx, "category", {"service_guide", "procedure", "protection_reminder", "policy"}));
  f.category = *category;
  f.q = ctx.req.Query("q");
  if (f.q.size() > 100) return core::FieldInvalid("q", "validation.too_long", {{"max", "100"}});
  return f;
}

std::string Xml(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// RFC 4287: the public notices, each in both languages where it has them.
std::string AtomFeed(const std::vector<Announcement>& items, const std::string& base, core::Lang lang) {
  const bool en = lang == core::Lang::kEn;
  std::string updated = "1970-01-01T00:00:00Z";
  for (const auto& a : items) updated = std::max(updated, std::max(a.updated_at, a.publish_at));
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
                  std::string(en ? "en" : "zh-CN") + "\">\n";
  x += "  <title>" + Xml(en ? "Tongxin notices" : "同心 通知公告") + "</title>\n";
  x += "  <id>" + Xml(base) + "/public/announcements</id>\n";
  x += "  <link rel=\"self\" href=\"" + Xml(base) + "/api/v1/public/announcements.atom\"/>\n";
  x += "  <link rel=\"alternate\" href=\"" + Xml(base) + "/public/announcements\"/>\n";
  x += "  <updated>" + updated + "</updated>\n";
  for (const auto& a : items) {
    const auto j = PublicJson(a, lang);
    const std::string url = base + "/public/announcements/" + std::to_string(a.id);
    x += "  <entry>\n";
    x += "    <id>" + Xml(url) + "</id>\n";
    x += "    <title>" + Xml(std::string(j.at("title").as_string())) + "</title>\n";
    x += "    <link rel=\"alternate\" href=\"" + Xml(url) + "\"/>\n";
    x += "    <published>" + a.publish_at + "</published>\n";
    x += "    <updated>" + std::max(a.updated_at, a.publish_at) + "</updated>\n";
    x += "    <category term=\"" + a.category + "\" label=\"" + Xml(CategoryLabel(a.category, lang)) + "\"/>\n";
    std::string body = std::string(j.at("body").as_string());
    const std::string other = j.at("shown_lang").as_string() == "en" ? a.body_zh : a.body_en;
    if (!other.empty() && a.pending_lang.empty()) body += "\n\n" + other;
    x += "    <content type=\"text\">" + Xml(body) + "</content>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

boost::json::object ReceiptsJson(const ReceiptPage& p, core::Lang lang, const core::PageRequest& page) {
  boost::json::array items;
  for (const auto& r : p.items) {
    items.push_back({{"user_id", r.user_id},
                     {"name", r.display_name.empty() ? r.username : r.display_name},
                     {"role", r.role},
                     {"unit", lang == core::Lang::kEn && !r.unit_name_en.empty() ? r.unit_name_en : r.unit_name_zh},
                     {"read_at", r.read_at},
                     {"acked_at", r.acked_at}});
  }
  return {{"audience", p.audience}, {"read", p.read},         {"acked", p.acked},        {"total", p.matching},
          {"page", page.page},      {"page_size", page.page_size}, {"items", std::move(items)}};
}

}  // namespace

void RegisterAnnouncementRoutes(http::Router& router, AnnouncementsService& service, std::string public_url) {
  const auto everyone = Access::Roles(core::roles::kEveryone);
  const auto managers = Access::Roles(core::roles::kManagers);
  const auto overseers = Access::Roles(core::roles::kOverseers);
  const auto view = [&service](Context& ctx, const AnnouncementView& v, int status = 200) {
    return http::JsonResponse(AnnouncementToJson(v, ctx.lang, service.Now(), true), status);
  };

  router.Add({"GET", "/api/v1/announcements", everyone, "announcements",
              "Published notices meant for me, pinned first (unread=1: only those I have not opened)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(unread, QueryChoice(ctx, "unread", {"0", "1"}));
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, service.Inbox(ctx.User(), *unread == "1", *page));
                TX_TRY(count, service.UnreadCount(ctx.User()));
                const std::string now = service.Now();
                auto o = http::PageJson(*list, [&](const AnnouncementView& v) {
                  return AnnouncementToJson(v, ctx.lang, now, false);
                });
                o["unread"] = *count;
                return http::JsonResponse(o);
              }});
  router.Add({"GET", "/api/v1/announcements/all", overseers, "announcements",
              "Every notice for the office and leaders (state=draft|review|scheduled|published|expired, category, q)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(filter, ParseFilter(ctx));
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, service.List(ctx.User(), *filter, *page));
                const std::string now = service.Now();
                return http::JsonResponse(http::PageJson(*list, [&](const Announcement& a) {
                  return AnnouncementToJson({a, {}, "", ""}, ctx.lang, now, false);
                }));
              }});
  router.Add({"POST", "/api/v1/announcements", managers, "announcements",
              "Write a notice (a draft): category, title_zh/title_en, body_zh/body_en, pending_lang, publish_at, "
              "expire_at, pinned, is_public, ack_required, audience {roles, units, categories, nationalities}",
              [&service, view](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseAnnouncementInput, true));
                TX_TRY(v, service.Create(ctx.User(), *in, auth::ActorFrom(ctx)));
                return view(ctx, *v, 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/announcements/{id}", everyone, "announcements",
              "A notice in both languages; opening a published one meant for me is my read receipt",
              [&service, view](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(v, service.Get(ctx.User(), *id, auth::ActorFrom(ctx)));
                return view(ctx, *v);
              }});
  router.Add({"PATCH", "/api/v1/announcements/{id}", managers, "announcements",
              "Change a notice (an approved one: its text, times and pin, not whom it is for)",
              [&service, view](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseAnnouncementInput, false));
                TX_TRY(v, service.Update(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return view(ctx, *v);
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/announcements/{id}/submit", managers, "announcements", "Send a draft for review",
              [&service, view](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(v, service.Submit(ctx.User(), *id, auth::ActorFrom(ctx)));
                return view(ctx, *v);
              }});
  router.Add({"POST", "/api/v1/announcements/{id}/review", managers, "announcements",
              "Approve (published from publish_at) or reject with a note (back to draft): decision, note; not by "
              "whoever submitted it",
              [&service, view](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseReviewInput));
                TX_TRY(v, service.Review(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return view(ctx, *v);
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/announcements/{id}/withdraw", managers, "announcements",
              "Withdraw a published or scheduled notice (it expires now)",
              [&service, view](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(v, service.Withdraw(ctx.User(), *id, auth::ActorFrom(ctx)));
                return view(ctx, *v);
              }});
  router.Add({"POST", "/api/v1/announcements/{id}/acknowledge", everyone, "announcements",
              "I have read it (a notice that asks for acknowledgement)",
              [&service, view](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(v, service.Acknowledge(ctx.User(), *id, auth::ActorFrom(ctx)));
                return view(ctx, *v);
              }});
  router.Add({"GET", "/api/v1/announcements/{id}/receipts", overseers, "announcements",
              "Who of the audience in my units has read or acknowledged it (state=unread|read|unacked|acked)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(state, QueryChoice(ctx, "state", {"unread", "read", "unacked", "acked"}));
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(r, service.Receipts(ctx.User(), *id, *state, *page));
                return http::JsonResponse(ReceiptsJson(*r, ctx.lang, *page));
              }});
  router.Add({"POST", "/api/v1/announcements/{id}/remind", managers, "announcements",
              "Remind those of the audience in my units who have not read it (or not acknowledged it, where "
              "required), in the app and by email, once a day",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(n, service.Remind(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::JsonResponse({{"reminded", *n}});
              }});

  router.Add({"GET", "/api/v1/public/announcements", Access::Public(), "announcements",
              "Public notices, published, pinned first (no login)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, service.PublicList(100));
                return http::JsonResponse(
                    http::ItemsJson(*list, [&](const Announcement& a) { return PublicJson(a, ctx.lang); }));
              }});
  router.Add({"GET", "/api/v1/public/announcements.atom", Access::Public(), "announcements",
              "The public notices as an Atom feed (RFC 4287)",
              [&service, public_url](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, service.PublicList(50));
                const std::string base = public_url.empty() ? "http://" + ctx.req.Header("host") : public_url;
                Response r;
                r.body = AtomFeed(*list, base, ctx.lang);
                r.SetHeader("Content-Type", "application/atom+xml; charset=utf-8");
                return r;
              }});
  router.Add({"GET", "/api/v1/public/announcements/{id}", Access::Public(), "announcements",
              "A public notice in both languages (no login)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(a, service.PublicGet(*id));
                return http::JsonResponse(PublicJson(*a, ctx.lang));
              }});
}

}  // namespace tongxin::announcements
