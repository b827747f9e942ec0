// Posts, shifts and sign-ups storage.
#include "modules/community/shifts_repo.hpp"

#include "core/clock.hpp"
#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::community::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Post> kPosts(
    "FROM duty_posts dp JOIN units c ON c.id = dp.community_id LEFT JOIN volunteer_groups g ON g.id = dp.group_id",
    "dp",
    {{"community_name_zh", "c.name_zh"}, {"community_name_en", "c.name_en"}, {"group_name", "COALESCE(g.name, '')"}});

const RowMap<Shift> kShifts("FROM duty_shifts s JOIN duty_posts dp ON dp.id = s.post_id", "s",
                            {{"post_name", "dp.name"},
                             {"post_kind", "dp.kind"},
                             {"community_id", "dp.community_id"},
                             {"taken", "(SELECT COUNT(*) FROM shift_signups su WHERE su.shift_id = s.id)"}});

const RowMap<Signup> kSignups("FROM shift_signups su JOIN people p ON p.id = su.person_id", "su",
                              {{"name_zh", "p.name_zh"}, {"name_latin", "p.name_latin"}});

std::string IdList(const std::vector<std::int64_t>& ids) {
  std::string in;
  for (auto id : ids) in += (in.empty() ? "" : ",") + std::to_string(id);
  return in;
}

}  // namespace

std::vector<Post> Posts(soci::session& sql, const core::Principal& who, const std::string& community_path) {
  Query q(kPosts.Select() + " WHERE 1 = 1");
  storage::AppendUnitScope(q, who, "dp.community_id");
  storage::AppendUnitSubtree(q, "dp.community_id", community_path);
  q.Append(" ORDER BY c.path, dp.kind, dp.name, dp.id");
  return kPosts.All(sql, q);
}

std::optional<Post> FindPost(soci::session& sql, std::int64_t id) {
  Query q(kPosts.Select() + " WHERE dp.id = :id");
  q.Bind("id", id);
  return kPosts.One(sql, q);
}

std::int64_t InsertPost(soci::session& sql, const Post& p) {
  Query q("INSERT INTO duty_posts (community_id, group_id, kind, name, location, created_at, updated_at) VALUES "
          "(:c, " +
          std::string(p.group_id ? ":g" : "NULL") + ", :k, :n, :l, :ca, :ua) RETURNING id");
  q.Bind("c", p.community_id);
  if (p.group_id) q.Bind("g", *p.group_id);
  q.Bind("k", p.kind).Bind("n", p.name).Bind("l", p.location).Bind("ca", p.created_at).Bind("ua", p.updated_at);
  return q.Scalar(sql);
}

void UpdatePost(soci::session& sql, const Post& p) {
  Query q("UPDATE duty_posts SET group_id = " + std::string(p.group_id ? ":g" : "NULL") +
          ", kind = :k, name = :n, location = :l, updated_at = :u WHERE id = :id");
  if (p.group_id) q.Bind("g", *p.group_id);
  q.Bind("k", p.kind).Bind("n", p.name).Bind("l", p.location).Bind("u", p.updated_at).Bind("id", p.id).Exec(sql);
}

bool InsertShift(soci::session& sql, const Shift& s) {
  Query n("SELECT COUNT(*) FROM duty_shifts WHERE post_id = :p AND starts_at = :s");
  if (n.Bind("p", s.post_id).Bind("s", s.starts_at).Scalar(sql) > 0) return false;
  Query q("INSERT INTO duty_shifts (post_id, starts_at, ends_at, capacity, skill, notes, created_at) VALUES (:p, :s, "
          ":e, :c, :k, :n, :a)");
  q.Bind("p", s.post_id).Bind("s", s.starts_at).Bind("e", s.ends_at).Bind("c", std::int64_t{s.capacity});
  q.Bind("k", s.skill).Bind("n", s.notes).Bind("a", s.created_at).Exec(sql);
  return true;
}

std::optional<Shift> FindShift(soci::session& sql, std::int64_t id) {
  Query q(kShifts.Select() + " WHERE s.id = :id");
  q.Bind("id", id);
  return kShifts.One(sql, q);
}

std::vector<Shift> Shifts(soci::session& sql, const core::Principal& who, std::optional<std::int64_t> post_id,
                          const std::string& community_path, const std::string& from, const std::string& to) {
  Query q(kShifts.Select() + " WHERE s.starts_at >= :f AND s.starts_at < :t");
  q.Bind("f", from).Bind("t", to);
  if (post_id) q.Where("s.post_id = ?", *post_id);
  storage::AppendUnitScope(q, who, "dp.community_id");
  storage::AppendUnitSubtree(q, "dp.community_id", community_path);
  q.Append(" ORDER BY s.starts_at, dp.name, s.id");
  return kShifts.All(sql, q);
}

void DeleteShift(soci::session& sql, std::int64_t id) {
  Query("DELETE FROM duty_shifts WHERE id = :id").Bind("id", id).Exec(sql);
}

std::vector<Signup> SignupsOf(soci::session& sql, const std::vector<std::int64_t>& shift_ids) {
  if (shift_ids.empty()) return {};
  Query q(kSignups.Select() + " WHERE su.shift_id IN (" + IdList(shift_ids) + ") ORDER BY su.signed_at, su.person_id");
  return kSignups.All(sql, q);
}

std::vector<Shift> ShiftsOfPerson(soci::session& sql, std::int64_t person_id) {
  Query q(kShifts.Select() + " WHERE s.id IN (SELECT shift_id FROM shift_signups WHERE person_id = :p) ORDER BY "
                             "s.starts_at DESC");
  q.Bind("p", person_id);
  return kShifts.All(sql, q);
}

std::optional<Shift> Clash(soci::session& sql, std::int64_t person_id, const std::string& starts_at,
                           const std::string& ends_at, std::int64_t except) {
  Query q(kShifts.Select() + " WHERE s.id IN (SELECT shift_id FROM shift_signups WHERE person_id = :p) AND s.id <> "
                             ":x AND s.starts_at < :e AND s.ends_at > :s ORDER BY s.starts_at LIMIT 1");
  q.Bind("p", person_id).Bind("x", except).Bind("e", ends_at).Bind("s", starts_at);
  return kShifts.One(sql, q);
}

bool SignedUp(soci::session& sql, std::int64_t shift_id, std::int64_t person_id) {
  Query q("SELECT COUNT(*) FROM shift_signups WHERE shift_id = :s AND person_id = :p");
  return q.Bind("s", shift_id).Bind("p", person_id).Scalar(sql) > 0;
}

void InsertSignup(soci::session& sql, std::int64_t shift_id, std::int64_t person_id, const std::string& at) {
  Query q("INSERT INTO shift_signups (shift_id, person_id, signed_at) VALUES (:s, :p, :a)");
  q.Bind("s", shift_id).Bind("p", person_id).Bind("a", at).Exec(sql);
}

void DeleteSignup(soci::session& sql, std::int64_t shift_id, std::int64_t person_id) {
  Query q("DELETE FROM shift_signups WHERE shift_id = :s AND person_id = :p");
  q.Bind("s", shift_id).Bind("p", person_id).Exec(sql);
}

std::map<std::int64_t, std::int64_t> MinutesServed(soci::session& sql, const std::vector<std::int64_t>& person_ids,
                                                   const std::string& now) {
  std::map<std::int64_t, std::int64_t> out;
  if (person_ids.empty()) return out;
  Query q("SELECT su.person_id, s.starts_at, s.ends_at FROM shift_signups su JOIN duty_shifts s ON s.id = "
          "su.shift_id WHERE su.person_id IN (" +
          IdList(person_ids) + ") AND s.ends_at <= :n");
  q.Bind("n", now);
  for (const auto& row : q.Rows(sql)) {
    const auto s = core::ParseIso(GetStr(row, 1));
    const auto e = core::ParseIso(GetStr(row, 2));
    if (!s || !e) continue;
    out[GetInt(row, 0)] += std::chrono::duration_cast<std::chrono::minutes>(*e - *s).count();
  }
  return out;
}

void SetFeed(soci::session& sql, std::int64_t person_id, const std::string& token_hash, const std::string& now) {
  Query("DELETE FROM calendar_feeds WHERE person_id = :p").Bind("p", person_id).Exec(sql);
  Query q("INSERT INTO calendar_feeds (person_id, token_hash, created_at) VALUES (:p, :h, :n)");
  q.Bind("p", person_id).Bind("h", token_hash).Bind("n", now).Exec(sql);
}

std::optional<std::int64_t> FeedOwner(soci::session& sql, const std::string& token_hash) {
  Query q("SELECT person_id FROM calendar_feeds WHERE token_hash = :h");
  q.Bind("h", token_hash);
  for (const auto& row : q.Rows(sql)) return GetInt(row, 0);
  return std::nullopt;
}

bool RevokeFeed(soci::session& sql, std::int64_t person_id) {
  Query n("SELECT COUNT(*) FROM calendar_feeds WHERE person_id = :p");
  if (n.Bind("p", person_id).Scalar(sql) == 0) return false;
  Query("DELETE FROM calendar_feeds WHERE person_id = :p").Bind("p", person_id).Exec(sql);
  return true;
}

}  // namespace tongxin::community::repo
