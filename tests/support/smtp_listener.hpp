// A real SMTP server for tests on 127.0.0.1 (ephemeral port), speaking enough of RFC 5321
// for libcurl: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. It keeps every accepted
// message, and can be told to refuse the next N messages with a 451 (temporary failure)
// or to stop accepting connections, so tests can prove retries and "never twice".
#pragma once

#include <atomic>
#include <condition_variable>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>

#include "support/loopback_server.hpp"
#include <vector>

namespace tongxin::testing {

struct ReceivedMail {
  std::string from;
  std::vector<std::string> to;
  std::string data;  // headers and body as sent (dot-unstuffed)
  // A header's value ("Subject"), "" when absent.
  std::string Header(const std::string& name) const;
  // The body (the text part of a multipart message) decoded from base64.
  std::string Body() const;
  // The attached files of a multipart/mixed message: their file name (decoded from
  // RFC 2231), content type and decoded bytes.
  struct File {
    std::string filename, content_type, bytes;
  };
  std::vector<File> Files() const;
  // The subject decoded from an RFC 2047 =?UTF-8?B?..?= word when encoded.
  std::string Subject() const;
};

class SmtpListener {
 public:
  SmtpListener();
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(server_.port()); }
  // Refuse the next n messages at end of DATA with "451 try again later".
  void FailNext(int n) { fail_next_ = n; }
  std::vector<ReceivedMail> Messages();
  // Waits until at least n messages arrived (false on timeout).
  bool WaitFor(std::size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  int refused() const { return refused_; }

 private:
  void Serve(int fd);
  std::atomic<int> fail_next_{0};
  std::atomic<int> refused_{0};
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<ReceivedMail> messages_;
  LoopbackServer server_;  // last: its thread stops before the members it uses go
};

}  // namespace tongxin::testing
