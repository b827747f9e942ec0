// libcurl client for tests.
#include "support/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <stdexcept>

namespace tongxin::testing {
namespace {

size_t OnBody(char* data, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  std::string line(data, size * n);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    static_cast<std::multimap<std::string, std::string>*>(user)->emplace(name, value);
  }
  return size * n;
}

}  // namespace

std::string HttpResponse::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

boost::json::value HttpResponse::Json() const { return boost::json::parse(body); }

std::string HttpResponse::ErrorCode() const {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object() || !v.as_object().contains("error")) return "";
  return std::string(v.at("error").at("code").as_string());
}

std::string HttpResponse::ErrorField() const {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object() || !v.as_object().contains("error")) return "";
  const auto* details = v.at("error").as_object().if_contains("details");
  if (!details || !details->is_object()) return "";
  const auto* field = details->as_object().if_contains("field");
  return field && field->is_string() ? std::string(field->as_string()) : "";
}

HttpClient::HttpClient(std::string base_url) : base_(std::move(base_url)), curl_(curl_easy_init()) {
  if (!curl_) throw std::runtime_error("curl_easy_init failed");
  curl_easy_setopt(curl_, CURLOPT_COOKIEFILE, "");  // enable the in-memory cookie engine
  curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl_, CURLOPT_PATH_AS_IS, 1L);  // send "/../" as written
}

HttpClient::~HttpClient() { curl_easy_cleanup(curl_); }

HttpResponse HttpClient::Request(const std::string& method, const std::string& path, const std::string& body,
                                 std::map<std::string, std::string> headers) {
  HttpResponse res;
  CURL* c = static_cast<CURL*>(curl_);
  const std::string url = base_ + path;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(c, CURLOPT_NOBODY, method == "HEAD" ? 1L : 0L);
  curl_easy_setopt(c, CURLOPT_HTTPGET, method == "GET" ? 1L : 0L);
  if (method != "GET" && method != "HEAD") {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &res.body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &res.headers);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
  if (!headers.count("Accept-Language") && !accept_language_.empty()) headers["Accept-Language"] = accept_language_;
  if (!csrf_.empty() && !headers.count("X-CSRF-Token")) headers["X-CSRF-Token"] = csrf_;
  if (!bearer_.empty()) headers["Authorization"] = "Bearer " + bearer_;
  headers.emplace("Expect", "");
  curl_slist* list = nullptr;
  for (const auto& [k, v] : headers) list = curl_slist_append(list, (k + ": " + v).c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
  CURLcode rc = curl_easy_perform(c);
  curl_slist_free_all(list);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
  if (rc != CURLE_OK) throw std::runtime_error(std::string("curl: ") + curl_easy_strerror(rc));
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &res.status);
  return res;
}

HttpResponse HttpClient::Post(const std::string& path, const boost::json::value& body) {
  return Request("POST", path, boost::json::serialize(body), {{"Content-Type", "application/json"}});
}

HttpResponse HttpClient::Patch(const std::string& path, const boost::json::value& body) {
  return Request("PATCH", path, boost::json::serialize(body), {{"Content-Type", "application/json"}});
}

HttpResponse HttpClient::Put(const std::string& path, const boost::json::value& body) {
  return Request("PUT", path, boost::json::serialize(body), {{"Content-Type", "application/json"}});
}

HttpResponse HttpClient::Login(const std::string& username, const std::string& password) {
  auto res = Post("/api/v1/auth/login", {{"username", username}, {"password", password}});
  if (res.status == 200) csrf_ = std::string(res.Json().at("csrf_token").as_string());
  return res;
}

}  // namespace tongxin::testing
