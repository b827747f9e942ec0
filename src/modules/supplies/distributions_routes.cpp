// Distributions routes: packages, batch distributions, shares and their confirmation.
#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/json_reader.hpp"
#include "core/paging.hpp"
#include "core/pick.hpp"
#include "http/route_kit.hpp"
#include "http/spreadsheet.hpp"
#include "modules/supplies/distributions_service.hpp"
#include "modules/supplies/supplies_routes.hpp"

namespace tongxin::supplies {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

core::Result<std::string> ParseNote(const boost::json::object& body) {
  core::JsonReader r(body, {"note"});
  auto note = r.String("note", false, 1000, true);
  TX_CHECK(r.Finish());
  return note.value_or("");
}

core::Result<std::string> StatusFilter(const Context& ctx, std::initializer_list<std::string_view> choices) {
  const auto s = ctx.req.Query("status");
  if (s.empty()) return std::string();
  for (auto c : choices) {
    if (c == s) return std::string(s);
  }
  std::string all;
  for (auto c : choices) all += (all.empty() ? "" : ", ") + std::string(c);
  return core::FieldInvalid("status", "validation.invalid_choice", {{"choices", all}});
}

std::string ShareStatus(const std::string& s, core::Lang lang) {
  const bool zh = lang == core::Lang::kZh;
  if (s == "received") return zh ? "已领取" : "received";
  if (s == "returned") return zh ? "已退回库存" : "returned to stock";
  return zh ? "待确认" : "to confirm";
}

std::string DistributionStatus(const std::string& s, core::Lang lang) {
  const bool zh = lang == core::Lang::kZh;
  if (s == "posted") return zh ? "已发放" : "distributed";
  if (s == "cancelled") return zh ? "已取消" : "cancelled";
  return zh ? "计划中" : "planned";
}

boost::json::object ShareJson(const Recipient& r, const Distribution& d, core::Lang lang) {
  auto o = RecipientToJson(r, lang);
  o["distribution"] = DistributionToJson(d, lang);
  return o;
}

}  // namespace

void RegisterDistributionRoutes(http::Router& router, DistributionsService& dist, std::string public_url) {
  const auto readers = Access::Roles(core::roles::kStaff);
  const auto editors = Access::Roles(core::roles::kEditors);
  const auto managers = Access::Roles(core::roles::kManagers);
  const auto everyone = Access::Roles(core::roles::kEveryone);

  router.Add({"GET", "/api/v1/supplies/packages", readers, "supplies", "Package templates (active=1: in use only)",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, dist.ListPackages(ctx.req.Query("active") == "1"));
                return http::JsonResponse(
                    http::ItemsJson(*list, [&](const Package& p) { return PackageToJson(p, ctx.lang); }));
              }});
  router.Add({"POST", "/api/v1/supplies/packages", managers, "supplies", "Add a package template with its lines",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParsePackageInput, true));
                TX_TRY(p, dist.CreatePackage(*in, auth::ActorFrom(ctx)));
                return http::JsonResponse(PackageToJson(*p, ctx.lang), 201);
              },
              BodyKind::kJson});
  router.Add({"PATCH", "/api/v1/supplies/packages/{id}", managers, "supplies", "Change a package template",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParsePackageInput, false));
                TX_TRY(p, dist.UpdatePackage(*id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(PackageToJson(*p, ctx.lang));
              },
              BodyKind::kJson});

  router.Add({"POST", "/api/v1/supplies/distributions/preview", editors, "supplies",
              "What a distribution would need from the store, and what is short",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseDistributionInput, true));
                TX_TRY(p, dist.PreviewOf(ctx.User(), *in));
                return http::JsonResponse(PreviewToJson(*p, ctx.lang));
              },
              BodyKind::kJson, 512 * 1024});
  router.Add({"POST", "/api/v1/supplies/distributions", editors, "supplies",
              "Distribute to a list, posted all-or-nothing (post=false: save as planned)",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseDistributionInput, false));
                TX_TRY(d, dist.Create(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(DistributionToJson(*d, ctx.lang), 201);
              },
              BodyKind::kJson, 512 * 1024});
  router.Add({"GET", "/api/v1/supplies/distributions", readers, "supplies",
              "Distributions of the stores in scope, newest first (status filters)",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(status, StatusFilter(ctx, {"planned", "posted", "cancelled"}));
                TX_TRY(list, dist.List(ctx.User(), *status, *page));
                return http::JsonResponse(
                    http::PageJson(*list, [&](const Distribution& d) { return DistributionToJson(d, ctx.lang); }));
              }});
  router.Add({"GET", "/api/v1/supplies/distributions/export", readers, "supplies",
              "Distributions of the stores in scope as XLSX (format=xlsx) or CSV (status filters)",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(status, StatusFilter(ctx, {"planned", "posted", "cancelled"}));
                const bool zh = ctx.lang == core::Lang::kZh;
                return http::SpreadsheetResponse(
                    ctx.req, zh ? "物资发放" : "distributions",
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      begin({zh ? "发放" : "Distributions",
                             zh ? std::vector<std::string>{"编号", "标题", "库房", "发放日期", "状态", "每份内容", "领取人数",
                                                           "已领取", "已退回"}
                                : std::vector<std::string>{"No.", "Title", "Store", "Date", "Status", "Each receives",
                                                           "Recipients", "Received", "Returned"},
                             {8, 36, 26, 12, 10, 44, 10, 10, 10}});
                      std::int64_t n = 0;
                      for (int page = 1;; ++page) {
                        TX_TRY(list, dist.List(ctx.User(), *status, {page, core::kMaxPageSize}));
                        for (const auto& d : list->items) {
                          add({"D-" + std::to_string(d.id), d.title,
                               core::Pick(ctx.lang, d.store_name_zh, d.store_name_en), d.planned_for,
                               DistributionStatus(d.status, ctx.lang), ShareText(d.lines, ctx.lang),
                               io::Cell::Number(static_cast<double>(d.recipient_count)),
                               io::Cell::Number(static_cast<double>(d.received_count)),
                               io::Cell::Number(static_cast<double>(d.returned_count))});
                          ++n;
                        }
                        if (list->items.size() < static_cast<std::size_t>(core::kMaxPageSize)) break;
                      }
                      return n;
                    });
              }});
  router.Add({"GET", "/api/v1/supplies/distributions/{id}", readers, "supplies", "One distribution with its share",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(d, dist.Get(ctx.User(), *id));
                return http::JsonResponse(DistributionToJson(*d, ctx.lang));
              }});
  router.Add({"GET", "/api/v1/supplies/distributions/{id}/recipients", readers, "supplies",
              "A distribution's recipients in sign-off order (status filters)",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(status, StatusFilter(ctx, {"pending", "received", "returned"}));
                TX_TRY(list, dist.RecipientsOf(ctx.User(), *id, *status, *page));
                return http::JsonResponse(
                    http::PageJson(*list, [&](const Recipient& r) { return RecipientToJson(r, ctx.lang); }));
              }});
  router.Add({"GET", "/api/v1/supplies/distributions/{id}/recipients/export", readers, "supplies",
              "A distribution's recipients and their receipts as XLSX (format=xlsx) or CSV; audited",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(all, dist.ExportRecipients(ctx.User(), *id, auth::ActorFrom(ctx)));
                const bool zh = ctx.lang == core::Lang::kZh;
                const auto& [d, rows] = *all;
                return http::SpreadsheetResponse(
                    ctx.req, (zh ? "发放签收-D-" : "distribution-D-") + std::to_string(d.id),
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      begin({zh ? "领取人" : "Recipients",
                             zh ? std::vector<std::string>{"序号", "领取人", "单位", "状态", "领取时间", "代领人", "退回时间"}
                                : std::vector<std::string>{"No.", "Recipient", "Unit", "Status", "Received at",
                                                           "Taken by", "Returned at"},
                             {6, 30, 26, 12, 22, 20, 22}});
                      std::int64_t n = 0;
                      for (const auto& r : rows) {
                        io::Cell status = ShareStatus(r.status, ctx.lang);
                        status.highlight = r.status == "pending";
                        add({io::Cell::Number(static_cast<double>(++n)), r.name,
                             core::Pick(ctx.lang, r.unit_name_zh, r.unit_name_en), status, r.received_at,
                             r.received_by_name, r.returned_at});
                      }
                      return n;
                    });
              }});
  router.Add({"POST", "/api/v1/supplies/distributions/{id}/post", editors, "supplies",
              "Post a planned distribution (all-or-nothing)",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(d, dist.PostPlanned(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::JsonResponse(DistributionToJson(*d, ctx.lang));
              },
              BodyKind::kNone});
  router.Add({"POST", "/api/v1/supplies/distributions/{id}/cancel", editors, "supplies",
              "Cancel a planned distribution",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(d, dist.Cancel(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::JsonResponse(DistributionToJson(*d, ctx.lang));
              },
              BodyKind::kNone});
  router.Add({"GET", "/api/v1/supplies/distributions/{id}/sheet.pdf", readers, "supplies",
              "The printable sign-off sheet, one QR code per recipient",
              [&dist, public_url](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                // Without a configured address, the one this request came to.
                const std::string base = public_url.empty() ? "http://" + ctx.req.Header("host") : public_url;
                TX_TRY(pdf, dist.SignoffSheet(ctx.User(), *id, ctx.lang, base));
                return http::FileResponse(std::move(*pdf), "application/pdf",
                                          "signoff-D-" + std::to_string(*id) + ".pdf");
              }});

  router.Add({"GET", "/api/v1/supplies/mine", everyone, "supplies",
              "The caller's own shares of distributions, planned and posted",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, dist.Mine(ctx.User()));
                boost::json::array items;
                for (const auto& [r, d] : *list) items.push_back(ShareJson(r, d, ctx.lang));
                boost::json::object o;
                o["items"] = std::move(items);
                return http::JsonResponse(std::move(o));
              }});
  router.Add({"GET", "/api/v1/supplies/shares/{id}", everyone, "supplies",
              "One share: its recipient, or staff of the store",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(s, dist.Share(ctx.User(), *id));
                return http::JsonResponse(ShareJson(s->first, s->second, ctx.lang));
              }});
  router.Add({"POST", "/api/v1/supplies/shares/{id}/confirm", everyone, "supplies",
              "Confirm receipt: the recipient, or staff naming who took the goods (received_by_name)",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseConfirmInput));
                TX_TRY(r, dist.Confirm(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(RecipientToJson(*r, ctx.lang));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/supplies/shares/{id}/return", editors, "supplies",
              "Put an undelivered share back into the store (reverses its posting)",
              [&dist](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(note, ctx.Body(ParseNote));
                TX_TRY(r, dist.Return(ctx.User(), *id, *note, auth::ActorFrom(ctx)));
                return http::JsonResponse(RecipientToJson(*r, ctx.lang));
              },
              BodyKind::kJson});
}

}  // namespace tongxin::supplies
