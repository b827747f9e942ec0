// What a module's routes file uses: the router, body and query parsing and the list replies, with
// their names brought in by one `using namespace http::kit;`.
#pragma once

#include "http/json_body.hpp"
#include "http/query_params.hpp"
#include "http/replies.hpp"
#include "http/router.hpp"

namespace tongxin::http::kit {

using http::Access;
using http::BodyKind;
using http::Context;
using http::QueryChoice;
using http::Response;

}  // namespace tongxin::http::kit
