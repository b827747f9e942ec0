// Days written out.
#include "core/long_date.hpp"

#include <array>

namespace tongxin::core {

std::string LongDate(const std::string& iso_day, const std::string& lang) {
  if (iso_day.size() != 10) return iso_day;
  const int y = std::stoi(iso_day.substr(0, 4)), m = std::stoi(iso_day.substr(5, 2)), d = std::stoi(iso_day.substr(8, 2));
  if (lang.rfind("zh", 0) == 0) return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
  if (lang.rfind("en", 0) == 0) {
    static constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",
                                                            "May",     "June",     "July",      "August",
                                                            "September", "October", "November", "December"};
    if (m < 1 || m > 12) return iso_day;
    return std::to_string(d) + " " + kMonths[m - 1] + " " + std::to_string(y);
  }
  return iso_day;
}

}  // namespace tongxin::core
