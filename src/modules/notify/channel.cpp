// Message channels: parsing, checks, payloads and replies.
#include "modules/notify/channel.hpp"

#include <sodium.h>

#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>

#include "core/json_reader.hpp"
#include "core/local_time.hpp"
#include "core/text.hpp"
#include "io/attachment.hpp"
#include "modules/notify/mailer.hpp"

namespace tongxin::notify {
namespace {

constexpr std::string_view kPlaceholders[] = {"subject", "body", "link"};

template <std::size_t N>
bool OneOf(std::string_view v, const std::string_view (&choices)[N]) {
  return std::find(std::begin(choices), std::end(choices), v) != std::end(choices);
}

template <std::size_t N>
std::string Choices(const std::string_view (&choices)[N]) {
  std::string out;
  for (auto c : choices) out += (out.empty() ? "" : ", ") + std::string(c);
  return out;
}

// The first {name} in the template that is not a known placeholder ("" = none).
std::string UnknownPlaceholder(const std::string& tmpl) {
  for (std::size_t open = tmpl.find('{'); open != std::string::npos; open = tmpl.find('{', open + 1)) {
    const std::size_t close = tmpl.find('}', open);
    if (close == std::string::npos) return tmpl.substr(open);
    const std::string name = tmpl.substr(open + 1, close - open - 1);
    if (!OneOf(name, kPlaceholders)) return "{" + name + "}";
  }
  return "";
}

bool IsLoopbackHost(std::string host) {
  host = core::ToLowerAscii(host);
  if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  return host == "localhost" || host == "::1" || host == "0.0.0.0" || host == "::" || host.rfind("127.", 0) == 0 ||
         host.ends_with(".localhost");
}

// Errors: url notify.url_not_http, notify.url_is_self.
core::Status CheckUrl(const std::string& url, const SelfAddress& self) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https") || parsed->host().empty() ||
      url.find_first_of(" \t\r\n") != std::string::npos) {
    return core::FieldInvalid("url", "notify.url_not_http");
  }
  const std::string host = core::ToLowerAscii(std::string(parsed->host()));
  const int port = parsed->has_port() ? std::atoi(std::string(parsed->port()).c_str())
                                      : (parsed->scheme() == "https" ? 443 : 80);
  const bool self_local = IsLoopbackHost(host) && port == self.port;
  const bool self_public = !self.public_host.empty() && host == core::ToLowerAscii(self.public_host) &&
                           port == self.public_port;
  if (self_local || self_public) return core::FieldInvalid("url", "notify.url_is_self");
  return {};
}

std::string Text(const std::string& subject, const std::string& body, const std::string& link) {
  std::string text = subject;
  if (!body.empty()) text += "\n" + body;
  if (!link.empty()) text += "\n" + link;
  return text;
}

}  // namespace

std::optional<int> ParseClock(const std::string& hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':' || !std::isdigit(static_cast<unsigned char>(hhmm[0])) ||
      !std::isdigit(static_cast<unsigned char>(hhmm[1])) || !std::isdigit(static_cast<unsigned char>(hhmm[3])) ||
      !std::isdigit(static_cast<unsigned char>(hhmm[4]))) {
    return std::nullopt;
  }
  const int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
  const int m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

std::optional<core::TimePoint> QuietEnd(const std::string& from, const std::string& to, core::TimePoint now,
                                        const std::string& tz) {
  const auto f = ParseClock(from);
  const auto t = ParseClock(to);
  if (!f || !t || *f == *t) return std::nullopt;
  const std::string local = core::LocalText(now, tz);  // "YYYY-MM-DD HH:MM"
  const std::string day = local.substr(0, 10);
  const auto m = ParseClock(local.substr(11, 5));
  if (!m) return std::nullopt;
  if (*f < *t) {
    if (*m >= *f && *m < *t) return core::AtLocal(day, *t, tz);
    return std::nullopt;
  }
  if (*m >= *f) return core::AtLocal(core::AddDays(day, 1), *t, tz);  // spans midnight
  if (*m < *t) return core::AtLocal(day, *t, tz);
  return std::nullopt;
}

bool IsUrgent(std::string_view notification_kind) { return OneOf(notification_kind, kUrgentKinds); }

SelfAddress SelfOf(const std::string& public_url, int port) {
  SelfAddress self;
  self.port = port;
  if (auto u = boost::urls::parse_absolute_uri(public_url); u && !u->host().empty()) {
    self.public_host = std::string(u->host());
    self.public_port = u->has_port() ? std::atoi(std::string(u->port()).c_str()) : (u->scheme() == "https" ? 443 : 80);
  }
  return self;
}

bool Channel::Relays(std::string_view notification_kind) const {
  for (std::size_t start = 0; start <= kinds.size();) {
    std::size_t comma = kinds.find(',', start);
    if (comma == std::string::npos) comma = kinds.size();
    if (std::string_view(kinds).substr(start, comma - start) == notification_kind) return true;
    start = comma + 1;
  }
  return false;
}

core::Result<ChannelInput> ParseChannelInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"kind", "name", "url", "secret", "template_zh", "template_en", "lang", "kinds",
                            "rate_per_minute", "active"});
  ChannelInput in;
  in.kind = r.Choice("kind", create, {"wecom", "dingtalk", "sms"});
  in.name = r.String("name", create, 100);
  in.url = r.String("url", create, 1000);
  in.secret = r.String("secret", false, 500);
  in.template_zh = r.String("template_zh", false, 500, true);
  in.template_en = r.String("template_en", false, 500, true);
  in.lang = r.Choice("lang", false, {"zh-CN", "en"});
  in.rate_per_minute = r.Int("rate_per_minute", false, 1, 600);
  in.active = r.Bool("active", false);
  if (auto it = body.find("kinds"); it != body.end()) {
    if (!it->value().is_array()) {
      r.AddError({"kinds", "validation.wrong_type", {{"expected", "array"}}});
    } else {
      std::vector<std::string> kinds;
      const auto& a = it->value().as_array();
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].is_string() || !OneOf(std::string_view(a[i].as_string()), kRelayKinds)) {
          r.AddError({"kinds[" + std::to_string(i) + "]", "validation.invalid_choice",
                      {{"choices", Choices(kRelayKinds)}}});
          continue;
        }
        std::string k(a[i].as_string());
        if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(std::move(k));
      }
      in.kinds = std::move(kinds);
    }
  } else if (create) {
    r.AddError({"kinds", "validation.required", {}});
  }
  for (const auto& [field, value] : {std::pair{"template_zh", &in.template_zh}, {"template_en", &in.template_en}}) {
    if (*value) {
      if (auto bad = UnknownPlaceholder(**value); !bad.empty()) {
        r.AddError({field, "notify.unknown_placeholder", {{"name", bad}, {"choices", "{subject}, {body}, {link}"}}});
      }
    }
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<Channel> ApplyInput(Channel c, const ChannelInput& in, const SelfAddress& self) {
  if (in.kind) c.kind = *in.kind;
  if (in.name) c.name = core::Trim(*in.name);
  if (in.url) c.url = core::Trim(*in.url);
  if (in.secret) c.secret = *in.secret;
  if (in.template_zh) c.template_zh = *in.template_zh;
  if (in.template_en) c.template_en = *in.template_en;
  if (in.lang) c.lang = *in.lang;
  if (in.rate_per_minute) c.rate_per_minute = *in.rate_per_minute;
  if (in.active) c.active = *in.active;
  if (in.kinds) {
    c.kinds.clear();
    for (const auto& k : *in.kinds) c.kinds += (c.kinds.empty() ? "" : ",") + k;
  }
  if (c.lang.empty()) c.lang = "zh-CN";
  if (c.name.empty()) return core::FieldInvalid("name", "validation.required");
  TX_CHECK(CheckUrl(c.url, self));
  if (c.kind == "sms" && core::Trim(c.template_zh).empty() && core::Trim(c.template_en).empty()) {
    return core::FieldInvalid("template_zh", "notify.template_needed");
  }
  return c;
}

std::string RenderTemplate(const std::string& tmpl, const std::string& subject, const std::string& body,
                           const std::string& link) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size();) {
    bool replaced = false;
    for (const auto& [name, value] : {std::pair{"{subject}", &subject}, {"{body}", &body}, {"{link}", &link}}) {
      const std::string_view n(name);
      if (tmpl.compare(i, n.size(), n) == 0) {
        out += *value;
        i += n.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += tmpl[i++];
  }
  return out;
}

std::string DingTalkSign(const std::string& secret, std::int64_t timestamp_ms) {
  const std::string text = std::to_string(timestamp_ms) + "\n" + secret;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  crypto_auth_hmacsha256_final(&st, mac);
  return io::ToBase64(std::string(reinterpret_cast<const char*>(mac), sizeof mac));
}

Outgoing GroupPost(const Channel& c, const std::string& subject, const std::string& body, const std::string& link,
                   core::TimePoint now) {
  Outgoing out;
  out.url = c.url;
  out.headers = {"Content-Type: application/json; charset=utf-8"};
  const boost::json::object msg{{"msgtype", "text"}, {"text", {{"content", Text(subject, body, link)}}}};
  out.body = boost::json::serialize(msg);
  if (c.kind == "dingtalk" && !c.secret.empty()) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    out.url += (out.url.find('?') == std::string::npos ? "?" : "&") + std::string("timestamp=") +
               std::to_string(ms) + "&sign=" + PercentEncode(DingTalkSign(c.secret, ms));
  }
  return out;
}

Outgoing SmsPost(const Channel& c, const std::string& phone, const std::string& text, const std::string& ref,
                 const std::string& callback_url) {
  Outgoing out;
  out.url = c.url;
  out.headers = {"Content-Type: application/json; charset=utf-8"};
  if (!c.secret.empty()) out.headers.push_back("Authorization: Bearer " + c.secret);
  const boost::json::object msg{{"to", phone}, {"text", text}, {"ref", ref}, {"callback_url", callback_url}};
  out.body = boost::json::serialize(msg);
  return out;
}

core::Result<std::string> ReadReply(const Channel& c, long http_status, const std::string& body) {
  auto fail = [&](const std::string& reason) {
    return core::MakeError(core::Errc::kUnavailable, "notify.channel_failed", {{"reason", reason.substr(0, 300)}});
  };
  if (http_status < 200 || http_status >= 300) return fail("HTTP " + std::to_string(http_status) + ": " + body);
  boost::system::error_code ec;
  auto parsed = boost::json::parse(body, ec);
  const boost::json::object* o = !ec && parsed.is_object() ? &parsed.as_object() : nullptr;
  if (c.is_group()) {
    // Both robots answer 200 with {"errcode": 0, "errmsg": "ok"}; anything else is a refusal.
    if (o == nullptr || !o->contains("errcode")) return fail("unexpected reply: " + body);
    const auto& code = o->at("errcode");
    if (!code.is_int64() || code.as_int64() != 0) return fail("robot refused: " + body);
    return std::string();
  }
  if (o != nullptr) {
    if (auto it = o->find("id"); it != o->end()) {
      if (it->value().is_string()) return std::string(it->value().as_string());
      if (it->value().is_int64()) return std::to_string(it->value().as_int64());
    }
  }
  return std::string();
}

boost::json::object ChannelToJson(const Channel& c, const std::string& callback_url) {
  boost::json::array kinds;
  for (std::size_t start = 0; start < c.kinds.size();) {
    std::size_t comma = c.kinds.find(',', start);
    if (comma == std::string::npos) comma = c.kinds.size();
    kinds.push_back(boost::json::string(c.kinds.substr(start, comma - start)));
    start = comma + 1;
  }
  boost::json::object o{{"id", c.id},
                        {"kind", c.kind},
                        {"name", c.name},
                        {"url", c.url},
                        {"has_secret", !c.secret.empty()},
                        {"template_zh", c.template_zh},
                        {"template_en", c.template_en},
                        {"kinds", std::move(kinds)},
                        {"lang", c.lang},
                        {"rate_per_minute", c.rate_per_minute},
                        {"active", c.active},
                        {"updated_by_name", c.updated_by_name},
                        {"created_at", c.created_at},
                        {"updated_at", c.updated_at}};
  if (c.kind == "sms") o["callback_url"] = callback_url;
  return o;
}

}  // namespace tongxin::notify
