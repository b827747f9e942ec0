// Test SMTP server.
#include "support/smtp_listener.hpp"

#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace tongxin::testing {
namespace {

std::string Decode64(const std::string& in) {
  std::string out(in.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), in.data(), in.size(), " \r\n",
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return "<bad base64>";
  }
  out.resize(len);
  return out;
}

bool StartsWithNoCase(const std::string& s, const char* prefix) {
  return strncasecmp(s.c_str(), prefix, std::strlen(prefix)) == 0;
}

// Reads one CRLF-terminated line; false on EOF or error.
bool ReadLine(int fd, std::string& buf, std::string& line) {
  for (;;) {
    auto pos = buf.find("\r\n");
    if (pos != std::string::npos) {
      line = buf.substr(0, pos);
      buf.erase(0, pos + 2);
      return true;
    }
    char tmp[4096];
    ssize_t n = ::recv(fd, tmp, sizeof tmp, 0);
    if (n <= 0) return false;
    buf.append(tmp, static_cast<std::size_t>(n));
  }
}

void Reply(int fd, const std::string& text) {
  const std::string line = text + "\r\n";
  (void)::send(fd, line.data(), line.size(), MSG_NOSIGNAL);
}

}  // namespace

std::string ReceivedMail::Header(const std::string& name) const {
  std::size_t pos = 0;
  while (pos < data.size()) {
    auto end = data.find("\r\n", pos);
    if (end == std::string::npos || end == pos) break;  // blank line: end of headers
    const std::string line = data.substr(pos, end - pos);
    if (line.size() > name.size() && line[name.size()] == ':' && StartsWithNoCase(line, name.c_str())) {
      std::string v = line.substr(name.size() + 1);
      while (!v.empty() && v.front() == ' ') v.erase(0, 1);
      return v;
    }
    pos = end + 2;
  }
  return "";
}

namespace {

// A MIME part: its header block and its (still encoded) body.
struct Part {
  std::string headers, body;
};

std::vector<Part> Parts(const std::string& data, const std::string& content_type) {
  std::vector<Part> out;
  const auto b = content_type.find("boundary=\"");
  if (b == std::string::npos) return out;
  const std::string boundary = "--" + content_type.substr(b + 10, content_type.find('"', b + 10) - b - 10);
  std::size_t pos = data.find(boundary);
  while (pos != std::string::npos) {
    pos += boundary.size();
    if (data.compare(pos, 2, "--") == 0) break;
    const std::size_t next = data.find(boundary, pos);
    const std::string part = data.substr(pos + 2, (next == std::string::npos ? data.size() : next) - pos - 2);
    const auto split = part.find("\r\n\r\n");
    if (split != std::string::npos) out.push_back({part.substr(0, split), part.substr(split + 4)});
    pos = next;
  }
  return out;
}

std::string PercentDecode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::string ReceivedMail::Body() const {
  const std::string type = Header("Content-Type");
  if (type.rfind("multipart/", 0) == 0) {
    auto parts = Parts(data, type);
    return parts.empty() ? "" : Decode64(parts.front().body);
  }
  auto pos = data.find("\r\n\r\n");
  return pos == std::string::npos ? "" : Decode64(data.substr(pos + 4));
}

std::vector<ReceivedMail::File> ReceivedMail::Files() const {
  std::vector<File> out;
  const std::string type = Header("Content-Type");
  if (type.rfind("multipart/", 0) != 0) return out;
  for (const auto& p : Parts(data, type)) {
    const auto d = p.headers.find("filename*=UTF-8''");
    if (d == std::string::npos) continue;
    const auto end = p.headers.find("\r\n", d);
    File f;
    f.filename = PercentDecode(p.headers.substr(d + 17, (end == std::string::npos ? p.headers.size() : end) - d - 17));
    const auto t = p.headers.find("Content-Type: ");
    f.content_type = p.headers.substr(t + 14, p.headers.find(';', t) - t - 14);
    f.bytes = Decode64(p.body);
    out.push_back(std::move(f));
  }
  return out;
}

std::string ReceivedMail::Subject() const {
  std::string s = Header("Subject");
  if (s.rfind("=?UTF-8?B?", 0) == 0 && s.size() > 12) return Decode64(s.substr(10, s.size() - 12));
  return s;
}

SmtpListener::SmtpListener() : server_([this](int fd) { Serve(fd); }) {}

void SmtpListener::Serve(int fd) {
  std::string buf, line;
  ReceivedMail mail;
  Reply(fd, "220 tongxin-test ESMTP");
  while (ReadLine(fd, buf, line)) {
    if (StartsWithNoCase(line, "EHLO")) {
      Reply(fd, "250-tongxin-test");
      Reply(fd, "250 8BITMIME");
    } else if (StartsWithNoCase(line, "HELO")) {
      Reply(fd, "250 tongxin-test");
    } else if (StartsWithNoCase(line, "MAIL FROM:")) {
      mail = ReceivedMail{};
      mail.from = line.substr(10);
      Reply(fd, "250 OK");
    } else if (StartsWithNoCase(line, "RCPT TO:")) {
      mail.to.push_back(line.substr(8));
      Reply(fd, "250 OK");
    } else if (StartsWithNoCase(line, "DATA")) {
      Reply(fd, "354 end with <CRLF>.<CRLF>");
      std::string data;
      while (ReadLine(fd, buf, line) && line != ".") {
        if (!line.empty() && line[0] == '.') line.erase(0, 1);
        data += line + "\r\n";
      }
      mail.data = data;
      if (fail_next_ > 0) {
        --fail_next_;
        ++refused_;
        Reply(fd, "451 4.3.0 try again later");
        continue;
      }
      {
        std::lock_guard lock(mu_);
        messages_.push_back(mail);
      }
      cv_.notify_all();
      Reply(fd, "250 OK queued");
    } else if (StartsWithNoCase(line, "QUIT")) {
      Reply(fd, "221 bye");
      return;
    } else if (StartsWithNoCase(line, "RSET") || StartsWithNoCase(line, "NOOP")) {
      Reply(fd, "250 OK");
    } else {
      Reply(fd, "502 not implemented");
    }
  }
}

std::vector<ReceivedMail> SmtpListener::Messages() {
  std::lock_guard lock(mu_);
  return messages_;
}

bool SmtpListener::WaitFor(std::size_t n, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [&] { return messages_.size() >= n; });
}

}  // namespace tongxin::testing
