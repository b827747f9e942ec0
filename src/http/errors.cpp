// Errc -> status and error bodies.
#include "http/errors.hpp"

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

namespace tongxin::http {

int StatusFor(core::Errc code) {
  switch (code) {
    case core::Errc::kInvalid: return 400;
    case core::Errc::kUnauthenticated: return 401;
    case core::Errc::kForbidden: return 403;
    case core::Errc::kNotFound: return 404;
    case core::Errc::kMethodNotAllowed: return 405;
    case core::Errc::kConflict: return 409;
    case core::Errc::kTooLarge: return 413;
    case core::Errc::kUnsupportedMedia: return 415;
    case core::Errc::kHeaderTooLarge: return 431;
    case core::Errc::kTooManyRequests: return 429;
    case core::Errc::kUnavailable: return 503;
    case core::Errc::kInternal: return 500;
  }
  return 500;
}

Response ErrorResponse(const core::Error& error, core::Lang lang, const std::string& request_id) {
  core::Error shown = error;
  if (error.code == core::Errc::kInternal) {
    spdlog::error("[{}] internal error: {}", request_id, error.log);
    shown = core::MakeError(core::Errc::kInternal, "internal", {{"request_id", request_id}});
  } else if (!error.log.empty()) {
    spdlog::warn("[{}] {}: {}", request_id, error.reason, error.log);
  }
  boost::json::object details;
  for (const auto& [k, v] : shown.details) details[k] = v;
  if (!shown.fields.empty()) {
    boost::json::array fields;
    for (const auto& f : shown.fields) {
      fields.push_back({{"field", f.field}, {"code", f.reason}, {"message", core::FieldMessage(f, lang)}});
    }
    details["fields"] = std::move(fields);
  }
  boost::json::object body{{"error",
                            {{"code", shown.reason},
                             {"message", core::Message(shown, lang)},
                             {"details", std::move(details)}}}};
  Response r = JsonResponse(body, StatusFor(shown.code));
  r.SetHeader("Content-Language", std::string(core::LangCode(lang)));
  if (auto it = shown.details.find("allow"); it != shown.details.end()) r.SetHeader("Allow", it->second);
  if (auto it = shown.details.find("retry_after"); it != shown.details.end()) r.SetHeader("Retry-After", it->second);
  return r;
}

}  // namespace tongxin::http
