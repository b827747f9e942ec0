// /api/v1/admin/users: user administration (admins only).
#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "auth/auth_routes.hpp"
#include "core/json_reader.hpp"
#include "core/paging.hpp"
#include "http/json_body.hpp"
#include "http/replies.hpp"
#include "http/route_kit.hpp"

namespace tongxin::auth {

void RegisterUserRoutes(http::Router& router, AuthService& auth) {
  using namespace http::kit;  // NOLINT(google-build-using-namespace)
  const auto admin = Access::Roles(core::roles::kAdmins);

  router.Add({"GET", "/api/v1/admin/users", admin, "users", "List users (search with q)",
              [&auth](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, auth.ListUsers(ctx.req.Query("q")));
                return http::JsonResponse(http::ItemsJson(*list, [&](const auto& u) { return UserToJson(u); }));
              }});

  router.Add({"POST", "/api/v1/admin/users", admin, "users", "Create a user",
              [&auth](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseUserInput, true));
                TX_TRY(u, auth.CreateUser(*in, ActorFrom(ctx)));
                return http::JsonResponse(UserToJson(*u), 201);
              },
              BodyKind::kJson});

  router.Add({"GET", "/api/v1/admin/users/{id}", admin, "users", "One user",
              [&auth](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(u, auth.GetUser(*id));
                return http::JsonResponse(UserToJson(*u));
              }});

  router.Add({"PATCH", "/api/v1/admin/users/{id}", admin, "users",
              "Change a user's name, role, language, units, person link or active flag",
              [&auth](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseUserInput, false));
                TX_TRY(u, auth.UpdateUser(*id, *in, ctx.User(), ActorFrom(ctx)));
                return http::JsonResponse(UserToJson(*u));
              },
              BodyKind::kJson});

  router.Add({"POST", "/api/v1/admin/users/{id}/password", admin, "users",
              "Reset a user's password (ends their sessions)",
              [&auth](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                core::JsonReader r(*body, {"password"});
                auto pw = r.String("password", true, 256);
                TX_CHECK(r.Finish());
                TX_CHECK(auth.ResetPassword(*id, *pw, ActorFrom(ctx)));
                return http::NoContent();
              },
              BodyKind::kJson});
}

}  // namespace tongxin::auth
