// Notices storage.
#include "modules/announcements/announcements_repo.hpp"

#include "core/text.hpp"
#include "modules/announcements/audience_repo.hpp"
#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::announcements::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Announcement> kAnnouncements("FROM announcements a", "a");
constexpr const char* kOrder = " ORDER BY a.pinned DESC, a.publish_at DESC, a.id DESC";

// Published at `:now`: approved, out, not expired.
constexpr const char* kLive =
    "a.status = 'approved' AND a.publish_at <= :now AND (a.expire_at = '' OR a.expire_at > :now2)";

std::string Match(const std::string& ann) { return repo::Match(kNoticeAudience, ann); }

Query& BindNow(Query& q, const std::string& now) { return q.Bind("now", now).Bind("now2", now); }

Query ForUser(std::int64_t user_id, const std::string& now) {
  Query q(std::string(" WHERE ") + kLive + " AND EXISTS (SELECT 1 FROM users u LEFT JOIN people p ON p.id = u.person_id "
          "WHERE u.id = :uid AND " + Match("a.id") + ")");
  q.Bind("uid", user_id);
  return BindNow(q, now);
}

Query& BindColumns(Query& q, const Announcement& a) {
  q.Bind("c", a.category).Bind("tz", a.title_zh).Bind("te", a.title_en).Bind("bz", a.body_zh).Bind("be", a.body_en);
  q.Bind("pl", a.pending_lang).Bind("st", a.status).Bind("pa", a.publish_at).Bind("ea", a.expire_at);
  q.Bind("pin", a.pinned).Bind("pub", a.is_public).Bind("ack", a.ack_required);
  q.Bind("sb", a.submitted_by.value_or(0)).Bind("sbn", a.submitted_by_name);
  q.Bind("rb", a.reviewed_by.value_or(0)).Bind("rbn", a.reviewed_by_name).Bind("rn", a.review_note);
  q.Bind("ua", a.updated_at);
  return q;
}

// The audience in scope, with receipts: FROM ... WHERE for the accounts of notice :aid.
Query AudienceFrom(const core::Principal* who, std::int64_t id) {
  Query q(" FROM users u LEFT JOIN people p ON p.id = u.person_id LEFT JOIN announcement_receipts r ON "
          "r.announcement_id = :aid AND r.user_id = u.id LEFT JOIN units un ON un.id = COALESCE(p.unit_id, (SELECT "
          "MIN(uu.unit_id) FROM user_units uu WHERE uu.user_id = u.id)) WHERE u.active = 1 AND " + Match(":aid2"));
  q.Bind("aid", id).Bind("aid2", id);
  if (who) storage::AppendUnitScope(q, *who, "un.id");
  return q;
}

void AppendState(Query& q, const std::string& state) {
  if (state == "unread") q.Append(" AND r.user_id IS NULL");
  if (state == "read") q.Append(" AND r.user_id IS NOT NULL");
  if (state == "unacked") q.Append(" AND (r.user_id IS NULL OR r.acked_at = '')");
  if (state == "acked") q.Append(" AND r.acked_at <> ''");
}

}  // namespace

core::Page<Announcement> List(soci::session& sql, const AnnouncementFilter& f, const std::string& now,
                              const core::PageRequest& page) {
  Query where(" WHERE 1 = 1");
  if (!f.category.empty()) where.Where("a.category = ?", f.category);
  if (f.state == "draft" || f.state == "review") where.Where("a.status = ?", f.state);
  if (f.state == "scheduled") where.Append(" AND a.status = 'approved'").Where("a.publish_at > ?", now);
  if (f.state == "published") {
    where.Append(" AND a.status = 'approved'").Where("a.publish_at <= ?", now).Where(
        "(a.expire_at = '' OR a.expire_at > ?)", now);
  }
  if (f.state == "expired") {
    where.Where("(a.status = 'withdrawn' OR (a.status = 'approved' AND a.expire_at <> '' AND a.expire_at <= ?))", now);
  }
  const std::string s = core::ToLowerAscii(core::Trim(f.q));
  if (!s.empty()) {
    where.Append(" AND (LOWER(a.title_en) LIKE :q ESCAPE '\\' OR a.title_zh LIKE :q2 ESCAPE '\\' OR LOWER(a.body_en) "
                 "LIKE :q3 ESCAPE '\\' OR a.body_zh LIKE :q4 ESCAPE '\\')");
    const std::string pattern = "%" + core::EscapeLike(s) + "%";
    where.Bind("q", pattern).Bind("q2", pattern).Bind("q3", pattern).Bind("q4", pattern);
  }
  return kAnnouncements.Page(sql, where, " ORDER BY a.pinned DESC, a.updated_at DESC, a.id DESC", page);
}

core::Page<Announcement> Inbox(soci::session& sql, std::int64_t user_id, const std::string& now, bool unread_only,
                               const core::PageRequest& page) {
  Query where = ForUser(user_id, now);
  if (unread_only) {
    where.Append(" AND NOT EXISTS (SELECT 1 FROM announcement_receipts r WHERE r.announcement_id = a.id AND r.user_id "
                 "= :uid2)");
    where.Bind("uid2", user_id);
  }
  return kAnnouncements.Page(sql, where, kOrder, page);
}

std::int64_t UnreadCount(soci::session& sql, std::int64_t user_id, const std::string& now) {
  Query q = ForUser(user_id, now);
  q.Append(" AND NOT EXISTS (SELECT 1 FROM announcement_receipts r WHERE r.announcement_id = a.id AND r.user_id = "
           ":uid2)");
  q.Bind("uid2", user_id);
  return q.Wrap("SELECT COUNT(*) FROM announcements a").Scalar(sql);
}

std::vector<Announcement> PublicList(soci::session& sql, const std::string& now, int limit) {
  Query q(kAnnouncements.Select() + " WHERE a.is_public = 1 AND " + kLive + kOrder + " LIMIT " +
          std::to_string(limit));
  BindNow(q, now);
  return kAnnouncements.All(sql, q);
}

std::optional<Announcement> Find(soci::session& sql, std::int64_t id) {
  Query q(kAnnouncements.Select() + " WHERE a.id = :id");
  q.Bind("id", id);
  return kAnnouncements.One(sql, q);
}

std::int64_t Insert(soci::session& sql, const Announcement& a) {
  Query q("INSERT INTO announcements (category, title_zh, title_en, body_zh, body_en, pending_lang, status, publish_at, "
          "expire_at, pinned, is_public, ack_required, created_by, created_by_name, submitted_by, submitted_by_name, "
          "reviewed_by, reviewed_by_name, review_note, created_at, updated_at) VALUES (:c, :tz, :te, :bz, :be, :pl, "
          ":st, :pa, :ea, :pin, :pub, :ack, NULLIF(:cb, 0), :cbn, NULLIF(:sb, 0), :sbn, NULLIF(:rb, 0), :rbn, :rn, "
          ":cat, :ua) RETURNING id");
  q.Bind("cb", a.created_by.value_or(0)).Bind("cbn", a.created_by_name).Bind("cat", a.created_at);
  return BindColumns(q, a).Scalar(sql);
}

void Update(soci::session& sql, const Announcement& a) {
  Query q("UPDATE announcements SET category = :c, title_zh = :tz, title_en = :te, body_zh = :bz, body_en = :be, "
          "pending_lang = :pl, status = :st, publish_at = :pa, expire_at = :ea, pinned = :pin, is_public = :pub, "
          "ack_required = :ack, submitted_by = NULLIF(:sb, 0), submitted_by_name = :sbn, reviewed_by = NULLIF(:rb, 0), "
          "reviewed_by_name = :rbn, review_note = :rn, updated_at = :ua WHERE id = :id");
  q.Bind("id", a.id);
  BindColumns(q, a).Exec(sql);
}

Audience AudienceOf(soci::session& sql, std::int64_t id) { return AudienceOf(sql, kNoticeAudience, id); }

void SetAudience(soci::session& sql, std::int64_t id, const Audience& a) { SetAudience(sql, kNoticeAudience, id, a); }

bool InAudience(soci::session& sql, std::int64_t id, std::int64_t user_id) {
  Query q("SELECT COUNT(*) FROM users u LEFT JOIN people p ON p.id = u.person_id WHERE u.id = :uid AND " +
          Match(":aid"));
  q.Bind("uid", user_id).Bind("aid", id);
  return q.Scalar(sql) > 0;
}

std::pair<std::string, std::string> ReceiptOf(soci::session& sql, std::int64_t id, std::int64_t user_id) {
  Query q("SELECT read_at, acked_at FROM announcement_receipts WHERE announcement_id = :a AND user_id = :u");
  q.Bind("a", id).Bind("u", user_id);
  for (const auto& row : q.Rows(sql)) return {GetStr(row, 0), GetStr(row, 1)};
  return {};
}

bool MarkRead(soci::session& sql, std::int64_t id, std::int64_t user_id, const std::string& at) {
  Query q("INSERT INTO announcement_receipts (announcement_id, user_id, read_at) VALUES (:a, :u, :at) ON CONFLICT "
          "(announcement_id, user_id) DO NOTHING");
  return q.Bind("a", id).Bind("u", user_id).Bind("at", at).Exec(sql) > 0;
}

bool MarkAcked(soci::session& sql, std::int64_t id, std::int64_t user_id, const std::string& at) {
  MarkRead(sql, id, user_id, at);
  Query q("UPDATE announcement_receipts SET acked_at = :at WHERE announcement_id = :a AND user_id = :u AND acked_at = "
          "''");
  return q.Bind("at", at).Bind("a", id).Bind("u", user_id).Exec(sql) > 0;
}

ReceiptPage Receipts(soci::session& sql, const core::Principal& who, std::int64_t id, const std::string& state,
                     const core::PageRequest& page) {
  ReceiptPage out;
  {
    Query counts = AudienceFrom(&who, id).Wrap(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN r.user_id IS NOT NULL THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN "
        "r.acked_at <> '' THEN 1 ELSE 0 END), 0)");
    for (const auto& row : counts.Rows(sql)) {
      out.audience = GetInt(row, 0);
      out.read = GetInt(row, 1);
      out.acked = GetInt(row, 2);
    }
  }
  Query base = AudienceFrom(&who, id);
  AppendState(base, state);
  {
    Query n = base;
    out.matching = n.Wrap("SELECT COUNT(*)").Scalar(sql);
  }
  Query list = base.Wrap(
      "SELECT u.id, u.display_name, u.username, u.role, COALESCE(un.name_zh, ''), COALESCE(un.name_en, ''), "
      "COALESCE(r.read_at, ''), COALESCE(r.acked_at, '')",
      " ORDER BY u.display_name, u.id" + PageClause(page));
  for (const auto& row : list.Rows(sql)) {
    out.items.push_back({GetInt(row, 0), GetStr(row, 1), GetStr(row, 2), GetStr(row, 3), GetStr(row, 4),
                         GetStr(row, 5), GetStr(row, 6), GetStr(row, 7)});
  }
  return out;
}

std::vector<std::int64_t> AudienceUsers(soci::session& sql, const core::Principal* who, std::int64_t id,
                                        const std::string& state) {
  Query q = AudienceFrom(who, id);
  AppendState(q, state);
  std::vector<std::int64_t> out;
  Query list = q.Wrap("SELECT u.id", " ORDER BY u.id");
  for (const auto& row : list.Rows(sql)) out.push_back(GetInt(row, 0));
  return out;
}

std::vector<Announcement> DueToAnnounce(soci::session& sql, const std::string& now) {
  Query q(kAnnouncements.Select() + " WHERE " + kLive + " AND a.announced_at = '' ORDER BY a.id");
  BindNow(q, now);
  return kAnnouncements.All(sql, q);
}

void SetAnnounced(soci::session& sql, std::int64_t id, const std::string& at) {
  Query q("UPDATE announcements SET announced_at = :at WHERE id = :id");
  q.Bind("at", at).Bind("id", id).Exec(sql);
}

}  // namespace tongxin::announcements::repo
