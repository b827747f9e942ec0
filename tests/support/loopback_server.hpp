// The socket part of the tests' real servers (SMTP, HTTP): a listening socket on
// 127.0.0.1 with an ephemeral port and a thread that hands each accepted connection to
// `serve`, one at a time (enough for tests), with a 5 s read timeout.
#pragma once

#include <atomic>
#include <functional>
#include <thread>

namespace tongxin::testing {

class LoopbackServer {
 public:
  explicit LoopbackServer(std::function<void(int fd)> serve);
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;
  unsigned short port() const { return port_; }

 private:
  std::function<void(int)> serve_;
  int listen_fd_ = -1;
  unsigned short port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace tongxin::testing
