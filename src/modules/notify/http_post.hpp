// Posting a channel's message over HTTP(S) with libcurl: the request as built by
// GroupPost / SmsPost, the reply's status and body. No redirects are followed (a webhook
// that redirects is refused, so a message is never posted somewhere else). Thread-safe
// (one curl handle per call). Blocks, at most timeout_seconds.
#pragma once

#include <string>

#include "core/result.hpp"
#include "modules/notify/channel.hpp"

namespace tongxin::notify {

struct HttpReply {
  long status = 0;
  std::string body;
};

// Errors: kUnavailable notify.channel_failed with libcurl's reason (not connected, timed out).
core::Result<HttpReply> Post(const Outgoing& out, int timeout_seconds = 15);

}  // namespace tongxin::notify
