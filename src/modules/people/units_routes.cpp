// Unit routes.
#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/paging.hpp"
#include "http/json_body.hpp"
#include "modules/people/people_routes.hpp"

namespace tongxin::people {

void RegisterUnitRoutes(http::Router& router, PeopleService& people) {
  using core::Role;
  using http::Access;
  using http::BodyKind;
  using http::Context;
  using http::Response;
  const auto readers = Access::Roles(core::roles::kReaders);
  const auto managers = Access::Roles(core::roles::kManagers);

  router.Add({"GET", "/api/v1/units", readers, "units", "Units visible to the caller, in tree order",
              [&people](Context& ctx) -> core::Result<Response> {
                auto list = people.ListUnits(ctx.User());
                if (!list) return list.error();
                boost::json::array items;
                for (const auto& u : *list) {
                  boost::json::object o = UnitToJson(u);
                  o["name"] = u.Name(ctx.lang);
                  o["in_scope"] = ctx.User().InScope(u.path);
                  items.push_back(std::move(o));
                }
                const auto total = static_cast<std::int64_t>(items.size());
                return http::JsonResponse({{"items", std::move(items)}, {"total", total}});
              }});

  router.Add({"POST", "/api/v1/units", managers, "units", "Create a unit",
              [&people](Context& ctx) -> core::Result<Response> {
                auto body = http::ParseJsonObject(ctx.req);
                if (!body) return body.error();
                auto in = ParseUnitInput(*body, true);
                if (!in) return in.error();
                auto u = people.CreateUnit(ctx.User(), *in, auth::ActorFrom(ctx));
                if (!u) return u.error();
                return http::JsonResponse(UnitToJson(*u), 201);
              },
              BodyKind::kJson});

  router.Add({"PATCH", "/api/v1/units/{id}", managers, "units", "Rename, move or archive a unit",
              [&people](Context& ctx) -> core::Result<Response> {
                auto id = ctx.Id();
                if (!id) return id.error();
                auto body = http::ParseJsonObject(ctx.req);
                if (!body) return body.error();
                auto in = ParseUnitInput(*body, false);
                if (!in) return in.error();
                auto u = people.UpdateUnit(ctx.User(), *id, *in, auth::ActorFrom(ctx));
                if (!u) return u.error();
                return http::JsonResponse(UnitToJson(*u));
              },
              BodyKind::kJson});

  router.Add({"DELETE", "/api/v1/units/{id}", managers, "units", "Delete an empty unit",
              [&people](Context& ctx) -> core::Result<Response> {
                auto id = ctx.Id();
                if (!id) return id.error();
                if (auto st = people.DeleteUnit(ctx.User(), *id, auth::ActorFrom(ctx)); !st) return st.error();
                return http::NoContent();
              }});
}

}  // namespace tongxin::people
