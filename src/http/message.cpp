// Request accessors and Response builders.
#include "http/message.hpp"

#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace tongxin::http {

std::string Request::Header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  return it == headers.end() ? "" : it->second;
}

std::string Request::Cookie(std::string_view name) const {
  const std::string all = Header("cookie");
  std::size_t pos = 0;
  while (pos < all.size()) {
    std::size_t end = all.find(';', pos);
    if (end == std::string::npos) end = all.size();
    std::string_view item(all.data() + pos, end - pos);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    auto eq = item.find('=');
    if (eq != std::string_view::npos && item.substr(0, eq) == name) return std::string(item.substr(eq + 1));
    pos = end + 1;
  }
  return "";
}

std::string Request::Query(std::string_view name, std::string fallback) const {
  auto it = query.find(std::string(name));
  return it == query.end() ? fallback : it->second;
}

void Response::SetHeader(std::string name, std::string value) {
  for (auto& [k, v] : headers) {
    if (k == name) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::string Response::GetHeader(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return "";
}

Response JsonResponse(const boost::json::value& body, int status) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(body);
  r.SetHeader("Content-Type", "application/json; charset=utf-8");
  return r;
}

Response NoContent() {
  Response r;
  r.status = 204;
  return r;
}

Response FileResponse(std::string bytes, std::string content_type, const std::string& filename) {
  Response r;
  r.body = std::move(bytes);
  r.SetHeader("Content-Type", std::move(content_type));
  std::string ascii;
  for (char c : filename) ascii.push_back((static_cast<unsigned char>(c) < 0x80 && c != '"') ? c : '_');
  std::string encoded = boost::urls::encode(filename, boost::urls::unreserved_chars);
  r.SetHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
  return r;
}

}  // namespace tongxin::http
