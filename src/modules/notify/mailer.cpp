// SMTP with libcurl.
#include "modules/notify/mailer.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>

namespace tongxin::notify {
namespace {

std::string Base64(std::string_view in) {
  std::string out(sodium_base64_ENCODED_LEN(in.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(in.data()), in.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

// RFC 2047 encoded-word for non-ASCII header text.
std::string HeaderText(std::string_view s) {
  bool ascii = true;
  for (unsigned char c : s) ascii = ascii && c >= 0x20 && c < 0x7f;
  if (ascii) return std::string(s);
  return "=?UTF-8?B?" + Base64(s) + "?=";
}

// Header values must not carry line breaks (header injection).
std::string OneLine(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

struct Upload {
  std::string data;
  std::size_t pos = 0;
};

std::size_t ReadPayload(char* ptr, std::size_t size, std::size_t nmemb, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * nmemb, up->data.size() - up->pos);
  std::memcpy(ptr, up->data.data() + up->pos, n);
  up->pos += n;
  return n;
}

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

// RFC 2231 / 5987 / 3986 value: unreserved characters as they are, every other byte %XX.
std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string FormatMessage(const SmtpSettings& smtp, const Email& mail) {
  std::string m;
  m += "Date: " + OneLine(mail.date) + "\r\n";
  m += "From: " + OneLine(smtp.from) + "\r\n";
  m += "To: " + OneLine(mail.to) + "\r\n";
  m += "Message-ID: " + OneLine(mail.message_id) + "\r\n";
  m += "Subject: " + HeaderText(OneLine(mail.subject)) + "\r\n";
  m += "MIME-Version: 1.0\r\n";
  auto base64_lines = [&m](std::string_view data) {
    const std::string b = Base64(data);
    for (std::size_t i = 0; i < b.size(); i += 76) m += b.substr(i, 76) + "\r\n";
  };
  if (mail.files.empty()) {
    m += "Content-Type: text/plain; charset=UTF-8\r\n";
    m += "Content-Transfer-Encoding: base64\r\n";
    m += "\r\n";
    base64_lines(mail.body);
    return m;
  }
  // The boundary cannot occur in base64 text (it has '=' and '_' next to each other).
  const std::string boundary = "=_tongxin_" + Base64(mail.message_id).substr(0, 16) + "_=";
  m += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n";
  m += "\r\n";
  m += "--" + boundary + "\r\n";
  m += "Content-Type: text/plain; charset=UTF-8\r\n";
  m += "Content-Transfer-Encoding: base64\r\n\r\n";
  base64_lines(mail.body);
  for (const auto& f : mail.files) {
    const std::string name = OneLine(f.filename);
    m += "--" + boundary + "\r\n";
    m += "Content-Type: " + OneLine(f.content_type) + "; name=\"" + HeaderText(name) + "\"\r\n";
    m += "Content-Transfer-Encoding: base64\r\n";
    m += "Content-Disposition: attachment; filename*=UTF-8''" + PercentEncode(name) + "\r\n\r\n";
    base64_lines(f.bytes);
  }
  m += "--" + boundary + "--\r\n";
  return m;
}

Mailer::Mailer(SmtpSettings settings) : settings_(std::move(settings)) { GlobalInit(); }

core::Status Mailer::Send(const Email& mail) const {
  if (!enabled()) return core::MakeError(core::Errc::kUnavailable, "notify.smtp_disabled");
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return core::MakeError(core::Errc::kUnavailable, "notify.smtp_failed", {{"reason", "curl_easy_init"}});
  Upload up{FormatMessage(settings_, mail), 0};
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + OneLine(mail.to) + ">").c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt_guard(rcpt, &curl_slist_free_all);
  char errbuf[CURL_ERROR_SIZE] = {0};
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, ("<" + OneLine(settings_.from) + ">").c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(h, CURLOPT_READFUNCTION, &ReadPayload);
  curl_easy_setopt(h, CURLOPT_READDATA, &up);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout_seconds));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
  if (settings_.starttls) curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!settings_.user.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, settings_.user.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  const CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK) {
    long code = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    std::string reason = errbuf[0] ? errbuf : curl_easy_strerror(rc);
    if (code) reason += " (SMTP " + std::to_string(code) + ")";
    return core::MakeError(core::Errc::kUnavailable, "notify.smtp_failed", {{"reason", reason}});
  }
  return {};
}

}  // namespace tongxin::notify
