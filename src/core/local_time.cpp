// Local days and times through date/tz.
#include "core/local_time.hpp"

#include <date/tz.h>

#include <sstream>

namespace tongxin::core {

bool IsTimeZone(const std::string& tz) {
  try {
    return date::locate_zone(tz) != nullptr;
  } catch (const std::exception&) {
    return false;
  }
}

std::string LocalDay(TimePoint t, const std::string& tz) {
  auto zt = date::make_zoned(tz, std::chrono::time_point_cast<std::chrono::seconds>(t));
  auto local_day = date::floor<date::days>(zt.get_local_time());
  return date::format("%F", date::year_month_day{local_day});
}

std::string LocalText(TimePoint t, const std::string& tz) {
  auto zt = date::make_zoned(tz, std::chrono::time_point_cast<std::chrono::seconds>(t));
  return date::format("%F %H:%M", zt);
}

std::string AddDays(const std::string& day, int n) {
  date::year_month_day ymd{};
  std::istringstream in(day);
  in >> date::parse("%F", ymd);
  return date::format("%F", date::year_month_day{date::sys_days{ymd} + date::days{n}});
}

TimePoint AtLocal(const std::string& day, int minutes, const std::string& tz) {
  date::year_month_day ymd{};
  std::istringstream in(day);
  in >> date::parse("%F", ymd);
  auto local = date::local_days{ymd} + std::chrono::minutes(minutes);
  const auto* zone = date::locate_zone(tz);
  auto info = zone->get_info(local);
  if (info.result == date::local_info::nonexistent) {
    return TimePoint(info.second.begin);  // in a DST gap: the moment the gap ends
  }
  return zone->to_sys(local, date::choose::earliest);
}

}  // namespace tongxin::core
