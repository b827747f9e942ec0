// The travel module: trips abroad, stranded travellers and their return.
#include <spdlog/spdlog.h>

#include "app/module.hpp"
#include "modules/travel/travel_figures.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "modules/health/health_service.hpp"
#include "modules/notify/notify_service.hpp"
#include "modules/travel/entry_rules_routes.hpp"
#include "modules/travel/trips_routes.hpp"
#include "modules/travel/trips_service.hpp"

namespace tongxin::travel {
namespace {

// "morning 07:00-10:00, afternoon 14:00-17:00" -> slots, in order, not overlapping.
core::Result<std::vector<health::SlotDef>> ParseSlots(const std::string& text) {
  std::vector<health::SlotDef> out;
  const auto bad = [&](const std::string& why) {
    return core::MakeError(core::Errc::kInvalid, "config.invalid",
                           {{"field", "travel.observation_slots"}, {"detail", why + " in \"" + text + "\""}});
  };
  for (const auto& item : core::SplitList(text)) {
    const auto space = item.find(' ');
    const auto dash = item.find('-', space == std::string::npos ? 0 : space);
    if (space == std::string::npos || dash == std::string::npos) return bad("expected \"name HH:MM-HH:MM\"");
    health::SlotDef s;
    s.name = item.substr(0, space);
    auto start = health::ParseHhMm(core::Trim(item.substr(space + 1, dash - space - 1)));
    auto end = health::ParseHhMm(core::Trim(item.substr(dash + 1)));
    if (!start || !end || *end <= *start) return bad("bad times for " + s.name);
    if (!out.empty() && *start < out.back().end_min) return bad("slots overlap or are out of order");
    s.start_min = *start;
    s.end_min = *end;
    out.push_back(s);
  }
  if (out.empty()) return bad("no slot");
  return out;
}

}  // namespace

std::vector<app::Setting> ConfigKeys() {
  const app::Section<ConfigSection> s{"travel", &app::Config::travel};
  using S = ConfigSection;
  return {
      s.Int("observation_days", "days of health observation for a traveller arriving home", &S::observation_days, 1,
            60),
      s.String("observation_slots", "daily check slots of that observation: \"name HH:MM-HH:MM\", comma-separated",
               &S::observation_slots),
  };
}

core::Status Register(app::AppContext& ctx) {
  const ConfigSection& c = ctx.config.travel;
  TX_TRY(slots, ParseSlots(c.observation_slots));
  TravelSettings settings{c.observation_days, *slots};
  auto& trips = ctx.Provide(std::make_unique<TripsService>(ctx.db, ctx.clock, ctx.Get<health::HealthService>(),
                                                           ctx.Get<notify::NotifyService>(), settings));
  ctx.AddRoutes([&trips](http::Router& router) { RegisterTripRoutes(router, trips); });
  AddFigures(ctx.figures);
  auto& rules = ctx.Provide(std::make_unique<EntryRulesService>(ctx.db, ctx.clock, ctx.Get<health::HealthService>(),
                                                                ctx.Get<notify::NotifyService>()));
  auto& rule_imports = ctx.Provide(std::make_unique<EntryRulesImporter>(rules));
  ctx.AddRoutes([&rules, &rule_imports](http::Router& router) { RegisterEntryRuleRoutes(router, rules, rule_imports); });
  ctx.AddJob("travel", [&trips] {
    auto r = trips.RunJobs();
    if (!r) {
      spdlog::error("travel jobs: {}", r.error().reason);
    } else if (r->overdue_alerts + r->brought_home > 0) {
      spdlog::info("travel jobs: {} overdue-return alerts queued, {} travellers home after observation",
                   r->overdue_alerts, r->brought_home);
    }
  });
  TX_CHECK(core::AddCatalogue("travel"));
  return {};
}

}  // namespace tongxin::travel
