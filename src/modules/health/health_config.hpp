// The [health] section of the configuration (keys declared in health_module.cpp).
#pragma once

namespace tongxin::health {

struct ConfigSection {
  int fever_tenths = 373;  // temperature alert threshold, tenths of °C
  int recheck_hours = 4;
  int remind_after_minutes = 60;
  int escalate_after_minutes = 120;
  int retention_days = 0;  // 0 = keep health data
};

}  // namespace tongxin::health
