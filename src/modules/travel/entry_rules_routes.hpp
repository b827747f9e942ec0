// Entry-control register routes: /api/v1/entry-rules (the register by country, a rule with
// its versions and their diffs, the people it affects, "notify affected", export, import).
#pragma once

#include "http/router.hpp"
#include "modules/travel/entry_rules_import.hpp"
#include "modules/travel/entry_rules_service.hpp"

namespace tongxin::travel {

void RegisterEntryRuleRoutes(http::Router& router, EntryRulesService& rules, EntryRulesImporter& importer);

}  // namespace tongxin::travel
