// Boost.Beast server with C++20 coroutines. The only file that includes Beast.
#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "core/i18n.hpp"
#include "http/errors.hpp"

namespace tongxin::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

struct Conn {
  explicit Conn(tcp::socket s) : stream(std::move(s)) {}
  beast::tcp_stream stream;
  std::atomic<bool> idle{true};
};

std::string NewRequestId() {
  static std::atomic<std::uint64_t> counter{0};
  static const std::uint64_t prefix = std::random_device{}();
  char buf[24];
  std::snprintf(buf, sizeof buf, "%06llx%010llx", static_cast<unsigned long long>(prefix & 0xFFFFFF),
                static_cast<unsigned long long>(++counter));
  return buf;
}

bool ValidRequestId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, const Dispatcher& d) : opt(std::move(o)), dispatcher(d), workers(opt.workers) {}

  ServerOptions opt;
  const Dispatcher& dispatcher;
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor{ioc};
  std::vector<std::thread> threads;
  std::atomic<std::size_t> active{0};
  std::atomic<bool> stopping{false};
  std::atomic<bool> stopped{false};
  std::mutex mu;
  std::map<std::uint64_t, std::weak_ptr<Conn>> conns;
  std::map<std::string, std::size_t> per_ip;  // open connections by client address (under mu)
  std::uint64_t next_conn = 0;
  unsigned short bound_port = 0;

  asio::awaitable<void> Listen();
  asio::awaitable<void> Session(std::shared_ptr<Conn> conn, std::uint64_t id, std::string remote);
  asio::awaitable<void> Reject(tcp::socket socket);
  asio::awaitable<void> Refuse(Conn& conn, const Request& req, core::Error e, unsigned version);
  std::string ClientOf(const std::string& remote, const std::string& forwarded) const;
  bool Trusted(const std::string& addr) const;
  asio::awaitable<bool> Write(Conn& conn, const Request& req, Response res, bool keep_alive, unsigned version);
};

asio::awaitable<void> Server::Impl::Listen() {
  auto backoff = std::chrono::milliseconds(0);
  for (;;) {
    tcp::socket socket(asio::make_strand(ioc));
    auto [ec] = co_await acceptor.async_accept(socket, asio::as_tuple(asio::use_awaitable));
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted) co_return;
      // Out of file descriptors and the like: wait instead of spinning on the error.
      backoff = std::min<std::chrono::milliseconds>(std::max(backoff * 2, std::chrono::milliseconds(10)),
                                                    std::chrono::seconds(1));
      spdlog::warn("accept failed: {}; retrying in {} ms", ec.message(), backoff.count());
      asio::steady_timer timer(ioc, backoff);
      co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
      continue;
    }
    backoff = std::chrono::milliseconds(0);
    beast::error_code rec;
    auto endpoint = socket.remote_endpoint(rec);
    std::string remote = rec ? "" : endpoint.address().to_string();
    bool over = active.load() >= opt.max_connections;
    {
      std::lock_guard lock(mu);
      over = over || per_ip[remote] >= opt.max_connections_per_ip;
      if (!over) ++per_ip[remote];
    }
    if (over) {
      auto ex = socket.get_executor();
      asio::co_spawn(ex, Reject(std::move(socket)), asio::detached);
      continue;
    }
    ++active;
    auto conn = std::make_shared<Conn>(std::move(socket));
    std::uint64_t id;
    {
      std::lock_guard lock(mu);
      id = ++next_conn;
      conns[id] = conn;
    }
    auto ex = conn->stream.get_executor();
    asio::co_spawn(ex, Session(std::move(conn), id, std::move(remote)), asio::detached);
  }
}

bool Server::Impl::Trusted(const std::string& addr) const {
  return std::find(opt.trusted_proxies.begin(), opt.trusted_proxies.end(), addr) != opt.trusted_proxies.end();
}

std::string Server::Impl::ClientOf(const std::string& remote, const std::string& forwarded) const {
  if (forwarded.empty() || !Trusted(remote)) return remote;
  // "client, proxy1, proxy2": the nearest address that is not one of our proxies.
  std::string client = remote;
  std::size_t end = forwarded.size();
  while (end > 0) {
    const auto comma = forwarded.rfind(',', end - 1);
    const std::size_t start = comma == std::string::npos ? 0 : comma + 1;
    std::string addr = forwarded.substr(start, end - start);
    addr.erase(0, addr.find_first_not_of(" \t"));
    addr.erase(addr.find_last_not_of(" \t") + 1);
    beast::error_code ec;
    asio::ip::make_address(addr, ec);
    if (ec) break;  // not an address: believe nothing further left
    client = addr;
    if (!Trusted(addr)) break;
    if (comma == std::string::npos) break;
    end = comma;
  }
  return client;
}

asio::awaitable<void> Server::Impl::Refuse(Conn& conn, const Request& req, core::Error e, unsigned version) {
  Response res = ErrorResponse(e, core::FromAcceptLanguage(req.Header("accept-language")),
                               req.request_id.empty() ? NewRequestId() : req.request_id);
  res.SetHeader("X-Request-Id", req.request_id);
  co_await Write(conn, req, std::move(res), false, version);
  // Lingering close: the client may still be sending the body we refused. Closing with
  // unread data makes the kernel send a reset, and the client would see "connection
  // reset" instead of our answer; so stop sending, then read and drop what still comes,
  // for a few seconds at most, before the caller closes.
  beast::error_code ec;
  conn.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) co_return;
  std::vector<char> sink(16 * 1024);
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!stopping && std::chrono::steady_clock::now() < until) {
    conn.stream.expires_after(std::chrono::seconds(1));
    auto [rec, n] =
        co_await conn.stream.async_read_some(asio::buffer(sink), asio::as_tuple(asio::use_awaitable));
    if (rec) break;
  }
}

asio::awaitable<void> Server::Impl::Reject(tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  stream.expires_after(std::chrono::seconds(5));
  Response res = ErrorResponse(core::MakeError(core::Errc::kUnavailable, "server.overloaded"), core::Lang::kEn,
                               NewRequestId());
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), 11};
  for (auto& [k, v] : res.headers) out.set(k, v);
  out.set(bhttp::field::retry_after, "1");
  out.body() = std::move(res.body);
  out.keep_alive(false);
  out.prepare_payload();
  co_await bhttp::async_write(stream, out, asio::as_tuple(asio::use_awaitable));
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

asio::awaitable<bool> Server::Impl::Write(Conn& conn, const Request& req, Response res, bool keep_alive,
                                          unsigned version) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
  out.set(bhttp::field::server, "tongxin");
  for (auto& [k, v] : res.headers) out.insert(k, v);  // insert: several Set-Cookie lines
  out.keep_alive(keep_alive);
  const std::size_t bytes = res.body.size();
  if (req.method == "HEAD") {
    out.content_length(bytes);
  } else {
    out.body() = std::move(res.body);
    out.prepare_payload();
  }
  conn.stream.expires_after(opt.read_timeout);
  auto [ec, n] = co_await bhttp::async_write(conn.stream, out, asio::as_tuple(asio::use_awaitable));
  co_return !ec;
}

asio::awaitable<void> Server::Impl::Session(std::shared_ptr<Conn> conn, std::uint64_t id, std::string remote) {
  beast::flat_buffer buffer;
  const std::size_t max_any_body = dispatcher.router().MaxBody(0);
  for (;;) {
    conn->idle = true;
    if (stopping) break;
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(16 * 1024);
    parser.body_limit(std::max<std::size_t>(max_any_body, 64 * 1024 * 1024));
    conn->stream.expires_after(opt.idle_timeout);
    auto [ec, n] = co_await bhttp::async_read_header(conn->stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
    if (ec) {
      // A request that is not HTTP, or whose header is too large, hears why before the
      // connection closes; end of stream, timeouts and a stop just close.
      Request bad;
      bad.request_id = NewRequestId();
      // (Errors are built before co_await: GCC 12 mishandles brace-initialised string
      // arguments inside a co_await expression.)
      const bool malformed = ec.category() == beast::error_code(bhttp::error::bad_method).category() &&
                             ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
      if (ec == bhttp::error::header_limit) {
        core::Error e = core::MakeError(core::Errc::kHeaderTooLarge, "request.header_too_large");
        e.details["max"] = "16384";
        co_await Refuse(*conn, bad, std::move(e), 11);
        spdlog::info("[{}] 431 header over 16 KiB {}", bad.request_id, remote);
      } else if (malformed) {
        core::Error e = core::MakeError(core::Errc::kInvalid, "request.malformed");
        co_await Refuse(*conn, bad, std::move(e), 11);
        spdlog::info("[{}] 400 malformed request ({}) {}", bad.request_id, ec.message(), remote);
      }
      break;
    }
    conn->idle = false;
    const auto start = std::chrono::steady_clock::now();

    Request req;
    req.method = std::string(parser.get().method_string());
    req.target = std::string(parser.get().target());
    for (const auto& f : parser.get()) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto [it, inserted] = req.headers.emplace(name, std::string(f.value()));
      if (!inserted) it->second += (name == "cookie" ? "; " : ", ") + std::string(f.value());
    }
    req.remote_ip = ClientOf(remote, req.Header("x-forwarded-for"));
    const std::string incoming_id = req.Header("x-request-id");
    req.request_id = ValidRequestId(incoming_id) ? incoming_id : NewRequestId();
    const unsigned version = parser.get().version();

    std::size_t limit = dispatcher.BodyLimitFor(req.method, req.target);
    auto declared = parser.content_length();
    const bool large = limit > kAnonymousMaxBody && (!declared || *declared > kAnonymousMaxBody);
    if (large && !parser.is_done()) {
      // Only a caller its headers authenticate may send more than the anonymous limit:
      // asked on the worker pool (it may read the database), before the body is read.
      const bool known = co_await asio::co_spawn(
          workers.get_executor(), [this, &req]() -> asio::awaitable<bool> { co_return dispatcher.Authenticated(req); },
          asio::use_awaitable);
      if (!known) limit = kAnonymousMaxBody;
    }
    core::Error too_large = core::MakeError(core::Errc::kTooLarge, "request.too_large");
    too_large.details["max"] = std::to_string(limit);
    if (declared && *declared > limit) {
      co_await Refuse(*conn, req, too_large, version);
      spdlog::info("[{}] {} {} 413 {}", req.request_id, req.method, req.target.substr(0, req.target.find('?')),
                   req.remote_ip);
      break;
    }
    parser.body_limit(limit);
    if (!parser.is_done()) {
      conn->stream.expires_after(opt.read_timeout);
      auto [ec2, n2] = co_await bhttp::async_read(conn->stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
      if (ec2 == bhttp::error::body_limit) {
        co_await Refuse(*conn, req, too_large, version);
        break;
      }
      if (ec2) break;
    }
    req.body = std::move(parser.get().body());
    const bool keep_alive = parser.get().keep_alive();

    // The dispatcher may block (database): run it on the worker pool, resume here after.
    Response res = co_await asio::co_spawn(
        workers.get_executor(),
        [this, &req]() -> asio::awaitable<Response> { co_return dispatcher.Handle(req); }, asio::use_awaitable);
    const int status = res.status;
    const std::size_t bytes = res.body.size();
    const bool ok = co_await Write(*conn, req, std::move(res), keep_alive && !stopping, version);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    spdlog::info("[{}] {} {} {} {}B {:.1f}ms {}", req.request_id, req.method,
                 req.target.substr(0, req.target.find('?')), status, bytes, ms, req.remote_ip);
    if (!ok || !keep_alive || stopping) break;
  }
  beast::error_code ec;
  conn->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  conn->stream.close();
  {
    std::lock_guard lock(mu);
    conns.erase(id);
    if (auto it = per_ip.find(remote); it != per_ip.end() && --it->second == 0) per_ip.erase(it);
  }
  --active;
}

Server::Server(ServerOptions options, const Dispatcher& dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), dispatcher)) {}

Server::~Server() { Stop(); }

core::Status Server::Start() {
  auto& im = *impl_;
  try {
    tcp::endpoint ep(asio::ip::make_address(im.opt.host), im.opt.port);
    im.acceptor.open(ep.protocol());
    im.acceptor.set_option(asio::socket_base::reuse_address(true));
    im.acceptor.bind(ep);
    im.acceptor.listen(asio::socket_base::max_listen_connections);
    im.bound_port = im.acceptor.local_endpoint().port();
  } catch (const std::exception& e) {
    core::Error err = core::MakeError(core::Errc::kUnavailable, "server.bind_failed");
    err.log = e.what();
    return err;
  }
  asio::co_spawn(im.ioc, im.Listen(), asio::detached);
  for (int i = 0; i < std::max(1, im.opt.io_threads); ++i) {
    im.threads.emplace_back([&im] { im.ioc.run(); });
  }
  return {};
}

unsigned short Server::port() const { return impl_->bound_port; }

void Server::WaitForSignal() {
  asio::io_context sig_ctx;
  asio::signal_set signals(sig_ctx, SIGINT, SIGTERM);
  signals.async_wait([](const boost::system::error_code&, int sig) {
    spdlog::info("signal {} received: stopping gracefully", sig);
  });
  sig_ctx.run();
  Stop();
}

void Server::Stop() {
  auto& im = *impl_;
  if (im.stopped.exchange(true)) return;
  im.stopping = true;
  asio::post(im.ioc, [&im] {
    beast::error_code ec;
    im.acceptor.close(ec);
  });
  {
    std::lock_guard lock(im.mu);
    for (auto& [id, weak] : im.conns) {
      if (auto c = weak.lock(); c && c->idle) {
        asio::post(c->stream.get_executor(), [c] { c->stream.cancel(); });
      }
    }
  }
  const auto deadline = std::chrono::steady_clock::now() + im.opt.shutdown_grace;
  while (im.active.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  im.ioc.stop();
  for (auto& t : im.threads) {
    if (t.joinable()) t.join();
  }
  im.workers.join();
  spdlog::info("server stopped");
}

}  // namespace tongxin::http
