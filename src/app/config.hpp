// Server configuration from defaults, an optional TOML file, TONGXIN_* environment
// variables and command-line flags, in increasing order of precedence.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace tongxin::app {

struct Config {
  std::string db = "sqlite:data/tongxin.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_root = "web/dist";
  int io_threads = 2;
  int workers = 8;
  int db_pool = 8;
  std::size_t max_body = 1024 * 1024;
  int max_connections = 2048;
  int read_timeout = 30;           // seconds
  int idle_timeout = 75;           // seconds
  int session_idle_minutes = 120;
  int session_absolute_hours = 12;
  bool secure_cookies = false;
  std::string log_level = "info";
  std::string time_zone = "Asia/Shanghai";  // what "today" means for reports and dashboards
  int fever_tenths = 373;                   // temperature alert threshold, tenths of °C
  int recheck_hours = 4;
  int remind_after_minutes = 60;
  int escalate_after_minutes = 120;
  int jobs_interval_seconds = 10;
  std::string smtp_url;  // "" = no email
  std::string smtp_from = "tongxin@localhost";
  std::string smtp_user;
  std::string smtp_password;
  bool smtp_starttls = false;
  int notify_max_attempts = 6;
  int notify_retry_seconds = 60;
  int step_remind_minutes = 30;     // remind an incident step's owner this long before it is due
  int step_escalate_minutes = 0;    // tell the next level this long after a step's deadline
  int health_retention_days = 0;    // 0 = keep health data
  int notice_retention_days = 180;  // notifications (and job marks); 0 = keep
  int incident_retention_days = 0;  // closed incidents (with attachments); 0 = keep
  int login_audit_retention_days = 365;  // login/logout audit rows; 0 = keep
  std::string trusted_proxies;      // comma-separated addresses whose X-Forwarded-For is believed
  int max_connections_per_ip = 256; // per client address, beside max_connections
};

// One configurable setting: its key ("web_root"), flag "--web-root", env TONGXIN_WEB_ROOT.
struct Setting {
  std::string key;
  std::string help;
  std::function<core::Status(Config&, const std::string&)> set;
  std::function<std::string(const Config&)> get;
  bool secret = false;
};
const std::vector<Setting>& Settings();

// Applies a TOML file's keys. Errors: kInvalid config.invalid naming the file or key.
core::Status ApplyTomlFile(Config& config, const std::string& path);
// Applies TONGXIN_<KEY> variables found through getenv (injectable for tests).
core::Status ApplyEnvironment(Config& config, const std::function<const char*(const char*)>& getenv_fn);
// Applies values given as flags (key -> text).
core::Status ApplyValues(Config& config, const std::map<std::string, std::string>& values);
// "db=sqlite:data/tongxin.db host=127.0.0.1 ..." with passwords masked.
std::string Describe(const Config& config);

}  // namespace tongxin::app
