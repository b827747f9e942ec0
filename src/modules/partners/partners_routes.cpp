// Partners routes: partners, their contacts, merging duplicates, linked donors, export.
#include "modules/partners/partners_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/json_reader.hpp"
#include "core/labels.hpp"
#include "core/paging.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"
#include "http/route_kit.hpp"
#include "http/spreadsheet.hpp"

namespace tongxin::partners {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

core::Result<PartnerFilter> ParseFilter(const Context& ctx) {
  PartnerFilter f;
  f.q = core::Trim(ctx.req.Query("q"));
  TX_TRY(kind, QueryChoice(ctx, "kind", {"university", "embassy", "consulate", "hospital", "company", "foundation", "ngo", "government", "other"}));
  f.kind = *kind;
  f.country = ctx.req.Query("country");
  if (!f.country.empty() && !core::IsCountryCode(f.country)) {
    return core::FieldInvalid("country", "validation.invalid_country");
  }
  f.tag = core::Trim(ctx.req.Query("tag"));
  TX_TRY(status, QueryChoice(ctx, "status", {"active", "merged", "all"}));
  if (!status->empty()) f.status = *status;
  if (const auto u = ctx.req.Query("unit_id"); !u.empty()) {
    TX_TRY(id, core::ParseId(u, "unit_id"));
    f.unit_id = *id;
  }
  return f;
}

struct MergeInput {
  std::int64_t into_id = 0;
};
core::Result<MergeInput> ParseMerge(const boost::json::object& body) {
  core::JsonReader r(body, {"into_id"});
  MergeInput in{r.Int("into_id", true, 1, INT64_MAX).value_or(0)};
  TX_CHECK(r.Finish());
  return in;
}

struct DonorLink {
  std::int64_t donor_id = 0;
};
core::Result<DonorLink> ParseDonorLink(const boost::json::object& body) {
  core::JsonReader r(body, {"donor_id"});
  DonorLink in{r.Int("donor_id", true, 1, INT64_MAX).value_or(0)};
  TX_CHECK(r.Finish());
  return in;
}

std::string KindLabel(const std::string& kind, core::Lang lang) {
  static const core::LabelTable kLabels = {
      {"university", {"高校", "university"}},   {"embassy", {"使馆", "embassy"}},
      {"consulate", {"领事馆", "consulate"}},   {"hospital", {"医院", "hospital"}},
      {"company", {"企业", "company"}},         {"foundation", {"基金会", "foundation"}},
      {"ngo", {"非政府组织", "NGO"}},           {"government", {"政府机构", "government"}},
      {"other", {"其他", "other"}}};
  return kLabels(kind, lang);
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

}  // namespace

void RegisterPartnerRoutes(http::Router& router, PartnersService& partners) {
  const auto staff = Access::Roles(core::roles::kStaff);
  const auto managers = Access::Roles(core::roles::kManagers);

  router.Add({"GET", "/api/v1/partners", staff, "partners",
              "Partners in scope (q: names, city, tags, contacts; kind, country, tag, status, unit_id), contacts "
              "masked",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(filter, ParseFilter(ctx));
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, partners.List(ctx.User(), *filter, *page));
                return http::JsonResponse(
                    http::PageJson(*list, [&](const Partner& p) { return PartnerToJson(p, ctx.lang, false); }));
              }});
  router.Add({"GET", "/api/v1/partners/export", staff, "partners",
              "The matching partners with their contacts as XLSX (format=xlsx) or CSV; audited",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(filter, ParseFilter(ctx));
                TX_TRY(all, partners.Export(ctx.User(), *filter, auth::ActorFrom(ctx)));
                const bool zh = ctx.lang == core::Lang::kZh;
                return http::SpreadsheetResponse(
                    ctx.req, zh ? "合作伙伴" : "partners",
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      std::vector<std::string> head =
                          zh ? std::vector<std::string>{"编号", "中文名称", "英文名称", "类型", "国家", "城市",
                                                        "信函语言", "标签", "联系人", "职务", "称谓", "邮箱",
                                                        "电话", "联系人语言"}
                             : std::vector<std::string>{"No.", "Chinese name", "English name", "Kind", "Country",
                                                        "City", "Letter languages", "Tags", "Contact", "Title",
                                                        "Honorific", "Email", "Phone", "Contact language"};
                      begin({zh ? "合作伙伴" : "Partners", head, {8, 30, 36, 12, 8, 16, 12, 24, 24, 24, 12, 30, 18, 10}});
                      std::int64_t n = 0;
                      for (const auto& p : *all) {
                        auto row = [&](const Contact* c) {
                          add({"PT-" + std::to_string(p.id), p.name_zh, p.name_en, KindLabel(p.kind, ctx.lang),
                               p.country, p.city, Join(p.languages, ", "), Join(p.tags, ", "), c ? c->name : "",
                               c ? c->title : "", c ? c->honorific : "", c ? c->email : "", c ? c->phone : "",
                               c ? c->language : ""});
                          ++n;
                        };
                        bool any = false;
                        for (const auto& c : p.contacts) {
                          if (!c.active) continue;
                          row(&c);
                          any = true;
                        }
                        if (!any) row(nullptr);
                      }
                      return n;
                    });
              }});
  router.Add({"POST", "/api/v1/partners", managers, "partners", "Add a partner kept by a unit in scope",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParsePartnerInput, true));
                TX_TRY(p, partners.Create(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(PartnerToJson(*p, ctx.lang, true), 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/partners/{id}", staff, "partners",
              "A partner with its assigned units and contacts (audited)",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(p, partners.Get(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::JsonResponse(PartnerToJson(*p, ctx.lang, true));
              }});
  router.Add({"GET", "/api/v1/partners/{id}/history", staff, "partners",
              "The partner's history: letters, visits and linked donors' donations, newest first (audited)",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(h, partners.History(ctx.User(), *id, false, auth::ActorFrom(ctx)));
                return http::JsonResponse(HistoryToJson(*h, ctx.lang));
              }});
  router.Add({"GET", "/api/v1/partners/{id}/history.pdf", staff, "partners",
              "The partner's history as a briefing PDF in the caller's language (audited as an export)",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(h, partners.History(ctx.User(), *id, true, auth::ActorFrom(ctx)));
                auto pdf = HistoryPdf(*h, ctx.lang, partners.LocalNow());
                const std::string name =
                    (ctx.lang == core::Lang::kZh ? "合作伙伴-" : "partner-") + std::to_string(*id) + ".pdf";
                return http::FileResponse(std::move(pdf), "application/pdf", name);
              }});
  router.Add({"PATCH", "/api/v1/partners/{id}", managers, "partners", "Change a partner",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParsePartnerInput, false));
                TX_TRY(p, partners.Update(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(PartnerToJson(*p, ctx.lang, true));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/partners/{id}/merge", managers, "partners",
              "Merge this duplicate into another partner (into_id): contacts, letters, donors and units move",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseMerge));
                TX_TRY(p, partners.Merge(ctx.User(), *id, in->into_id, auth::ActorFrom(ctx)));
                return http::JsonResponse(PartnerToJson(*p, ctx.lang, true));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/partners/{id}/contacts", managers, "partners", "Add a contact to a partner",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseContactInput, true));
                TX_TRY(p, partners.AddContact(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(PartnerToJson(*p, ctx.lang, true), 201);
              },
              BodyKind::kJson});
  router.Add({"PATCH", "/api/v1/partners/{id}/contacts/{contact_id}", managers, "partners",
              "Change a partner's contact (active: false retires it)",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(contact_id, ctx.Id("contact_id"));
                TX_TRY(in, ctx.Body(ParseContactInput, false));
                TX_TRY(p, partners.UpdateContact(ctx.User(), *id, *contact_id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(PartnerToJson(*p, ctx.lang, true));
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/partners/{id}/donors", staff, "partners",
              "Donors (supplies) linked to the partner, with their number of donations",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(list, partners.Donors(ctx.User(), *id));
                return http::JsonResponse(http::ItemsJson(*list, [&](const repo::LinkedDonor& d) {
                  return boost::json::object{{"id", d.id},
                                             {"name", core::Pick(ctx.lang, d.name_zh, d.name_en)},
                                             {"name_zh", d.name_zh},
                                             {"name_en", d.name_en},
                                             {"donation_count", d.donation_count}};
                }));
              }});
  router.Add({"POST", "/api/v1/partners/{id}/donors", managers, "partners",
              "Link a donor (donor_id, kept by a unit in scope) to the partner",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseDonorLink));
                TX_CHECK(partners.LinkDonor(ctx.User(), *id, in->donor_id, true, auth::ActorFrom(ctx)));
                return http::JsonResponse({{"linked", true}}, 201);
              },
              BodyKind::kJson});
  router.Add({"DELETE", "/api/v1/partners/{id}/donors/{donor_id}", managers, "partners",
              "Unlink a donor from the partner",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(donor_id, ctx.Id("donor_id"));
                TX_CHECK(partners.LinkDonor(ctx.User(), *id, *donor_id, false, auth::ActorFrom(ctx)));
                return http::JsonResponse({{"linked", false}});
              }});
}

}  // namespace tongxin::partners
