// Donations routes: donors, exchange rates, donations in and out, their documents and totals.
#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/currencies.hpp"
#include "core/json_reader.hpp"
#include "core/labels.hpp"
#include "core/paging.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"
#include "http/route_kit.hpp"
#include "http/spreadsheet.hpp"
#include "modules/supplies/supplies_routes.hpp"

namespace tongxin::supplies {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

core::Result<DonationFilter> ParseFilter(const Context& ctx) {
  DonationFilter f;
  TX_TRY(direction, QueryChoice(ctx, "direction", {"in", "out"}));
  TX_TRY(kind, QueryChoice(ctx, "kind", {"money", "goods"}));
  TX_TRY(thanks, QueryChoice(ctx, "thanks", {"to_thank", "letter_sent", "acknowledged"}));
  TX_TRY(delivery, QueryChoice(ctx, "delivery", {"pending", "delivered"}));
  f.direction = *direction;
  f.kind = *kind;
  f.thanks = *thanks;
  f.delivery = *delivery;
  f.currency = ctx.req.Query("currency");
  if (!f.currency.empty() && core::FindCurrency(f.currency) == nullptr) {
    return core::FieldInvalid("currency", "supplies.currency_unknown", {{"currency", f.currency}});
  }
  for (const char* key : {"from", "to"}) {
    std::string v = ctx.req.Query(key);
    if (!v.empty() && !core::IsValidDate(v)) return core::FieldInvalid(key, "validation.invalid_date");
    (std::string_view(key) == "from" ? f.from : f.to) = v;
  }
  f.q = core::Trim(ctx.req.Query("q"));
  if (const auto d = ctx.req.Query("donor_id"); !d.empty()) {
    TX_TRY(id, core::ParseId(d, "donor_id"));
    f.donor_id = *id;
  }
  return f;
}

std::string Label(const std::string& value, core::Lang lang) {
  static const core::LabelTable kLabels = {
      {"in", {"收到捐赠", "received"}},        {"out", {"对外捐赠", "given"}},
      {"money", {"资金", "money"}},             {"goods", {"物资", "goods"}},
      {"to_thank", {"待致谢", "to thank"}},     {"letter_sent", {"已寄感谢信", "letter sent"}},
      {"acknowledged", {"对方已确认", "acknowledged"}}, {"pending", {"待送达", "to deliver"}},
      {"delivered", {"已送达", "delivered"}},   {"hospital", {"医院", "hospital"}},
      {"community", {"社区", "community"}},     {"school", {"学校", "school"}},
      {"other", {"其他", "other"}},             {"institution", {"机构", "institution"}},
      {"company", {"企业", "company"}},         {"person", {"个人", "person"}}};
  return kLabels(value, lang);
}

boost::json::object ListJson(const core::Page<Donation>& page, bool amounts, core::Lang lang) {
  auto o = http::PageJson(page, [&](const Donation& d) { return DonationToJson(d, lang, amounts); });
  o["amounts"] = amounts;
  return o;
}

struct RateKey {
  std::string currency, valid_from;
};

core::Result<RateKey> ParseRateKey(const Context& ctx) {
  RateKey k{ctx.req.Query("currency"), ctx.req.Query("valid_from")};
  if (core::FindCurrency(k.currency) == nullptr) {
    return core::FieldInvalid("currency", "supplies.currency_unknown", {{"currency", k.currency}});
  }
  if (!core::IsValidDate(k.valid_from)) return core::FieldInvalid("valid_from", "validation.invalid_date");
  return k;
}

}  // namespace

void RegisterDonationRoutes(http::Router& router, DonationsService& donations) {
  const auto staff = Access::Roles(core::roles::kStaff);
  const auto editors = Access::Roles(core::roles::kEditors);
  const auto everyone = Access::Roles(core::roles::kEveryone);

  router.Add({"GET", "/api/v1/supplies/currencies", everyone, "supplies",
              "ISO 4217 currency codes with their minor-unit digits",
              [](Context&) -> core::Result<Response> {
                boost::json::array items;
                for (const auto& c : core::Currencies()) items.push_back({{"code", c.code}, {"digits", c.digits}});
                return http::JsonResponse({{"items", std::move(items)}});
              }});

  // ---- donors ----
  router.Add({"GET", "/api/v1/supplies/donors", staff, "supplies",
              "Donors of the units in scope (q: name, kind), contact details masked",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(kind, QueryChoice(ctx, "kind", {"institution", "company", "person"}));
                TX_TRY(list, donations.ListDonors(ctx.User(), core::Trim(ctx.req.Query("q")), *kind, *page));
                return http::JsonResponse(
                    http::PageJson(*list, [&](const Donor& d) { return DonorToJson(d, ctx.lang, false); }));
              }});
  router.Add({"POST", "/api/v1/supplies/donors", editors, "supplies", "Add a donor for a unit in scope",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseDonorInput, true));
                TX_TRY(d, donations.CreateDonor(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(DonorToJson(*d, ctx.lang, true), 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/supplies/donors/{id}", staff, "supplies",
              "A donor with their contact details (audited)",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(d, donations.GetDonor(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::JsonResponse(DonorToJson(*d, ctx.lang, true));
              }});
  router.Add({"PATCH", "/api/v1/supplies/donors/{id}", editors, "supplies", "Change a donor",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseDonorInput, false));
                TX_TRY(d, donations.UpdateDonor(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(DonorToJson(*d, ctx.lang, true));
              },
              BodyKind::kJson});

  // ---- exchange rates ----
  router.Add({"GET", "/api/v1/supplies/rates", staff, "supplies",
              "The exchange-rate table (CNY per unit from a day on), newest first per currency",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, donations.ListRates(ctx.req.Query("currency")));
                TX_TRY(keeps, donations.SeesAmounts(ctx.User()));
                auto o = http::ItemsJson(*list, [](const Rate& r) { return RateToJson(r); });
                o["amounts"] = *keeps;
                return http::JsonResponse(std::move(o));
              }});
  router.Add({"PUT", "/api/v1/supplies/rates", editors, "supplies",
              "Set a currency's rate from a day on (finance and admins)",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseRateInput));
                TX_TRY(r, donations.SetRate(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(RateToJson(*r));
              },
              BodyKind::kJson});
  router.Add({"DELETE", "/api/v1/supplies/rates", editors, "supplies",
              "Remove a rate (?currency=&valid_from=; finance and admins)",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(key, ParseRateKey(ctx));
                TX_CHECK(donations.DeleteRate(ctx.User(), key->currency, key->valid_from, auth::ActorFrom(ctx)));
                return http::JsonResponse({{"deleted", true}});
              }});

  // ---- donations ----
  router.Add({"GET", "/api/v1/supplies/donations", staff, "supplies",
              "Donations in scope, newest first (direction, kind, thanks, delivery, currency, from, to, donor_id, q); "
              "amounts for office and finance only",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(filter, ParseFilter(ctx));
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, donations.List(ctx.User(), *filter, *page));
                return http::JsonResponse(ListJson(list->page, list->amounts, ctx.lang));
              }});
  router.Add({"GET", "/api/v1/supplies/donations/totals", staff, "supplies",
              "Totals of the matching donations: money by currency with CNY, goods by item and by recipient",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(filter, ParseFilter(ctx));
                TX_TRY(t, donations.Summary(ctx.User(), *filter));
                return http::JsonResponse(TotalsToJson(t->first, ctx.lang, t->second));
              }});
  router.Add({"GET", "/api/v1/supplies/donations/export", staff, "supplies",
              "The matching donations as XLSX (format=xlsx) or CSV; audited",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(filter, ParseFilter(ctx));
                TX_TRY(all, donations.Export(ctx.User(), *filter, auth::ActorFrom(ctx)));
                const bool zh = ctx.lang == core::Lang::kZh;
                const bool amounts = all->amounts;
                return http::SpreadsheetResponse(
                    ctx.req, zh ? "捐赠" : "donations",
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      std::vector<std::string> head =
                          zh ? std::vector<std::string>{"编号", "方向", "日期", "类别", "捐赠方", "受赠方", "币种",
                                                        "金额", "折合人民币", "物资", "用途", "收据号", "致谢/送达"}
                             : std::vector<std::string>{"No.", "Direction", "Date", "Kind", "Donor", "Recipient",
                                                        "Currency", "Amount", "CNY", "Goods", "Purpose", "Receipt no.",
                                                        "Thanks / delivery"};
                      begin({zh ? "捐赠" : "Donations", head, {8, 10, 12, 8, 30, 30, 8, 14, 14, 44, 30, 14, 14}});
                      std::int64_t n = 0;
                      for (const auto& d : all->items) {
                        auto j = DonationToJson(d, ctx.lang, amounts);
                        std::string amount, cny;
                        if (d.kind == "money" && amounts) {
                          amount = std::string(j["amount"].as_string());
                          if (j["cny"].is_string()) cny = std::string(j["cny"].as_string());
                        }
                        std::vector<GoodsTotal> goods;
                        for (const auto& l : d.lines) goods.push_back({l, 1});
                        add({"DN-" + std::to_string(d.id), Label(d.direction, ctx.lang), d.donated_on,
                             Label(d.kind, ctx.lang), core::Pick(ctx.lang, d.donor_name_zh, d.donor_name_en),
                             d.recipient_name, d.currency, amount, cny, GoodsSentence(goods, ctx.lang), d.purpose,
                             d.receipt_no, Label(d.direction == "in" ? d.thanks : d.delivery, ctx.lang)});
                        ++n;
                      }
                      return n;
                    });
              }});
  router.Add({"POST", "/api/v1/supplies/donations", editors, "supplies",
              "Record a donation received (money, or goods posted into a store) or given (from a store, or arranged "
              "from a third party)",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseDonationInput));
                TX_TRY(d, donations.Create(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(DonationToJson(*d, ctx.lang, true), 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/supplies/donations/{id}", staff, "supplies", "A donation with its goods and documents",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(d, donations.Get(ctx.User(), *id));
                return http::JsonResponse(DonationToJson(d->first, ctx.lang, d->second));
              }});
  router.Add({"PATCH", "/api/v1/supplies/donations/{id}", editors, "supplies",
              "Change a donation's purpose, receipt number, date, note, recipient or (money) amount",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseDonationPatch));
                TX_TRY(d, donations.Update(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                TX_TRY(amounts, donations.SeesAmounts(ctx.User()));
                return http::JsonResponse(DonationToJson(*d, ctx.lang, *amounts));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/supplies/donations/{id}/thanks", editors, "supplies",
              "Move a received donation's thank-you status forward (letter_sent, acknowledged)",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseThanksInput));
                TX_TRY(d, donations.SetThanks(ctx.User(), *id, in->status, auth::ActorFrom(ctx)));
                TX_TRY(amounts, donations.SeesAmounts(ctx.User()));
                return http::JsonResponse(DonationToJson(*d, ctx.lang, *amounts));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/supplies/donations/{id}/delivered", editors, "supplies",
              "Confirm that a donation given was delivered (delivered_on, delivered_to)",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseDeliveryInput));
                TX_TRY(d, donations.Deliver(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                TX_TRY(amounts, donations.SeesAmounts(ctx.User()));
                return http::JsonResponse(DonationToJson(*d, ctx.lang, *amounts));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/supplies/donations/{id}/documents", editors, "supplies",
              "Attach a document (PDF, PNG or JPEG, at most 5 MiB) sent as the raw body; ?filename=",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(d, donations.AddDocument(ctx.User(), *id, ctx.req.Query("filename", "file"),
                                                std::move(ctx.req.body), auth::ActorFrom(ctx)));
                TX_TRY(amounts, donations.SeesAmounts(ctx.User()));
                return http::JsonResponse(DonationToJson(*d, ctx.lang, *amounts), 201);
              },
              BodyKind::kFile, io::kMaxAttachmentBytes + 1});
  router.Add({"GET", "/api/v1/supplies/donations/{id}/documents/{document_id}", staff, "supplies",
              "Download a donation's document (audited)",
              [&donations](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(doc_id, ctx.Id("document_id"));
                TX_TRY(a, donations.GetDocument(ctx.User(), *id, *doc_id, auth::ActorFrom(ctx)));
                return http::FileResponse(std::move(a->bytes), a->content_type, a->filename);
              }});
}

}  // namespace tongxin::supplies
