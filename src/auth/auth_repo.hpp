// SQL for users, unit assignments, sessions, API tokens and login attempts. Every function
// runs on the caller's session (inside the caller's transaction when there is one) and
// throws the driver's exception on failure.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/user.hpp"

namespace tongxin::auth::repo {

std::optional<User> FindUserByName(soci::session& sql, const std::string& username);
std::optional<User> FindUserById(soci::session& sql, std::int64_t id);
std::vector<User> ListUsers(soci::session& sql, const std::string& search);
std::int64_t InsertUser(soci::session& sql, const User& u);
void UpdateUser(soci::session& sql, const User& u);  // all columns but created_at
void SetUserUnits(soci::session& sql, std::int64_t user_id, const std::vector<std::int64_t>& unit_ids);
// Materialised paths of the given units ("/1/4/"); unknown ids are skipped.
std::vector<std::string> UnitPaths(soci::session& sql, const std::vector<std::int64_t>& unit_ids);
bool UnitExists(soci::session& sql, std::int64_t unit_id);
bool PersonExists(soci::session& sql, std::int64_t person_id);

struct SessionRow {
  std::string id;  // hash of the cookie token
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string absolute_expires_at;
  std::string ip;
  std::string user_agent;
};
void InsertSession(soci::session& sql, const SessionRow& s);
std::optional<SessionRow> FindSession(soci::session& sql, const std::string& id);
void TouchSession(soci::session& sql, const std::string& id, const std::string& now);
void DeleteSession(soci::session& sql, const std::string& id);
// Deletes every session of a user except `keep` (may be empty).
void DeleteUserSessions(soci::session& sql, std::int64_t user_id, const std::string& keep);

struct TokenRow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;
  std::string token_hash;
  std::string prefix;  // first characters, to recognise a token in lists
  std::string created_at;
  std::string last_used_at;
  bool revoked = false;
};
std::int64_t InsertToken(soci::session& sql, const TokenRow& t);
std::optional<TokenRow> FindTokenByHash(soci::session& sql, const std::string& hash);
std::vector<TokenRow> ListTokens(soci::session& sql, std::int64_t user_id);
// Returns false when the token does not exist or belongs to someone else.
bool RevokeToken(soci::session& sql, std::int64_t user_id, std::int64_t token_id);
void TouchToken(soci::session& sql, std::int64_t token_id, const std::string& now);

struct LoginAttempt {
  std::string username;
  int failures = 0;
  std::string first_failure_at;
  std::string locked_until;
};
std::optional<LoginAttempt> FindLoginAttempt(soci::session& sql, const std::string& username);
void SaveLoginAttempt(soci::session& sql, const LoginAttempt& a);
void ClearLoginAttempt(soci::session& sql, const std::string& username);

}  // namespace tongxin::auth::repo
