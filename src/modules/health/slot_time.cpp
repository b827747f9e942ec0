// Slot and time-zone arithmetic with Howard Hinnant's date/tz (the OS tz database).
#include "modules/health/slot_time.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace tongxin::health {

std::vector<SlotDef> DefaultSlots() { return {{"morning", 7 * 60, 10 * 60}, {"afternoon", 14 * 60, 17 * 60}}; }

std::optional<int> ParseHhMm(const std::string& text) {
  int h = 0, m = 0;
  char extra = 0;
  if (text.size() != 5 || text[2] != ':' || std::sscanf(text.c_str(), "%2d:%2d%c", &h, &m, &extra) != 2) {
    return std::nullopt;
  }
  if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::string FormatHhMm(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

std::vector<SlotWindow> DayWindows(const std::string& day, const std::vector<SlotDef>& slots, int late_minutes,
                                   const std::string& tz) {
  std::vector<SlotWindow> out;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const SlotDef& s = slots[i];
    const int next_start = i + 1 < slots.size() ? slots[i + 1].start_min : 24 * 60;
    const int late_end = std::min(s.end_min + late_minutes, next_start);
    out.push_back({static_cast<int>(i), s.name, AtLocal(day, s.start_min, tz), AtLocal(day, s.end_min, tz),
                   AtLocal(day, std::max(late_end, s.end_min), tz)});
  }
  return out;
}

}  // namespace tongxin::health
