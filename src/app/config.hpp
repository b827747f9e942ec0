// Server configuration from defaults, an optional TOML file, TONGXIN_* environment
// variables and command-line flags, in increasing order of precedence.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "auth/auth_config.hpp"
#include "core/result.hpp"
#include "modules/health/health_config.hpp"
#include "modules/incidents/incidents_config.hpp"
#include "modules/travel/travel_config.hpp"
#include "modules/notify/notify_config.hpp"

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
  bool secure_cookies = false;
  std::string log_level = "info";
  std::string time_zone = "Asia/Shanghai";  // what "today" means for reports and dashboards
  int jobs_interval_seconds = 10;
  std::string trusted_proxies;      // comma-separated addresses whose X-Forwarded-For is believed
  int max_connections_per_ip = 256; // per client address, beside max_connections
  std::string public_url;           // how users reach the app (links in QR codes); "" = the address each request came to
  std::string finance_unit = "FINANCE";  // its department staff see donation amounts and keep exchange rates
  int expiry_notice_days = 30;           // batches expiring within this many days are announced to their keepers
  int answer_reminder_days = 2;          // letters awaiting an answer remind their handler this many days before it is due
  // Each module's section ([health] fever_tenths = 373), its keys declared by the module.
  auth::ConfigSection auth;
  notify::ConfigSection notify;
  health::ConfigSection health;
  incidents::ConfigSection incidents;
  travel::ConfigSection travel;
};

// One configurable setting: its key ("web_root", or "health.fever_tenths" in a module's
// section), flag "--web-root" / "--health-fever-tenths", env TONGXIN_WEB_ROOT /
// TONGXIN_HEALTH_FEVER_TENTHS, TOML `web_root = ...` / `[health] fever_tenths = ...`.
struct Setting {
  std::string key;
  std::string help;
  std::function<core::Status(Config&, const std::string&)> set;
  std::function<std::string(const Config&)> get;
  bool secret = false;
};
// Its environment variable ("TONGXIN_HEALTH_FEVER_TENTHS") and flag ("--health-fever-tenths").
std::string EnvName(const Setting& s);
std::string FlagName(const Setting& s);
// Every setting: the server's, then each module's section.
const std::vector<Setting>& Settings();

// Where a setting's value lives: a member of Config, or of one of its sections.
template <class T>
using ConfigRef = std::function<T&(Config&)>;
template <class T>
ConfigRef<T> At(T Config::*member) {
  return [member](Config& c) -> T& { return c.*member; };
}
template <class S, class T>
ConfigRef<T> At(S Config::*section, T S::*member) {
  return [section, member](Config& c) -> T& { return (c.*section).*member; };
}
// Settings of each kind, for the tables of the server and its modules. An integer outside
// [min, max], or a boolean other than true/false/1/0/yes/no, is kInvalid config.invalid.
Setting IntSetting(std::string key, std::string help, ConfigRef<int> ref, long long min, long long max);
Setting SizeSetting(std::string key, std::string help, ConfigRef<std::size_t> ref, long long min, long long max);
Setting StringSetting(std::string key, std::string help, ConfigRef<std::string> ref, bool secret = false);
Setting BoolSetting(std::string key, std::string help, ConfigRef<bool> ref);

// The settings of one module's section, keyed "<name>.<key>":
//   const app::Section<ConfigSection> s("health", &app::Config::health);
//   s.Int("fever_tenths", "fever alert at or above ...", &ConfigSection::fever_tenths, 360, 400)
template <class S>
struct Section {
  const char* name;
  S Config::*member;

  Setting Int(const char* key, std::string help, int S::*m, long long min, long long max) const {
    return IntSetting(Key(key), std::move(help), At(member, m), min, max);
  }
  Setting String(const char* key, std::string help, std::string S::*m, bool secret = false) const {
    return StringSetting(Key(key), std::move(help), At(member, m), secret);
  }
  Setting Bool(const char* key, std::string help, bool S::*m) const {
    return BoolSetting(Key(key), std::move(help), At(member, m));
  }
  std::string Key(const char* key) const { return std::string(name) + "." + key; }
};

// Applies a TOML file's keys. Errors: kInvalid config.invalid naming the file or key.
core::Status ApplyTomlFile(Config& config, const std::string& path);
// Applies TONGXIN_<KEY> variables found through getenv (injectable for tests).
core::Status ApplyEnvironment(Config& config, const std::function<const char*(const char*)>& getenv_fn);
// Applies values given as flags (key -> text).
core::Status ApplyValues(Config& config, const std::map<std::string, std::string>& values);
// "db=sqlite:data/tongxin.db host=127.0.0.1 ..." with passwords masked.
std::string Describe(const Config& config);

}  // namespace tongxin::app
