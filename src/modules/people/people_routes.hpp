// /api/v1/people, /api/v1/units and /api/v1/me/person.
#pragma once

#include "http/router.hpp"
#include "modules/people/people_import.hpp"
#include "modules/people/people_service.hpp"

namespace tongxin::people {

void RegisterPeopleRoutes(http::Router& router, PeopleService& people, PeopleImporter& importer);
void RegisterUnitRoutes(http::Router& router, PeopleService& people);

}  // namespace tongxin::people
