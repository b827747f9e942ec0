// Notice attachment routes: /api/v1/announcements/{id}/attachments and the public download.
#pragma once

#include "http/router.hpp"
#include "modules/announcements/announcement_files.hpp"

namespace tongxin::announcements {

void RegisterAnnouncementFileRoutes(http::Router& router, AnnouncementFiles& files);

}  // namespace tongxin::announcements
