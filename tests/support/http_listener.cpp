// Test HTTP server.
#include "support/http_listener.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>

namespace tongxin::testing {

HttpListener::HttpListener() : server_([this](int fd) { Serve(fd); }) {}

void HttpListener::SetDefault(CannedReply reply) {
  std::lock_guard lock(mu_);
  default_ = std::move(reply);
}

void HttpListener::ReplyNext(int n, CannedReply reply) {
  std::lock_guard lock(mu_);
  for (int i = 0; i < n; ++i) next_.push_back(reply);
}

std::vector<ReceivedRequest> HttpListener::Requests() {
  std::lock_guard lock(mu_);
  return requests_;
}

bool HttpListener::WaitFor(std::size_t n, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [&] { return requests_.size() >= n; });
}

void HttpListener::Serve(int fd) {
  std::string data;
  char buf[4096];
  std::size_t head_end = std::string::npos;
  while ((head_end = data.find("\r\n\r\n")) == std::string::npos) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return;
    data.append(buf, static_cast<std::size_t>(n));
  }
  ReceivedRequest req;
  const std::string head = data.substr(0, head_end);
  std::size_t line_end = head.find("\r\n");
  const std::string request_line = head.substr(0, line_end);
  req.method = request_line.substr(0, request_line.find(' '));
  const std::size_t t0 = request_line.find(' ') + 1;
  req.target = request_line.substr(t0, request_line.find(' ', t0) - t0);
  while (line_end != std::string::npos && line_end < head.size()) {
    const std::size_t next = head.find("\r\n", line_end + 2);
    const std::string line = head.substr(line_end + 2, next == std::string::npos ? std::string::npos : next - line_end - 2);
    if (auto colon = line.find(':'); colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      req.headers[name] = value;
    }
    line_end = next;
  }
  const std::size_t length = req.headers.count("content-length") ? std::stoul(req.headers["content-length"]) : 0;
  req.body = data.substr(head_end + 4);
  while (req.body.size() < length) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return;
    req.body.append(buf, static_cast<std::size_t>(n));
  }
  CannedReply reply;
  {
    std::lock_guard lock(mu_);
    if (!next_.empty()) {
      reply = next_.front();
      next_.pop_front();
    } else {
      reply = default_;
    }
  }
  // Recorded before the reply goes: a client that has its answer finds its request listed
  // (recording after sending let a test read the list before the push, a CI race).
  {
    std::lock_guard lock(mu_);
    requests_.push_back(std::move(req));
  }
  cv_.notify_all();
  const std::string out = "HTTP/1.1 " + std::to_string(reply.status) + " X\r\nContent-Type: application/json\r\n" +
                          "Content-Length: " + std::to_string(reply.body.size()) + "\r\nConnection: close\r\n\r\n" +
                          reply.body;
  ::send(fd, out.data(), out.size(), MSG_NOSIGNAL);
}

}  // namespace tongxin::testing
