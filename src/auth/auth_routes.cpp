// /api/v1/auth/*: session endpoints for every signed-in user.
#include "auth/auth_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/json_reader.hpp"
#include "core/text.hpp"
#include "core/paging.hpp"
#include "http/json_body.hpp"
#include "http/route_kit.hpp"

namespace tongxin::auth {
namespace {

using core::RoleSet;
using namespace http::kit;  // NOLINT(google-build-using-namespace)

std::string Cookie(const std::string& name, const std::string& value, long long max_age, bool http_only,
                   bool secure) {
  std::string c = name + "=" + value + "; Path=/; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (http_only) c += "; HttpOnly";
  if (secure) c += "; Secure";
  return c;
}

void AddCookie(Response& r, std::string cookie) { r.headers.emplace_back("Set-Cookie", std::move(cookie)); }

boost::json::object MeJson(const User& u, const core::Principal& p, const std::string& time_zone) {
  boost::json::object o = UserToJson(u);
  o["time_zone"] = time_zone;
  o["csrf_token"] = p.csrf_token;
  o["may_see_identifiers"] = p.MaySeeIdentifiers();
  boost::json::array sets;  // the named role sets the caller belongs to (core/roles.hpp)
  for (const auto& s : core::NamedRoleSets()) {
    if (s.roles.Has(p.role)) sets.emplace_back(s.name);
  }
  o["role_sets"] = std::move(sets);
  return o;
}

}  // namespace

http::Authenticator MakeAuthenticator(AuthService& auth) {
  return [&auth](const http::Request& req) {
    std::string bearer;
    const std::string authz = req.Header("authorization");
    if (authz.rfind("Bearer ", 0) == 0) bearer = authz.substr(7);
    return auth.Authenticate(req.Cookie(kSessionCookie), bearer);
  };
}

void RegisterAuthRoutes(http::Router& router, AuthService& auth, CookieSettings cookies, std::string time_zone) {
  const std::string tz = std::move(time_zone);  // copied into the routes that answer /auth/me
  const RoleSet everyone = RoleSet::All();

  router.Add({"POST", "/api/v1/auth/login", Access::Public(), "auth", "Log in with username and password",
              [&auth, cookies, tz](Context& ctx) -> core::Result<Response> {
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                core::JsonReader r(*body, {"username", "password", "language"});
                auto username = r.String("username", true, 64);
                auto password = r.String("password", true, 256);
                auto language = r.Choice("language", false, {"zh-CN", "en"});
                TX_CHECK(r.Finish());
                TX_TRY(res, auth.Login(*username, *password, ActorFrom(ctx), ctx.req.Header("user-agent"),
                                      ctx.req.Cookie(kDeviceCookie), language.value_or("")));
                core::Principal p;
                p.csrf_token = res->csrf_token;
                p.role = res->user.role;
                Response out = http::JsonResponse(MeJson(res->user, p, tz));
                AddCookie(out, Cookie(kSessionCookie, res->session_token, cookies.max_age_seconds, true, cookies.secure));
                AddCookie(out, Cookie(kCsrfCookie, res->csrf_token, cookies.max_age_seconds, false, cookies.secure));
                AddCookie(out, Cookie(kDeviceCookie, res->device_token, kDeviceCookieSeconds, true, cookies.secure));
                return out;
              },
              BodyKind::kJson, 0, true});

  router.Add({"POST", "/api/v1/auth/logout", Access::Roles(everyone), "auth", "End the current session",
              [&auth, cookies](Context& ctx) -> core::Result<Response> {
                TX_CHECK(auth.Logout(ctx.User(), ActorFrom(ctx)));
                Response out = http::NoContent();
                AddCookie(out, Cookie(kSessionCookie, "", 0, true, cookies.secure));
                AddCookie(out, Cookie(kCsrfCookie, "", 0, false, cookies.secure));
                return out;
              }});

  router.Add({"GET", "/api/v1/auth/me", Access::Roles(everyone), "auth", "The current user",
              [&auth, tz](Context& ctx) -> core::Result<Response> {
                TX_TRY(u, auth.Me(ctx.User()));
                return http::JsonResponse(MeJson(*u, ctx.User(), tz));
              }});

  router.Add({"PATCH", "/api/v1/auth/me", Access::Roles(everyone), "auth", "Change the current user's language or notification email",
              [&auth, tz](Context& ctx) -> core::Result<Response> {
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                core::JsonReader r(*body, {"language", "email"});
                auto lang = r.Choice("language", false, {"zh-CN", "en"});
                auto email = r.String("email", false, 254);
                if (email && !email->empty() && !core::IsValidEmail(*email)) {
                  r.AddError({"email", "validation.invalid_email", {}});
                }
                TX_CHECK(r.Finish());
                TX_CHECK(auth.UpdateProfile(ctx.User(), lang, email, ActorFrom(ctx)));
                TX_TRY(u, auth.Me(ctx.User()));
                return http::JsonResponse(MeJson(*u, ctx.User(), tz));
              },
              BodyKind::kJson});

  router.Add({"POST", "/api/v1/auth/password", Access::Roles(everyone), "auth", "Change the current user's password",
              [&auth](Context& ctx) -> core::Result<Response> {
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                core::JsonReader r(*body, {"current_password", "new_password"});
                auto current = r.String("current_password", true, 256);
                auto next = r.String("new_password", true, 256);
                TX_CHECK(r.Finish());
                TX_CHECK(auth.ChangePassword(ctx.User(), *current, *next, ActorFrom(ctx)));
                return http::NoContent();
              },
              BodyKind::kJson});

  router.Add({"GET", "/api/v1/auth/tokens", Access::Roles(everyone), "auth", "The current user's API tokens",
              [&auth](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, auth.ListTokens(ctx.User()));
                boost::json::array items;
                for (const auto& t : *list) {
                  items.push_back({{"id", t.id}, {"name", t.name}, {"prefix", t.prefix}, {"created_at", t.created_at},
                                   {"last_used_at", t.last_used_at}, {"expires_at", t.expires_at}});
                }
                return http::JsonResponse({{"items", std::move(items)}});
              }});

  router.Add({"POST", "/api/v1/auth/tokens", Access::Roles(everyone), "auth",
              "Create an API token for scripts (shown once); optional expires_in_days",
              [&auth](Context& ctx) -> core::Result<Response> {
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                core::JsonReader r(*body, {"name", "expires_in_days"});
                auto name = r.String("name", true, 64);
                auto days = r.Int("expires_in_days", false, 1, 3650);
                TX_CHECK(r.Finish());
                TX_TRY(t, auth.CreateToken(ctx.User(), *name, static_cast<int>(days.value_or(0)), ActorFrom(ctx)));
                return http::JsonResponse({{"id", t->first.id}, {"name", t->first.name}, {"prefix", t->first.prefix},
                                           {"created_at", t->first.created_at}, {"expires_at", t->first.expires_at},
                                           {"token", t->second}},
                                          201);
              },
              BodyKind::kJson});

  router.Add({"DELETE", "/api/v1/auth/tokens/{id}", Access::Roles(everyone), "auth", "Revoke an API token",
              [&auth](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_CHECK(auth.RevokeToken(ctx.User(), *id, ActorFrom(ctx)));
                return http::NoContent();
              }});
}

}  // namespace tongxin::auth
