// Notifications: the outbox row shared by email (sent over SMTP) and in-app notices.
#pragma once

#include <boost/describe/class.hpp>

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.hpp"

namespace tongxin::notify {

// Someone to tell: an account (in-app and its email), a person without one (email), or
// an address outside the university (a partner's contact: email only).
struct Recipient {
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> person_id;
  std::string email;
  core::Lang lang = core::Lang::kZh;
  std::string phone;  // for SMS: the person's phone
  // Quiet hours of the account (local "HH:MM"; both "" = none): email and SMS wait.
  std::string quiet_from, quiet_to;
};

// An active staff account with the units it covers.
struct StaffMember {
  Recipient to;
  std::string role;
  std::vector<std::string> scope_paths;
  bool Covers(const std::string& unit_path) const;
};

// A file sent with an email (a mass letter's PDF).
struct FileAttachment {
  std::string filename;
  std::string content_type;
  std::string bytes;
};

// channel: "email" | "inapp" | "wecom" | "dingtalk" | "sms" (the last three through the
//   message channel channel_id).
// status: email and channels: pending → sending → sent | pending (retry) | failed | unknown (claimed by
//   a sender that never reported back: not retried, so a message is never sent twice);
//   in-app: sent on insert.
struct Notification {
  std::int64_t id = 0;
  std::string channel;
  std::string kind;  // reminder, missing_escalation, alert, alert_escalated, recheck
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> person_id;
  std::string address;  // email address (email), phone (sms), channel name (group robots)
  std::string lang;     // "zh-CN" | "en": the language the text was written in
  std::string subject;
  std::string body;
  std::string link;  // web app path the notice points at ("/health/today")
  std::string dedup_key;
  std::string status;
  int attempts = 0;
  std::string next_attempt_at;
  std::string last_error;
  std::string created_at;
  std::string sent_at;
  std::string read_at;
  std::optional<std::int64_t> channel_id;
  std::string external_ref;  // the SMS gateway's message id
  std::string delivery;      // sms: "delivered" | "undelivered" (the gateway's callback)
  std::string delivered_at;
  std::string batch;  // the sending it belongs to ("broadcast_run:12"), "" for one-off events
};
BOOST_DESCRIBE_STRUCT(Notification, (), (
    id, channel, kind, user_id, person_id, address, lang, subject, body, link, dedup_key, status, attempts,
    next_attempt_at, last_error, created_at, sent_at, read_at, channel_id, external_ref, delivery, delivered_at, batch))

// The in-app view (no address, no retry details).
boost::json::object NoticeToJson(const Notification& n);
// The outbox view for administrators (the address masked).
boost::json::object OutboxToJson(const Notification& n);

}  // namespace tongxin::notify
