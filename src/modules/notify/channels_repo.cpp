// Message channel storage.
#include "modules/notify/channels_repo.hpp"

#include "storage/repo_kit.hpp"

namespace tongxin::notify::channels_repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Channel> kChannels("FROM message_channels");

Query& BindFields(Query& q, const Channel& c) {
  q.Bind("kind", c.kind).Bind("name", c.name).Bind("url", c.url).Bind("secret", c.secret);
  q.Bind("tz", c.template_zh).Bind("te", c.template_en).Bind("kinds", c.kinds).Bind("lang", c.lang);
  q.Bind("rate", c.rate_per_minute).Bind("active", std::int64_t{c.active ? 1 : 0});
  q.Bind("token", c.callback_token).Bind("by", c.updated_by_name).Bind("ua", c.updated_at);
  return q;
}

}  // namespace

std::vector<Channel> List(soci::session& sql) {
  Query q(kChannels.Select() + " ORDER BY id");
  return kChannels.All(sql, q);
}

std::vector<Channel> Active(soci::session& sql) {
  Query q(kChannels.Select() + " WHERE active = 1 ORDER BY id");
  return kChannels.All(sql, q);
}

std::optional<Channel> Find(soci::session& sql, std::int64_t id) {
  Query q(kChannels.Select() + " WHERE id = :id");
  q.Bind("id", id);
  return kChannels.One(sql, q);
}

std::int64_t Insert(soci::session& sql, const Channel& c) {
  Query q("INSERT INTO message_channels (kind, name, url, secret, template_zh, template_en, kinds, lang, "
          "rate_per_minute, active, callback_token, updated_by_name, created_at, updated_at) VALUES (:kind, :name, "
          ":url, :secret, :tz, :te, :kinds, :lang, :rate, :active, :token, :by, :ca, :ua) RETURNING id");
  BindFields(q, c).Bind("ca", c.created_at);
  return q.Scalar(sql);
}

void Update(soci::session& sql, const Channel& c) {
  Query q("UPDATE message_channels SET kind = :kind, name = :name, url = :url, secret = :secret, "
          "template_zh = :tz, template_en = :te, kinds = :kinds, lang = :lang, rate_per_minute = :rate, "
          "active = :active, callback_token = :token, updated_by_name = :by, updated_at = :ua WHERE id = :id");
  BindFields(q, c).Bind("id", c.id).Exec(sql);
}

ChannelCounts CountsOf(soci::session& sql, std::int64_t channel_id) {
  ChannelCounts out;
  Query q("SELECT status, COUNT(*) FROM notifications WHERE channel_id = :c GROUP BY status");
  q.Bind("c", channel_id);
  {
    soci::rowset<soci::row> rs = q.Rows(sql);
    for (const auto& r : rs) {
      const std::string status = GetStr(r, 0);
      const std::int64_t n = GetInt(r, 1);
      if (status == "pending" || status == "sending") out.pending += n;
      if (status == "failed" || status == "unknown") out.failed += n;
      if (status == "sent") out.sent += n;
    }
  }
  Query e("SELECT last_error FROM notifications WHERE channel_id = :c AND last_error <> '' ORDER BY id DESC LIMIT 1");
  e.Bind("c", channel_id);
  soci::rowset<soci::row> rs = e.Rows(sql);
  for (const auto& r : rs) out.last_error = GetStr(r, 0);
  return out;
}

}  // namespace tongxin::notify::channels_repo
