// The people module: organisation units, people, their import.
#include "app/module.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include "modules/people/people_import.hpp"
#include "modules/people/people_routes.hpp"
#include "modules/people/people_service.hpp"

namespace tongxin::people {

core::Status Register(app::AppContext& ctx) {
  auto& people = ctx.Provide(std::make_unique<PeopleService>(ctx.db, ctx.clock, ctx.config.time_zone));
  auto& importer = ctx.Provide(std::make_unique<PeopleImporter>(people));
  ctx.AddRoutes([&people, &importer](http::Router& router) {
    RegisterUnitRoutes(router, people);
    RegisterPeopleRoutes(router, people, importer);
  });
  TX_CHECK(core::AddCatalogue("people"));
  return {};
}

}  // namespace tongxin::people
