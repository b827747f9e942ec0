// JSON body parsing.
#include "http/json_body.hpp"

#include <boost/json/parse.hpp>

#include "core/text.hpp"

namespace tongxin::http {

core::Result<boost::json::object> ParseJsonObject(const Request& req) {
  if (!core::IsValidUtf8(req.body)) return core::MakeError(core::Errc::kInvalid, "request.invalid_utf8");
  boost::json::parse_options opts;
  opts.max_depth = 32;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(req.body, ec, {}, opts);
  if (ec) {
    return core::MakeError(core::Errc::kInvalid, "request.invalid_json", {{"detail", ec.message()}});
  }
  if (!v.is_object()) return core::MakeError(core::Errc::kInvalid, "request.expected_object");
  return std::move(v.as_object());
}

}  // namespace tongxin::http
