// Entry-control register routes.
#include "modules/travel/entry_rules_routes.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "auth/actor.hpp"
#include "core/paging.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"
#include "http/route_kit.hpp"
#include "http/spreadsheet.hpp"
#include "modules/travel/trip.hpp"

namespace tongxin::travel {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

core::Result<EntryRuleFilter> ParseRuleFilter(const Context& ctx) {
  EntryRuleFilter f;
  f.country = core::ToUpperAscii(ctx.req.Query("country"));
  if (!f.country.empty() && !core::IsCountryCode(f.country)) {
    return core::FieldInvalid("country", "validation.invalid_country");
  }
  f.measure = ctx.req.Query("measure");
  if (!f.measure.empty() && std::find(std::begin(kMeasures), std::end(kMeasures), f.measure) == std::end(kMeasures)) {
    return core::FieldInvalid("measure", "validation.invalid_choice",
                              {{"choices", "entry_ban, visa_suspension, quarantine, test_required, "
                                           "flight_restriction, other"}});
  }
  f.state = ctx.req.Query("state");
  if (!f.state.empty() && f.state != "current" && f.state != "upcoming" && f.state != "ended") {
    return core::FieldInvalid("state", "validation.invalid_choice", {{"choices", "current, upcoming, ended"}});
  }
  f.q = ctx.req.Query("q");
  if (f.q.size() > 100) return core::FieldInvalid("q", "validation.too_long", {{"max", "100"}});
  return f;
}

// told=true|false: those told of the rule's current version, or not yet; absent: everyone.
core::Result<std::optional<bool>> ParseToldFilter(const Context& ctx) {
  const std::string v = ctx.req.Query("told");
  if (v.empty()) return std::optional<bool>{};
  if (v != "true" && v != "false") {
    return core::FieldInvalid("told", "validation.invalid_choice", {{"choices", "true, false"}});
  }
  return std::optional<bool>{v == "true"};
}

boost::json::object DetailJson(const RuleDetail& d, core::Lang lang, const std::string& today) {
  boost::json::object o = RuleToJson(d.rule, lang, today);
  o["versions"] = VersionsToJson(d.versions);
  o["travellers_alerted"] = d.travellers_alerted;
  return o;
}

}  // namespace

void RegisterEntryRuleRoutes(http::Router& router, EntryRulesService& rules, EntryRulesImporter& importer) {
  const auto everyone = Access::Roles(core::roles::kEveryone);
  const auto managers = Access::Roles(core::roles::kManagers);

  router.Add({"GET", "/api/v1/entry-rules", everyone, "travel",
              "The entry-control register: measures by country (country, measure, state=current|upcoming|ended, q)",
              [&rules](Context& ctx) -> core::Result<Response> {
                TX_TRY(filter, ParseRuleFilter(ctx));
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, rules.List(*filter, *page));
                const std::string today = rules.Today();
                const core::Lang lang = ctx.lang;
                return http::JsonResponse(
                    http::PageJson(*list, [&](const EntryRule& r) { return RuleToJson(r, lang, today); }));
              }});
  router.Add({"GET", "/api/v1/entry-rules/export", everyone, "travel",
              "The matching rules as CSV in a COBAP-like layout (country, policy_type, start_date, end_date, "
              "source...) or XLSX (format=xlsx); audited",
              [&rules](Context& ctx) -> core::Result<Response> {
                TX_TRY(filter, ParseRuleFilter(ctx));
                TX_TRY(all, rules.Export(*filter, auth::ActorFrom(ctx)));
                return http::SpreadsheetResponse(
                    ctx.req, "entry-rules",
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      begin({"entry_rules",
                             {"country", "policy_type", "start_date", "end_date", "summary_en", "summary_zh",
                              "quarantine_days", "quarantine_place", "source", "source_ref", "source_url", "version"},
                             {8, 18, 12, 12, 40, 40, 10, 20, 30, 16, 40, 8}});
                      std::int64_t n = 0;
                      for (const auto& r : *all) {
                        add({r.country, r.measure, r.effective_from, r.effective_to, r.summary_en, r.summary_zh,
                             r.quarantine_days > 0 ? std::to_string(r.quarantine_days) : "", r.quarantine_place, r.source_authority, r.source_ref,
                             r.source_url, std::to_string(r.version)});
                        ++n;
                      }
                      return n;
                    });
              }});
  router.Add({"POST", "/api/v1/entry-rules", managers, "travel",
              "Enter a measure: country, measure, summary_zh/summary_en, quarantine_days and quarantine_place, "
              "effective_from, effective_to, source_authority, source_ref, source_url; travellers there are alerted",
              [&rules](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseEntryRuleInput, true));
                TX_TRY(d, rules.Create(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(DetailJson(*d, ctx.lang, rules.Today()), 201);
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/entry-rules/imports", managers, "travel",
              "Upload a CSV or XLSX of entry rules (the export's COBAP-like layout); returns a preview listing every "
              "invalid row and what the import will do (new rules, changed rules, unchanged)",
              [&importer](Context& ctx) -> core::Result<Response> {
                TX_CHECK(http::CheckSpreadsheetUpload(ctx.req));
                TX_TRY(pv, importer.Preview(ctx.User(), ctx.req.body, ctx.req.Query("filename", "upload"),
                                           auth::ActorFrom(ctx)));
                return http::JsonResponse(io::imports::PreviewToJson(*pv, ctx.lang), 201);
              },
              BodyKind::kFile, io::imports::kMaxBytes});
  router.Add({"GET", "/api/v1/entry-rules/imports/{id}", managers, "travel", "An entry rules import's preview and status",
              [&importer](Context& ctx) -> core::Result<Response> {
                TX_TRY(pv, importer.Get(ctx.User(), ctx.req.params["id"]));
                return http::JsonResponse(io::imports::PreviewToJson(*pv, ctx.lang));
              }});
  router.Add({"POST", "/api/v1/entry-rules/imports/{id}/confirm", managers, "travel",
              "Carry out an entry rules import: every row or none, each change a new version",
              [&importer](Context& ctx) -> core::Result<Response> {
                TX_TRY(r, importer.Confirm(ctx.User(), ctx.req.params["id"], auth::ActorFrom(ctx)));
                return http::JsonResponse({{"id", ctx.req.params["id"]},
                                           {"status", "done"},
                                           {"created", r->created},
                                           {"changed", r->changed},
                                           {"unchanged", r->unchanged},
                                           {"travellers_alerted", r->travellers_alerted}});
              }});
  router.Add({"GET", "/api/v1/entry-rules/{id}", everyone, "travel",
              "A measure with its versions, newest first, each with what changed",
              [&rules](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(d, rules.Get(*id));
                return http::JsonResponse(DetailJson(*d, ctx.lang, rules.Today()));
              }});
  router.Add({"PATCH", "/api/v1/entry-rules/{id}", managers, "travel",
              "Change a measure: a new version (none when nothing changed); travellers there are alerted",
              [&rules](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseEntryRuleInput, false));
                TX_TRY(d, rules.Update(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(DetailJson(*d, ctx.lang, rules.Today()));
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/entry-rules/{id}/affected", managers, "travel",
              "The people in scope the measure concerns (nationality, travellers there or going), and whether "
              "each was told of its current version (told=true|false; paged; counts over all); audited",
              [&rules](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(told, ParseToldFilter(ctx));
                TX_TRY(people, rules.Affected(ctx.User(), *id, *told, *page, auth::ActorFrom(ctx)));
                boost::json::array items;
                for (const auto& a : people->items) items.push_back(AffectedToJson(a, ctx.lang, people->version));
                return http::JsonResponse({{"version", people->version},
                                           {"total", people->total},
                                           {"told", people->told},
                                           {"matching", people->matching},
                                           {"page", page->page},
                                           {"page_size", page->page_size},
                                           {"items", std::move(items)}});
              }});
  router.Add({"GET", "/api/v1/entry-rules/{id}/affected/export", managers, "travel",
              "Everyone in scope the measure concerns (told=true|false), as XLSX (format=xlsx) or CSV, with "
              "why and whether each was told of its current version; audited",
              [&rules](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(told, ParseToldFilter(ctx));
                TX_TRY(all, rules.AffectedAll(ctx.User(), *id, *told, auth::ActorFrom(ctx)));
                const std::int64_t version = all->version;
                const core::Lang lang = ctx.lang;
                const bool zh = lang == core::Lang::kZh;
                return http::SpreadsheetResponse(
                    ctx.req, (zh ? "入境措施涉及人员-" : "entry-rule-affected-") + std::to_string(*id),
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      std::vector<std::string> head =
                          zh ? std::vector<std::string>{"人员编号", "姓名", "拉丁姓名", "国籍", "类别", "语言",
                                                        "单位", "涉及原因", "出访", "出访状态", "已告知版本",
                                                        "告知时间", "已告知当前版本"}
                             : std::vector<std::string>{"Person", "Name (Chinese)", "Name (Latin)", "Nationality",
                                                        "Category", "Language", "Unit", "Why", "Trip", "Trip status",
                                                        "Told of version", "Told at", "Told of the current version"};
                      begin({zh ? "涉及人员" : "Affected", head, {10, 16, 24, 8, 14, 8, 24, 18, 10, 12, 10, 22, 12}});
                      std::int64_t n = 0;
                      for (const auto& a : all->items) {
                        std::string why;
                        for (const auto& r : a.reasons) why += (why.empty() ? "" : zh ? "、" : ", ") + TripLabel(lang, "why", r);
                        add({std::to_string(a.person_id), a.name_zh, a.name_latin, a.nationality, a.category,
                             a.language, core::Pick(lang, a.unit_name_zh, a.unit_name_en), why,
                             a.trip_id ? "TR-" + std::to_string(*a.trip_id) : "",
                             a.trip_status.empty() ? "" : TripLabel(lang, "status", a.trip_status),
                             a.told_version > 0 ? std::to_string(a.told_version) : "", a.told_at,
                             a.told_version == version ? (zh ? "是" : "yes") : (zh ? "否" : "no")});
                        ++n;
                      }
                      return n;
                    });
              }});
  router.Add({"POST", "/api/v1/entry-rules/{id}/notify", managers, "travel",
              "Tell the affected people in scope of the measure, each in their language, once per version "
              "(reasons: nationality, traveller; again: also those told already)",
              [&rules](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseNotifyInput));
                TX_TRY(r, rules.NotifyAffected(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(
                    {{"told", r->told}, {"already_told", r->already_told}, {"unreachable", r->unreachable}});
              },
              BodyKind::kJson});
}

}  // namespace tongxin::travel
