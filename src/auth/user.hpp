// User accounts: the entity, its JSON form and validation of create/update input.
#pragma once

#include <boost/describe/class.hpp>

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/roles.hpp"

namespace tongxin::auth {

inline constexpr std::size_t kMinPasswordLength = 10;

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string password_hash;
  core::Role role = core::Role::kForeignStaff;
  std::string language;  // "zh-CN", "en" or "" (follow the browser)
  std::string email;     // where notifications are emailed ("" = the linked person's, or none)
  std::optional<std::int64_t> person_id;
  std::string person_name;  // the linked person's name (read only)
  bool active = true;
  std::vector<std::int64_t> unit_ids;  // data scope
  std::string created_at;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(User, (), (
    id, username, display_name, password_hash, role, language, email, person_id, person_name, active, unit_ids,
    created_at,
    updated_at))

// Never includes the password hash.
boost::json::object UserToJson(const User& u);

struct UserInput {
  std::optional<std::string> username;
  std::optional<std::string> display_name;
  std::optional<std::string> password;
  std::optional<std::string> role;
  std::optional<std::string> language;
  std::optional<std::string> email;
  bool person_id_set = false;
  std::optional<std::int64_t> person_id;  // with person_id_set: null unlinks
  std::optional<bool> active;
  std::optional<std::vector<std::int64_t>> unit_ids;
};

// create: username, password and role are required. Errors: kInvalid naming each field.
core::Result<UserInput> ParseUserInput(const boost::json::object& body, bool create);
// kInvalid auth.weak_password when too short.
core::Status CheckPassword(const std::string& password, const std::string& field);

}  // namespace tongxin::auth
