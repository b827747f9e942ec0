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
  int max_failures = 5;                                     // failed logins before a lockout
  std::chrono::seconds failure_window{std::chrono::minutes(15)};
  std::chrono::seconds lockout{std::chrono::minutes(15)};
};

struct LoginResult {
  std::string session_token;  // goes into the HttpOnly cookie; only its hash is stored
  std::string csrf_token;
  User user;
};

struct TokenInfo {
  std::int64_t id = 0;
  std::string name;
  std::string prefix;
  std::string created_at;
  std::string last_used_at;
};

class AuthService {
 public:
  AuthService(storage::Database& db, const core::Clock& clock, AuthSettings settings);

  // Errors: auth.bad_credentials (401), auth.too_many_attempts (429, details.retry_after),
  // auth.user_inactive (403).
  core::Result<LoginResult> Login(const std::string& username, const std::string& password, const Actor& actor,
                                  const std::string& user_agent);
  core::Status Logout(const core::Principal& who, const Actor& actor);
  // nullopt when the credentials are absent, unknown or expired.
  core::Result<std::optional<core::Principal>> Authenticate(const std::string& session_token,
                                                            const std::string& bearer_token);

  // Errors: auth.wrong_password, auth.weak_password. Other sessions of the user end.
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
  // Sets a new password and ends the user's sessions.
  core::Status ResetPassword(std::int64_t id, const std::string& password, const Actor& actor);

  // The plaintext token is returned once and never stored.
  core::Result<std::pair<TokenInfo, std::string>> CreateToken(const core::Principal& who, const std::string& name,
                                                              const Actor& actor);
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
