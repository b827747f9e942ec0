// Unit routes.
#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/paging.hpp"
#include "http/json_body.hpp"
#include "modules/people/people_routes.hpp"
#include "http/route_kit.hpp"

namespace tongxin::people {

void RegisterUnitRoutes(http::Router& router, PeopleService& people) {
  using namespace http::kit;  // NOLINT(google-build-using-namespace)
  const auto readers = Access::Roles(core::roles::kReaders);
  const auto managers = Access::Roles(core::roles::kManagers);

  router.Add({"GET", "/api/v1/units", readers, "units", "Units visible to the caller, in tree order",
              [&people](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, people.ListUnits(ctx.User()));
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
                TX_TRY(in, ctx.Body(ParseUnitInput, true));
                TX_TRY(u, people.CreateUnit(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(UnitToJson(*u), 201);
              },
              BodyKind::kJson});

  router.Add({"PATCH", "/api/v1/units/{id}", managers, "units", "Rename, move or archive a unit",
              [&people](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseUnitInput, false));
                TX_TRY(u, people.UpdateUnit(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(UnitToJson(*u));
              },
              BodyKind::kJson});

  router.Add({"DELETE", "/api/v1/units/{id}", managers, "units", "Delete an empty unit",
              [&people](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_CHECK(people.DeleteUnit(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::NoContent();
              }});
}

}  // namespace tongxin::people
