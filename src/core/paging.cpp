// Paging and id parsing.
#include "core/paging.hpp"

#include <charconv>

namespace tongxin::core {
namespace {

bool ParseInt(const std::string& s, long long* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

Result<PageRequest> ParsePage(const std::map<std::string, std::string>& query) {
  PageRequest pr;
  if (auto it = query.find("page"); it != query.end()) {
    long long v = 0;
    if (!ParseInt(it->second, &v) || v < 1 || v > 1000000) {
      return FieldInvalid("page", "validation.out_of_range", {{"min", "1"}, {"max", "1000000"}});
    }
    pr.page = static_cast<int>(v);
  }
  if (auto it = query.find("page_size"); it != query.end()) {
    long long v = 0;
    if (!ParseInt(it->second, &v) || v < 1 || v > kMaxPageSize) {
      return FieldInvalid("page_size", "validation.out_of_range", {{"min", "1"}, {"max", std::to_string(kMaxPageSize)}});
    }
    pr.page_size = static_cast<int>(v);
  }
  return pr;
}

Result<std::int64_t> ParseId(const std::string& text, const std::string& field) {
  long long v = 0;
  if (!ParseInt(text, &v) || v < 1) return FieldInvalid(field, "validation.wrong_type", {{"expected", "id"}});
  return static_cast<std::int64_t>(v);
}

}  // namespace tongxin::core
