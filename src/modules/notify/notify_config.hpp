// The [notify] section of the configuration (keys declared in notify_module.cpp).
#pragma once

#include <string>

namespace tongxin::notify {

struct ConfigSection {
  std::string smtp_url;  // "" = no email
  std::string smtp_from = "tongxin@localhost";
  std::string smtp_user;
  std::string smtp_password;
  bool smtp_starttls = false;
  int max_attempts = 6;
  int retry_seconds = 60;
  int retention_days = 180;  // notifications (and job marks); 0 = keep
};

}  // namespace tongxin::notify
