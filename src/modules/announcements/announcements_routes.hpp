// Notices routes: /api/v1/announcements (the inbox, the office's list, the workflow,
// receipts, reminders) and /api/v1/public/announcements (no login: the list, one notice,
// the Atom feed).
#pragma once

#include <string>

#include "http/router.hpp"
#include "modules/announcements/announcements_service.hpp"

namespace tongxin::announcements {

void RegisterAnnouncementRoutes(http::Router& router, AnnouncementsService& service, std::string public_url);

}  // namespace tongxin::announcements
