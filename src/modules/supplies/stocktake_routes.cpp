// Stocktake routes: the count sheet of a store, its preview, and the adjustment it posts.
#include "auth/actor.hpp"
#include "http/route_kit.hpp"
#include "modules/supplies/supplies_routes.hpp"

namespace tongxin::supplies {

void RegisterStocktakeRoutes(http::Router& router, Stocktake& stocktake) {
  using namespace http::kit;  // NOLINT(google-build-using-namespace)
  const auto staff = Access::Roles(core::roles::kStaff);
  const auto editors = Access::Roles(core::roles::kEditors);
  router.Add({"GET", "/api/v1/supplies/stores/{id}/count-sheet", staff, "supplies",
              "The store's count sheet (XLSX): every item and batch on the books, a column for the counts",
              [&stocktake](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(sheet, stocktake.Sheet(ctx.User(), *id, ctx.lang));
                return http::FileResponse(std::move(sheet->first),
                                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                          sheet->second);
              }});
  router.Add({"POST", "/api/v1/supplies/stores/{id}/stocktake/preview", editors, "supplies",
              "Read a filled-in count sheet (XLSX body) against the books: the differences it would post and "
              "the rows it cannot read",
              [&stocktake](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(p, stocktake.Preview(ctx.User(), *id, ctx.req.body));
                return http::JsonResponse(CountPreviewToJson(*p, ctx.lang));
              },
              BodyKind::kFile, 5 * 1024 * 1024});
  router.Add({"POST", "/api/v1/supplies/stores/{id}/stocktake", editors, "supplies",
              "Post the counts' differences as one stocktake adjustment (the books each count was made "
              "against must still hold)",
              [&stocktake](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseStocktakeInput));
                TX_TRY(p, stocktake.Post(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(PostingToJson(*p), 201);
              },
              BodyKind::kJson, 1024 * 1024});
}

}  // namespace tongxin::supplies
