// Query parameters.
#include "http/query_params.hpp"

namespace tongxin::http {

core::Result<std::string> QueryChoice(const Context& ctx, std::string_view name,
                                      std::initializer_list<std::string_view> choices) {
  const auto s = ctx.req.Query(name);
  if (s.empty()) return std::string();
  for (auto c : choices) {
    if (c == s) return std::string(s);
  }
  std::string all;
  for (auto c : choices) all += (all.empty() ? "" : ", ") + std::string(c);
  return core::FieldInvalid(std::string(name), "validation.invalid_choice", {{"choices", all}});
}

}  // namespace tongxin::http
