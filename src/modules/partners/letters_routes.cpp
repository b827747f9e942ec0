// Correspondence routes: the log of letters and emails in and out, threads, attachments.
#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/paging.hpp"
#include "core/text.hpp"
#include "http/route_kit.hpp"
#include "modules/partners/partners_routes.hpp"

namespace tongxin::partners {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

core::Result<LetterFilter> ParseLetterFilter(const Context& ctx) {
  LetterFilter f;
  f.q = core::Trim(ctx.req.Query("q"));
  TX_TRY(direction, QueryChoice(ctx, "direction", {"in", "out"}));
  TX_TRY(channel, QueryChoice(ctx, "channel", {"email", "post", "diplomatic_note", "in_person"}));
  TX_TRY(state, QueryChoice(ctx, "state", {"awaiting", "overdue"}));
  f.direction = *direction;
  f.channel = *channel;
  f.awaiting = *state == "awaiting";
  f.overdue = *state == "overdue";
  for (const char* key : {"from", "to"}) {
    std::string v = ctx.req.Query(key);
    if (!v.empty() && !core::IsValidDate(v)) return core::FieldInvalid(key, "validation.invalid_date");
    (std::string_view(key) == "from" ? f.from : f.to) = v;
  }
  for (const char* key : {"partner_id", "thread_id"}) {
    if (const auto v = ctx.req.Query(key); !v.empty()) {
      TX_TRY(id, core::ParseId(v, key));
      (std::string_view(key) == "partner_id" ? f.partner_id : f.thread_id) = *id;
    }
  }
  return f;
}

}  // namespace

void RegisterLetterRoutes(http::Router& router, PartnersService& partners) {
  const auto staff = Access::Roles(core::roles::kStaff);
  const auto managers = Access::Roles(core::roles::kManagers);

  router.Add({"GET", "/api/v1/partners/letters", staff, "partners",
              "Letters and emails of the partners in scope, newest first (direction, channel, partner_id, "
              "thread_id, state=awaiting|overdue, from, to, q: subject and summary)",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(filter, ParseLetterFilter(ctx));
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, partners.Letters(ctx.User(), *filter, *page));
                return http::JsonResponse(
                    http::PageJson(*list, [&](const Letter& l) { return LetterToJson(l, ctx.lang); }));
              }});
  router.Add({"POST", "/api/v1/partners/letters", managers, "partners",
              "Log a letter or email in or out (reply_to puts it in that letter's thread and answers it)",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseLetterInput, true));
                TX_TRY(l, partners.LogLetter(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(LetterToJson(*l, ctx.lang), 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/partners/letters/{id}", staff, "partners", "A letter with its attachments",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(l, partners.GetLetter(ctx.User(), *id));
                return http::JsonResponse(LetterToJson(*l, ctx.lang));
              }});
  router.Add({"PATCH", "/api/v1/partners/letters/{id}", managers, "partners", "Change a logged letter",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseLetterInput, false));
                TX_TRY(l, partners.UpdateLetter(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(LetterToJson(*l, ctx.lang));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/partners/letters/{id}/attachments", managers, "partners",
              "Attach the scanned letter (PDF, PNG or JPEG, at most 5 MiB) sent as the raw body; ?filename=",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(l, partners.AddAttachment(ctx.User(), *id, ctx.req.Query("filename", "file"),
                                                 std::move(ctx.req.body), auth::ActorFrom(ctx)));
                return http::JsonResponse(LetterToJson(*l, ctx.lang), 201);
              },
              BodyKind::kFile, io::kMaxAttachmentBytes + 1});
  router.Add({"GET", "/api/v1/partners/letters/{id}/attachments/{attachment_id}", staff, "partners",
              "Download a letter's attachment (audited)",
              [&partners](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(attachment_id, ctx.Id("attachment_id"));
                TX_TRY(a, partners.GetAttachment(ctx.User(), *id, *attachment_id, auth::ActorFrom(ctx)));
                return http::FileResponse(std::move(a->bytes), a->content_type, a->filename);
              }});
}

}  // namespace tongxin::partners
