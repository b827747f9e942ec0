// Parsing a request body as a JSON object, with clear errors for bad input.
#pragma once

#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "http/message.hpp"

namespace tongxin::http {

// Errors: request.invalid_utf8, request.invalid_json (details.detail says where),
// request.expected_object. Depth is capped at 32 levels.
core::Result<boost::json::object> ParseJsonObject(const Request& req);

}  // namespace tongxin::http
