// A day written out for readers: "2020年2月2日" (zh), "2 February 2020" (en). Pure.
#pragma once

#include <string>

namespace tongxin::core {

// iso_day "YYYY-MM-DD"; lang "zh" or "en" (a language code's prefix). Anything else, or a
// malformed day, comes back as iso_day.
std::string LongDate(const std::string& iso_day, const std::string& lang);

}  // namespace tongxin::core
