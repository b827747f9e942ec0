// Trips routes.
#include "modules/travel/trips_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/paging.hpp"
#include "core/text.hpp"
#include "http/route_kit.hpp"
#include "http/spreadsheet.hpp"

namespace tongxin::travel {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

core::Result<TripFilter> ParseTripFilter(const Context& ctx) {
  TripFilter f;
  for (const auto& s : core::SplitList(ctx.req.Query("status"))) {
    if (std::find(std::begin(kStatuses), std::end(kStatuses), s) == std::end(kStatuses)) {
      return core::FieldInvalid("status", "validation.invalid_choice",
                                {{"choices", "planned, abroad, stranded, returning, observation, home, cancelled"}});
    }
    f.statuses.push_back(s);
  }
  if (const auto v = ctx.req.Query("person_id"); !v.empty()) {
    TX_TRY(id, core::ParseId(v, "person_id"));
    f.person_id = *id;
  }
  f.country = ctx.req.Query("country");
  if (!f.country.empty() && !core::IsCountryCode(f.country)) {
    return core::FieldInvalid("country", "validation.invalid_country");
  }
  f.q = ctx.req.Query("q");
  if (f.q.size() > 100) return core::FieldInvalid("q", "validation.too_long", {{"max", "100"}});
  return f;
}

boost::json::object ListJson(const TripList& list, core::Lang lang) {
  boost::json::object o = http::PageJson(list.page, [&](const Trip& t) { return TripToJson(t, lang, false); });
  boost::json::object counts;
  for (auto s : kStatuses) {
    auto it = list.counts.find(std::string(s));
    counts[s] = it == list.counts.end() ? 0 : it->second;
  }
  o["counts"] = std::move(counts);
  return o;
}

}  // namespace

void RegisterTripRoutes(http::Router& router, TripsService& trips) {
  const auto everyone = Access::Roles(core::roles::kEveryone);
  const auto managers = Access::Roles(core::roles::kManagers);

  router.Add({"GET", "/api/v1/trips", everyone, "travel",
              "Trips of the people in scope (travellers: their own), stranded first, with counts by status "
              "(status=abroad,stranded; person_id, country, q)",
              [&trips](Context& ctx) -> core::Result<Response> {
                TX_TRY(filter, ParseTripFilter(ctx));
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, trips.List(ctx.User(), *filter, *page));
                return http::JsonResponse(ListJson(*list, ctx.lang));
              }});
  router.Add({"GET", "/api/v1/trips/export", everyone, "travel",
              "The matching trips as XLSX (format=xlsx) or CSV; audited",
              [&trips](Context& ctx) -> core::Result<Response> {
                TX_TRY(filter, ParseTripFilter(ctx));
                TX_TRY(all, trips.Export(ctx.User(), *filter, auth::ActorFrom(ctx)));
                const core::Lang lang = ctx.lang;
                const bool zh = lang == core::Lang::kZh;
                return http::SpreadsheetResponse(
                    ctx.req, zh ? "出访" : "trips",
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      std::vector<std::string> head =
                          zh ? std::vector<std::string>{"编号", "出访人", "单位", "类别", "事由", "国家", "城市",
                                                        "计划出发", "计划回国", "实际出发", "实际回国", "批件号",
                                                        "状态", "滞留原因", "当前位置", "需求"}
                             : std::vector<std::string>{"No.", "Traveller", "Unit", "Kind", "Purpose", "Countries",
                                                        "Cities", "Planned departure", "Planned return", "Departed",
                                                        "Returned", "Approval", "Status", "Stranded by", "Now at",
                                                        "Needs"};
                      begin({zh ? "出访" : "Trips", head, {8, 20, 20, 8, 30, 10, 16, 12, 12, 12, 12, 14, 12, 14, 20, 24}});
                      std::int64_t n = 0;
                      for (const auto& t : *all) {
                        add({"TR-" + std::to_string(t.id), zh && !t.name_zh.empty() ? t.name_zh : t.name_latin,
                             zh ? t.unit_name_zh : t.unit_name_en, TripLabel(lang, "kind", t.kind), t.purpose, t.countries,
                             t.cities, t.depart_on, t.return_on, t.departed_on, t.returned_on, t.approval_ref,
                             TripLabel(lang, "status", t.status),
                             t.stranded_reason.empty() ? "" : TripLabel(lang, "reason", t.stranded_reason), t.location,
                             t.needs});
                        ++n;
                      }
                      return n;
                    });
              }});
  router.Add({"POST", "/api/v1/trips", managers, "travel",
              "Register a trip: person_id, kind, purpose, countries, cities, depart_on, return_on, approval_ref, "
              "contact_abroad, legs (flights)",
              [&trips](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseTripInput, true));
                TX_TRY(t, trips.Create(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(TripToJson(*t, ctx.lang), 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/trips/{id}", everyone, "travel",
              "A trip with its flights, history and assistance log (staff reads are audited)",
              [&trips](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(t, trips.Get(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::JsonResponse(TripToJson(*t, ctx.lang));
              }});
  router.Add({"PATCH", "/api/v1/trips/{id}", managers, "travel", "Change a trip's details (legs replace the flights)",
              [&trips](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseTripInput, false));
                TX_TRY(t, trips.Update(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(TripToJson(*t, ctx.lang));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/trips/{id}/status", managers, "travel",
              "Move a trip: status (abroad, stranded with a reason, returning with return_on, observation starts "
              "the observation plan, home, cancelled), date, note, location",
              [&trips](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseStatusInput));
                TX_TRY(t, trips.Move(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(TripToJson(*t, ctx.lang));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/trips/{id}/position", everyone, "travel",
              "The traveller (or the office) reports where they are and what they need: location, "
              "location_country, needs (tickets, money, visa_extension, medicine, other), needs_note, note",
              [&trips](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParsePositionInput));
                TX_TRY(t, trips.ReportPosition(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(TripToJson(*t, ctx.lang));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/trips/{id}/assistance", managers, "travel",
              "Log help given: party (office, embassy, traveller, other), note, cost and currency",
              [&trips](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseAssistInput));
                TX_TRY(t, trips.Assist(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(TripToJson(*t, ctx.lang), 201);
              },
              BodyKind::kJson});
}

}  // namespace tongxin::travel
