// Accounts and sessions: login with throttling, session and token authentication,
// logout, password change and reset, user administration, API tokens.
// Thread-safe; every method blocks on the database (call from the worker pool).
#pragma once

#include <mutex>
#include <unordered_map>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/audit.hpp"
#include "auth/auth_repo.hpp"
#include "auth/user.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "storage/database.hpp"

namespace tongxin::auth {

struct AuthSettings {
  std::chrono::seconds session_idle{std::chrono::hours(2)};
  std::chrono::seconds session_absolute{std::chrono::hours(12)};
  // Throttling (see Login): after max_failures failed logins to an account within
  // failure_window, each further attempt waits first_delay, doubling per failure up to
  // lockout; max_address_failures from one client address throttle that address alike.
  int max_failures = 5;
  int max_address_failures = 30;
  std::chrono::seconds failure_window{std::chrono::minutes(15)};
  std::chrono::seconds first_delay{std::chrono::seconds(30)};
  std::chrono::seconds lockout{std::chrono::minutes(15)};
  int login_audit_retention_days = 365;  // login, logout and failed-login audit rows
};

struct LoginResult {
  std::string session_token;  // goes into the HttpOnly cookie; only its hash is stored
  std::string csrf_token;
  std::string device_token;   // the known-device cookie (long-lived, stored hashed)
  User user;
};

struct TokenInfo {
  std::int64_t id = 0;
  std::string name;
  std::string prefix;
  std::string created_at;
  std::string last_used_at;
  std::string expires_at;  // "" = never
};

class AuthService {
 public:
  AuthService(storage::Database& db, const core::Clock& clock, AuthSettings settings);

  // Throttled per account and per client address with a growing delay (429
  // auth.too_many_attempts, details.retry_after), never by a lock a stranger can hold:
  // a browser that logged in to the account before (device_token from its known-device
  // cookie) is exempt, and a password reset lifts the account's delay. Unknown usernames
  // count against the address only (no rows per name). Counters update atomically.
  // A user without a saved language keeps `language` (zh-CN or en), the one the sign-in
  // page was in, as part of the login (audited with it, not as an edit of the user).
  // Errors: auth.bad_credentials (401; details.attempts_left when 2 or fewer attempts
  // remain before logins are delayed), auth.too_many_attempts (429), auth.user_inactive (403).
  core::Result<LoginResult> Login(const std::string& username, const std::string& password, const Actor& actor,
                                  const std::string& user_agent, const std::string& device_token = "",
                                  const std::string& language = "");
  // Retention: expired failure counts, and login/logout audit rows older than
  // login_audit_retention_days. Returns the rows deleted.
  core::Result<std::int64_t> PurgeLoginRecords();
  core::Status Logout(const core::Principal& who, const Actor& actor);
  // nullopt when the credentials are absent, unknown or expired.
  core::Result<std::optional<core::Principal>> Authenticate(const std::string& session_token,
                                                            const std::string& bearer_token);

  // Errors: auth.wrong_password, auth.weak_password. Other sessions of the user end and
  // their API tokens are revoked.
  core::Status ChangePassword(const core::Principal& who, const std::string& current, const std::string& next,
                              const Actor& actor);
  // The caller's own language and notification email (each optional). Errors: field errors.
  core::Status UpdateProfile(const core::Principal& who, const std::optional<std::string>& language,
                             const std::optional<std::string>& email, const Actor& actor);
  core::Result<User> Me(const core::Principal& who);

  core::Result<std::vector<User>> ListUsers(const std::string& search);
  core::Result<User> GetUser(std::int64_t id);
  // Errors: users.username_taken, units.not_found, people.not_found (each naming its field).
  core::Result<User> CreateUser(const UserInput& in, const Actor& actor);
  core::Result<User> UpdateUser(std::int64_t id, const UserInput& in, const core::Principal& by, const Actor& actor);
  // Sets a new password, ends the user's sessions, revokes their API tokens and lifts
  // the login delay.
  core::Status ResetPassword(std::int64_t id, const std::string& password, const Actor& actor);

  // The plaintext token is returned once and never stored. expires_in_days: 0 = never.
  core::Result<std::pair<TokenInfo, std::string>> CreateToken(const core::Principal& who, const std::string& name,
                                                              int expires_in_days, const Actor& actor);
  core::Result<std::vector<TokenInfo>> ListTokens(const core::Principal& who);
  core::Status RevokeToken(const core::Principal& who, std::int64_t token_id, const Actor& actor);

 private:
  core::Result<core::Principal> BuildPrincipal(soci::session& sql, const User& u);
  core::Status ValidateRefs(soci::session& sql, const UserInput& in);
  core::Result<std::optional<core::Principal>> AuthenticateInDb(const std::string& session_token,
                                                                const std::string& bearer_token);
  // Every write to accounts, sessions or tokens empties the principal cache when it returns.
  void ForgetPrincipals();
  struct PrincipalsForgotten {
    AuthService& auth;
    explicit PrincipalsForgotten(AuthService& a) : auth(a) {}
    ~PrincipalsForgotten() { auth.ForgetPrincipals(); }
  };
  std::string Now() const { return core::FormatIso(clock_.Now()); }

  storage::Database& db_;
  const core::Clock& clock_;
  AuthSettings settings_;
  std::string dummy_hash_;  // verified for unknown users so timing does not reveal them

  // Principals of recent requests by credential hash, for kPrincipalTtl: a request then
  // costs no database reads to authenticate. Emptied by every account change in this
  // process; another instance sees a revocation within the TTL.
  struct CachedPrincipal {
    core::Principal principal;
    core::TimePoint at;
  };
  std::mutex cache_mu_;
  std::unordered_map<std::string, CachedPrincipal> cache_;
};

// JSON of a user as stored in the audit log (no hash).
std::string AuditJson(const User& u);

}  // namespace tongxin::auth
