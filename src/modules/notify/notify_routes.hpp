// /api/v1/notices (everyone's own in-app notices) and /api/v1/admin/outbox (administrators).
#pragma once

#include "http/router.hpp"
#include "modules/notify/notify_service.hpp"

namespace tongxin::notify {

void RegisterNotifyRoutes(http::Router& router, NotifyService& notify);

}  // namespace tongxin::notify
