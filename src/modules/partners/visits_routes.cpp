// Visits routes: /api/v1/partners/visits (the visit log, each visit with its visitors,
// people visited, follow-up actions and photos).
#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/paging.hpp"
#include "core/text.hpp"
#include "http/route_kit.hpp"
#include "modules/partners/partners_routes.hpp"

namespace tongxin::partners {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

core::Result<VisitFilter> ParseVisitFilter(const Context& ctx) {
  VisitFilter f;
  if (const auto v = ctx.req.Query("partner_id"); !v.empty()) {
    TX_TRY(id, core::ParseId(v, "partner_id"));
    f.partner_id = *id;
  }
  for (const char* key : {"from", "to"}) {
    std::string v = ctx.req.Query(key);
    if (!v.empty() && !core::IsValidDate(v)) return core::FieldInvalid(key, "validation.invalid_date");
    (std::string_view(key) == "from" ? f.from : f.to) = v;
  }
  return f;
}

}  // namespace

void RegisterVisitRoutes(http::Router& router, VisitsService& visits) {
  const auto staff = Access::Roles(core::roles::kStaff);
  const auto managers = Access::Roles(core::roles::kManagers);

  router.Add({"GET", "/api/v1/partners/visits", staff, "partners",
              "Visits of the partners in scope, newest first (partner_id, from, to)",
              [&visits](Context& ctx) -> core::Result<Response> {
                TX_TRY(filter, ParseVisitFilter(ctx));
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, visits.List(ctx.User(), *filter, *page));
                return http::JsonResponse(
                    http::PageJson(*list, [&](const Visit& v) { return VisitToJson(v, ctx.lang); }));
              }});
  router.Add({"POST", "/api/v1/partners/visits", managers, "partners",
              "Record a visit: the partner, date, place, purpose, visitors, hosts, people visited (person_ids), "
              "what was discussed and promised",
              [&visits](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseVisitInput, true));
                TX_TRY(v, visits.Create(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(VisitToJson(*v, ctx.lang), 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/partners/visits/{id}", staff, "partners",
              "A visit with its visitors, people visited, follow-up actions and photos",
              [&visits](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(v, visits.Get(ctx.User(), *id));
                return http::JsonResponse(VisitToJson(*v, ctx.lang));
              }});
  router.Add({"PATCH", "/api/v1/partners/visits/{id}", managers, "partners",
              "Change a visit (visitors and person_ids replace the lists)",
              [&visits](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseVisitInput, false));
                TX_TRY(v, visits.Update(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(VisitToJson(*v, ctx.lang));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/partners/visits/{id}/actions", managers, "partners",
              "Add a follow-up action (action, owner_id, due_on)",
              [&visits](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseActionInput, true));
                TX_TRY(v, visits.AddAction(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(VisitToJson(*v, ctx.lang), 201);
              },
              BodyKind::kJson});
  router.Add({"PATCH", "/api/v1/partners/visits/{id}/actions/{action_id}", managers, "partners",
              "Change a follow-up action (done: true marks it done)",
              [&visits](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(action_id, ctx.Id("action_id"));
                TX_TRY(in, ctx.Body(ParseActionInput, false));
                TX_TRY(v, visits.UpdateAction(ctx.User(), *id, *action_id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(VisitToJson(*v, ctx.lang));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/partners/visits/{id}/photos", managers, "partners",
              "Add a photo (PNG or JPEG, at most 5 MiB) sent as the raw body; ?filename=",
              [&visits](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(v, visits.AddPhoto(ctx.User(), *id, ctx.req.Query("filename", "photo"), std::move(ctx.req.body),
                                          auth::ActorFrom(ctx)));
                return http::JsonResponse(VisitToJson(*v, ctx.lang), 201);
              },
              BodyKind::kFile, io::kMaxAttachmentBytes + 1});
  router.Add({"GET", "/api/v1/partners/visits/{id}/photos/{photo_id}", staff, "partners", "A visit's photo",
              [&visits](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(photo_id, ctx.Id("photo_id"));
                TX_TRY(a, visits.GetPhoto(ctx.User(), *id, *photo_id));
                return http::FileResponse(std::move(a->bytes), a->content_type, a->filename);
              }});
}

}  // namespace tongxin::partners
