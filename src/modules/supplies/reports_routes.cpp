// Supplies report routes: movements and distributions over a date range, the catalogue
// and an item's movements, as JSON and as XLSX/CSV downloads.
#include <boost/json.hpp>

#include "core/local_time.hpp"
#include "core/paging.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"
#include "http/route_kit.hpp"
#include "http/spreadsheet.hpp"
#include "modules/supplies/supplies_routes.hpp"

namespace tongxin::supplies {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

constexpr int kMaxReportDays = 366;

core::Result<std::optional<std::int64_t>> OptionalId(const Context& ctx, const char* name) {
  const auto v = ctx.req.Query(name);
  if (v.empty()) return std::optional<std::int64_t>{};
  TX_TRY(id, core::ParseId(v, name));
  return std::optional<std::int64_t>{*id};
}

// from/to (local days, default: the last 30 days), store_id, item_id.
core::Result<ReportRange> ParseRange(const Context& ctx, const std::string& today) {
  ReportRange r;
  r.to = ctx.req.Query("to", today);
  r.from = ctx.req.Query("from", core::AddDays(r.to, -29));
  if (!core::IsValidDate(r.from)) return core::FieldInvalid("from", "validation.invalid_date");
  if (!core::IsValidDate(r.to)) return core::FieldInvalid("to", "validation.invalid_date");
  if (r.from > r.to || core::AddDays(r.from, kMaxReportDays) <= r.to) {
    return core::FieldInvalid("to", "supplies.report_range", {{"max", std::to_string(kMaxReportDays)}});
  }
  TX_TRY(store, OptionalId(ctx, "store_id"));
  TX_TRY(item, OptionalId(ctx, "item_id"));
  r.store_id = *store;
  r.item_id = *item;
  return r;
}

std::string KindLabel(const std::string& k, core::Lang lang) {
  const bool zh = lang == core::Lang::kZh;
  if (k == "receipt") return zh ? "入库" : "receipt";
  if (k == "issue") return zh ? "出库" : "issue";
  if (k == "transfer") return zh ? "调拨" : "transfer";
  if (k == "loss") return zh ? "报损" : "loss";
  if (k == "adjustment") return zh ? "盘点调整" : "adjustment";
  if (k == "reversal") return zh ? "冲销" : "reversal";
  return k;
}

io::Cell Num(std::int64_t milli) { return io::Cell::Number(FromMilli(milli)); }

}  // namespace

void RegisterReportRoutes(http::Router& router, SupplyReports& reports, SuppliesService& supplies) {
  const auto staff = Access::Roles(core::roles::kStaff);
  const auto readers = Access::Roles(core::roles::kReaders);

  router.Add({"GET", "/api/v1/supplies/reports/movements", staff, "supplies",
              "Movements per item and kind over local days from..to (default the last 30), in one store or every "
              "store in scope; with item_id, day by day",
              [&reports, &supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(range, ParseRange(ctx, supplies.Today()));
                TX_TRY(r, reports.Movements(ctx.User(), *range));
                auto o = MovementReportToJson(*r, ctx.lang);
                o["from"] = range->from;
                o["to"] = range->to;
                return http::JsonResponse(std::move(o));
              }});
  router.Add({"GET", "/api/v1/supplies/reports/movements/export", staff, "supplies",
              "The movements report as XLSX (format=xlsx) or CSV",
              [&reports, &supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(range, ParseRange(ctx, supplies.Today()));
                TX_TRY(r, reports.Movements(ctx.User(), *range));
                const bool zh = ctx.lang == core::Lang::kZh;
                return http::SpreadsheetResponse(
                    ctx.req, (zh ? "出入库汇总-" : "movements-") + range->from + "-" + range->to,
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      begin({zh ? "出入库汇总" : "Movements",
                             zh ? std::vector<std::string>{"编码", "物资", "单位", "入库", "出库", "调入", "调出", "报损",
                                                           "盘点调整", "冲销", "合计入", "合计出"}
                                : std::vector<std::string>{"Code", "Item", "Unit", "Received", "Issued", "Transfer in",
                                                           "Transfer out", "Lost", "Adjusted", "Reversed", "Total in",
                                                           "Total out"},
                             {14, 30, 10, 12, 12, 12, 12, 12, 12, 12, 12, 12}});
                      for (const auto& m : r->items) {
                        add({m.item_code, core::Pick(ctx.lang, m.item_name_zh, m.item_name_en),
                             core::Pick(ctx.lang, m.unit_zh, m.unit_en), Num(m.receipt), Num(m.issue),
                             Num(m.transfer_in), Num(m.transfer_out), Num(m.loss), Num(m.adjustment), Num(m.reversal),
                             Num(m.in()), Num(m.out())});
                      }
                      return static_cast<std::int64_t>(r->items.size());
                    });
              }});
  router.Add({"GET", "/api/v1/supplies/reports/distributions", staff, "supplies",
              "Posted distributions over local days from..to: what was handed out per item (returns deducted), "
              "shares per unit and per recipient",
              [&reports, &supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(range, ParseRange(ctx, supplies.Today()));
                TX_TRY(r, reports.Distributions(ctx.User(), *range));
                auto o = DistributionReportToJson(*r, ctx.lang);
                o["from"] = range->from;
                o["to"] = range->to;
                return http::JsonResponse(std::move(o));
              }});
  router.Add({"GET", "/api/v1/supplies/reports/distributions/export", staff, "supplies",
              "The distributions report as XLSX (format=xlsx) or CSV: items, then recipients",
              [&reports, &supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(range, ParseRange(ctx, supplies.Today()));
                TX_TRY(r, reports.Distributions(ctx.User(), *range));
                const bool zh = ctx.lang == core::Lang::kZh;
                return http::SpreadsheetResponse(
                    ctx.req, (zh ? "发放汇总-" : "distributions-report-") + range->from + "-" + range->to,
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      begin({zh ? "发放汇总" : "Distributions",
                             zh ? std::vector<std::string>{"物资 / 领取人", "单位", "数量", "份数", "已领取", "已退回"}
                                : std::vector<std::string>{"Item / recipient", "Unit", "Quantity", "Shares", "Received",
                                                           "Returned"},
                             {30, 26, 12, 10, 10, 10}});
                      for (const auto& i : r->items) {
                        add({core::Pick(ctx.lang, i.item_name_zh, i.item_name_en),
                             core::Pick(ctx.lang, i.unit_zh, i.unit_en), Num(i.qty_milli),
                             io::Cell::Number(static_cast<double>(i.shares)), "", ""});
                      }
                      for (const auto& x : r->recipients) {
                        add({x.name, core::Pick(ctx.lang, x.unit_name_zh, x.unit_name_en), "",
                             io::Cell::Number(static_cast<double>(x.shares)),
                             io::Cell::Number(static_cast<double>(x.received)),
                             io::Cell::Number(static_cast<double>(x.returned))});
                      }
                      return static_cast<std::int64_t>(r->items.size() + r->recipients.size());
                    });
              }});

  router.Add({"GET", "/api/v1/supplies/items/export", readers, "supplies",
              "The catalogue as XLSX (format=xlsx) or CSV",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, supplies.ListItems(false));
                const bool zh = ctx.lang == core::Lang::kZh;
                return http::SpreadsheetResponse(
                    ctx.req, zh ? "物资目录" : "catalogue",
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      begin({zh ? "物资目录" : "Catalogue",
                             zh ? std::vector<std::string>{"编码", "中文名称", "英文名称", "类别", "单位", "小数位数",
                                                           "按批次", "包装单位", "在用"}
                                : std::vector<std::string>{"Code", "Name (Chinese)", "Name (English)", "Category", "Unit",
                                                           "Decimals", "Batches", "Pack units", "In use"},
                             {14, 24, 24, 16, 10, 10, 10, 30, 8}});
                      for (const auto& i : *list) {
                        std::string packs;
                        for (const auto& p : i.packs) {
                          packs += (packs.empty() ? "" : "; ") + core::Pick(ctx.lang, p.name_zh, p.name_en) + " = " +
                                   QuantityText(p.factor_milli, core::Pick(ctx.lang, i.unit_zh, i.unit_en), ctx.lang);
                        }
                        const char* yes = zh ? "是" : "yes";
                        const char* no = zh ? "否" : "no";
                        add({i.code, i.name_zh, i.name_en, i.category, core::Pick(ctx.lang, i.unit_zh, i.unit_en),
                             io::Cell::Number(i.decimals), i.batched ? yes : no, packs, i.active ? yes : no});
                      }
                      return static_cast<std::int64_t>(list->size());
                    });
              }});
  router.Add({"GET", "/api/v1/supplies/items/{id}/movements/export", staff, "supplies",
              "An item's postings (store_id: in one store) as XLSX (format=xlsx) or CSV, newest first",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(store, OptionalId(ctx, "store_id"));
                TX_TRY(first, supplies.Movements(ctx.User(), *id, *store, {1, core::kMaxPageSize}));
                const bool zh = ctx.lang == core::Lang::kZh;
                return http::SpreadsheetResponse(
                    ctx.req, (zh ? "物资流水-" : "item-movements-") + std::to_string(*id),
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      begin({zh ? "流水" : "Movements",
                             zh ? std::vector<std::string>{"时间", "库房", "类型", "批次", "数量", "单据号", "经办人", "备注"}
                                : std::vector<std::string>{"Posted at", "Store", "Kind", "Batch", "Quantity",
                                                           "Reference", "Posted by", "Note"},
                             {20, 26, 12, 14, 12, 16, 16, 30}});
                      std::int64_t n = 0;
                      core::Page<Movement> page = std::move(*first);
                      for (int p = 1;; ++p) {
                        if (p > 1) {
                          TX_TRY(next, supplies.Movements(ctx.User(), *id, *store, {p, core::kMaxPageSize}));
                          page = std::move(*next);
                        }
                        for (const auto& m : page.items) {
                          add({m.posted_at, core::Pick(ctx.lang, m.store_name_zh, m.store_name_en),
                               KindLabel(m.kind, ctx.lang), m.line.batch, Num(m.line.qty_milli), m.reference,
                               m.posted_by_name, m.note});
                          ++n;
                        }
                        if (page.items.size() < static_cast<std::size_t>(core::kMaxPageSize) || n >= 100000) break;
                      }
                      return n;
                    });
              }});
}

}  // namespace tongxin::supplies
