// Notification storage.
#include "modules/notify/notify_repo.hpp"

#include "io/attachment.hpp"
#include "storage/bulk_insert.hpp"
#include "storage/repo_kit.hpp"

namespace tongxin::notify::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Notification> kNotifications("FROM notifications");

core::Lang LangOf(const std::string& code) { return core::ParseLang(code).value_or(core::Lang::kZh); }

// The columns RecipientOf reads, over users u, people p and notify_prefs np (each may be
// missing): the account's address and language win over the person's.
constexpr const char* kRecipientColumns =
    "SELECT u.id AS user_id, p.id AS person_id, COALESCE(u.email, '') AS user_email, "
    "COALESCE(u.language, '') AS user_language, COALESCE(p.email, '') AS person_email, "
    "COALESCE(p.language, '') AS person_language, COALESCE(p.phone, '') AS phone, "
    "COALESCE(np.quiet_from, '') AS quiet_from, COALESCE(np.quiet_to, '') AS quiet_to ";

Recipient RecipientOf(const soci::row& r) {
  Recipient to;
  to.user_id = GetOptInt(r, "user_id");
  to.person_id = GetOptInt(r, "person_id");
  const std::string user_email = GetStr(r, "user_email");
  to.email = user_email.empty() ? GetStr(r, "person_email") : user_email;
  const std::string user_lang = GetStr(r, "user_language");
  to.lang = LangOf(user_lang.empty() ? GetStr(r, "person_language") : user_lang);
  to.phone = GetStr(r, "phone");
  to.quiet_from = GetStr(r, "quiet_from");
  to.quiet_to = GetStr(r, "quiet_to");
  return to;
}

}  // namespace

std::optional<Recipient> PersonRecipient(soci::session& sql, std::int64_t person_id) {
  Query q(std::string(kRecipientColumns) +
          "FROM people p LEFT JOIN users u ON u.person_id = p.id AND u.active = 1 "
          "LEFT JOIN notify_prefs np ON np.user_id = u.id WHERE p.id = :p ORDER BY u.id LIMIT 1");
  q.Bind("p", person_id);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return RecipientOf(r);
  return std::nullopt;
}

std::optional<Recipient> UserRecipient(soci::session& sql, std::int64_t user_id) {
  Query q(std::string(kRecipientColumns) +
          "FROM users u LEFT JOIN people p ON p.id = u.person_id LEFT JOIN notify_prefs np ON np.user_id = u.id "
          "WHERE u.id = :u AND u.active = 1");
  q.Bind("u", user_id);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return RecipientOf(r);
  return std::nullopt;
}

std::vector<Recipient> RecipientsMatching(soci::session& sql, const Query& match) {
  std::vector<Recipient> out;
  // Active people (through their active account when they have one), then active accounts
  // without a person.
  Query people = match.Wrap(std::string(kRecipientColumns) +
                                "FROM people p LEFT JOIN users u ON u.person_id = p.id AND u.active = 1 "
                                "LEFT JOIN notify_prefs np ON np.user_id = u.id WHERE p.status = 'active' AND (",
                            ") ORDER BY p.id, u.id");
  for (const auto& r : people.Rows(sql)) out.push_back(RecipientOf(r));
  Query accounts = match.Wrap(std::string(kRecipientColumns) +
                                  "FROM users u LEFT JOIN people p ON p.id = u.person_id "
                                  "LEFT JOIN notify_prefs np ON np.user_id = u.id "
                                  "WHERE u.active = 1 AND u.person_id IS NULL AND (",
                              ") ORDER BY u.id");
  for (const auto& r : accounts.Rows(sql)) out.push_back(RecipientOf(r));
  return out;
}

std::vector<StaffMember> ActiveStaff(soci::session& sql, const std::vector<std::string>& roles) {
  std::vector<StaffMember> out;
  if (roles.empty()) return out;
  // Only the accounts of these roles are read (the jobs ask every pass).
  std::string in;
  for (std::size_t i = 0; i < roles.size(); ++i) in += (i ? ", :r" : ":r") + std::to_string(i);
  Query q("SELECT u.id, u.email, u.language, p.email AS person_email, un.path, u.role, "
          "COALESCE(p.phone, '') AS phone, COALESCE(np.quiet_from, '') AS quiet_from, "
          "COALESCE(np.quiet_to, '') AS quiet_to FROM users u "
          "JOIN user_units uu ON uu.user_id = u.id JOIN units un ON un.id = uu.unit_id "
          "LEFT JOIN people p ON p.id = u.person_id LEFT JOIN notify_prefs np ON np.user_id = u.id WHERE u.active = 1 AND u.role IN (" + in + ") ORDER BY u.id");
  for (std::size_t i = 0; i < roles.size(); ++i) q.Bind("r" + std::to_string(i), roles[i]);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    const std::string role = GetStr(r, "role");
    const std::int64_t id = GetInt(r, "id");
    if (out.empty() || out.back().to.user_id != id) {
      StaffMember m;
      m.to.user_id = id;
      m.role = role;
      const std::string email = GetStr(r, "email");
      m.to.email = email.empty() ? GetStr(r, "person_email") : email;
      m.to.lang = LangOf(GetStr(r, "language"));
      m.to.phone = GetStr(r, "phone");
      m.to.quiet_from = GetStr(r, "quiet_from");
      m.to.quiet_to = GetStr(r, "quiet_to");
      out.push_back(std::move(m));
    }
    out.back().scope_paths.push_back(GetStr(r, "path"));
  }
  return out;
}

std::optional<std::int64_t> Enqueue(soci::session& sql, const Notification& n) {
  Query q(std::string("INSERT INTO notifications (channel, kind, user_id, person_id, address, lang, subject, body, "
                      "link, dedup_key, status, next_attempt_at, created_at, sent_at, batch, channel_id) VALUES (:ch, :ki, ") +
          (n.user_id ? ":uid" : "NULL") + ", " + (n.person_id ? ":pid" : "NULL") +
          ", :ad, :la, :su, :bo, :li, :dk, :st, :na, :ca, :sa, :ba, " + (n.channel_id ? ":cid" : "NULL") +
          ") ON CONFLICT (dedup_key) DO NOTHING");
  q.Bind("ch", n.channel).Bind("ki", n.kind).Bind("ad", n.address).Bind("la", n.lang).Bind("su", n.subject);
  q.Bind("bo", n.body).Bind("li", n.link).Bind("dk", n.dedup_key).Bind("st", n.status);
  q.Bind("na", n.next_attempt_at).Bind("ca", n.created_at).Bind("sa", n.sent_at).Bind("ba", n.batch);
  if (n.user_id) q.Bind("uid", *n.user_id);
  if (n.person_id) q.Bind("pid", *n.person_id);
  if (n.channel_id) q.Bind("cid", *n.channel_id);
  if (q.Exec(sql) == 0) return std::nullopt;
  return Query("SELECT id FROM notifications WHERE dedup_key = :k").Bind("k", n.dedup_key).Scalar(sql);
}

long long EnqueueMany(soci::session& sql, const std::vector<Notification>& rows) {
  storage::BulkInsert insert(
      "INSERT INTO notifications (channel, kind, user_id, person_id, address, lang, subject, body, link, dedup_key, "
      "status, next_attempt_at, created_at, sent_at, batch, channel_id)",
      16, " ON CONFLICT (dedup_key) DO NOTHING");
  for (const auto& n : rows) {
    insert.Text(n.channel).Text(n.kind).OptInt(n.user_id).OptInt(n.person_id).Text(n.address).Text(n.lang);
    insert.Text(n.subject).Text(n.body).Text(n.link).Text(n.dedup_key).Text(n.status).Text(n.next_attempt_at);
    insert.Text(n.created_at).Text(n.sent_at).Text(n.batch).OptInt(n.channel_id);
    insert.MaybeFlush(sql);
  }
  return insert.Finish(sql);
}

void AddFiles(soci::session& sql, std::int64_t notification_id, const std::vector<FileAttachment>& files) {
  for (const auto& f : files) {
    Query q("INSERT INTO notification_files (notification_id, filename, content_type, data) VALUES (:n, :f, :c, :d)");
    q.Bind("n", notification_id).Bind("f", f.filename).Bind("c", f.content_type).Bind("d", io::ToBase64(f.bytes));
    q.Exec(sql);
  }
}

std::vector<FileAttachment> FilesOf(soci::session& sql, std::int64_t notification_id) {
  Query q("SELECT filename, content_type, data FROM notification_files WHERE notification_id = :n ORDER BY id");
  q.Bind("n", notification_id);
  std::vector<FileAttachment> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), io::FromBase64(r.get<std::string>(2))});
  }
  return out;
}

std::vector<Notification> ClaimDue(soci::session& sql, const std::string& now, int limit,
                                   std::optional<std::int64_t> channel_id) {
  if (limit <= 0) return {};
  Query due(channel_id ? "SELECT id FROM notifications WHERE channel_id = :c AND status = 'pending' "
                         "AND next_attempt_at <= :n ORDER BY next_attempt_at, id LIMIT " + std::to_string(limit)
                       : "SELECT id FROM notifications WHERE channel = 'email' AND status = 'pending' "
                         "AND next_attempt_at <= :n ORDER BY next_attempt_at, id LIMIT " + std::to_string(limit));
  due.Bind("n", now);
  if (channel_id) due.Bind("c", *channel_id);
  std::vector<std::int64_t> ids;
  {
    soci::rowset<soci::row> rs = due.Rows(sql);
    for (const auto& r : rs) ids.push_back(GetInt(r, 0));
  }
  std::vector<Notification> out;
  for (auto id : ids) {
    // The status condition makes the claim exclusive: a racing sender updates nothing.
    Query claim("UPDATE notifications SET status = 'sending', claimed_at = :n, attempts = attempts + 1 "
                "WHERE id = :id AND status = 'pending'");
    claim.Bind("n", now).Bind("id", id);
    if (claim.Exec(sql) == 0) continue;
    if (auto n = FindNotification(sql, id)) out.push_back(std::move(*n));
  }
  return out;
}

void MarkSent(soci::session& sql, std::int64_t id, const std::string& now) {
  Query q("UPDATE notifications SET status = 'sent', sent_at = :n, last_error = '' WHERE id = :id");
  q.Bind("n", now).Bind("id", id).Exec(sql);
}

std::optional<std::int64_t> RecordDelivery(soci::session& sql, std::int64_t channel_id, const std::string& ref,
                                           const std::string& delivery, const std::string& error,
                                           const std::string& now) {
  std::optional<std::int64_t> id;
  if (ref.size() > 1 && ref[0] == 'n' && ref.find_first_not_of("0123456789", 1) == std::string::npos &&
      ref.size() < 19) {
    id = std::stoll(ref.substr(1));
  }
  Query find("SELECT id FROM notifications WHERE channel_id = :c AND channel = 'sms' AND status = 'sent' AND " +
             std::string(id ? "id = :id" : "external_ref = :r AND external_ref <> ''"));
  find.Bind("c", channel_id);
  if (id) {
    find.Bind("id", *id);
  } else {
    find.Bind("r", ref);
  }
  std::optional<std::int64_t> found;
  {
    soci::rowset<soci::row> rs = find.Rows(sql);
    for (const auto& r : rs) found = GetInt(r, 0);
  }
  if (!found) return std::nullopt;
  Query q("UPDATE notifications SET delivery = :d, delivered_at = :n, last_error = :e WHERE id = :id");
  q.Bind("d", delivery).Bind("n", now).Bind("e", error.substr(0, 500)).Bind("id", *found).Exec(sql);
  return found;
}

std::int64_t ClaimedSince(soci::session& sql, std::int64_t channel_id, const std::string& since) {
  Query q("SELECT COUNT(*) FROM notifications WHERE channel_id = :c AND claimed_at >= :s");
  return q.Bind("c", channel_id).Bind("s", since).Scalar(sql);
}

void SetExternalRef(soci::session& sql, std::int64_t id, const std::string& ref) {
  Query q("UPDATE notifications SET external_ref = :r WHERE id = :id");
  q.Bind("r", ref.substr(0, 200)).Bind("id", id).Exec(sql);
}

void MarkAttemptFailed(soci::session& sql, std::int64_t id, const std::string& error, bool final,
                       const std::string& next_attempt_at) {
  Query q("UPDATE notifications SET status = :s, last_error = :e, next_attempt_at = :na WHERE id = :id");
  q.Bind("s", std::string(final ? "failed" : "pending")).Bind("e", error.substr(0, 500));
  q.Bind("na", next_attempt_at).Bind("id", id).Exec(sql);
}

int ExpireStaleClaims(soci::session& sql, const std::string& cutoff) {
  Query q("UPDATE notifications SET status = 'unknown', last_error = 'sender stopped during delivery; not retried' "
          "WHERE channel <> 'inapp' AND status = 'sending' AND claimed_at < :c");
  q.Bind("c", cutoff);
  return static_cast<int>(q.Exec(sql));
}

core::Page<Notification> ListNotices(soci::session& sql, std::int64_t user_id, const NoticeFilter& f,
                                     const core::PageRequest& page) {
  Query where(" WHERE channel = 'inapp'");
  where.Where("user_id = ?", user_id);
  if (f.unread_only) where.Append(" AND read_at = ''");
  return kNotifications.Page(sql, where, " ORDER BY id DESC", page);
}

std::int64_t CountUnread(soci::session& sql, std::int64_t user_id) {
  Query q("SELECT COUNT(*) FROM notifications WHERE user_id = :u AND channel = 'inapp' AND read_at = ''");
  return q.Bind("u", user_id).Scalar(sql);
}

long long MarkRead(soci::session& sql, std::int64_t user_id, std::int64_t id, const std::string& now) {
  Query q("UPDATE notifications SET read_at = :n WHERE user_id = :u AND channel = 'inapp' AND read_at = ''");
  q.Bind("n", now).Bind("u", user_id);
  if (id > 0) q.Where("id = ?", id);
  return q.Exec(sql);
}

std::optional<Notification> FindNotice(soci::session& sql, std::int64_t user_id, std::int64_t id) {
  auto n = FindNotification(sql, id);
  if (!n || n->channel != "inapp" || n->user_id != user_id) return std::nullopt;
  return n;
}

core::Page<Notification> ListOutbox(soci::session& sql, const OutboxFilter& f, const core::PageRequest& page) {
  Query where(" WHERE 1=1");
  if (!f.channel.empty()) where.Where("channel = ?", f.channel);
  if (!f.status.empty()) where.Where("status = ?", f.status);
  return kNotifications.Page(sql, where, " ORDER BY id DESC", page);
}

std::optional<Notification> FindNotification(soci::session& sql, std::int64_t id) {
  Query q(kNotifications.Select() + " WHERE id = :id");
  q.Bind("id", id);
  return kNotifications.One(sql, q);
}

bool Requeue(soci::session& sql, std::int64_t id, const std::string& now) {
  Query q("UPDATE notifications SET status = 'pending', attempts = 0, next_attempt_at = :n, last_error = '' "
          "WHERE id = :id AND channel <> 'inapp' AND status IN ('failed', 'unknown')");
  return q.Bind("n", now).Bind("id", id).Exec(sql) > 0;
}

long long PurgeBefore(soci::session& sql, const std::string& before) {
  Query marks("DELETE FROM job_marks WHERE done_at < :b");
  marks.Bind("b", before).Exec(sql);
  const std::string old = "FROM notifications WHERE created_at < :b AND status IN ('sent', 'failed', 'unknown')";
  Query files("DELETE FROM notification_files WHERE notification_id IN (SELECT id " + old + ")");
  files.Bind("b", before).Exec(sql);
  Query q("DELETE " + old);
  return q.Bind("b", before).Exec(sql);
}

bool MarkExists(soci::session& sql, const std::string& key) {
  return Query("SELECT COUNT(*) FROM job_marks WHERE mark_key = :k").Bind("k", key).Scalar(sql) > 0;
}

bool ClaimMark(soci::session& sql, const std::string& key, const std::string& now) {
  Query q("INSERT INTO job_marks (mark_key, done_at) VALUES (:k, :n) ON CONFLICT (mark_key) DO NOTHING");
  return q.Bind("k", key).Bind("n", now).Exec(sql) > 0;
}

}  // namespace tongxin::notify::repo
