// The [travel] section of the configuration (keys declared in travel_module.cpp).
#pragma once

#include <string>

namespace tongxin::travel {

struct ConfigSection {
  int observation_days = 14;  // observation on arrival home
  // Its daily check slots: "name HH:MM-HH:MM", comma-separated.
  std::string observation_slots = "morning 07:00-10:00, afternoon 14:00-17:00";
};

}  // namespace tongxin::travel
