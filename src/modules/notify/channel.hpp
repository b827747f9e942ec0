// Message channels (信息推送渠道) beside in-app and email: a WeCom or DingTalk group robot's
// webhook, or an SMS gateway over HTTP. Plain structs, request parsing and checks, the
// payload each kind is sent, and reading a robot's or gateway's reply. Pure functions.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace tongxin::notify {

inline constexpr std::string_view kChannelKinds[] = {"wecom", "dingtalk", "sms"};
// Notification kinds an administrator may relay through a channel.
inline constexpr std::string_view kRelayKinds[] = {
    "alert",        "alert_escalated", "recheck",     "reminder",        "missing_list", "step_due",
    "step_overdue", "low_stock",       "expiry_soon", "announcement",    "entry_rule",   "entry_rule_trip",
    "trip_overdue", "visit_action",    "answer_due",  "staff_letter",    "broadcast",
    "test"};
// Kinds that do not wait for the end of a recipient's quiet hours.
inline constexpr std::string_view kUrgentKinds[] = {"alert", "alert_escalated"};

struct Channel {
  std::int64_t id = 0;
  std::string kind, name, url, secret, template_zh, template_en, kinds, lang;
  std::int64_t rate_per_minute = 20;
  bool active = true;
  std::string callback_token, updated_by_name, created_at, updated_at;

  bool is_group() const { return kind != "sms"; }
  // Whether it relays notifications of this kind.
  bool Relays(std::string_view notification_kind) const;
};
BOOST_DESCRIBE_STRUCT(Channel, (), (id, kind, name, url, secret, template_zh, template_en, kinds, lang,
                                    rate_per_minute, active, callback_token, updated_by_name, created_at,
                                    updated_at))

struct ChannelInput {
  std::optional<std::string> kind, name, url, secret, template_zh, template_en, lang;
  std::optional<std::vector<std::string>> kinds;
  std::optional<std::int64_t> rate_per_minute;
  std::optional<bool> active;
};

// Where the server itself listens, so a channel cannot post to it.
struct SelfAddress {
  int port = 0;
  std::string public_host;  // of the public URL ("" = none)
  int public_port = 0;
};

// The server's own addresses: the port it listens on and its public URL's host and port.
SelfAddress SelfOf(const std::string& public_url, int port);

// Errors (field errors): kind invalid choice; name required; url notify.url_not_http,
// notify.url_is_self; kinds[i] invalid choice; template_zh / template_en
// notify.unknown_placeholder (a {name} with no data) or notify.template_needed (an SMS
// channel without either); rate_per_minute out of range; lang invalid choice.
core::Result<ChannelInput> ParseChannelInput(const boost::json::object& body, bool create);
core::Result<Channel> ApplyInput(Channel c, const ChannelInput& in, const SelfAddress& self);

// Minutes after midnight of a local "HH:MM" (nullopt when it is not one).
std::optional<int> ParseClock(const std::string& hhmm);
// When quiet hours from..to (local "HH:MM" in tz; may span midnight) that hold `now` end;
// nullopt when now is outside them or there are none (from == to, or either empty).
std::optional<core::TimePoint> QuietEnd(const std::string& from, const std::string& to, core::TimePoint now,
                                        const std::string& tz);
bool IsUrgent(std::string_view notification_kind);

// "{subject}", "{body}" and "{link}" filled in; a template without placeholders is sent as is.
std::string RenderTemplate(const std::string& tmpl, const std::string& subject, const std::string& body,
                           const std::string& link);

// The request a channel's message is sent as.
struct Outgoing {
  std::string url;
  std::string body;  // JSON
  std::vector<std::string> headers;  // "Name: value"
};
// A group robot's post: a text message with the subject, body and link.
Outgoing GroupPost(const Channel& c, const std::string& subject, const std::string& body, const std::string& link,
                   core::TimePoint now);
// A text to one phone through the gateway; `ref` ("n42") comes back in its callback.
Outgoing SmsPost(const Channel& c, const std::string& phone, const std::string& text, const std::string& ref,
                 const std::string& callback_url);
// DingTalk's signature of a timestamp (ms): base64(HMAC-SHA256(secret, "ts\nsecret")).
std::string DingTalkSign(const std::string& secret, std::int64_t timestamp_ms);

// The reply of a post. Errors: kUnavailable with the reason (the sender retries).
// On success, the gateway's message id when it gave one.
core::Result<std::string> ReadReply(const Channel& c, long http_status, const std::string& body);

// Without the secret and the callback token (has_secret says whether there is one).
boost::json::object ChannelToJson(const Channel& c, const std::string& callback_url);

}  // namespace tongxin::notify
