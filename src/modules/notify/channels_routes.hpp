// Message channel routes (administrators), the SMS gateway's delivery callback (public,
// with the channel's token) and each account's quiet hours.
#pragma once

#include "http/router.hpp"
#include "modules/notify/channels_service.hpp"

namespace tongxin::notify {

void RegisterChannelRoutes(http::Router& router, ChannelsService& channels);

}  // namespace tongxin::notify
