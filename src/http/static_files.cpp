// Static file serving for the web app.
#include "http/static_files.hpp"

#include <fstream>
#include <sstream>

namespace tongxin::http {
namespace fs = std::filesystem;
namespace {

std::string ContentType(const fs::path& p) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".jpg", "image/jpeg"}, {".ico", "image/x-icon"}, {".woff2", "font/woff2"},
      {".woff", "font/woff"}, {".ttf", "font/ttf"}, {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"}, {".map", "application/json"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".csv", "text/csv; charset=utf-8"}};
  const std::string ext = p.extension().string();
  for (const auto& [e, t] : kTypes) {
    if (ext == e) return t;
  }
  return "application/octet-stream";
}

bool ReadFile(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

StaticFiles::StaticFiles(fs::path root) : root_(fs::weakly_canonical(std::move(root))) {}

std::optional<fs::path> StaticFiles::SafeRelative(const std::string& url_path) {
  if (url_path.empty() || url_path.front() != '/') return std::nullopt;
  if (url_path.find('\0') != std::string::npos || url_path.find('\\') != std::string::npos) return std::nullopt;
  fs::path rel;
  std::size_t pos = 1;
  while (pos <= url_path.size()) {
    std::size_t end = url_path.find('/', pos);
    if (end == std::string::npos) end = url_path.size();
    std::string seg = url_path.substr(pos, end - pos);
    if (seg == "..") return std::nullopt;
    if (!seg.empty() && seg != ".") rel /= seg;
    pos = end + 1;
  }
  return rel;
}

core::Result<Response> StaticFiles::Serve(const Request& req) const {
  auto rel = SafeRelative(req.path);
  if (!rel) return core::MakeError(core::Errc::kInvalid, "request.bad_path");
  fs::path file = root_ / *rel;
  std::error_code ec;
  if (!rel->empty() && fs::is_regular_file(file, ec)) {
    // Symlinks must not lead out of the root either.
    fs::path real = fs::canonical(file, ec);
    auto root_str = root_.string() + "/";
    if (ec || real.string().rfind(root_str, 0) != 0) return core::NotFound("request.not_found");
    const bool immutable = rel->begin() != rel->end() && *rel->begin() == "assets";
    return FileAt(req, real, immutable);
  }
  // App routes (no extension) fall back to index.html; missing assets are 404.
  if (rel->has_extension()) return core::NotFound("request.not_found");
  return FileAt(req, root_ / "index.html", false);
}

core::Result<Response> StaticFiles::FileAt(const Request& req, const fs::path& file, bool immutable) const {
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  if (ec) return core::NotFound("request.not_found");
  auto mtime = fs::last_write_time(file, ec).time_since_epoch().count();
  const std::string etag = "\"" + std::to_string(size) + "-" + std::to_string(mtime) + "\"";
  Response r;
  r.SetHeader("ETag", etag);
  r.SetHeader("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  r.SetHeader("Vary", "Accept-Encoding");
  r.SetHeader("Content-Type", ContentType(file));
  if (file.extension() == ".html") {
    r.SetHeader("X-Frame-Options", "DENY");
    r.SetHeader("Referrer-Policy", "same-origin");
    r.SetHeader("Content-Security-Policy",
                "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                "font-src 'self' data:; frame-ancestors 'none'");
  }
  if (req.Header("if-none-match") == etag) {
    r.status = 304;
    return r;
  }
  const bool gzip_ok = req.Header("accept-encoding").find("gzip") != std::string::npos;
  fs::path gz = file;
  gz += ".gz";
  if (gzip_ok && fs::is_regular_file(gz, ec) && ReadFile(gz, &r.body)) {
    r.SetHeader("Content-Encoding", "gzip");
    return r;
  }
  if (!ReadFile(file, &r.body)) return core::NotFound("request.not_found");
  return r;
}

}  // namespace tongxin::http
