// Letter templates and mass letters routes: /api/v1/partners/templates (texts, letterhead
// and signature images, a sample PDF) and /api/v1/partners/mailings (create from a filter,
// preview each letter and its PDF, send, follow the progress, retry the failed).
#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/paging.hpp"
#include "http/route_kit.hpp"
#include "modules/partners/partners_routes.hpp"

namespace tongxin::partners {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

boost::json::object Items(const std::vector<LetterTemplate>& ts) {
  boost::json::array a;
  for (const auto& t : ts) a.push_back(TemplateToJson(t));
  return {{"items", std::move(a)}, {"merge_fields", boost::json::value_from(MergeFields())}};
}

void ImageRoutes(http::Router& router, MailingsService& mailings, const Access& managers, const char* which) {
  const std::string path = std::string("/api/v1/partners/templates/{id}/") + which;
  router.Add({"PUT", path, managers, "partners",
              std::string("Set the template's ") + which + " image (PNG, at most 1 MiB) sent as the raw body",
              [&mailings, which](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                if (ctx.req.body.empty()) return core::FieldInvalid("body", "validation.required");
                TX_TRY(t, mailings.SetImage(ctx.User(), *id, which, ctx.req.body, auth::ActorFrom(ctx)));
                return http::JsonResponse(TemplateToJson(*t));
              },
              BodyKind::kFile, 1024 * 1024 + 1});
  router.Add({"DELETE", path, managers, "partners", std::string("Remove the template's ") + which + " image",
              [&mailings, which](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(t, mailings.SetImage(ctx.User(), *id, which, "", auth::ActorFrom(ctx)));
                return http::JsonResponse(TemplateToJson(*t));
              }});
}

}  // namespace

void RegisterMailingRoutes(http::Router& router, MailingsService& mailings) {
  const auto managers = Access::Roles(core::roles::kManagers);

  router.Add({"GET", "/api/v1/partners/templates", managers, "partners",
              "Letter templates of the units in scope (active=1: in use only), with the merge fields",
              [&mailings](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, mailings.Templates(ctx.User(), ctx.req.Query("active") == "1"));
                return http::JsonResponse(Items(*list));
              }});
  router.Add({"POST", "/api/v1/partners/templates", managers, "partners",
              "Add a letter template (texts in zh-CN and en, optionally a third language; merge fields checked)",
              [&mailings](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseTemplateInput, true));
                TX_TRY(t, mailings.CreateTemplate(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(TemplateToJson(*t), 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/partners/templates/{id}", managers, "partners", "A letter template",
              [&mailings](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(t, mailings.Template(ctx.User(), *id));
                return http::JsonResponse(TemplateToJson(*t));
              }});
  router.Add({"PATCH", "/api/v1/partners/templates/{id}", managers, "partners", "Change a letter template",
              [&mailings](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseTemplateInput, false));
                TX_TRY(t, mailings.UpdateTemplate(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(TemplateToJson(*t));
              },
              BodyKind::kJson});
  ImageRoutes(router, mailings, managers, "signature");
  ImageRoutes(router, mailings, managers, "letterhead");
  router.Add({"GET", "/api/v1/partners/templates/{id}/sample", managers, "partners",
              "A sample letter of the template as PDF (lang: zh, en or its third language)",
              [&mailings](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                const std::string lang = ctx.req.Query("lang", "en");
                TX_TRY(pdf, mailings.SamplePdf(ctx.User(), *id, lang));
                return http::FileResponse(std::move(*pdf), "application/pdf", "sample-" + lang + ".pdf");
              }});

  router.Add({"GET", "/api/v1/partners/mailings", managers, "partners",
              "Mass letters of the units in scope, newest first, with their progress",
              [&mailings](Context& ctx) -> core::Result<Response> {
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, mailings.Mailings(ctx.User(), *page));
                return http::JsonResponse(http::PageJson(*list, [](const Mailing& m) { return MailingToJson(m); }));
              }});
  router.Add({"POST", "/api/v1/partners/mailings", managers, "partners",
              "Make a mass letter: a template, a date and the partners (a filter, or partner_ids); each active "
              "contact becomes one recipient in their language. Nothing is sent until /send",
              [&mailings](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseMailingInput));
                TX_TRY(m, mailings.Create(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(MailingToJson(*m), 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/partners/mailings/{id}", managers, "partners",
              "A mass letter with its progress (pending, sent, no_email, failed; delivered and undeliverable "
              "emails)",
              [&mailings](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(m, mailings.Get(ctx.User(), *id));
                return http::JsonResponse(MailingToJson(*m));
              }});
  router.Add({"GET", "/api/v1/partners/mailings/{id}/recipients", managers, "partners",
              "The recipients (status: pending, working, sent, no_email, failed, undeliverable), emails masked",
              [&mailings](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(status, QueryChoice(ctx, "status", {"pending", "working", "sent", "no_email", "failed",
                                                           "undeliverable"}));
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, mailings.Recipients(ctx.User(), *id, {*status}, *page));
                return http::JsonResponse(http::PageJson(
                    *list, [&](const MailingRecipient& r) { return RecipientToJson(r, ctx.lang); }));
              }});
  router.Add({"GET", "/api/v1/partners/mailings/{id}/recipients/{recipient_id}/preview", managers, "partners",
              "One recipient's letter, merged: its language, subject and body",
              [&mailings](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(rid, ctx.Id("recipient_id"));
                std::string lang;
                TX_TRY(text, mailings.Preview(ctx.User(), *id, *rid, &lang));
                return http::JsonResponse({{"lang", lang}, {"subject", text->subject}, {"body", text->body}});
              }});
  router.Add({"GET", "/api/v1/partners/mailings/{id}/recipients/{recipient_id}/pdf", managers, "partners",
              "One recipient's letter as the PDF it is sent as",
              [&mailings](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(rid, ctx.Id("recipient_id"));
                TX_TRY(pdf, mailings.RecipientPdf(ctx.User(), *id, *rid));
                return http::FileResponse(std::move(*pdf), "application/pdf",
                                          "letter-" + std::to_string(*id) + "-" + std::to_string(*rid) + ".pdf");
              }});
  router.Add({"POST", "/api/v1/partners/mailings/{id}/send", managers, "partners",
              "Send a mass letter (draft -> sending): the sending job makes, logs and emails each letter",
              [&mailings](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(m, mailings.Send(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::JsonResponse(MailingToJson(*m), 202);
              }});
  router.Add({"POST", "/api/v1/partners/mailings/{id}/retry", managers, "partners",
              "Try the failed recipients (and those without email, once they have one) again",
              [&mailings](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(m, mailings.Retry(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::JsonResponse(MailingToJson(*m), 202);
              }});
}

}  // namespace tongxin::partners
