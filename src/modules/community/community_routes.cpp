// Communities routes.
#include "modules/community/community_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/described_json.hpp"
#include "core/paging.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"
#include "io/table.hpp"
#include "http/route_kit.hpp"
#include "http/spreadsheet.hpp"

namespace tongxin::community {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

core::Result<ListQuery> ParseListQuery(const Context& ctx) {
  ListQuery q;
  if (const auto v = ctx.req.Query("unit_id"); !v.empty()) {
    TX_TRY(id, core::ParseId(v, "unit_id"));
    q.unit_id = *id;
  }
  q.state = ctx.req.Query("state");
  if (!q.state.empty() && q.state != "open" && q.state != "controlled" && q.state != "locked") {
    return core::FieldInvalid("state", "validation.invalid_choice", {{"choices", "open, controlled, locked"}});
  }
  q.flag = ctx.req.Query("flag");
  if (!q.flag.empty() && q.flag != "elderly_alone" && q.flag != "chronic_illness" && q.flag != "pregnant" &&
      q.flag != "disabled") {
    return core::FieldInvalid("flag", "validation.invalid_choice",
                              {{"choices", "elderly_alone, chronic_illness, pregnant, disabled"}});
  }
  q.q = ctx.req.Query("q");
  if (q.q.size() > 100) return core::FieldInvalid("q", "validation.too_long", {{"max", "100"}});
  return q;
}

boost::json::object BuildingDetailJson(const BuildingDetail& d, core::Lang lang) {
  boost::json::object o = BuildingToJson(d.b, lang);
  boost::json::array history;
  for (const auto& e : d.history) history.push_back(core::DescribedToJson(e));
  o["history"] = std::move(history);
  return o;
}

boost::json::object HouseholdDetailJson(const HouseholdDetail& d, const Context& ctx) {
  boost::json::object o = HouseholdToJson(d.h, ctx.lang);
  const bool flags = CommunityService::SeesFlags(ctx.User());
  boost::json::array residents;
  for (const auto& r : d.residents) residents.push_back(ResidentToJson(r, ctx.lang, flags, false));
  o["residents"] = std::move(residents);
  return o;
}

std::string StateLabel(core::Lang lang, const std::string& state) {
  if (lang == core::Lang::kEn) return state == "locked" ? "Locked down" : state == "controlled" ? "Controlled" : "Open";
  return state == "locked" ? "封控" : state == "controlled" ? "管控" : "未管控";
}

std::string YesNo(core::Lang lang, int v) { return v ? (lang == core::Lang::kEn ? "yes" : "是") : ""; }

}  // namespace

void RegisterCommunityRoutes(http::Router& router, CommunityService& service) {
  const auto readers = Access::Roles(core::roles::kReaders);
  const auto editors = Access::Roles(core::roles::kEditors);

  router.Add({"GET", "/api/v1/community/buildings", readers, "community",
              "Buildings in my units with their lockdown state and how many households and residents "
              "(unit_id: under a community or compound; state=open|controlled|locked; q)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(q, ParseListQuery(ctx));
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, service.Buildings(ctx.User(), *q, *page));
                return http::JsonResponse(
                    http::PageJson(*list, [&](const Building& b) { return BuildingToJson(b, ctx.lang); }));
              }});
  router.Add({"GET", "/api/v1/community/buildings/{id}", readers, "community",
              "A building: its lockdown state and the history of its changes",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(d, service.GetBuilding(ctx.User(), *id));
                return http::JsonResponse(BuildingDetailJson(*d, ctx.lang));
              }});
  router.Add({"PUT", "/api/v1/community/buildings/{id}/lockdown", editors, "community",
              "Set a building open, controlled (管控) or locked down (封控): state, since, until, reason (audited)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseLockdownInput));
                TX_TRY(d, service.SetLockdown(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(BuildingDetailJson(*d, ctx.lang));
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/community/households", readers, "community",
              "Households in my units, building by building (unit_id, state of the building, q: room)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(q, ParseListQuery(ctx));
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, service.Households(ctx.User(), *q, *page));
                return http::JsonResponse(
                    http::PageJson(*list, [&](const Household& h) { return HouseholdToJson(h, ctx.lang); }));
              }});
  router.Add({"POST", "/api/v1/community/households", editors, "community",
              "Add a household: unit_id (a building or entrance) and room, or community_id and address "
              "(\"3栋2单元501\", \"3-2-501\"); notes",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseHouseholdInput, true));
                TX_TRY(d, service.CreateHousehold(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(HouseholdDetailJson(*d, ctx), 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/community/households/{id}", readers, "community",
              "A household and its residents (vulnerable flags for staff only; such a read is audited)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(d, service.GetHousehold(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::JsonResponse(HouseholdDetailJson(*d, ctx));
              }});
  router.Add({"PATCH", "/api/v1/community/households/{id}", editors, "community",
              "Correct a household's room or notes",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseHouseholdInput, false));
                TX_TRY(d, service.UpdateHousehold(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(HouseholdDetailJson(*d, ctx));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/community/households/{id}/residents", editors, "community",
              "A resident moves in: person_id (someone in my units) or name_zh/name_latin, phone, gender for a new "
              "person of category resident; age_band, elderly_alone, chronic_illness, pregnant, disabled",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseResidentInput, true));
                TX_TRY(d, service.AddResident(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(HouseholdDetailJson(*d, ctx), 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/community/residents", readers, "community",
              "Residents in my units (unit_id, state of their building: state=locked for those locked down, flag "
              "(staff), q); phones masked; a list showing flags is audited",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(q, ParseListQuery(ctx));
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, service.Residents(ctx.User(), *q, *page, auth::ActorFrom(ctx)));
                const bool flags = CommunityService::SeesFlags(ctx.User());
                return http::JsonResponse(http::PageJson(
                    *list, [&](const Resident& r) { return ResidentToJson(r, ctx.lang, flags, false); }));
              }});
  router.Add({"GET", "/api/v1/community/households/export", readers, "community",
              "The households matching (as the list) as XLSX (format=xlsx) or CSV; audited",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(q, ParseListQuery(ctx));
                TX_TRY(all, service.AllHouseholds(ctx.User(), *q, auth::ActorFrom(ctx)));
                const core::Lang lang = ctx.lang;
                const bool zh = lang == core::Lang::kZh;
                return http::SpreadsheetResponse(
                    ctx.req, zh ? "住户" : "households",
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      begin({zh ? "住户" : "Households",
                             zh ? std::vector<std::string>{"门牌", "楼栋", "楼栋状态", "居民数", "备注"}
                                : std::vector<std::string>{"Address", "Building", "State", "Residents", "Notes"},
                             {24, 16, 12, 10, 30}});
                      for (const auto& h : *all) {
                        add({HouseholdLabel(h, lang), core::Pick(lang, h.building_name_zh, h.building_name_en),
                             StateLabel(lang, h.state), std::to_string(h.residents), h.notes});
                      }
                      return static_cast<std::int64_t>(all->size());
                    });
              }});
  router.Add({"GET", "/api/v1/community/residents/export", readers, "community",
              "The residents matching (as the list) as XLSX (format=xlsx) or CSV, phones masked, vulnerable "
              "flags for staff only; audited",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(q, ParseListQuery(ctx));
                TX_TRY(all, service.AllResidents(ctx.User(), *q, auth::ActorFrom(ctx)));
                const core::Lang lang = ctx.lang;
                const bool zh = lang == core::Lang::kZh;
                const bool flags = CommunityService::SeesFlags(ctx.User());
                std::vector<std::string> head =
                    zh ? std::vector<std::string>{"姓名", "门牌", "楼栋状态", "年龄段", "电话"}
                       : std::vector<std::string>{"Name", "Address", "State", "Age", "Phone"};
                std::vector<double> widths{16, 24, 12, 10, 16};
                if (flags) {
                  for (const char* f : zh ? std::vector<const char*>{"独居老人", "慢性病", "孕妇", "残疾"}
                                          : std::vector<const char*>{"Elderly alone", "Chronic illness", "Pregnant",
                                                                     "Disabled"}) {
                    head.emplace_back(f);
                    widths.push_back(12);
                  }
                }
                return http::SpreadsheetResponse(
                    ctx.req, zh ? "居民" : "residents",
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      begin({zh ? "居民" : "Residents", head, widths});
                      for (const auto& r : *all) {
                        std::vector<io::Cell> row{r.name_zh.empty() ? r.name_latin : r.name_zh,
                                                     ResidentAddress(r, lang), StateLabel(lang, r.state), r.age_band,
                                                     core::MaskPhone(r.phone)};
                        if (flags) {
                          for (int v : {r.elderly_alone, r.chronic_illness, r.pregnant, r.disabled}) {
                            row.push_back(YesNo(lang, v));
                          }
                        }
                        add(row);
                      }
                      return static_cast<std::int64_t>(all->size());
                    });
              }});
  router.Add({"PATCH", "/api/v1/community/residents/{id}", editors, "community",
              "Change a resident's age band or flags, or move them to another household (household_id)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseResidentInput, false));
                TX_TRY(r, service.UpdateResident(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(ResidentToJson(*r, ctx.lang, true, false));
              },
              BodyKind::kJson});
  router.Add({"DELETE", "/api/v1/community/residents/{id}", editors, "community",
              "A resident moves out of their household (the person stays)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_CHECK(service.RemoveResident(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::NoContent();
              }});
}

}  // namespace tongxin::community
