// The JSON shapes every list endpoint replies with, built from a range and a to-JSON function.
#pragma once

#include <boost/json.hpp>

#include <cstdint>

#include "core/paging.hpp"

namespace tongxin::http {

// [to_json(x) for x in items]
template <class Range, class ToJson>
boost::json::array JsonArray(const Range& items, ToJson&& to_json) {
  boost::json::array out;
  for (const auto& x : items) out.push_back(boost::json::value(to_json(x)));
  return out;
}

// {"items": [...], "total": <count>} for a whole (unpaged) list.
template <class Range, class ToJson>
boost::json::object ItemsJson(const Range& items, ToJson&& to_json) {
  boost::json::array a = JsonArray(items, to_json);
  const auto total = static_cast<std::int64_t>(a.size());
  return {{"items", std::move(a)}, {"total", total}};
}

// {"items": [...], "total": <all matches>, "page": n, "page_size": n} for one page.
template <class T, class ToJson>
boost::json::object PageJson(const core::Page<T>& page, ToJson&& to_json) {
  return {{"items", JsonArray(page.items, to_json)}, {"total", page.total}, {"page", page.request.page},
          {"page_size", page.request.page_size}};
}

}  // namespace tongxin::http
