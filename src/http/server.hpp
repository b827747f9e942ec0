// The HTTP/1.1 server: one coroutine per connection on the io threads; every request is
// handed to the Dispatcher on a separate worker pool, so the network threads never block.
// Keep-alive, header/body limits (a body over the anonymous limit is read only for a caller
// its headers authenticate), read and idle timeouts, a connection cap overall and per
// client address, accept errors backed off, malformed requests answered 400/431, graceful stop.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "http/dispatcher.hpp"

namespace tongxin::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: pick a free port (tests)
  int io_threads = 2;
  int workers = 8;
  std::size_t max_connections = 2048;
  std::size_t max_connections_per_ip = 256;  // one client address may hold this many (then 503)
  // Proxies whose X-Forwarded-For names the client (the nearest untrusted address in it).
  std::vector<std::string> trusted_proxies;
  std::chrono::seconds read_timeout{30};   // a request must arrive within this once started
  std::chrono::seconds idle_timeout{75};   // keep-alive connections idle longer are closed
  std::chrono::seconds shutdown_grace{15};  // in-flight requests get this long on stop
};

class Server {
 public:
  // The dispatcher must outlive the server.
  Server(ServerOptions options, const Dispatcher& dispatcher);
  ~Server();  // stops if still running

  // Binds and starts the threads. Errors: kUnavailable when the address cannot be bound.
  core::Status Start();
  unsigned short port() const;
  // Blocks until SIGINT or SIGTERM, then stops gracefully.
  void WaitForSignal();
  // Stops accepting, closes idle connections, lets in-flight requests finish (up to the
  // grace period), then joins all threads. Idempotent.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tongxin::http
