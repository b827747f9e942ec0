// The OpenAPI 3 document, generated from the route table so it cannot drift from it.
#pragma once

#include <boost/json/object.hpp>

#include "http/router.hpp"

namespace tongxin::http {

boost::json::object BuildOpenApi(const Router& router, const std::string& version);

}  // namespace tongxin::http
