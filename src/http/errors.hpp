// The one map from core::Errc to HTTP status, and the JSON error body.
#pragma once

#include <string>

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "http/message.hpp"

namespace tongxin::http {

int StatusFor(core::Errc code);
// {"error":{"code","message","details"}} in the caller's language. Internal errors reveal
// only the request id; their log text is written to the log here.
Response ErrorResponse(const core::Error& error, core::Lang lang, const std::string& request_id);

}  // namespace tongxin::http
