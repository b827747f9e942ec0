// Hints that reports may be automated or copied (people scripted DingTalk check-ins with a
// fixed 36.3 °C): the same values day after day, the same second of submission, no
// natural variation in temperature. A hint for a human, never a block. Pure functions.
#pragma once

#include <string>
#include <vector>

#include "modules/health/checkin.hpp"

namespace tongxin::health {

struct SuspicionFlag {
  std::string code;    // same_values, same_second, flat_temperature
  std::string detail;  // e.g. "12 reports" or "08:00:00 on 6 days"
};

struct SuspicionRule {
  int min_reports = 8;       // flags need at least this many self reports
  int same_second_days = 5;  // the same HH:MM:SS on this many days
};

// reports: one person's self reports, any order. Reports made by staff do not count.
std::vector<SuspicionFlag> SuspicionFlags(const std::vector<Checkin>& reports, const SuspicionRule& rule = {});

}  // namespace tongxin::health
