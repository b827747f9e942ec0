// Notification storage.
#include "modules/notify/notify_repo.hpp"

#include "storage/query.hpp"
#include "storage/rows.hpp"

namespace tongxin::notify::repo {
namespace {

using storage::GetInt;
using storage::GetOptInt;
using storage::GetStr;
using storage::Query;

constexpr const char* kColumns =
    "SELECT id, channel, kind, user_id, person_id, address, lang, subject, body, link, dedup_key, status, attempts, "
    "next_attempt_at, last_error, created_at, sent_at, read_at FROM notifications";

Notification FromRow(const soci::row& r) {
  Notification n;
  n.id = GetInt(r, "id");
  n.channel = GetStr(r, "channel");
  n.kind = GetStr(r, "kind");
  n.user_id = GetOptInt(r, "user_id");
  n.person_id = GetOptInt(r, "person_id");
  n.address = GetStr(r, "address");
  n.lang = GetStr(r, "lang");
  n.subject = GetStr(r, "subject");
  n.body = GetStr(r, "body");
  n.link = GetStr(r, "link");
  n.dedup_key = GetStr(r, "dedup_key");
  n.status = GetStr(r, "status");
  n.attempts = static_cast<int>(GetInt(r, "attempts"));
  n.next_attempt_at = GetStr(r, "next_attempt_at");
  n.last_error = GetStr(r, "last_error");
  n.created_at = GetStr(r, "created_at");
  n.sent_at = GetStr(r, "sent_at");
  n.read_at = GetStr(r, "read_at");
  return n;
}

std::vector<Notification> All(soci::session& sql, Query& q) {
  std::vector<Notification> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) out.push_back(FromRow(r));
  return out;
}

core::Page<Notification> Paged(soci::session& sql, const Query& where, const core::PageRequest& page) {
  core::Page<Notification> out;
  out.request = page;
  out.total = where.Wrap("SELECT COUNT(*) FROM notifications").Scalar(sql);
  Query list = where.Wrap(kColumns, " ORDER BY id DESC" + storage::PageClause(page));
  out.items = All(sql, list);
  return out;
}

}  // namespace

bool Enqueue(soci::session& sql, const Notification& n) {
  Query q(std::string("INSERT INTO notifications (channel, kind, user_id, person_id, address, lang, subject, body, "
                      "link, dedup_key, status, next_attempt_at, created_at, sent_at) VALUES (:ch, :ki, ") +
          (n.user_id ? ":uid" : "NULL") + ", " + (n.person_id ? ":pid" : "NULL") +
          ", :ad, :la, :su, :bo, :li, :dk, :st, :na, :ca, :sa) ON CONFLICT (dedup_key) DO NOTHING");
  q.Bind("ch", n.channel).Bind("ki", n.kind).Bind("ad", n.address).Bind("la", n.lang).Bind("su", n.subject);
  q.Bind("bo", n.body).Bind("li", n.link).Bind("dk", n.dedup_key).Bind("st", n.status);
  q.Bind("na", n.next_attempt_at).Bind("ca", n.created_at).Bind("sa", n.sent_at);
  if (n.user_id) q.Bind("uid", *n.user_id);
  if (n.person_id) q.Bind("pid", *n.person_id);
  return q.Exec(sql) > 0;
}

std::vector<Notification> ClaimDueEmail(soci::session& sql, const std::string& now, int limit) {
  Query due("SELECT id FROM notifications WHERE channel = 'email' AND status = 'pending' AND next_attempt_at <= :n "
            "ORDER BY next_attempt_at, id LIMIT " + std::to_string(limit));
  due.Bind("n", now);
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

void MarkAttemptFailed(soci::session& sql, std::int64_t id, const std::string& error, bool final,
                       const std::string& next_attempt_at) {
  Query q("UPDATE notifications SET status = :s, last_error = :e, next_attempt_at = :na WHERE id = :id");
  q.Bind("s", std::string(final ? "failed" : "pending")).Bind("e", error.substr(0, 500));
  q.Bind("na", next_attempt_at).Bind("id", id).Exec(sql);
}

int ExpireStaleClaims(soci::session& sql, const std::string& cutoff) {
  Query q("UPDATE notifications SET status = 'unknown', last_error = 'sender stopped during delivery; not retried' "
          "WHERE channel = 'email' AND status = 'sending' AND claimed_at < :c");
  q.Bind("c", cutoff);
  return static_cast<int>(q.Exec(sql));
}

core::Page<Notification> ListNotices(soci::session& sql, std::int64_t user_id, const NoticeFilter& f,
                                     const core::PageRequest& page) {
  Query where(" WHERE channel = 'inapp'");
  where.Where("user_id = ?", user_id);
  if (f.unread_only) where.Append(" AND read_at = ''");
  return Paged(sql, where, page);
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
  return Paged(sql, where, page);
}

std::optional<Notification> FindNotification(soci::session& sql, std::int64_t id) {
  Query q(std::string(kColumns) + " WHERE id = :id");
  q.Bind("id", id);
  auto list = All(sql, q);
  if (list.empty()) return std::nullopt;
  return std::move(list.front());
}

bool Requeue(soci::session& sql, std::int64_t id, const std::string& now) {
  Query q("UPDATE notifications SET status = 'pending', attempts = 0, next_attempt_at = :n, last_error = '' "
          "WHERE id = :id AND channel = 'email' AND status IN ('failed', 'unknown')");
  return q.Bind("n", now).Bind("id", id).Exec(sql) > 0;
}

long long PurgeBefore(soci::session& sql, const std::string& before) {
  Query marks("DELETE FROM job_marks WHERE done_at < :b");
  marks.Bind("b", before).Exec(sql);
  Query q("DELETE FROM notifications WHERE created_at < :b AND status IN ('sent', 'failed', 'unknown')");
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
