// Email over SMTP with libcurl: one message per call, UTF-8 subject and body (base64),
// files attached as MIME parts (RFC 2045/2046, file names per RFC 2231),
// a Message-ID derived from the notification so a receiving server can drop a repeat.
// Thread-safe (one curl handle per call). Blocks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "modules/notify/notification.hpp"

namespace tongxin::notify {

struct SmtpSettings {
  std::string url;  // smtp://host:25, smtps://host:465; "" = email disabled
  std::string from;  // envelope and header sender
  std::string user;
  std::string password;
  bool starttls = false;  // require STARTTLS on smtp://
  int timeout_seconds = 30;
};

struct Email {
  std::string to;
  std::string subject;
  std::string body;
  std::string message_id;  // "<n42.tongxin@host>"
  std::string date;        // RFC 5322 date
  std::vector<FileAttachment> files;  // sent as multipart/mixed after the text
};

// Unreserved characters (RFC 3986) as they are, every other byte %XX: file names in
// headers (RFC 2231) and query values (a DingTalk signature).
std::string PercentEncode(std::string_view s);

// The whole message as sent (headers and base64 body, CRLF line ends).
std::string FormatMessage(const SmtpSettings& smtp, const Email& mail);

class Mailer {
 public:
  explicit Mailer(SmtpSettings settings);
  bool enabled() const { return !settings_.url.empty(); }
  const SmtpSettings& settings() const { return settings_; }
  // Errors: kUnavailable with the server's or libcurl's reason (the sender retries).
  core::Status Send(const Email& mail) const;

 private:
  SmtpSettings settings_;
};

}  // namespace tongxin::notify
