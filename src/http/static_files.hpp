// Serves the built web app: ETag and Cache-Control, pre-compressed .gz variants, the SPA
// fallback to index.html, and no way out of the root. Thread-safe (read-only state).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "http/message.hpp"

namespace tongxin::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // Response for a GET/HEAD of a non-API path: the file, 304, index.html for app routes,
  // or kNotFound / kInvalid (request.bad_path) for traversal attempts.
  core::Result<Response> Serve(const Request& req) const;

  // The relative path for a decoded URL path, or nullopt when it would leave the root
  // (.. segments, backslashes, NUL, absolute components).
  static std::optional<std::filesystem::path> SafeRelative(const std::string& url_path);

 private:
  core::Result<Response> FileAt(const Request& req, const std::filesystem::path& file, bool immutable) const;
  std::filesystem::path root_;
};

}  // namespace tongxin::http
