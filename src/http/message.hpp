// Request and Response as the rest of the program sees them: plain data, no Beast.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tongxin::http {

struct Request {
  std::string method;      // "GET", "POST", ...
  std::string target;      // raw request target, e.g. "/api/v1/people?page=2"
  std::string path;        // percent-decoded path (set by the dispatcher)
  std::map<std::string, std::string> query;    // decoded query parameters, first wins
  std::map<std::string, std::string> headers;  // lower-case names
  std::map<std::string, std::string> params;   // path parameters, e.g. {"id": "7"}
  std::string body;
  std::string remote_ip;
  std::string request_id;

  // Header value or "" (name in lower case).
  std::string Header(std::string_view name) const;
  // Cookie value or "".
  std::string Cookie(std::string_view name) const;
  // Query value or fallback.
  std::string Query(std::string_view name, std::string fallback = "") const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  void SetHeader(std::string name, std::string value);
  std::string GetHeader(std::string_view name) const;
};

// 200 (or status) with a JSON body.
Response JsonResponse(const boost::json::value& body, int status = 200);
Response NoContent();
// A file download; filename may contain UTF-8 (sent as RFC 5987 filename*).
Response FileResponse(std::string bytes, std::string content_type, const std::string& filename);

inline bool IsWriteMethod(std::string_view m) { return m != "GET" && m != "HEAD" && m != "OPTIONS"; }

}  // namespace tongxin::http
