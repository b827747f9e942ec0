// Constructors for the common Error shapes.
#include "core/result.hpp"

namespace tongxin::core {

Error MakeError(Errc code, std::string reason, std::map<std::string, std::string> details) {
  Error e;
  e.code = code;
  e.reason = std::move(reason);
  e.details = std::move(details);
  return e;
}

Error FieldInvalid(std::string field, std::string reason, std::map<std::string, std::string> args) {
  Error e;
  e.code = Errc::kInvalid;
  e.reason = reason;
  e.details["field"] = field;
  e.fields.push_back({std::move(field), std::move(reason), std::move(args)});
  return e;
}

Error NotFound(std::string reason) { return MakeError(Errc::kNotFound, std::move(reason)); }
Error Forbidden(std::string reason) { return MakeError(Errc::kForbidden, std::move(reason)); }
Error Conflict(std::string reason, std::map<std::string, std::string> details) {
  return MakeError(Errc::kConflict, std::move(reason), std::move(details));
}
Error Internal(std::string log) {
  Error e = MakeError(Errc::kInternal, "internal");
  e.log = std::move(log);
  return e;
}

}  // namespace tongxin::core
