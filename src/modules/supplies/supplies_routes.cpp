// Supplies routes: parse, call the service, reply.
#include "modules/supplies/supplies_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/json_reader.hpp"
#include "core/paging.hpp"
#include "core/pick.hpp"
#include "http/route_kit.hpp"
#include "http/spreadsheet.hpp"

namespace tongxin::supplies {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

struct ThresholdInput {
  std::int64_t item_id = 0;
  double low = 0;
};

core::Result<ThresholdInput> ParseThreshold(const boost::json::object& body) {
  core::JsonReader r(body, {"item_id", "low"});
  ThresholdInput in;
  in.item_id = r.Int("item_id", true, 1, INT64_MAX).value_or(0);
  in.low = r.Number("low", true).value_or(0);
  TX_CHECK(r.Finish());
  return in;
}

core::Result<std::string> ParseReverseNote(const boost::json::object& body) {
  core::JsonReader r(body, {"note"});
  auto note = r.String("note", false, 1000, true);
  TX_CHECK(r.Finish());
  return note.value_or("");
}

}  // namespace

void RegisterSupplyRoutes(http::Router& router, SuppliesService& supplies) {
  const auto readers = Access::Roles(core::roles::kReaders);
  const auto staff = Access::Roles(core::roles::kStaff);
  const auto editors = Access::Roles(core::roles::kEditors);
  const auto managers = Access::Roles(core::roles::kManagers);

  router.Add({"GET", "/api/v1/supplies/items", readers, "supplies", "The supplies catalogue (active=1: in use only)",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, supplies.ListItems(ctx.req.Query("active") == "1"));
                return http::JsonResponse(http::ItemsJson(*list, [&](const Item& i) { return ItemToJson(i, ctx.lang); }));
              }});
  router.Add({"POST", "/api/v1/supplies/items", managers, "supplies", "Add an item with its pack units",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseItemInput, true));
                TX_TRY(item, supplies.CreateItem(*in, auth::ActorFrom(ctx)));
                return http::JsonResponse(ItemToJson(*item, ctx.lang), 201);
              },
              BodyKind::kJson});
  router.Add({"PATCH", "/api/v1/supplies/items/{id}", managers, "supplies", "Change an item or its pack units",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseItemInput, false));
                TX_TRY(item, supplies.UpdateItem(*id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(ItemToJson(*item, ctx.lang));
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/supplies/items/{id}/movements", staff, "supplies",
              "An item's postings, newest first, in one store (store_id) or every store in scope",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(page, core::ParsePage(ctx.req.query));
                std::optional<std::int64_t> store;
                if (const auto s = ctx.req.Query("store_id"); !s.empty()) {
                  TX_TRY(sid, core::ParseId(s, "store_id"));
                  store = *sid;
                }
                TX_TRY(list, supplies.Movements(ctx.User(), *id, store, *page));
                return http::JsonResponse(http::PageJson(*list, [&](const Movement& m) { return MovementToJson(m, ctx.lang); }));
              }});

  router.Add({"GET", "/api/v1/supplies/stores", staff, "supplies", "Stores of the units in scope, with their keepers",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, supplies.ListStores(ctx.User()));
                return http::JsonResponse(http::ItemsJson(*list, [&](const Store& s) { return StoreToJson(s, ctx.lang); }));
              }});
  router.Add({"POST", "/api/v1/supplies/stores", managers, "supplies", "Open a store for a unit in scope",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseStoreInput, true));
                TX_TRY(s, supplies.CreateStore(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(StoreToJson(*s, ctx.lang), 201);
              },
              BodyKind::kJson});
  router.Add({"PATCH", "/api/v1/supplies/stores/{id}", managers, "supplies", "Rename a store, move it or set its keepers",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseStoreInput, false));
                TX_TRY(s, supplies.UpdateStore(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(StoreToJson(*s, ctx.lang));
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/supplies/stores/{id}/stock", staff, "supplies",
              "Stock on hand in a store, per item and batch, with expired and low-stock flags",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(stock, supplies.Stock(ctx.User(), *id));
                const std::string today = supplies.Today();
                auto o = http::ItemsJson(stock->second, [&](const StockRow& r) { return StockToJson(r, ctx.lang, today); });
                o["store"] = StoreToJson(stock->first, ctx.lang);
                return http::JsonResponse(std::move(o));
              }});

  router.Add({"GET", "/api/v1/supplies/stores/{id}/thresholds", staff, "supplies",
              "The store's low-stock thresholds per item",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(list, supplies.Thresholds(ctx.User(), *id));
                boost::json::array items;
                for (const auto& [item, low] : *list) items.push_back({{"item_id", item}, {"low", FromMilli(low)}});
                return http::JsonResponse({{"items", std::move(items)}});
              }});
  router.Add({"PUT", "/api/v1/supplies/stores/{id}/thresholds", editors, "supplies",
              "Set an item's low-stock threshold in the store (low 0 clears it); its keepers hear of each crossing",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseThreshold));
                TX_TRY(set, supplies.SetThreshold(ctx.User(), *id, in->item_id, in->low, auth::ActorFrom(ctx)));
                return http::JsonResponse({{"store_id", *id}, {"item_id", set->first}, {"low", FromMilli(set->second)}});
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/supplies/stores/{id}/stock/export", staff, "supplies",
              "A store's stock on hand as XLSX (format=xlsx) or CSV, expired batches highlighted",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(stock, supplies.Stock(ctx.User(), *id));
                const bool zh = ctx.lang == core::Lang::kZh;
                const std::string today = supplies.Today();
                const auto& [store, rows] = *stock;
                return http::SpreadsheetResponse(
                    ctx.req, (zh ? "库存-" : "stock-") + std::to_string(store.id) + "-" + today,
                    [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      begin({zh ? "库存" : "Stock",
                             zh ? std::vector<std::string>{"编码", "物资", "批次", "有效期", "数量", "单位"}
                                : std::vector<std::string>{"Code", "Item", "Batch", "Expiry", "Quantity", "Unit"},
                             {14, 30, 14, 14, 12, 10}});
                      for (const auto& r : rows) {
                        io::Cell expiry = r.expiry;
                        expiry.highlight = !r.expiry.empty() && r.expiry < today;
                        add({r.item_code, core::Pick(ctx.lang, r.item_name_zh, r.item_name_en), r.batch, expiry,
                             io::Cell::Number(FromMilli(r.qty_milli)), core::Pick(ctx.lang, r.unit_zh, r.unit_en)});
                      }
                      return static_cast<std::int64_t>(rows.size());
                    });
              }});
  router.Add({"POST", "/api/v1/supplies/postings", editors, "supplies",
              "Post a receipt, issue, transfer, loss or stocktake adjustment (keepers of the store, office, admin)",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParsePostingInput));
                TX_TRY(p, supplies.Post(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(PostingToJson(*p), 201);
              },
              BodyKind::kJson, 256 * 1024});
  router.Add({"GET", "/api/v1/supplies/postings/{id}", staff, "supplies", "One posting with its lines",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(p, supplies.GetPosting(ctx.User(), *id));
                return http::JsonResponse(PostingToJson(*p));
              }});
  router.Add({"POST", "/api/v1/supplies/postings/{id}/reverse", editors, "supplies",
              "Undo a posting by posting its opposite (once; never a reversal)",
              [&supplies](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(note, ctx.Body(ParseReverseNote));
                TX_TRY(p, supplies.Reverse(ctx.User(), *id, *note, auth::ActorFrom(ctx)));
                return http::JsonResponse(PostingToJson(*p), 201);
              },
              BodyKind::kJson});
}

}  // namespace tongxin::supplies
