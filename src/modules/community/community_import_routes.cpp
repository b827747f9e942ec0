// Community import routes.
#include "modules/community/community_import_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/paging.hpp"
#include "http/route_kit.hpp"
#include "http/spreadsheet.hpp"

namespace tongxin::community {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

void RegisterCommunityImportRoutes(http::Router& router, CommunityImporter& importer) {
  const auto editors = Access::Roles(core::roles::kEditors);
  router.Add({"POST", "/api/v1/community/imports", editors, "community",
              "Upload a CSV or XLSX of a community's households and residents (community_id: the community; "
              "address or building, entrance and room; name, phone, gender, age or age band, vulnerable flags); "
              "returns a preview listing every invalid row and what the import will add",
              [&importer](Context& ctx) -> core::Result<Response> {
                const auto raw = ctx.req.Query("community_id");
                if (raw.empty()) return core::FieldInvalid("community_id", "validation.required");
                TX_TRY(community_id, core::ParseId(raw, "community_id"));
                TX_CHECK(http::CheckSpreadsheetUpload(ctx.req));
                TX_TRY(pv, importer.Preview(ctx.User(), *community_id, ctx.req.body,
                                            ctx.req.Query("filename", "upload"), auth::ActorFrom(ctx)));
                return http::JsonResponse(io::imports::PreviewToJson(*pv, ctx.lang), 201);
              },
              BodyKind::kFile, io::imports::kMaxBytes});
  router.Add({"GET", "/api/v1/community/imports/{id}", editors, "community",
              "A community import's preview and status",
              [&importer](Context& ctx) -> core::Result<Response> {
                TX_TRY(pv, importer.Get(ctx.User(), ctx.req.params["id"]));
                return http::JsonResponse(io::imports::PreviewToJson(*pv, ctx.lang));
              }});
  router.Add({"POST", "/api/v1/community/imports/{id}/confirm", editors, "community",
              "Carry out a community import: every row or none; missing compounds, buildings and entrances are "
              "added to the unit tree",
              [&importer](Context& ctx) -> core::Result<Response> {
                TX_TRY(r, importer.Confirm(ctx.User(), ctx.req.params["id"], auth::ActorFrom(ctx)));
                return http::JsonResponse({{"id", ctx.req.params["id"]},
                                           {"status", "done"},
                                           {"units", r->units},
                                           {"households", r->households},
                                           {"residents", r->residents},
                                           {"changed", r->changed},
                                           {"unchanged", r->unchanged}});
              }});
}

}  // namespace tongxin::community
