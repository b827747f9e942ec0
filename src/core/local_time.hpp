// Moments in the office's time zone (IANA database via date/tz): its local day and the
// local text staff read. Pure functions.
#pragma once

#include <string>

#include "core/clock.hpp"

namespace tongxin::core {

bool IsTimeZone(const std::string& tz);
// The local date ("YYYY-MM-DD") of t in tz. tz must be valid.
std::string LocalDay(TimePoint t, const std::string& tz);
// "2026-11-30 07:00" in tz.
std::string LocalText(TimePoint t, const std::string& tz);
// The instant of local `day` + minutes in tz (handles DST gaps by moving forward).
TimePoint AtLocal(const std::string& day, int minutes, const std::string& tz);
// "YYYY-MM-DD" plus n days (n may be negative).
std::string AddDays(const std::string& day, int n);

}  // namespace tongxin::core
