// Fixed words kept in both languages and looked up by key: a module's statuses, kinds and
// reasons as exports, letters and messages spell them. A key not in the table is its own
// label, so a value added later still shows (in the code's spelling) instead of nothing.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "core/i18n.hpp"

namespace tongxin::core {

struct BiWord {
  const char* zh;
  const char* en;
};

class LabelTable {
 public:
  // Keys are string literals (the table is built once, from constants).
  LabelTable(std::initializer_list<std::pair<const std::string_view, BiWord>> words) : words_(words) {}

  std::string operator()(std::string_view key, Lang lang) const {
    auto it = words_.find(key);
    if (it == words_.end()) return std::string(key);
    return lang == Lang::kZh ? it->second.zh : it->second.en;
  }
  // A key within a group, written "group.key" in the table; unknown gives the key alone.
  std::string operator()(std::string_view group, std::string_view key, Lang lang) const {
    std::string full;
    full.reserve(group.size() + 1 + key.size());
    full.append(group).append(".").append(key);
    auto it = words_.find(full);
    if (it == words_.end()) return std::string(key);
    return lang == Lang::kZh ? it->second.zh : it->second.en;
  }

 private:
  std::map<std::string_view, BiWord, std::less<>> words_;
};

}  // namespace tongxin::core
