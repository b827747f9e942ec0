// Account rules.
#include "auth/auth_service.hpp"

#include <boost/json.hpp>

#include "auth/crypto.hpp"
#include "core/text.hpp"

namespace tongxin::auth {

std::string AuditJson(const User& u) { return boost::json::serialize(UserToJson(u)); }

AuthService::AuthService(storage::Database& db, const core::Clock& clock, AuthSettings settings)
    : db_(db), clock_(clock), settings_(settings), dummy_hash_(HashPassword(RandomHex(16))) {}

core::Result<core::Principal> AuthService::BuildPrincipal(soci::session& sql, const User& u) {
  core::Principal p;
  p.user_id = u.id;
  p.username = u.username;
  p.display_name = u.display_name;
  p.role = u.role;
  if (!u.language.empty()) p.language = core::ParseLang(u.language);
  p.person_id = u.person_id;
  p.all_units = u.role == core::Role::kAdmin;
  p.scope_paths = repo::UnitPaths(sql, u.unit_ids);
  return p;
}

namespace {

// The wait before the next attempt after `failures` failures (threshold: max).
std::chrono::seconds Delay(int failures, int max, std::chrono::seconds first, std::chrono::seconds cap) {
  if (failures < max) return std::chrono::seconds(0);
  auto d = first;
  for (int i = max; i < failures && d < cap; ++i) d *= 2;
  return std::min(d, cap);
}

core::Error TooMany(const std::string& until, core::TimePoint now) {
  auto t = core::ParseIso(until).value_or(now);
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(t - now).count();
  return core::MakeError(core::Errc::kTooManyRequests, "auth.too_many_attempts",
                         {{"retry_after", std::to_string(std::max<long long>(1, secs))}});
}

}  // namespace

core::Result<LoginResult> AuthService::Login(const std::string& username_in, const std::string& password,
                                             const Actor& actor, const std::string& user_agent,
                                             const std::string& device_token, const std::string& language) {
  const std::string username = core::ToLowerAscii(core::Trim(username_in));
  const auto now = clock_.Now();
  const std::string now_s = core::FormatIso(now);
  const std::string device_hash = device_token.empty() ? "" : HashToken(device_token);
  struct Found {
    std::optional<repo::LoginAttempt> account, address;
    std::optional<User> user;
    bool known_device = false;
  };
  auto found = db_.WithSession([&](soci::session& sql) -> core::Result<Found> {
    Found f{std::nullopt, repo::FindLoginAttempt(sql, repo::AttemptKind::kAddress, actor.ip),
            repo::FindUserByName(sql, username), false};
    if (f.user) {
      f.account = repo::FindLoginAttempt(sql, repo::AttemptKind::kAccount, username);
      f.known_device = !device_hash.empty() && repo::IsKnownDevice(sql, device_hash, f.user->id);
    }
    return f;
  });
  if (!found) return found.error();
  // A browser the account logged in from before is never held back by strangers' failures.
  if (!found->known_device) {
    for (const auto* a : {&found->address, &found->account}) {
      if (*a && (*a)->locked_until > now_s) return TooMany((*a)->locked_until, now);
    }
  }
  // Hashing takes ~0.1 s: done outside any transaction.
  const auto& user = found->user;
  const bool verified = VerifyPassword(password, user ? user->password_hash : dummy_hash_);
  if (!verified || !user) {
    int attempts_left = settings_.max_failures;  // before logins are delayed
    auto saved = db_.InTransaction([&](soci::session& sql) -> core::Status {
      const std::string window = core::FormatIso(now - settings_.failure_window);
      const int by_address = repo::CountFailure(sql, repo::AttemptKind::kAddress, actor.ip, now_s, window);
      if (auto d = Delay(by_address, settings_.max_address_failures, settings_.first_delay, settings_.lockout);
          d.count() > 0) {
        repo::SetLockedUntil(sql, repo::AttemptKind::kAddress, actor.ip, core::FormatIso(now + d));
      }
      attempts_left = settings_.max_address_failures - by_address;
      if (!user) attempts_left = std::min(attempts_left, settings_.max_failures - by_address);  // as if it existed
      if (user && !found->known_device) {  // unknown names add no rows
        const int by_account = repo::CountFailure(sql, repo::AttemptKind::kAccount, username, now_s, window);
        attempts_left = std::min(attempts_left, settings_.max_failures - by_account);
        if (auto d = Delay(by_account, settings_.max_failures, settings_.first_delay, settings_.lockout);
            d.count() > 0) {
          repo::SetLockedUntil(sql, repo::AttemptKind::kAccount, username, core::FormatIso(now + d));
        }
      }
      Actor who = actor;
      who.username = username.substr(0, 64);
      RecordAudit(sql, who, now_s, "login_failed", "session", "", "", "");
      return {};
    });
    if (!saved) return saved.error();
    // The last attempts before a delay say so (the sign-in page warns).
    core::Error e = core::MakeError(core::Errc::kUnauthenticated, "auth.bad_credentials");
    if (attempts_left <= 2) e.details["attempts_left"] = std::to_string(std::max(attempts_left, 0));
    return e;
  }
  if (!user->active) return core::Forbidden("auth.user_inactive");
  return db_.InTransaction([&](soci::session& sql) -> core::Result<LoginResult> {
    repo::ClearLoginAttempt(sql, repo::AttemptKind::kAccount, username);
    LoginResult res;
    res.session_token = RandomHex(32);
    res.csrf_token = RandomHex(16);
    res.device_token = found->known_device ? device_token : RandomHex(32);
    res.user = *user;
    repo::SaveKnownDevice(sql, HashToken(res.device_token), user->id, now_s);
    repo::SessionRow s{HashToken(res.session_token), user->id, res.csrf_token, now_s, now_s,
                       core::FormatIso(now + settings_.session_absolute), actor.ip, user_agent.substr(0, 200)};
    repo::InsertSession(sql, s);
    Actor who = actor;
    who.user_id = user->id;
    who.username = user->username;
    std::string after;
    if (res.user.language.empty() && (language == "zh-CN" || language == "en")) {
      // The first login keeps the language it was made in: part of the login, not an edit.
      res.user.language = language;
      repo::UpdateUser(sql, res.user);
      after = boost::json::serialize(boost::json::object{{"language", language}});
    }
    RecordAudit(sql, who, now_s, "login", "session", "", "", after);
    return res;
  });
}

core::Result<std::int64_t> AuthService::PurgeLoginRecords() {
  const auto now = clock_.Now();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<std::int64_t> {
    std::int64_t n = repo::PurgeLoginAttempts(sql, core::FormatIso(now - settings_.failure_window), core::FormatIso(now));
    if (settings_.login_audit_retention_days > 0) {
      const auto before = core::FormatIso(now - std::chrono::hours(24) * settings_.login_audit_retention_days);
      n += repo::PurgeLoginAudit(sql, before);
    }
    return n;
  });
}

core::Status AuthService::Logout(const core::Principal& who, const Actor& actor) {
  const PrincipalsForgotten forget(*this);  // after the change below has committed
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    if (!who.session_id.empty()) repo::DeleteSession(sql, who.session_id);
    RecordAudit(sql, actor, Now(), "logout", "session", "", "", "");
    return {};
  });
}

namespace {
constexpr auto kPrincipalTtl = std::chrono::seconds(5);
constexpr std::size_t kPrincipalCacheMax = 20000;
}  // namespace

void AuthService::ForgetPrincipals() {
  std::lock_guard lock(cache_mu_);
  cache_.clear();
}

core::Result<std::optional<core::Principal>> AuthService::Authenticate(const std::string& session_token,
                                                                       const std::string& bearer_token) {
  if (session_token.empty() && bearer_token.empty()) return std::optional<core::Principal>();
  const std::string key = bearer_token.empty() ? "s" + HashToken(session_token) : "b" + HashToken(bearer_token);
  const auto now = clock_.Now();
  {
    std::lock_guard lock(cache_mu_);
    auto it = cache_.find(key);
    if (it != cache_.end() && now >= it->second.at && now - it->second.at < kPrincipalTtl) {
      return std::optional<core::Principal>(it->second.principal);
    }
  }
  auto found = AuthenticateInDb(session_token, bearer_token);
  if (found && found->has_value()) {
    std::lock_guard lock(cache_mu_);
    if (cache_.size() >= kPrincipalCacheMax) cache_.clear();
    cache_[key] = {**found, now};
  }
  return found;
}

core::Result<std::optional<core::Principal>> AuthService::AuthenticateInDb(const std::string& session_token,
                                                                           const std::string& bearer_token) {
  const auto now = clock_.Now();
  const std::string now_s = core::FormatIso(now);
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::optional<core::Principal>> {
    if (!bearer_token.empty()) {
      auto token = repo::FindTokenByHash(sql, HashToken(bearer_token));
      if (!token || token->revoked) return std::optional<core::Principal>();
      if (!token->expires_at.empty() && token->expires_at <= now_s) return std::optional<core::Principal>();
      auto user = repo::FindUserById(sql, token->user_id);
      if (!user || !user->active) return std::optional<core::Principal>();
      if (token->last_used_at.empty() ||
          now - core::ParseIso(token->last_used_at).value_or(now) > std::chrono::minutes(1)) {
        repo::TouchToken(sql, token->id, now_s);
      }
      TX_TRY(p, BuildPrincipal(sql, *user));
      p->via_token = true;
      return std::optional<core::Principal>(std::move(p.value()));
    }
    const std::string id = HashToken(session_token);
    auto s = repo::FindSession(sql, id);
    if (!s) return std::optional<core::Principal>();
    const auto last = core::ParseIso(s->last_seen_at).value_or(now);
    if (s->absolute_expires_at <= now_s || now - last > settings_.session_idle) {
      repo::DeleteSession(sql, id);
      return std::optional<core::Principal>();
    }
    auto user = repo::FindUserById(sql, s->user_id);
    if (!user || !user->active) return std::optional<core::Principal>();
    // Touch at most once a minute: sessions are read on every request.
    if (now - last > std::chrono::minutes(1)) repo::TouchSession(sql, id, now_s);
    TX_TRY(p, BuildPrincipal(sql, *user));
    p->session_id = id;
    p->csrf_token = s->csrf_token;
    return std::optional<core::Principal>(std::move(p.value()));
  });
}

core::Status AuthService::ChangePassword(const core::Principal& who, const std::string& current,
                                         const std::string& next, const Actor& actor) {
  const PrincipalsForgotten forget(*this);  // after the change below has committed
  if (auto st = CheckPassword(next, "new_password"); !st) return st;
  auto user = db_.WithSession([&](soci::session& sql) -> core::Result<User> {
    auto u = repo::FindUserById(sql, who.user_id);
    if (!u) return core::NotFound("users.not_found");
    return *u;
  });
  if (!user) return user.error();
  if (!VerifyPassword(current, user->password_hash)) return core::FieldInvalid("current_password", "auth.wrong_password");
  const std::string hash = HashPassword(next);
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    User u = *user;
    u.password_hash = hash;
    u.updated_at = Now();
    repo::UpdateUser(sql, u);
    repo::DeleteUserSessions(sql, u.id, who.session_id);
    const auto revoked = repo::RevokeUserTokens(sql, u.id);
    RecordAudit(sql, actor, u.updated_at, "change_password", "user", std::to_string(u.id), "",
                boost::json::serialize(boost::json::object{{"tokens_revoked", revoked}}));
    return {};
  });
}

core::Status AuthService::UpdateProfile(const core::Principal& who, const std::optional<std::string>& language,
                                       const std::optional<std::string>& email, const Actor& actor) {
  const PrincipalsForgotten forget(*this);  // after the change below has committed
  if (!language && !email) return {};
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    auto u = repo::FindUserById(sql, who.user_id);
    if (!u) return core::NotFound("users.not_found");
    const std::string before = AuditJson(*u);
    if ((!language || *language == u->language) && (!email || *email == u->email)) return {};  // nothing changes
    if (language) u->language = *language;
    if (email) u->email = *email;
    u->updated_at = Now();
    repo::UpdateUser(sql, *u);
    RecordAudit(sql, actor, u->updated_at, "update", "user", std::to_string(u->id), before, AuditJson(*u));
    return {};
  });
}

core::Result<User> AuthService::Me(const core::Principal& who) { return GetUser(who.user_id); }

core::Result<std::vector<User>> AuthService::ListUsers(const std::string& search) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<User>> {
    return repo::ListUsers(sql, core::ToLowerAscii(core::EscapeLike(search)));
  });
}

core::Result<User> AuthService::GetUser(std::int64_t id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<User> {
    auto u = repo::FindUserById(sql, id);
    if (!u) return core::NotFound("users.not_found");
    return *u;
  });
}

core::Status AuthService::ValidateRefs(soci::session& sql, const UserInput& in) {
  if (in.unit_ids) {
    for (auto id : *in.unit_ids) {
      if (!repo::UnitExists(sql, id)) return core::FieldInvalid("unit_ids", "units.not_found");
    }
  }
  if (in.person_id && !repo::PersonExists(sql, *in.person_id)) {
    return core::FieldInvalid("person_id", "people.not_found");
  }
  return {};
}

core::Result<User> AuthService::CreateUser(const UserInput& in, const Actor& actor) {
  const std::string hash = HashPassword(*in.password);
  return db_.InTransaction([&](soci::session& sql) -> core::Result<User> {
    if (repo::FindUserByName(sql, *in.username)) {
      core::Error e = core::FieldInvalid("username", "users.username_taken", {{"username", *in.username}});
      e.code = core::Errc::kConflict;
      e.details["username"] = *in.username;
      return e;
    }
    TX_CHECK(ValidateRefs(sql, in));
    User u;
    u.username = *in.username;
    u.display_name = in.display_name.value_or(u.username);
    u.password_hash = hash;
    u.role = *core::ParseRole(*in.role);
    u.language = in.language.value_or("");
    u.email = in.email.value_or("");
    u.person_id = in.person_id;
    u.active = in.active.value_or(true);
    u.unit_ids = in.unit_ids.value_or(std::vector<std::int64_t>{});
    u.created_at = u.updated_at = Now();
    u.id = repo::InsertUser(sql, u);
    repo::SetUserUnits(sql, u.id, u.unit_ids);
    RecordAudit(sql, actor, u.created_at, "create", "user", std::to_string(u.id), "", AuditJson(u));
    return u;
  });
}

core::Result<User> AuthService::UpdateUser(std::int64_t id, const UserInput& in, const core::Principal& by,
                                           const Actor& actor) {
  const PrincipalsForgotten forget(*this);  // after the change below has committed
  if (in.password) return core::FieldInvalid("password", "validation.unknown_field");
  return db_.InTransaction([&](soci::session& sql) -> core::Result<User> {
    auto u = repo::FindUserById(sql, id);
    if (!u) return core::NotFound("users.not_found");
    TX_CHECK(ValidateRefs(sql, in));
    if (in.username && *in.username != u->username && repo::FindUserByName(sql, *in.username)) {
      core::Error e = core::FieldInvalid("username", "users.username_taken", {{"username", *in.username}});
      e.code = core::Errc::kConflict;
      e.details["username"] = *in.username;
      return e;
    }
    if (id == by.user_id && in.active && !*in.active) return core::Conflict("users.cannot_disable_self");
    const std::string before = AuditJson(*u);
    if (in.username) u->username = *in.username;
    if (in.display_name) u->display_name = *in.display_name;
    if (in.role) u->role = *core::ParseRole(*in.role);
    if (in.language) u->language = *in.language;
    if (in.email) u->email = *in.email;
    if (in.person_id_set) u->person_id = in.person_id;
    if (in.active) u->active = *in.active;
    if (in.unit_ids) {
      u->unit_ids = *in.unit_ids;
      repo::SetUserUnits(sql, id, u->unit_ids);
    }
    u->updated_at = Now();
    repo::UpdateUser(sql, *u);
    if (!u->active) repo::DeleteUserSessions(sql, id, "");
    RecordAudit(sql, actor, u->updated_at, "update", "user", std::to_string(id), before, AuditJson(*u));
    return *u;
  });
}

core::Status AuthService::ResetPassword(std::int64_t id, const std::string& password, const Actor& actor) {
  const PrincipalsForgotten forget(*this);  // after the change below has committed
  if (auto st = CheckPassword(password, "password"); !st) return st;
  const std::string hash = HashPassword(password);
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    auto u = repo::FindUserById(sql, id);
    if (!u) return core::NotFound("users.not_found");
    u->password_hash = hash;
    u->updated_at = Now();
    repo::UpdateUser(sql, *u);
    repo::DeleteUserSessions(sql, id, "");
    repo::ClearLoginAttempt(sql, repo::AttemptKind::kAccount, u->username);
    const auto revoked = repo::RevokeUserTokens(sql, id);
    RecordAudit(sql, actor, u->updated_at, "reset_password", "user", std::to_string(id), "",
                boost::json::serialize(boost::json::object{{"tokens_revoked", revoked}}));
    return {};
  });
}

}  // namespace tongxin::auth
