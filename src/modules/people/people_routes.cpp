// People routes: parse, call the service, reply.
#include "modules/people/people_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/paging.hpp"
#include "core/text.hpp"
#include "http/json_body.hpp"
#include "http/replies.hpp"
#include "http/spreadsheet.hpp"
#include "modules/people/people_export.hpp"
#include "http/route_kit.hpp"

namespace tongxin::people {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

constexpr std::int64_t kMaxExportRows = 200000;

core::Result<PersonFilter> FilterFrom(const http::Request& req, std::int64_t* unit_id) {
  PersonFilter f;
  f.q = core::Trim(req.Query("q")).substr(0, 100);
  f.category = req.Query("category");
  f.status = req.Query("status", "active");
  f.nationality = core::ToUpperAscii(req.Query("nationality"));
  f.sort = req.Query("sort", "name");
  f.descending = req.Query("order") == "desc";
  if (f.status != "active" && f.status != "archived" && f.status != "all") {
    return core::FieldInvalid("status", "validation.invalid_choice", {{"choices", "active, archived, all"}});
  }
  static const std::vector<std::string> kSorts = {"name", "nationality", "category", "unit", "created_at", "updated_at"};
  if (std::find(kSorts.begin(), kSorts.end(), f.sort) == kSorts.end()) {
    return core::FieldInvalid("sort", "validation.invalid_choice",
                              {{"choices", "name, nationality, category, unit, created_at, updated_at"}});
  }
  *unit_id = 0;
  if (const auto u = req.Query("unit_id"); !u.empty()) {
    TX_TRY(id, core::ParseId(u, "unit_id"));
    *unit_id = *id;
  }
  return f;
}

boost::json::object RowJson(const PersonRow& r, const core::Principal& who, core::Lang lang) {
  const bool reveal = who.MaySeeIdentifiers() || (who.person_id && *who.person_id == r.person.id);
  return PersonToJson(r.person, reveal, lang == core::Lang::kEn && !r.unit_name_en.empty() ? r.unit_name_en : r.unit_name_zh);
}

}  // namespace

void RegisterPeopleRoutes(http::Router& router, PeopleService& people, PeopleImporter& importer) {
  const auto readers = Access::Roles(core::roles::kReaders);
  const auto editors = Access::Roles(core::roles::kEditors);
  const auto managers = Access::Roles(core::roles::kManagers);
  const auto exporters = Access::Roles(core::roles::kStaff);

  router.Add({"GET", "/api/v1/people", readers, "people",
              "People in the caller's units (q, unit_id, category, status, nationality, sort, order, paging)",
              [&people](Context& ctx) -> core::Result<Response> {
                std::int64_t unit_id = 0;
                TX_TRY(f, FilterFrom(ctx.req, &unit_id));
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(res, people.ListPeople(ctx.User(), *f, unit_id, *page));
                return http::JsonResponse(http::PageJson(*res, [&](const auto& r) { return RowJson(r, ctx.User(), ctx.lang); }));
              }});

  router.Add({"POST", "/api/v1/people", editors, "people", "Register a person",
              [&people](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParsePersonInput, true));
                TX_TRY(r, people.CreatePerson(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(RowJson(*r, ctx.User(), ctx.lang), 201);
              },
              BodyKind::kJson});

  router.Add({"GET", "/api/v1/people/export", exporters, "people",
              "Export the filtered list as XLSX (format=xlsx) or CSV (format=csv)",
              [&people](Context& ctx) -> core::Result<Response> {
                std::int64_t unit_id = 0;
                TX_TRY(f, FilterFrom(ctx.req, &unit_id));
                const bool reveal = ctx.User().MaySeeIdentifiers();
                const std::string base =
                    (ctx.lang == core::Lang::kZh ? "人员名单-" : "people-") + people.Today();
                // Rows stream from the database into the writer; none are kept in memory.
                return http::SpreadsheetResponse(
                    ctx.req, base, [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      begin(PeopleColumns(ctx.lang));
                      TX_TRY(n, people.ForEachPerson(ctx.User(), *f, unit_id, kMaxExportRows,
                                                    [&](const PersonRow& r) { add(PersonCells(r, reveal, ctx.lang)); }));
                      TX_CHECK(people.RecordExport(auth::ActorFrom(ctx), *n, reveal, ctx.req.Query("format", "xlsx"),
                                                   ctx.req.target));
                      return n;
                    });
              }});

  router.Add({"POST", "/api/v1/people/imports", managers, "people",
              "Upload a CSV or XLSX file of people; returns a preview listing every invalid row",
              [&importer](Context& ctx) -> core::Result<Response> {
                TX_CHECK(http::CheckSpreadsheetUpload(ctx.req));
                std::int64_t unit_id = 0;
                if (const auto u = ctx.req.Query("unit_id"); !u.empty()) {
                  TX_TRY(id, core::ParseId(u, "unit_id"));
                  unit_id = *id;
                }
                TX_TRY(pv, importer.Preview(ctx.User(), ctx.req.body, ctx.req.Query("filename", "upload"), unit_id,
                                           auth::ActorFrom(ctx)));
                return http::JsonResponse(PreviewToJson(*pv, ctx.lang), 201);
              },
              BodyKind::kFile, kMaxImportBytes});

  router.Add({"GET", "/api/v1/people/imports/{id}", managers, "people", "An import's preview and status",
              [&importer](Context& ctx) -> core::Result<Response> {
                TX_TRY(pv, importer.Get(ctx.User(), ctx.req.params["id"]));
                return http::JsonResponse(PreviewToJson(*pv, ctx.lang));
              }});

  router.Add({"POST", "/api/v1/people/imports/{id}/confirm", managers, "people",
              "Carry out an import: every row or none",
              [&importer](Context& ctx) -> core::Result<Response> {
                TX_TRY(n, importer.Confirm(ctx.User(), ctx.req.params["id"], auth::ActorFrom(ctx)));
                return http::JsonResponse({{"id", ctx.req.params["id"]}, {"status", "done"}, {"written", *n}});
              }});

  router.Add({"GET", "/api/v1/people/{id}", Access::Roles(core::RoleSet::All()), "people",
              "One person (foreign staff: only themselves); unmasked reads are audited",
              [&people](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(r, people.GetPerson(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::JsonResponse(RowJson(*r, ctx.User(), ctx.lang));
              }});

  router.Add({"PATCH", "/api/v1/people/{id}", editors, "people", "Change a person (send version to detect conflicts)",
              [&people](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParsePersonInput, false));
                TX_TRY(r, people.UpdatePerson(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(RowJson(*r, ctx.User(), ctx.lang));
              },
              BodyKind::kJson});

  for (const bool archive : {true, false}) {
    router.Add({"POST", archive ? "/api/v1/people/{id}/archive" : "/api/v1/people/{id}/restore", managers, "people",
                archive ? "Archive a person (people with history are never deleted)" : "Restore an archived person",
                [&people, archive](Context& ctx) -> core::Result<Response> {
                  TX_TRY(id, ctx.Id());
                  TX_TRY(r, people.SetArchived(ctx.User(), *id, archive, auth::ActorFrom(ctx)));
                  return http::JsonResponse(RowJson(*r, ctx.User(), ctx.lang));
                }});
  }

  router.Add({"GET", "/api/v1/me/person", Access::Roles(core::RoleSet::All()), "people",
              "The caller's own person record",
              [&people](Context& ctx) -> core::Result<Response> {
                if (!ctx.User().person_id) return core::NotFound("people.not_found");
                TX_TRY(r, people.GetPerson(ctx.User(), *ctx.User().person_id, auth::ActorFrom(ctx)));
                return http::JsonResponse(RowJson(*r, ctx.User(), ctx.lang));
              }});

  // Lists with unmasked ID numbers and phones are audited for the roles that see them.
  router.AuditReads("GET", "/api/v1/people", "people_list", true);
}

}  // namespace tongxin::people
