// Request dispatch.
#include "http/dispatcher.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <spdlog/spdlog.h>

#include "core/text.hpp"
#include "http/errors.hpp"

namespace tongxin::http {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

bool IsJsonContentType(const std::string& ct) {
  return ct.rfind("application/json", 0) == 0;
}

}  // namespace

Dispatcher::Dispatcher(Router router, Authenticator auth, ReadinessCheck ready, std::size_t default_max_body)
    : router_(std::move(router)), auth_(std::move(auth)), ready_(std::move(ready)), default_max_body_(default_max_body) {}

std::size_t Dispatcher::BodyLimitFor(const std::string& method, const std::string& target) const {
  std::string path = target.substr(0, target.find('?'));
  Match m = router_.Find(method, path);
  if (m.route && m.route->max_body > 0) return m.route->max_body;
  return default_max_body_;
}

bool Dispatcher::Authenticated(const Request& req) const {
  auto who = auth_(req);
  return who.ok() && who.value().has_value();
}

Response Dispatcher::Handle(Request& req) const {
  core::Lang lang = core::FromAcceptLanguage(req.Header("accept-language"));
  Response res;
  try {
    auto result = Route(req, lang);
    res = result.ok() ? std::move(result.value()) : ErrorResponse(result.error(), lang, req.request_id);
  } catch (const std::exception& e) {
    res = ErrorResponse(core::Internal(std::string("unhandled exception: ") + e.what()), lang, req.request_id);
  } catch (...) {
    res = ErrorResponse(core::Internal("unhandled non-standard exception"), lang, req.request_id);
  }
  res.SetHeader("X-Request-Id", req.request_id);
  res.SetHeader("X-Content-Type-Options", "nosniff");
  if (hsts_) res.SetHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (req.path.rfind("/api/", 0) == 0 && res.GetHeader("Cache-Control").empty()) {
    res.SetHeader("Cache-Control", "no-store");
  }
  return res;
}

core::Result<Response> Dispatcher::Route(Request& req, core::Lang& lang) const {
  // Scripts sometimes send raw UTF-8 (?q=王芳): encode it as a browser would.
  std::string target;
  for (unsigned char c : req.target) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    if (c >= 0x80) {
      target += '%';
      target += kHex[c >> 4];
      target += kHex[c & 15];
    } else {
      target += static_cast<char>(c);
    }
  }
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return core::MakeError(core::Errc::kInvalid, "request.bad_path");
  req.path = parsed->path();
  if (req.path.find('\0') != std::string::npos) return core::MakeError(core::Errc::kInvalid, "request.bad_path");
  for (auto p : parsed->params()) req.query.emplace(p.key, p.value);

  if (req.path == "/healthz") return JsonResponse({{"status", "ok"}});
  if (req.path == "/readyz") {
    TX_TRY(st, ready_());
    return JsonResponse({{"status", "ready"}});
  }
  if (req.path.rfind("/api/", 0) != 0) {
    if ((req.method == "GET" || req.method == "HEAD") && static_) return static_->Serve(req);
    return core::NotFound("request.not_found");
  }

  Match m = router_.Find(req.method, req.path);
  if (!m.route) {
    if (m.allowed.empty()) return core::NotFound("request.not_found");
    core::Error e = core::MakeError(core::Errc::kMethodNotAllowed, "request.method_not_allowed",
                                    {{"allow", Join(m.allowed)}});
    return e;
  }
  const http::Route& route = *m.route;
  req.params = std::move(m.params);

  TX_TRY(principal, auth_(req));
  const std::optional<core::Principal>& user = principal.value();
  if (user && user->language) lang = *user->language;

  if (!route.access.is_public) {
    if (!user) return core::MakeError(core::Errc::kUnauthenticated, "auth.unauthenticated");
    if (!route.access.roles.Has(user->role)) return core::Forbidden();
  }
  if (user && !user->via_token && IsWriteMethod(req.method) && !route.csrf_exempt) {
    if (user->csrf_token.empty() || !core::ConstantTimeEquals(req.Header("x-csrf-token"), user->csrf_token)) {
      return core::Forbidden("auth.csrf");
    }
  }
  if (route.body == BodyKind::kJson && IsWriteMethod(req.method) && !IsJsonContentType(req.Header("content-type"))) {
    return core::MakeError(core::Errc::kUnsupportedMedia, "request.unsupported_media_type",
                           {{"content_type", req.Header("content-type")}, {"expected", "application/json"}});
  }
  Context ctx{req, user ? &*user : nullptr, lang};
  auto res = route.handler(ctx);
  if (res.ok() && res->status < 300 && !route.audit_read.empty() && user && audit_ &&
      (!route.audit_only_unmasked || user->MaySeeIdentifiers())) {
    // The answer goes out only once its read is on record.
    TX_CHECK(audit_(req, *user, route.audit_read));
  }
  return res;
}

}  // namespace tongxin::http
