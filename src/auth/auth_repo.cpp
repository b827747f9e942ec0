// Account storage.
#include "auth/auth_repo.hpp"

#include "storage/query.hpp"
#include "storage/rows.hpp"

namespace tongxin::auth::repo {
namespace {

using storage::GetInt;
using storage::GetOptInt;
using storage::GetStr;

constexpr const char* kUserColumns =
    "SELECT id, username, display_name, password_hash, role, language, email, person_id, active, created_at, updated_at "
    "FROM users";

User UserFromRow(const soci::row& r) {
  User u;
  u.id = GetInt(r, "id");
  u.username = GetStr(r, "username");
  u.display_name = GetStr(r, "display_name");
  u.password_hash = GetStr(r, "password_hash");
  u.role = core::ParseRole(GetStr(r, "role")).value_or(core::Role::kForeignStaff);
  u.language = GetStr(r, "language");
  u.email = GetStr(r, "email");
  u.person_id = GetOptInt(r, "person_id");
  u.active = GetInt(r, "active") != 0;
  u.created_at = GetStr(r, "created_at");
  u.updated_at = GetStr(r, "updated_at");
  return u;
}

std::vector<std::int64_t> LoadUnits(soci::session& sql, std::int64_t user_id) {
  std::vector<std::int64_t> out;
  long long uid = user_id;
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT unit_id FROM user_units WHERE user_id = :u ORDER BY unit_id",
                                soci::use(uid));
  for (const auto& r : rs) out.push_back(GetInt(r, 0));
  return out;
}

std::optional<User> FindOne(soci::session& sql, storage::Query q) {
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    User u = UserFromRow(r);
    u.unit_ids = LoadUnits(sql, u.id);
    return u;
  }
  return std::nullopt;
}

SessionRow SessionFromRow(const soci::row& r) {
  return {GetStr(r, "id"),           GetInt(r, "user_id"), GetStr(r, "csrf_token"),
          GetStr(r, "created_at"),   GetStr(r, "last_seen_at"), GetStr(r, "absolute_expires_at"),
          GetStr(r, "ip"),           GetStr(r, "user_agent")};
}

TokenRow TokenFromRow(const soci::row& r) {
  return {GetInt(r, "id"),          GetInt(r, "user_id"),      GetStr(r, "name"),
          GetStr(r, "token_hash"),  GetStr(r, "prefix"),       GetStr(r, "created_at"),
          GetStr(r, "last_used_at"), GetInt(r, "revoked") != 0, GetStr(r, "expires_at")};
}

}  // namespace

std::optional<User> FindUserByName(soci::session& sql, const std::string& username) {
  return FindOne(sql, storage::Query(std::string(kUserColumns) + " WHERE username = :n").Bind("n", username));
}

std::optional<User> FindUserById(soci::session& sql, std::int64_t id) {
  return FindOne(sql, storage::Query(std::string(kUserColumns) + " WHERE id = :id").Bind("id", id));
}

std::vector<User> ListUsers(soci::session& sql, const std::string& search) {
  storage::Query q(std::string(kUserColumns) + " WHERE 1=1");
  if (!search.empty()) {
    q.Where("(lower(username) LIKE ? ESCAPE '\\' OR lower(display_name) LIKE :s2 ESCAPE '\\')",
            "%" + search + "%");
    q.Bind("s2", "%" + search + "%");
  }
  q.Append(" ORDER BY username");
  std::vector<User> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) out.push_back(UserFromRow(r));
  for (auto& u : out) u.unit_ids = LoadUnits(sql, u.id);
  return out;
}

std::int64_t InsertUser(soci::session& sql, const User& u) {
  storage::Query q(
      "INSERT INTO users (username, display_name, password_hash, role, language, email, person_id, active, "
      "created_at, updated_at) VALUES (:un, :dn, :ph, :ro, :la, :em, " +
      std::string(u.person_id ? ":pid" : "NULL") + ", :ac, :ca, :ua) RETURNING id");
  q.Bind("un", u.username).Bind("dn", u.display_name).Bind("ph", u.password_hash);
  q.Bind("ro", std::string(core::RoleName(u.role))).Bind("la", u.language).Bind("em", u.email);
  if (u.person_id) q.Bind("pid", *u.person_id);
  q.Bind("ac", std::int64_t{u.active ? 1 : 0}).Bind("ca", u.created_at).Bind("ua", u.updated_at);
  return q.Scalar(sql);
}

void UpdateUser(soci::session& sql, const User& u) {
  storage::Query q("UPDATE users SET username = :un, display_name = :dn, password_hash = :ph, role = :ro, "
                   "language = :la, email = :em, person_id = " +
                   std::string(u.person_id ? ":pid" : "NULL") + ", active = :ac, updated_at = :ua WHERE id = :id");
  q.Bind("un", u.username).Bind("dn", u.display_name).Bind("ph", u.password_hash);
  q.Bind("ro", std::string(core::RoleName(u.role))).Bind("la", u.language).Bind("em", u.email);
  if (u.person_id) q.Bind("pid", *u.person_id);
  q.Bind("ac", std::int64_t{u.active ? 1 : 0}).Bind("ua", u.updated_at).Bind("id", u.id);
  q.Exec(sql);
}

void SetUserUnits(soci::session& sql, std::int64_t user_id, const std::vector<std::int64_t>& unit_ids) {
  long long uid = user_id;
  sql << "DELETE FROM user_units WHERE user_id = :u", soci::use(uid);
  for (auto id : unit_ids) {
    long long unit = id;
    sql << "INSERT INTO user_units (user_id, unit_id) VALUES (:u, :n)", soci::use(uid), soci::use(unit);
  }
}

std::vector<std::string> UnitPaths(soci::session& sql, const std::vector<std::int64_t>& unit_ids) {
  std::vector<std::string> out;
  for (auto id : unit_ids) {
    long long uid = id;
    std::string path;
    soci::indicator ind = soci::i_ok;
    sql << "SELECT path FROM units WHERE id = :id", soci::use(uid), soci::into(path, ind);
    if (sql.got_data() && ind == soci::i_ok) out.push_back(path);
  }
  return out;
}

bool UnitExists(soci::session& sql, std::int64_t unit_id) {
  return storage::Query("SELECT COUNT(*) FROM units WHERE id = :id").Bind("id", unit_id).Scalar(sql) > 0;
}

bool PersonExists(soci::session& sql, std::int64_t person_id) {
  return storage::Query("SELECT COUNT(*) FROM people WHERE id = :id").Bind("id", person_id).Scalar(sql) > 0;
}

std::optional<PersonScope> FindPersonScope(soci::session& sql, std::int64_t person_id) {
  storage::Query q("SELECT p.unit_id, u.path FROM people p JOIN units u ON u.id = p.unit_id WHERE p.id = :id");
  q.Bind("id", person_id);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return PersonScope{storage::GetInt(r, 0), storage::GetStr(r, 1)};
  return std::nullopt;
}

std::vector<AccountScope> HandlerAccounts(soci::session& sql) {
  storage::Query q("SELECT u.id, u.display_name, u.username, u.role, un.path FROM users u LEFT JOIN user_units uu ON "
                   "uu.user_id = u.id LEFT JOIN units un ON un.id = uu.unit_id WHERE u.active = 1 AND u.role IN "
                   "('admin', 'office', 'department') ORDER BY u.role, u.display_name, u.id");
  std::vector<AccountScope> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    const std::int64_t id = storage::GetInt(r, 0);
    if (out.empty() || out.back().id != id) {
      const std::string name = storage::GetStr(r, 1);
      out.push_back({id, name.empty() ? storage::GetStr(r, 2) : name, storage::GetStr(r, 3), {}});
    }
    const std::string path = storage::GetStr(r, 4);
    if (!path.empty()) out.back().paths.push_back(path);
  }
  return out;
}

void InsertSession(soci::session& sql, const SessionRow& s) {
  long long uid = s.user_id;
  sql << "INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, absolute_expires_at, ip, "
         "user_agent) VALUES (:id, :u, :c, :ca, :ls, :ae, :ip, :ua)",
      soci::use(s.id), soci::use(uid), soci::use(s.csrf_token), soci::use(s.created_at), soci::use(s.last_seen_at),
      soci::use(s.absolute_expires_at), soci::use(s.ip), soci::use(s.user_agent);
}

std::optional<SessionRow> FindSession(soci::session& sql, const std::string& id) {
  storage::Query q("SELECT id, user_id, csrf_token, created_at, last_seen_at, absolute_expires_at, ip, user_agent "
                   "FROM sessions WHERE id = :id");
  q.Bind("id", id);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return SessionFromRow(r);
  return std::nullopt;
}

void TouchSession(soci::session& sql, const std::string& id, const std::string& now) {
  sql << "UPDATE sessions SET last_seen_at = :n WHERE id = :id", soci::use(now), soci::use(id);
}

void DeleteSession(soci::session& sql, const std::string& id) {
  sql << "DELETE FROM sessions WHERE id = :id", soci::use(id);
}

void DeleteUserSessions(soci::session& sql, std::int64_t user_id, const std::string& keep) {
  long long uid = user_id;
  sql << "DELETE FROM sessions WHERE user_id = :u AND id <> :k", soci::use(uid), soci::use(keep);
}

std::int64_t InsertToken(soci::session& sql, const TokenRow& t) {
  return storage::Query("INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, expires_at) "
                        "VALUES (:u, :n, :h, :p, :c, :e) RETURNING id")
      .Bind("e", t.expires_at)
      .Bind("u", t.user_id)
      .Bind("n", t.name)
      .Bind("h", t.token_hash)
      .Bind("p", t.prefix)
      .Bind("c", t.created_at)
      .Scalar(sql);
}

std::optional<TokenRow> FindTokenByHash(soci::session& sql, const std::string& hash) {
  storage::Query q("SELECT id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked, expires_at "
                   "FROM api_tokens WHERE token_hash = :h");
  q.Bind("h", hash);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return TokenFromRow(r);
  return std::nullopt;
}

std::vector<TokenRow> ListTokens(soci::session& sql, std::int64_t user_id) {
  storage::Query q("SELECT id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked, expires_at "
                   "FROM api_tokens WHERE user_id = :u AND revoked = 0 ORDER BY id");
  q.Bind("u", user_id);
  std::vector<TokenRow> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) out.push_back(TokenFromRow(r));
  return out;
}

bool RevokeToken(soci::session& sql, std::int64_t user_id, std::int64_t token_id) {
  return storage::Query("UPDATE api_tokens SET revoked = 1 WHERE id = :id AND user_id = :u AND revoked = 0")
             .Bind("id", token_id)
             .Bind("u", user_id)
             .Exec(sql) > 0;
}

void TouchToken(soci::session& sql, std::int64_t token_id, const std::string& now) {
  long long id = token_id;
  sql << "UPDATE api_tokens SET last_used_at = :n WHERE id = :id", soci::use(now), soci::use(id);
}

namespace {

const char* AttemptTable(AttemptKind kind) {
  return kind == AttemptKind::kAccount ? "login_attempts" : "login_address_attempts";
}
const char* AttemptKey(AttemptKind kind) { return kind == AttemptKind::kAccount ? "username" : "ip"; }

}  // namespace

std::optional<LoginAttempt> FindLoginAttempt(soci::session& sql, AttemptKind kind, const std::string& key) {
  storage::Query q(std::string("SELECT ") + AttemptKey(kind) + ", failures, first_failure_at, locked_until FROM " +
                   AttemptTable(kind) + " WHERE " + AttemptKey(kind) + " = :k");
  q.Bind("k", key);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    return LoginAttempt{GetStr(r, 0), static_cast<int>(GetInt(r, 1)), GetStr(r, 2), GetStr(r, 3)};
  }
  return std::nullopt;
}

int CountFailure(soci::session& sql, AttemptKind kind, const std::string& key, const std::string& now,
                 const std::string& window_start) {
  const std::string t = AttemptTable(kind);
  storage::Query q("INSERT INTO " + t + " (" + AttemptKey(kind) +
                   ", failures, first_failure_at, locked_until) VALUES (:k, 1, :n1, '') ON CONFLICT (" +
                   AttemptKey(kind) + ") DO UPDATE SET failures = CASE WHEN " + t +
                   ".first_failure_at < :w1 THEN 1 ELSE " + t + ".failures + 1 END, first_failure_at = CASE WHEN " + t +
                   ".first_failure_at < :w2 THEN :n2 ELSE " + t + ".first_failure_at END RETURNING failures");
  q.Bind("k", key).Bind("n1", now).Bind("n2", now).Bind("w1", window_start).Bind("w2", window_start);
  return static_cast<int>(q.Scalar(sql));
}

void SetLockedUntil(soci::session& sql, AttemptKind kind, const std::string& key, const std::string& until) {
  storage::Query q(std::string("UPDATE ") + AttemptTable(kind) + " SET locked_until = :u WHERE " + AttemptKey(kind) +
                   " = :k");
  q.Bind("u", until).Bind("k", key).Exec(sql);
}

void ClearLoginAttempt(soci::session& sql, AttemptKind kind, const std::string& key) {
  storage::Query q(std::string("DELETE FROM ") + AttemptTable(kind) + " WHERE " + AttemptKey(kind) + " = :k");
  q.Bind("k", key).Exec(sql);
}

std::int64_t PurgeLoginAttempts(soci::session& sql, const std::string& window_start, const std::string& now) {
  std::int64_t n = 0;
  for (auto kind : {AttemptKind::kAccount, AttemptKind::kAddress}) {
    storage::Query q(std::string("DELETE FROM ") + AttemptTable(kind) +
                     " WHERE first_failure_at < :w AND locked_until < :n");
    n += q.Bind("w", window_start).Bind("n", now).Exec(sql);
  }
  return n;
}

bool IsKnownDevice(soci::session& sql, const std::string& token_hash, std::int64_t user_id) {
  storage::Query q("SELECT COUNT(*) FROM known_devices WHERE token_hash = :h AND user_id = :u");
  return q.Bind("h", token_hash).Bind("u", user_id).Scalar(sql) > 0;
}

void SaveKnownDevice(soci::session& sql, const std::string& token_hash, std::int64_t user_id, const std::string& now) {
  storage::Query q("INSERT INTO known_devices (token_hash, user_id, created_at, last_seen_at) VALUES (:h, :u, :c, :s) "
                   "ON CONFLICT (token_hash) DO UPDATE SET last_seen_at = :s2");
  q.Bind("h", token_hash).Bind("u", user_id).Bind("c", now).Bind("s", now).Bind("s2", now).Exec(sql);
}

void DeleteKnownDevices(soci::session& sql, std::int64_t user_id) {
  storage::Query("DELETE FROM known_devices WHERE user_id = :u").Bind("u", user_id).Exec(sql);
}

std::int64_t PurgeLoginAudit(soci::session& sql, const std::string& before) {
  storage::Query q("DELETE FROM audit_log WHERE action IN ('login', 'login_failed', 'logout') AND at < :b");
  return q.Bind("b", before).Exec(sql);
}

std::int64_t RevokeUserTokens(soci::session& sql, std::int64_t user_id) {
  return storage::Query("UPDATE api_tokens SET revoked = 1 WHERE user_id = :u AND revoked = 0")
      .Bind("u", user_id)
      .Exec(sql);
}

}  // namespace tongxin::auth::repo
