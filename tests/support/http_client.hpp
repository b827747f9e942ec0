// A small HTTP client for API tests (libcurl): keeps cookies like a browser and sends the
// CSRF token after login, so tests speak to the real server on a real port.
#pragma once

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tongxin::testing {

struct HttpResponse {
  long status = 0;
  std::multimap<std::string, std::string> headers;  // lower-case names
  std::string body;

  std::string Header(const std::string& name) const;
  boost::json::value Json() const;
  // error.code of an error body, or "".
  std::string ErrorCode() const;
  // error.details.field (the first field the error names), or "".
  std::string ErrorField() const;
};

class HttpClient {
 public:
  explicit HttpClient(std::string base_url);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse Request(const std::string& method, const std::string& path, const std::string& body = "",
                       std::map<std::string, std::string> headers = {});
  HttpResponse Get(const std::string& path) { return Request("GET", path); }
  // JSON requests (Content-Type: application/json).
  HttpResponse Post(const std::string& path, const boost::json::value& body);
  HttpResponse Patch(const std::string& path, const boost::json::value& body);
  HttpResponse Put(const std::string& path, const boost::json::value& body);
  HttpResponse Delete(const std::string& path) { return Request("DELETE", path); }

  // Logs in; on success remembers the CSRF token for later writes.
  HttpResponse Login(const std::string& username, const std::string& password);
  void SetLanguage(const std::string& accept_language) { accept_language_ = accept_language; }
  void SetBearer(const std::string& token) { bearer_ = token; }
  void SetCsrf(const std::string& token) { csrf_ = token; }
  const std::string& csrf() const { return csrf_; }

 private:
  std::string base_;
  void* curl_;
  std::string csrf_;
  std::string bearer_;
  std::string accept_language_ = "en";
};

}  // namespace tongxin::testing
