// /api/v1/admin/users: user administration (admins only).
#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "auth/auth_routes.hpp"
#include "core/json_reader.hpp"
#include "core/paging.hpp"
#include "http/json_body.hpp"

namespace tongxin::auth {

void RegisterUserRoutes(http::Router& router, AuthService& auth) {
  using http::Access;
  using http::BodyKind;
  using http::Context;
  using http::Response;
  const auto admin = Access::Roles(core::roles::kAdmins);

  router.Add({"GET", "/api/v1/admin/users", admin, "users", "List users (search with q)",
              [&auth](Context& ctx) -> core::Result<Response> {
                auto list = auth.ListUsers(ctx.req.Query("q"));
                if (!list) return list.error();
                boost::json::array items;
                for (const auto& u : *list) items.push_back(UserToJson(u));
                const auto total = static_cast<std::int64_t>(items.size());
                return http::JsonResponse({{"items", std::move(items)}, {"total", total}});
              }});

  router.Add({"POST", "/api/v1/admin/users", admin, "users", "Create a user",
              [&auth](Context& ctx) -> core::Result<Response> {
                auto body = http::ParseJsonObject(ctx.req);
                if (!body) return body.error();
                auto in = ParseUserInput(*body, true);
                if (!in) return in.error();
                auto u = auth.CreateUser(*in, ActorFrom(ctx));
                if (!u) return u.error();
                return http::JsonResponse(UserToJson(*u), 201);
              },
              BodyKind::kJson});

  router.Add({"GET", "/api/v1/admin/users/{id}", admin, "users", "One user",
              [&auth](Context& ctx) -> core::Result<Response> {
                auto id = ctx.Id();
                if (!id) return id.error();
                auto u = auth.GetUser(*id);
                if (!u) return u.error();
                return http::JsonResponse(UserToJson(*u));
              }});

  router.Add({"PATCH", "/api/v1/admin/users/{id}", admin, "users",
              "Change a user's name, role, language, units, person link or active flag",
              [&auth](Context& ctx) -> core::Result<Response> {
                auto id = ctx.Id();
                if (!id) return id.error();
                auto body = http::ParseJsonObject(ctx.req);
                if (!body) return body.error();
                auto in = ParseUserInput(*body, false);
                if (!in) return in.error();
                auto u = auth.UpdateUser(*id, *in, ctx.User(), ActorFrom(ctx));
                if (!u) return u.error();
                return http::JsonResponse(UserToJson(*u));
              },
              BodyKind::kJson});

  router.Add({"POST", "/api/v1/admin/users/{id}/password", admin, "users",
              "Reset a user's password (ends their sessions)",
              [&auth](Context& ctx) -> core::Result<Response> {
                auto id = ctx.Id();
                if (!id) return id.error();
                auto body = http::ParseJsonObject(ctx.req);
                if (!body) return body.error();
                core::JsonReader r(*body, {"password"});
                auto pw = r.String("password", true, 256);
                if (auto st = r.Finish(); !st) return st.error();
                if (auto st = auth.ResetPassword(*id, *pw, ActorFrom(ctx)); !st) return st.error();
                return http::NoContent();
              },
              BodyKind::kJson});
}

}  // namespace tongxin::auth
