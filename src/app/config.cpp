// Configuration sources and their precedence.
#include "app/config.hpp"

#include <toml++/toml.h>

#include "modules/health/slot_time.hpp"

#include <charconv>
#include <regex>

namespace tongxin::app {
namespace {

core::Error Invalid(const std::string& key, const std::string& why) {
  return core::MakeError(core::Errc::kInvalid, "config.invalid", {{"field", key}, {"detail", why}});
}

template <class T>
Setting IntSetting(std::string key, std::string help, T Config::*member, long long min, long long max) {
  return {key, std::move(help),
          [key, member, min, max](Config& c, const std::string& v) -> core::Status {
            long long n = 0;
            auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
            if (ec != std::errc() || p != v.data() + v.size() || n < min || n > max) {
              return Invalid(key, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max));
            }
            c.*member = static_cast<T>(n);
            return {};
          },
          [member](const Config& c) { return std::to_string(c.*member); }};
}

Setting StringSetting(std::string key, std::string help, std::string Config::*member, bool secret = false) {
  return {key, std::move(help),
          [member](Config& c, const std::string& v) -> core::Status {
            c.*member = v;
            return {};
          },
          [member](const Config& c) { return c.*member; }, secret};
}

Setting BoolSetting(std::string key, std::string help, bool Config::*member) {
  return {key, std::move(help),
          [key, member](Config& c, const std::string& v) -> core::Status {
            if (v == "true" || v == "1" || v == "yes") {
              c.*member = true;
            } else if (v == "false" || v == "0" || v == "no") {
              c.*member = false;
            } else {
              return Invalid(key, "expected true or false");
            }
            return {};
          },
          [member](const Config& c) { return std::string(c.*member ? "true" : "false"); }};
}

}  // namespace

const std::vector<Setting>& Settings() {
  static const std::vector<Setting> kSettings = {
      StringSetting("db", "database: sqlite:PATH or postgresql://user:pass@host:port/db", &Config::db, true),
      StringSetting("host", "address to listen on", &Config::host),
      IntSetting("port", "TCP port (0 picks a free one)", &Config::port, 0, 65535),
      StringSetting("web_root", "directory of the built web app", &Config::web_root),
      IntSetting("io_threads", "network threads", &Config::io_threads, 1, 64),
      IntSetting("workers", "request worker threads (database work)", &Config::workers, 1, 256),
      IntSetting("db_pool", "database connections", &Config::db_pool, 1, 256),
      IntSetting("max_body", "default request body limit in bytes", &Config::max_body, 1024, 64LL * 1024 * 1024),
      IntSetting("max_connections", "concurrent connections before 503", &Config::max_connections, 1, 100000),
      IntSetting("read_timeout", "seconds to receive a request", &Config::read_timeout, 1, 3600),
      IntSetting("idle_timeout", "seconds a keep-alive connection may idle", &Config::idle_timeout, 1, 3600),
      IntSetting("session_idle_minutes", "session ends after this idle time", &Config::session_idle_minutes, 1,
                 7 * 24 * 60),
      IntSetting("session_absolute_hours", "session ends this long after login", &Config::session_absolute_hours, 1,
                 24 * 30),
      {"time_zone", "IANA time zone of the office, e.g. Asia/Shanghai",
       [](Config& c, const std::string& v) -> core::Status {
         if (!health::IsTimeZone(v)) return Invalid("time_zone", "unknown time zone");
         c.time_zone = v;
         return {};
       },
       [](const Config& c) { return c.time_zone; }},
      IntSetting("fever_tenths", "fever alert at or above this temperature, in tenths of °C (373 = 37.3)",
                 &Config::fever_tenths, 360, 400),
      IntSetting("recheck_hours", "hours within which a person with an alert must report again",
                 &Config::recheck_hours, 1, 48),
      BoolSetting("secure_cookies", "mark cookies Secure (serve behind HTTPS)", &Config::secure_cookies),
      IntSetting("remind_after_minutes", "remind people who have not reported this long after their slot opens",
                 &Config::remind_after_minutes, 0, 24 * 60),
      IntSetting("escalate_after_minutes", "send unit staff the missing list this long after a slot opens",
                 &Config::escalate_after_minutes, 0, 24 * 60),
      IntSetting("jobs_interval_seconds", "seconds between scheduler passes (reminders, alerts, email); 0 = off",
                 &Config::jobs_interval_seconds, 0, 3600),
      StringSetting("smtp_url", "SMTP server for email, e.g. smtp://mail.example.edu:25 or smtps://...:465; "
                    "empty = no email", &Config::smtp_url, true),
      StringSetting("smtp_from", "sender address of notification email", &Config::smtp_from),
      StringSetting("smtp_user", "SMTP login (empty = none)", &Config::smtp_user),
      StringSetting("smtp_password", "SMTP password", &Config::smtp_password, true),
      BoolSetting("smtp_starttls", "require STARTTLS on smtp:// URLs", &Config::smtp_starttls),
      IntSetting("notify_max_attempts", "email delivery attempts before giving up", &Config::notify_max_attempts, 1,
                 50),
      IntSetting("step_remind_minutes", "remind an incident step's owner this long before its deadline",
                 &Config::step_remind_minutes, 0, 7 * 24 * 60),
      IntSetting("step_escalate_minutes", "tell the next level this long after an incident step's deadline",
                 &Config::step_escalate_minutes, 0, 7 * 24 * 60),
      IntSetting("health_retention_days",
                 "delete reports, alerts, inquiries and rosters of days older than this; 0 = keep",
                 &Config::health_retention_days, 0, 36500),
      IntSetting("notice_retention_days", "delete sent notifications older than this; 0 = keep",
                 &Config::notice_retention_days, 0, 36500),
      IntSetting("incident_retention_days",
                 "delete incidents closed longer ago than this, with their attachments; 0 = keep",
                 &Config::incident_retention_days, 0, 36500),
      IntSetting("login_audit_retention_days", "delete login and logout audit entries older than this; 0 = keep",
                 &Config::login_audit_retention_days, 0, 36500),
      StringSetting("trusted_proxies",
                    "comma-separated proxy addresses whose X-Forwarded-For names the client (empty = none)",
                    &Config::trusted_proxies),
      IntSetting("max_connections_per_ip", "open connections one client address may hold (then 503)",
                 &Config::max_connections_per_ip, 1, 1000000),
      IntSetting("notify_retry_seconds", "first retry delay of a failed email (doubles each attempt, max 1 h)",
                 &Config::notify_retry_seconds, 1, 3600),
      {"log_level", "trace, debug, info, warn, error",
       [](Config& c, const std::string& v) -> core::Status {
         static const std::vector<std::string> kLevels = {"trace", "debug", "info", "warn", "error", "off"};
         if (std::find(kLevels.begin(), kLevels.end(), v) == kLevels.end()) return Invalid("log_level", "unknown level");
         c.log_level = v;
         return {};
       },
       [](const Config& c) { return c.log_level; }},
  };
  return kSettings;
}

core::Status ApplyValues(Config& config, const std::map<std::string, std::string>& values) {
  for (const auto& [key, value] : values) {
    const Setting* s = nullptr;
    for (const auto& st : Settings()) {
      if (st.key == key) s = &st;
    }
    if (!s) return Invalid(key, "unknown setting");
    if (auto st = s->set(config, value); !st) return st;
  }
  return {};
}

core::Status ApplyTomlFile(Config& config, const std::string& path) {
  toml::table tbl;
  try {
    tbl = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Invalid("config", path + ": " + std::string(e.description()));
  }
  std::map<std::string, std::string> values;
  for (const auto& [k, node] : tbl) {
    std::string key(k.str());
    if (auto s = node.value<std::string>()) {
      values[key] = *s;
    } else if (auto i = node.value<long long>()) {
      values[key] = std::to_string(*i);
    } else if (auto b = node.value<bool>()) {
      values[key] = *b ? "true" : "false";
    } else {
      return Invalid(key, "expected a string, integer or boolean");
    }
  }
  return ApplyValues(config, values);
}

core::Status ApplyEnvironment(Config& config, const std::function<const char*(const char*)>& getenv_fn) {
  std::map<std::string, std::string> values;
  for (const auto& s : Settings()) {
    std::string name = "TONGXIN_";
    for (char c : s.key) name.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    if (const char* v = getenv_fn(name.c_str())) values[s.key] = v;
  }
  return ApplyValues(config, values);
}

std::string Describe(const Config& config) {
  std::string out;
  for (const auto& s : Settings()) {
    std::string v = s.get(config);
    if (s.secret && s.key.find("password") != std::string::npos) {
      if (!v.empty()) v = "***";
    } else if (s.secret) {
      v = std::regex_replace(v, std::regex(":[^:@/]*@"), ":***@");
    }
    out += (out.empty() ? "" : " ") + s.key + "=" + v;
  }
  return out;
}

}  // namespace tongxin::app
