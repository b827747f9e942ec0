// Configuration sources and their precedence.
#include "app/config.hpp"

#include <toml++/toml.h>

#include "app/modules.hpp"
#include "modules/health/slot_time.hpp"

#include <charconv>
#include <regex>

namespace tongxin::app {
namespace {

core::Error Invalid(const std::string& key, const std::string& why) {
  return core::MakeError(core::Errc::kInvalid, "config.invalid", {{"field", key}, {"detail", why}});
}

// What a reference reads from a const Config (the references only ever write through
// the setter).
template <class T>
const T& Read(const ConfigRef<T>& ref, const Config& c) {
  return ref(const_cast<Config&>(c));  // NOLINT(cppcoreguidelines-pro-type-const-cast)
}

template <class T>
Setting Integer(std::string key, std::string help, ConfigRef<T> ref, long long min, long long max) {
  return {key, std::move(help),
          [key, ref, min, max](Config& c, const std::string& v) -> core::Status {
            long long n = 0;
            auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
            if (ec != std::errc() || p != v.data() + v.size() || n < min || n > max) {
              return Invalid(key, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max));
            }
            ref(c) = static_cast<T>(n);
            return {};
          },
          [ref](const Config& c) { return std::to_string(Read(ref, c)); }};
}

// "health.fever_tenths" -> "HEALTH_FEVER_TENTHS" (env) or "health-fever-tenths" (flag).
std::string KeyWith(const std::string& key, bool upper, char separator) {
  std::string out;
  for (char c : key) {
    if (c == '.' || c == '_') out.push_back(separator);
    else out.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
  }
  return out;
}

}  // namespace

Setting IntSetting(std::string key, std::string help, ConfigRef<int> ref, long long min, long long max) {
  return Integer(std::move(key), std::move(help), std::move(ref), min, max);
}

Setting SizeSetting(std::string key, std::string help, ConfigRef<std::size_t> ref, long long min, long long max) {
  return Integer(std::move(key), std::move(help), std::move(ref), min, max);
}

Setting StringSetting(std::string key, std::string help, ConfigRef<std::string> ref, bool secret) {
  return {key, std::move(help),
          [ref](Config& c, const std::string& v) -> core::Status {
            ref(c) = v;
            return {};
          },
          [ref](const Config& c) { return Read(ref, c); }, secret};
}

Setting BoolSetting(std::string key, std::string help, ConfigRef<bool> ref) {
  return {key, std::move(help),
          [key, ref](Config& c, const std::string& v) -> core::Status {
            if (v == "true" || v == "1" || v == "yes") {
              ref(c) = true;
            } else if (v == "false" || v == "0" || v == "no") {
              ref(c) = false;
            } else {
              return Invalid(key, "expected true or false");
            }
            return {};
          },
          [ref](const Config& c) { return std::string(Read(ref, c) ? "true" : "false"); }};
}

std::string EnvName(const Setting& s) { return "TONGXIN_" + KeyWith(s.key, true, '_'); }
std::string FlagName(const Setting& s) { return "--" + KeyWith(s.key, false, '-'); }


const std::vector<Setting>& Settings() {
  static const std::vector<Setting> kSettings = [] {
    std::vector<Setting> all = {
      StringSetting("db", "database: sqlite:PATH or postgresql://user:pass@host:port/db", At(&Config::db), true),
      StringSetting("host", "address to listen on", At(&Config::host)),
      IntSetting("port", "TCP port (0 picks a free one)", At(&Config::port), 0, 65535),
      StringSetting("web_root", "directory of the built web app", At(&Config::web_root)),
      StringSetting("public_url", "address users open the app at, for links printed in QR codes (default: the address each request came to)",
                    At(&Config::public_url)),
      StringSetting("finance_unit", "code of the finance unit, whose department staff see donation amounts and keep exchange rates",
                    At(&Config::finance_unit)),
      IntSetting("expiry_notice_days", "batches expiring within this many days are announced to their store's keepers, once each",
                 At(&Config::expiry_notice_days), 1, 365),
      IntSetting("answer_reminder_days", "letters awaiting an answer remind their handler this many days before the answer is due (0: on the day)",
                 At(&Config::answer_reminder_days), 0, 60),
      IntSetting("io_threads", "network threads", At(&Config::io_threads), 1, 64),
      IntSetting("workers", "request worker threads (database work)", At(&Config::workers), 1, 256),
      IntSetting("db_pool", "database connections", At(&Config::db_pool), 1, 256),
      SizeSetting("max_body", "default request body limit in bytes", At(&Config::max_body), 1024, 64LL * 1024 * 1024),
      IntSetting("max_connections", "concurrent connections before 503", At(&Config::max_connections), 1, 100000),
      IntSetting("read_timeout", "seconds to receive a request", At(&Config::read_timeout), 1, 3600),
      IntSetting("idle_timeout", "seconds a keep-alive connection may idle", At(&Config::idle_timeout), 1, 3600),
      {"time_zone", "IANA time zone of the office, e.g. Asia/Shanghai",
       [](Config& c, const std::string& v) -> core::Status {
         if (!health::IsTimeZone(v)) return Invalid("time_zone", "unknown time zone");
         c.time_zone = v;
         return {};
       },
       [](const Config& c) { return c.time_zone; }},
      BoolSetting("secure_cookies", "mark cookies Secure (serve behind HTTPS)", At(&Config::secure_cookies)),
      IntSetting("jobs_interval_seconds", "seconds between scheduler passes (reminders, alerts, email); 0 = off",
                 At(&Config::jobs_interval_seconds), 0, 3600),
      StringSetting("trusted_proxies",
                    "comma-separated proxy addresses whose X-Forwarded-For names the client (empty = none)",
                    At(&Config::trusted_proxies)),
      IntSetting("max_connections_per_ip", "open connections one client address may hold (then 503)",
                 At(&Config::max_connections_per_ip), 1, 1000000),
      {"log_level", "trace, debug, info, warn, error",
       [](Config& c, const std::string& v) -> core::Status {
         static const std::vector<std::string> kLevels = {"trace", "debug", "info", "warn", "error", "off"};
         if (std::find(kLevels.begin(), kLevels.end(), v) == kLevels.end()) return Invalid("log_level", "unknown level");
         c.log_level = v;
         return {};
       },
       [](const Config& c) { return c.log_level; }},
    };
    for (auto section : {auth::ConfigKeys, notify::ConfigKeys, health::ConfigKeys, incidents::ConfigKeys,
                         travel::ConfigKeys}) {
      for (Setting& s : section()) all.push_back(std::move(s));
    }
    return all;
  }();
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
  auto add = [&values](const std::string& key, const toml::node& node) -> core::Status {
    if (auto s = node.value<std::string>()) {
      values[key] = *s;
    } else if (auto i = node.value<long long>()) {
      values[key] = std::to_string(*i);
    } else if (auto b = node.value<bool>()) {
      values[key] = *b ? "true" : "false";
    } else {
      return Invalid(key, "expected a string, integer or boolean");
    }
    return {};
  };
  for (const auto& [k, node] : tbl) {
    if (const toml::table* section = node.as_table()) {  // [health] fever_tenths = 373
      for (const auto& [sk, snode] : *section) TX_CHECK(add(std::string(k.str()) + "." + std::string(sk.str()), snode));
    } else {
      TX_CHECK(add(std::string(k.str()), node));
    }
  }
  return ApplyValues(config, values);
}

core::Status ApplyEnvironment(Config& config, const std::function<const char*(const char*)>& getenv_fn) {
  std::map<std::string, std::string> values;
  for (const auto& s : Settings()) {
    if (const char* v = getenv_fn(EnvName(s).c_str())) values[s.key] = v;
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
