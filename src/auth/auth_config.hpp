// The [auth] section of the configuration (keys declared in auth_module.cpp).
#pragma once

namespace tongxin::auth {

struct ConfigSection {
  int session_idle_minutes = 120;
  int session_absolute_hours = 12;
  int login_audit_retention_days = 365;  // login/logout audit rows; 0 = keep
};

}  // namespace tongxin::auth
