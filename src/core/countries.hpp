// ISO 3166-1 alpha-2 country codes (assigned codes only), in code order. Names are the
// reader's business: the web app takes them from the browser's Intl data.
#pragma once

#include <string>
#include <vector>

namespace tongxin::core {

const std::vector<std::string>& CountryCodes();

}  // namespace tongxin::core
