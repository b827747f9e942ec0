// User JSON and validation.
#include "auth/user.hpp"

#include <boost/json.hpp>

#include "core/described_json.hpp"
#include "core/json_reader.hpp"
#include "core/text.hpp"

namespace tongxin::auth {

boost::json::object UserToJson(const User& u) {
  boost::json::object o = core::DescribedToJson(u, {"password_hash"});
  o["role"] = core::RoleName(u.role);
  return o;
}

core::Status CheckPassword(const std::string& password, const std::string& field) {
  if (core::Utf8Length(password) < kMinPasswordLength || password.size() > 256) {
    return core::FieldInvalid(field, "auth.weak_password");
  }
  return {};
}

core::Result<UserInput> ParseUserInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"username", "display_name", "password", "role", "language", "person_id", "active",
                            "unit_ids", "email"});
  UserInput in;
  in.username = r.String("username", create, 64);
  if (in.username) {
    for (char c : *in.username) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-' && c != '@') {
        r.AddError({"username", "validation.invalid_choice", {{"choices", "a-z 0-9 . _ - @"}}});
        in.username.reset();
        break;
      }
    }
    if (in.username) in.username = core::ToLowerAscii(*in.username);
  }
  in.display_name = r.String("display_name", false, 64);
  in.password = r.String("password", create, 256);
  if (in.password) {
    if (auto st = CheckPassword(*in.password, "password"); !st) r.AddError(st.error().fields.front());
  }
  in.role = r.Choice("role", create, {"admin", "office", "department", "leader", "volunteer", "foreign_staff"});
  in.language = r.Choice("language", false, {"zh-CN", "en"});
  in.email = r.String("email", false, 254);
  if (in.email && !in.email->empty() && !core::IsValidEmail(*in.email)) {
    r.AddError({"email", "validation.invalid_email", {}});
    in.email.reset();
  }
  if (r.Has("person_id")) {
    in.person_id_set = true;
    in.person_id = r.Int("person_id", false, 1, INT64_MAX);
  }
  in.active = r.Bool("active", false);
  in.unit_ids = r.IntArray("unit_ids", false, 100);
  TX_CHECK(r.Finish());
  return in;
}

}  // namespace tongxin::auth
