// The reader's language of a text kept in both: the English when the reader reads English
// and there is one, else the Chinese (and the other way round when one side is empty).
#pragma once

#include <string>

#include "core/i18n.hpp"

namespace tongxin::core {

inline std::string Pick(Lang lang, const std::string& zh, const std::string& en) {
  if (lang == Lang::kEn) return en.empty() ? zh : en;
  return zh.empty() ? en : zh;
}

}  // namespace tongxin::core
