// Local days and report slots in a named time zone (IANA database via date/tz), and where
// a moment falls among a day's slots: on time, late, or outside every slot. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/local_time.hpp"
#include "core/result.hpp"

namespace tongxin::health {

struct SlotDef {
  std::string name;  // "morning", "afternoon", ...
  int start_min = 0;  // minutes after local midnight
  int end_min = 0;    // exclusive, > start_min, <= 1440
};

// Default plan: morning 07:00–10:00 and afternoon 14:00–17:00.
std::vector<SlotDef> DefaultSlots();
// "07:30" -> 450; nullopt for anything else.
std::optional<int> ParseHhMm(const std::string& text);
std::string FormatHhMm(int minutes);

using core::IsTimeZone;
using core::LocalDay;
using core::LocalText;
using core::AtLocal;
using core::AddDays;

// The UTC bounds of one slot on one day: on time in [starts, ends), late in [ends, late_until).
struct SlotWindow {
  int index = 0;
  std::string name;
  core::TimePoint starts;
  core::TimePoint ends;
  core::TimePoint late_until;
};
// Windows of a day's slots; the late window of a slot ends late_minutes after it, but no
// later than the next slot's start or local midnight.
std::vector<SlotWindow> DayWindows(const std::string& day, const std::vector<SlotDef>& slots, int late_minutes,
                                   const std::string& tz);

}  // namespace tongxin::health
