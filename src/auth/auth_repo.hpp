// SQL for users, unit assignments, sessions, API tokens and login attempts. Every function
// runs on the caller's session (inside the caller's transaction when there is one) and
// throws the driver's exception on failure.
#pragma once

#include <boost/describe/class.hpp>

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
// A person's unit and its path (the scope guard's lookup); nullopt when no such person.
struct PersonScope {
  std::int64_t unit_id = 0;
  std::string unit_path;
};
std::optional<PersonScope> FindPersonScope(soci::session& sql, std::int64_t person_id);

// Active admin, office and department accounts with the paths of their units, for
// choosing who is responsible for something in a unit.
struct AccountScope {
  std::int64_t id = 0;
  std::string name, role;
  std::vector<std::string> paths;
};
std::vector<AccountScope> HandlerAccounts(soci::session& sql);

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
BOOST_DESCRIBE_STRUCT(SessionRow, (), (
    id, user_id, csrf_token, created_at, last_seen_at, absolute_expires_at, ip, user_agent))
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
  std::string expires_at;  // "" = never
};
BOOST_DESCRIBE_STRUCT(TokenRow, (), (
    id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked, expires_at))
std::int64_t InsertToken(soci::session& sql, const TokenRow& t);
std::optional<TokenRow> FindTokenByHash(soci::session& sql, const std::string& hash);
std::vector<TokenRow> ListTokens(soci::session& sql, std::int64_t user_id);
// Returns false when the token does not exist or belongs to someone else.
bool RevokeToken(soci::session& sql, std::int64_t user_id, std::int64_t token_id);
void TouchToken(soci::session& sql, std::int64_t token_id, const std::string& now);

struct LoginAttempt {
  std::string key;  // username, or client address
  int failures = 0;
  std::string first_failure_at;
  std::string locked_until;
};
// Failed logins are counted per account (existing usernames only, so unknown names add
// no rows) and per client address. kAccount / kAddress choose the table.
enum class AttemptKind { kAccount, kAddress };
std::optional<LoginAttempt> FindLoginAttempt(soci::session& sql, AttemptKind kind, const std::string& key);
// Counts one failure atomically (one statement, safe with concurrent logins): a count
// older than window_start starts again at 1. Returns the new count.
int CountFailure(soci::session& sql, AttemptKind kind, const std::string& key, const std::string& now,
                 const std::string& window_start);
void SetLockedUntil(soci::session& sql, AttemptKind kind, const std::string& key, const std::string& until);
void ClearLoginAttempt(soci::session& sql, AttemptKind kind, const std::string& key);
// Retention: counts whose window ended and whose lock expired.
std::int64_t PurgeLoginAttempts(soci::session& sql, const std::string& window_start, const std::string& now);

// Browsers that logged in to an account before (a random cookie, stored hashed).
bool IsKnownDevice(soci::session& sql, const std::string& token_hash, std::int64_t user_id);
void SaveKnownDevice(soci::session& sql, const std::string& token_hash, std::int64_t user_id, const std::string& now);
void DeleteKnownDevices(soci::session& sql, std::int64_t user_id);

// Retention: login, logout and failed-login audit rows older than `before`.
std::int64_t PurgeLoginAudit(soci::session& sql, const std::string& before);

// Revokes every API token of a user (password change or reset). Returns how many.
std::int64_t RevokeUserTokens(soci::session& sql, std::int64_t user_id);

// The oldest administrator account (the CLI acts as it), if there is one.
std::optional<std::int64_t> FirstAdminId(soci::session& sql);
// Whether any account exists (demo data goes only into an empty database).
bool AnyUser(soci::session& sql);

}  // namespace tongxin::auth::repo
