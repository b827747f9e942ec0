// Notice attachment routes.
#include "modules/announcements/announcement_files_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "http/route_kit.hpp"

namespace tongxin::announcements {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

Response ListResponse(const std::vector<io::Attachment>& files, int status = 200) {
  boost::json::array items;
  for (const auto& a : files) {
    items.push_back({{"id", a.id}, {"filename", a.filename}, {"content_type", a.content_type}, {"size", a.size},
                     {"uploaded_at", a.uploaded_at}});
  }
  return http::JsonResponse({{"items", std::move(items)}}, status);
}

}  // namespace

void RegisterAnnouncementFileRoutes(http::Router& router, AnnouncementFiles& files) {
  const auto everyone = Access::Roles(core::roles::kEveryone);
  const auto managers = Access::Roles(core::roles::kManagers);

  router.Add({"GET", "/api/v1/announcements/{id}/attachments", everyone, "announcements",
              "A notice's attachments (for whoever may read the notice)",
              [&files](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(list, files.List(ctx.User(), *id));
                return ListResponse(*list);
              }});
  router.Add({"POST", "/api/v1/announcements/{id}/attachments", managers, "announcements",
              "Attach a file (PDF, PNG or JPEG, at most 5 MiB) sent as the raw body; ?filename= (audited)",
              [&files](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(list, files.Add(ctx.User(), *id, ctx.req.Query("filename", "file"), std::move(ctx.req.body),
                                       auth::ActorFrom(ctx)));
                return ListResponse(*list, 201);
              },
              BodyKind::kFile, io::kMaxAttachmentBytes + 1});
  router.Add({"GET", "/api/v1/announcements/{id}/attachments/{attachment_id}", everyone, "announcements",
              "Download an attachment of a notice I may read",
              [&files](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(aid, ctx.Id("attachment_id"));
                TX_TRY(a, files.Download(ctx.User(), *id, *aid));
                return http::FileResponse(std::move(a->bytes), a->content_type, a->filename);
              }});
  router.Add({"DELETE", "/api/v1/announcements/{id}/attachments/{attachment_id}", managers, "announcements",
              "Remove an attachment (audited)",
              [&files](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(aid, ctx.Id("attachment_id"));
                TX_TRY(list, files.Remove(ctx.User(), *id, *aid, auth::ActorFrom(ctx)));
                return ListResponse(*list);
              }});
  router.Add({"GET", "/api/v1/public/announcements/{id}/attachments", Access::Public(), "announcements",
              "A public notice's attachments (no login)",
              [&files](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(list, files.PublicList(*id));
                return ListResponse(*list);
              }});
  router.Add({"GET", "/api/v1/public/announcements/{id}/attachments/{attachment_id}", Access::Public(),
              "announcements", "Download an attachment of a public notice (no login)",
              [&files](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(aid, ctx.Id("attachment_id"));
                TX_TRY(a, files.PublicDownload(*id, *aid));
                return http::FileResponse(std::move(a->bytes), a->content_type, a->filename);
              }});
}

}  // namespace tongxin::announcements
