// A real HTTP/1.1 server for tests on 127.0.0.1 (ephemeral port), standing in for a WeCom
// or DingTalk robot or an SMS gateway: it keeps every request (method, target, headers,
// body) and answers each with the next queued reply, else the default one.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "support/loopback_server.hpp"

namespace tongxin::testing {

struct ReceivedRequest {
  std::string method, target, body;
  std::map<std::string, std::string> headers;  // names lower-case
};

struct CannedReply {
  int status = 200;
  std::string body = R"({"errcode":0,"errmsg":"ok"})";
};

class HttpListener {
 public:
  HttpListener();
  std::string url(const std::string& path = "/hook") const {
    return "http://127.0.0.1:" + std::to_string(server_.port()) + path;
  }
  void SetDefault(CannedReply reply);
  // The next n requests get this reply.
  void ReplyNext(int n, CannedReply reply);
  std::vector<ReceivedRequest> Requests();
  bool WaitFor(std::size_t n, std::chrono::milliseconds timeout = std::chrono::seconds(10));

 private:
  void Serve(int fd);
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<ReceivedRequest> requests_;
  std::deque<CannedReply> next_;
  CannedReply default_;
  LoopbackServer server_;  // last: its thread stops before the members it uses go
};

}  // namespace tongxin::testing
