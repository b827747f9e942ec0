// HTTP behaviour of the real server: keep-alive, request ids, 404/405, body limits,
// health checks, the connection cap and graceful stop.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

// A raw TCP connection for what a normal client hides.
class RawConn {
 public:
  explicit RawConn(unsigned short port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    timeval tv{5, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~RawConn() { close(fd_); }
  bool connected() const { return connected_; }
  void Send(const std::string& s) { (void)!write(fd_, s.data(), s.size()); }
  // Sends all of `s` unless the peer stops the connection (no SIGPIPE then).
  void SendAll(const std::string& s) {
    std::size_t done = 0;
    while (done < s.size()) {
      ssize_t n = send(fd_, s.data() + done, s.size() - done, MSG_NOSIGNAL);
      if (n <= 0) return;
      done += static_cast<std::size_t>(n);
    }
  }
  // Reads until the peer closes or `until` appears or the timeout passes.
  std::string Read(const std::string& until = "") {
    std::string out;
    char buf[4096];
    for (;;) {
      ssize_t n = read(fd_, buf, sizeof buf);
      if (n <= 0) break;
      out.append(buf, static_cast<std::size_t>(n));
      if (!until.empty() && out.find(until) != std::string::npos) break;
    }
    return out;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

TEST(ServerTest, HealthAndReadiness) {
  TestServer server({.demo_data = false});
  auto c = server.Anonymous();
  EXPECT_EQ(c->Get("/healthz").status, 200);
  auto ready = c->Get("/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.Json().at("status").as_string(), "ready");
}

TEST(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  TestServer server({.demo_data = false});
  RawConn conn(server.app().port());
  ASSERT_TRUE(conn.connected());
  conn.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::string all = conn.Read();
  std::size_t first = all.find("HTTP/1.1 200");
  ASSERT_NE(first, std::string::npos);
  EXPECT_NE(all.find("HTTP/1.1 200", first + 1), std::string::npos) << all;
}

TEST(ServerTest, EveryResponseCarriesARequestId) {
  TestServer server({.demo_data = false});
  auto c = server.Anonymous();
  auto a = c->Get("/api/v1/nothing-here");
  EXPECT_EQ(a.status, 404);
  EXPECT_EQ(a.ErrorCode(), "request.not_found");
  EXPECT_FALSE(a.Header("x-request-id").empty());
  EXPECT_NE(a.Header("x-request-id"), c->Get("/healthz").Header("x-request-id"));
  auto given = c->Request("GET", "/healthz", "", {{"X-Request-Id", "lb-1234"}});
  EXPECT_EQ(given.Header("x-request-id"), "lb-1234");
  auto bad = c->Request("GET", "/healthz", "", {{"X-Request-Id", "<script>"}});
  EXPECT_NE(bad.Header("x-request-id"), "<script>");
}

TEST(ServerTest, WrongMethodIs405WithAllow) {
  TestServer server({.demo_data = false});
  auto res = server.Anonymous()->Request("PUT", "/api/v1/auth/login");
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.Header("allow"), "POST");
  EXPECT_EQ(res.ErrorCode(), "request.method_not_allowed");
}

TEST(ServerTest, OversizeBodiesAre413BeforeTheyAreRead) {
  TestServer server({.demo_data = false, .max_body = 4096});
  auto c = server.Anonymous();
  auto res = c->Request("POST", "/api/v1/auth/login", std::string(10000, 'x'), {{"Content-Type", "application/json"}});
  EXPECT_EQ(res.status, 413);
  EXPECT_EQ(res.ErrorCode(), "request.too_large");
  // Chunked bodies are limited while they stream.
  RawConn conn(server.app().port());
  std::string chunk(3000, 'a');
  char size[16];
  std::snprintf(size, sizeof size, "%zx", chunk.size());
  conn.Send("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n" + std::string(size) + "\r\n" + chunk + "\r\n" + std::string(size) +
            "\r\n" + chunk + "\r\n0\r\n\r\n");
  EXPECT_NE(conn.Read("\r\n\r\n").find("413"), std::string::npos);
  // The server is still fine.
  EXPECT_EQ(c->Get("/healthz").status, 200);
}

// A client that sends the whole of a refused body (as a browser uploading too large a file
// does) still reads the 413: the server drains what comes before it closes, so the kernel
// does not answer the unread bytes with a reset that would lose the response.
TEST(ServerTest, AClientStillSendingARefusedBodyReadsThe413) {
  TestServer server({.demo_data = false, .max_body = 4096});
  for (int round = 0; round < 3; ++round) {
    RawConn conn(server.app().port());
    ASSERT_TRUE(conn.connected());
    const std::size_t size = 8 * 1024 * 1024;
    std::thread sender([&] {
      conn.SendAll("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                   "Content-Length: " + std::to_string(size) + "\r\n\r\n");
      conn.SendAll(std::string(size, 'x'));
    });
    const std::string reply = conn.Read();
    sender.join();
    EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply.substr(0, 200);
    EXPECT_NE(reply.find("request.too_large"), std::string::npos);
  }
  EXPECT_EQ(server.Anonymous()->Get("/healthz").status, 200);
}

TEST(ServerTest, ConnectionsBeyondTheCapGet503) {
  TestServer server({.demo_data = false, .max_connections = 2});
  RawConn a(server.app().port()), b(server.app().port());
  a.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  b.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_NE(a.Read("}").find("200"), std::string::npos);
  ASSERT_NE(b.Read("}").find("200"), std::string::npos);
  RawConn c(server.app().port());
  c.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string third = c.Read();
  EXPECT_NE(third.find("503"), std::string::npos) << third;
  EXPECT_NE(third.find("server.overloaded"), std::string::npos);
}

TEST(ServerTest, GarbageAndOversizeHeadersAreAnsweredAndTheServerCarriesOn) {
  TestServer server({.demo_data = false});
  {
    RawConn conn(server.app().port());
    conn.Send("THIS IS NOT HTTP\r\n\r\n");
    const std::string reply = conn.Read();
    EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
    EXPECT_NE(reply.find("request.malformed"), std::string::npos) << reply;
    EXPECT_NE(reply.find("Connection: close"), std::string::npos) << reply;
  }
  {
    RawConn conn(server.app().port());
    conn.Send("GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");  // header over 16 KiB
    const std::string reply = conn.Read();
    EXPECT_EQ(reply.rfind("HTTP/1.1 431", 0), 0u) << reply.substr(0, 200);
    EXPECT_NE(reply.find("request.header_too_large"), std::string::npos);
  }
  {
    RawConn conn(server.app().port());
    conn.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n");  // then the peer goes away mid-header
  }
  EXPECT_EQ(server.Anonymous()->Get("/healthz").status, 200);
}

TEST(ServerTest, OneClientAddressCannotTakeEveryConnection) {
  TestServer server({.demo_data = false, .max_connections_per_ip = 2});
  RawConn a(server.app().port()), b(server.app().port());
  a.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  b.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_NE(a.Read("}").find("200"), std::string::npos);
  ASSERT_NE(b.Read("}").find("200"), std::string::npos);
  {
    RawConn c(server.app().port());
    c.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    const std::string third = c.Read();
    EXPECT_NE(third.find("503"), std::string::npos) << third;
    EXPECT_NE(third.find("server.overloaded"), std::string::npos);
  }
  // Closing one frees its place.
  a.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  a.Read();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(server.Anonymous()->Get("/healthz").status, 200);
}

TEST(ServerTest, BodiesOverTheAnonymousLimitAreReadOnlyForAuthenticatedCallers) {
  TestServer server;
  // An import accepts 20 MiB, but not from someone who is not logged in: refused from the
  // headers alone, before the body is sent.
  RawConn conn(server.app().port());
  conn.Send("POST /api/v1/people/imports HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
            "Content-Length: 5000000\r\n\r\n");
  const std::string reply = conn.Read("}");
  EXPECT_EQ(reply.rfind("HTTP/1.1 413", 0), 0u) << reply;
  EXPECT_NE(reply.find("\"max\":\"65536\""), std::string::npos) << reply;
  // A logged-in office may send it (the file is refused for its content, not its size).
  auto office = server.As("office");
  const std::string big = "name,category\n" + std::string(200000, 'x') + ",staff\n";
  auto res = office->Request("POST", "/api/v1/people/imports", big, {{"Content-Type", "text/csv"}});
  EXPECT_NE(res.status, 413) << res.body;
  auto anonymous = server.Anonymous()->Request("POST", "/api/v1/people/imports", big, {{"Content-Type", "text/csv"}});
  EXPECT_EQ(anonymous.status, 413);
}

TEST(ServerTest, StopLetsInFlightRequestsFinish) {
  auto server = std::make_unique<TestServer>();
  auto c = server->Anonymous();
  long status = 0;
  // A login spends ~0.1 s hashing on a worker thread: stop the server during it.
  std::thread t([&] { status = c->Login("office", kPassword).status; });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  server->app().Stop();
  t.join();
  EXPECT_EQ(status, 200);
  EXPECT_THROW(server->Anonymous()->Get("/healthz"), std::runtime_error);  // no longer listening
}

}  // namespace
}  // namespace tongxin::testing
