// The [incidents] section of the configuration (keys declared in incidents_module.cpp).
#pragma once

namespace tongxin::incidents {

struct ConfigSection {
  int step_remind_minutes = 30;   // remind an incident step's owner this long before it is due
  int step_escalate_minutes = 0;  // tell the next level this long after a step's deadline
  int retention_days = 0;         // closed incidents (with attachments); 0 = keep
};

}  // namespace tongxin::incidents
