// Partners import routes: upload for a preview, read it, confirm it.
#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/paging.hpp"
#include "http/route_kit.hpp"
#include "http/spreadsheet.hpp"
#include "modules/partners/partners_routes.hpp"

namespace tongxin::partners {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

void RegisterImportRoutes(http::Router& router, PartnersImporter& importer) {
  const auto managers = Access::Roles(core::roles::kManagers);
  router.Add({"POST", "/api/v1/partners/imports", managers, "partners",
              "Upload an XLSX or CSV file of partners and contacts (the export's layout; unit_id keeps rows without a "
              "unit); returns a preview listing every invalid row and what the import will do",
              [&importer](Context& ctx) -> core::Result<Response> {
                TX_CHECK(http::CheckSpreadsheetUpload(ctx.req));
                std::int64_t unit_id = 0;
                if (const auto u = ctx.req.Query("unit_id"); !u.empty()) {
                  TX_TRY(id, core::ParseId(u, "unit_id"));
                  unit_id = *id;
                }
                TX_TRY(pv, importer.Preview(ctx.User(), ctx.req.body, ctx.req.Query("filename", "upload"), unit_id,
                                           auth::ActorFrom(ctx)));
                return http::JsonResponse(io::imports::PreviewToJson(*pv, ctx.lang), 201);
              },
              BodyKind::kFile, io::imports::kMaxBytes});
  router.Add({"GET", "/api/v1/partners/imports/{id}", managers, "partners", "A partners import's preview and status",
              [&importer](Context& ctx) -> core::Result<Response> {
                TX_TRY(pv, importer.Get(ctx.User(), ctx.req.params["id"]));
                return http::JsonResponse(io::imports::PreviewToJson(*pv, ctx.lang));
              }});
  router.Add({"POST", "/api/v1/partners/imports/{id}/confirm", managers, "partners",
              "Carry out a partners import: every row or none",
              [&importer](Context& ctx) -> core::Result<Response> {
                TX_TRY(r, importer.Confirm(ctx.User(), ctx.req.params["id"], auth::ActorFrom(ctx)));
                return http::JsonResponse({{"id", ctx.req.params["id"]},
                                           {"status", "done"},
                                           {"partners_created", r->partners_created},
                                           {"contacts_added", r->contacts_added},
                                           {"contacts_skipped", r->contacts_skipped}});
              }});
}

}  // namespace tongxin::partners
