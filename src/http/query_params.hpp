// Reading a route's query parameters that are not ids or pages (those are core::ParseId
// and core::ParsePage).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "http/router.hpp"

namespace tongxin::http {

// ?name= one of `choices`, or "" when absent. Errors: validation.invalid_choice naming
// the parameter (details.choices lists them).
core::Result<std::string> QueryChoice(const Context& ctx, std::string_view name,
                                      std::initializer_list<std::string_view> choices);

}  // namespace tongxin::http
