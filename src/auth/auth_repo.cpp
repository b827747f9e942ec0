// Account storage.
#include "auth/auth_repo.hpp"

#include "storage/repo_kit.hpp"

namespace tongxin::auth::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<User> kUsers(
    "FROM users", "",
    {{"person_name", "COALESCE((SELECT CASE WHEN lp.name_zh <> '' THEN lp.name_zh ELSE lp.name_latin END "
                     "FROM people lp WHERE lp.id = users.person_id), '')"}});

const RowMap<SessionRow> kSessions("FROM sessions");

const RowMap<TokenRow> kTokens("FROM api_tokens");

User UserFromRow(const soci::row& r) {
  User u = kUsers.Read(r);
  u.role = core::ParseRole(GetStr(r, "role")).value_or(core::Role::kForeignStaff);
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

std::optional<User> FindOne(soci::session& sql, Query q) {
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    User u = UserFromRow(r);
    u.unit_ids = LoadUnits(sql, u.id);
    return u;
  }
  return std::nullopt;
}

}  // namespace

std::optional<User> FindUserByName(soci::session& sql, const std::string& username) {
  return FindOne(sql, Query(kUsers.Select("role") + " WHERE username = :n").Bind("n", username));
}

std::optional<User> FindUserById(soci::session& sql, std::int64_t id) {
  return FindOne(sql, Query(kUsers.Select("role") + " WHERE id = :id").Bind("id", id));
}

std::vector<User> ListUsers(soci::session& sql, const std::string& search) {
  Query q(kUsers.Select("role") + " WHERE 1=1");
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
  Query q(
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
  Query q("UPDATE users SET username = :un, display_name = :dn, password_hash = :ph, role = :ro, "
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
  return Query("SELECT COUNT(*) FROM units WHERE id = :id").Bind("id", unit_id).Scalar(sql) > 0;
}

bool PersonExists(soci::session& sql, std::int64_t person_id) {
  return Query("SELECT COUNT(*) FROM people WHERE id = :id").Bind("id", person_id).Scalar(sql) > 0;
}

std::optional<PersonScope> FindPersonScope(soci::session& sql, std::int64_t person_id) {
  Query q("SELECT p.unit_id, u.path FROM people p JOIN units u ON u.id = p.unit_id WHERE p.id = :id");
  q.Bind("id", person_id);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return PersonScope{GetInt(r, 0), GetStr(r, 1)};
  return std::nullopt;
}

std::vector<AccountScope> HandlerAccounts(soci::session& sql) {
  Query q("SELECT u.id, u.display_name, u.username, u.role, un.path FROM users u LEFT JOIN user_units uu ON "
                   "uu.user_id = u.id LEFT JOIN units un ON un.id = uu.unit_id WHERE u.active = 1 AND u.role IN "
                   "('admin', 'office', 'department') ORDER BY u.role, u.display_name, u.id");
  std::vector<AccountScope> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    const std::int64_t id = GetInt(r, 0);
    if (out.empty() || out.back().id != id) {
      const std::string name = GetStr(r, 1);
      out.push_back({id, name.empty() ? GetStr(r, 2) : name, GetStr(r, 3), {}});
    }
    const std::string path = GetStr(r, 4);
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
  Query q(kSessions.Select() + " WHERE id = :id");
  q.Bind("id", id);
  return kSessions.One(sql, q);
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
  return Query("INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, expires_at) "
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
  Query q(kTokens.Select() + " WHERE token_hash = :h");
  q.Bind("h", hash);
  return kTokens.One(sql, q);
}

std::vector<TokenRow> ListTokens(soci::session& sql, std::int64_t user_id) {
  Query q(kTokens.Select() + " WHERE user_id = :u AND revoked = 0 ORDER BY id");
  q.Bind("u", user_id);
  return kTokens.All(sql, q);
}

bool RevokeToken(soci::session& sql, std::int64_t user_id, std::int64_t token_id) {
  return Query("UPDATE api_tokens SET revoked = 1 WHERE id = :id AND user_id = :u AND revoked = 0")
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
  Query q(std::string("SELECT ") + AttemptKey(kind) + ", failures, first_failure_at, locked_until FROM " +
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
  Query q("INSERT INTO " + t + " (" + AttemptKey(kind) +
                   ", failures, first_failure_at, locked_until) VALUES (:k, 1, :n1, '') ON CONFLICT (" +
                   AttemptKey(kind) + ") DO UPDATE SET failures = CASE WHEN " + t +
                   ".first_failure_at < :w1 THEN 1 ELSE " + t + ".failures + 1 END, first_failure_at = CASE WHEN " + t +
                   ".first_failure_at < :w2 THEN :n2 ELSE " + t + ".first_failure_at END RETURNING failures");
  q.Bind("k", key).Bind("n1", now).Bind("n2", now).Bind("w1", window_start).Bind("w2", window_start);
  return static_cast<int>(q.Scalar(sql));
}

void SetLockedUntil(soci::session& sql, AttemptKind kind, const std::string& key, const std::string& until) {
  Query q(std::string("UPDATE ") + AttemptTable(kind) + " SET locked_until = :u WHERE " + AttemptKey(kind) +
                   " = :k");
  q.Bind("u", until).Bind("k", key).Exec(sql);
}

void ClearLoginAttempt(soci::session& sql, AttemptKind kind, const std::string& key) {
  Query q(std::string("DELETE FROM ") + AttemptTable(kind) + " WHERE " + AttemptKey(kind) + " = :k");
  q.Bind("k", key).Exec(sql);
}

std::int64_t PurgeLoginAttempts(soci::session& sql, const std::string& window_start, const std::string& now) {
  std::int64_t n = 0;
  for (auto kind : {AttemptKind::kAccount, AttemptKind::kAddress}) {
    Query q(std::string("DELETE FROM ") + AttemptTable(kind) +
                     " WHERE first_failure_at < :w AND locked_until < :n");
    n += q.Bind("w", window_start).Bind("n", now).Exec(sql);
  }
  return n;
}

bool IsKnownDevice(soci::session& sql, const std::string& token_hash, std::int64_t user_id) {
  Query q("SELECT COUNT(*) FROM known_devices WHERE token_hash = :h AND user_id = :u");
  return q.Bind("h", token_hash).Bind("u", user_id).Scalar(sql) > 0;
}

void SaveKnownDevice(soci::session& sql, const std::string& token_hash, std::int64_t user_id, const std::string& now) {
  Query q("INSERT INTO known_devices (token_hash, user_id, created_at, last_seen_at) VALUES (:h, :u, :c, :s) "
                   "ON CONFLICT (token_hash) DO UPDATE SET last_seen_at = :s2");
  q.Bind("h", token_hash).Bind("u", user_id).Bind("c", now).Bind("s", now).Bind("s2", now).Exec(sql);
}

void DeleteKnownDevices(soci::session& sql, std::int64_t user_id) {
  Query("DELETE FROM known_devices WHERE user_id = :u").Bind("u", user_id).Exec(sql);
}

std::int64_t PurgeLoginAudit(soci::session& sql, const std::string& before) {
  Query q("DELETE FROM audit_log WHERE action IN ('login', 'login_failed', 'logout') AND at < :b");
  return q.Bind("b", before).Exec(sql);
}

std::int64_t RevokeUserTokens(soci::session& sql, std::int64_t user_id) {
  return Query("UPDATE api_tokens SET revoked = 1 WHERE user_id = :u AND revoked = 0")
      .Bind("u", user_id)
      .Exec(sql);
}

std::optional<std::int64_t> FirstAdminId(soci::session& sql) {
  Query q("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1");
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return GetInt(r, 0);
  return std::nullopt;
}

bool AnyUser(soci::session& sql) { return Query("SELECT COUNT(*) FROM users").Scalar(sql) > 0; }

}  // namespace tongxin::auth::repo
