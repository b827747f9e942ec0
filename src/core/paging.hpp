// Paging parameters and paged results shared by every list endpoint.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace tongxin::core {

inline constexpr int kDefaultPageSize = 20;
inline constexpr int kMaxPageSize = 200;

struct PageRequest {
  int page = 1;
  int page_size = kDefaultPageSize;
  std::int64_t Offset() const { return static_cast<std::int64_t>(page - 1) * page_size; }
};

template <class T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
  PageRequest request;
};

// Reads "page" and "page_size" from a query map. Errors: kInvalid naming the parameter.
Result<PageRequest> ParsePage(const std::map<std::string, std::string>& query);
// Parses a positive integer id; kInvalid (request.bad_query / field) on anything else.
Result<std::int64_t> ParseId(const std::string& text, const std::string& field);

}  // namespace tongxin::core
