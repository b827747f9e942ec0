// Message channels.
#include "modules/notify/channels_service.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "auth/crypto.hpp"
#include "core/json_reader.hpp"
#include "core/text.hpp"
#include "modules/notify/http_post.hpp"
#include "modules/notify/notify_repo.hpp"
#include "storage/query.hpp"

namespace tongxin::notify {
namespace {

// What the audit keeps of a channel: not its secret or token.
std::string AuditJson(const Channel& c) {
  auto o = ChannelToJson(c, "");
  o.erase("callback_url");
  return boost::json::serialize(o);
}

bool SameToken(const std::string& a, const std::string& b) {
  return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

ChannelsService::ChannelsService(storage::Database& db, const core::Clock& clock, NotifySettings notify,
                                 ChannelSettings settings)
    : db_(db), clock_(clock), notify_(std::move(notify)), settings_(std::move(settings)), port_(settings_.port) {}

std::string ChannelsService::BaseUrl() const {
  std::string base = settings_.public_url;
  if (base.empty()) base = "http://" + settings_.host + ":" + std::to_string(port_.load());
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

std::string ChannelsService::CallbackUrl(const Channel& c) const {
  return BaseUrl() + "/api/v1/hooks/sms/" + std::to_string(c.id) + "/status?token=" + c.callback_token;
}

core::Result<std::vector<ChannelsService::Listed>> ChannelsService::List() {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<Listed>> {
    std::vector<Listed> out;
    for (auto& c : channels_repo::List(sql)) {
      auto counts = channels_repo::CountsOf(sql, c.id);
      out.push_back({std::move(c), std::move(counts)});
    }
    return out;
  });
}

core::Result<Channel> ChannelsService::Get(std::int64_t id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<Channel> {
    auto c = channels_repo::Find(sql, id);
    if (!c) return core::NotFound("notify.channel_not_found");
    return *c;
  });
}

core::Result<Channel> ChannelsService::Create(const boost::json::object& body, const auth::Actor& actor) {
  TX_TRY(in, ParseChannelInput(body, true));
  Channel fresh;
  fresh.created_at = fresh.updated_at = Now();
  fresh.updated_by_name = actor.username;
  fresh.callback_token = auth::RandomHex(16);
  TX_TRY(c, ApplyInput(std::move(fresh), *in, SelfOf(settings_.public_url, port_.load())));
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Channel> {
    c->id = channels_repo::Insert(sql, *c);
    auth::RecordAudit(sql, actor, c->created_at, "create", "message_channel", std::to_string(c->id), "",
                      AuditJson(*c));
    return *c;
  });
}

core::Result<Channel> ChannelsService::Update(std::int64_t id, const boost::json::object& body,
                                              const auth::Actor& actor) {
  TX_TRY(in, ParseChannelInput(body, false));
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Channel> {
    auto before = channels_repo::Find(sql, id);
    if (!before) return core::NotFound("notify.channel_not_found");
    TX_TRY(after, ApplyInput(*before, *in, SelfOf(settings_.public_url, port_.load())));
    after->updated_at = Now();
    after->updated_by_name = actor.username;
    channels_repo::Update(sql, *after);
    auth::RecordAudit(sql, actor, after->updated_at, "update", "message_channel", std::to_string(id),
                      AuditJson(*before), AuditJson(*after));
    return *after;
  });
}

core::Result<std::int64_t> ChannelsService::Test(std::int64_t id, const std::string& phone,
                                                 const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<std::int64_t> {
    auto c = channels_repo::Find(sql, id);
    if (!c) return core::NotFound("notify.channel_not_found");
    if (c->kind == "sms" && core::Trim(phone).empty()) return core::FieldInvalid("phone", "validation.required");
    const std::string now = Now();
    const bool en = c->lang == "en";
    Notification n;
    n.channel = c->kind;
    n.channel_id = c->id;
    n.kind = "test";
    n.lang = c->lang;
    n.subject = en ? "Tongxin test message" : "同心平台测试消息";
    n.body = en ? "This channel is set up: messages will arrive here." : "该推送渠道已配置成功，消息将发送至此。";
    n.address = c->kind == "sms" ? core::Trim(phone) : c->name;
    n.status = "pending";
    n.created_at = n.next_attempt_at = now;
    n.dedup_key = "test:ch" + std::to_string(c->id) + ":" + now + ":" + auth::RandomHex(4);
    auto row = repo::Enqueue(sql, n);
    if (!row) return core::Internal("test message not queued");
    auth::RecordAudit(sql, actor, now, "test", "message_channel", std::to_string(id), "",
                      boost::json::serialize(boost::json::object{{"notification_id", *row}}));
    return *row;
  });
}

core::Result<SendReport> ChannelsService::SendDue(std::chrono::seconds budget) {
  SendReport report;
  TX_TRY(channels, db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<Channel>> {
    return channels_repo::Active(sql);
  }));
  const auto until = std::chrono::steady_clock::now() + budget;
  for (;;) {
    bool more = false;
    for (const auto& c : *channels) {
      TX_TRY(sent, SendBatch(c, report));
      more = more || *sent;
    }
    if (!more || std::chrono::steady_clock::now() >= until) return report;
  }
}

core::Result<bool> ChannelsService::SendBatch(const Channel& c, SendReport& report) {
  const core::TimePoint now_tp = clock_.Now();
  const std::string now = core::FormatIso(now_tp);
  auto claimed = db_.InTransaction([&](soci::session& sql) -> core::Result<std::vector<Notification>> {
    const std::string cutoff = core::FormatIso(now_tp - std::chrono::minutes(notify_.stale_claim_minutes));
    report.expired += repo::ExpireStaleClaims(sql, cutoff);
    // The rate limit: what was claimed in the last minute counts against it.
    const auto used = repo::ClaimedSince(sql, c.id, core::FormatIso(now_tp - std::chrono::seconds(60)));
    const auto allowance = std::min<std::int64_t>(c.rate_per_minute - used, notify_.batch);
    return repo::ClaimDue(sql, now, static_cast<int>(allowance), c.id);
  });
  if (!claimed) return claimed.error();
  for (const auto& n : *claimed) {
    const std::string link = n.link.empty() ? "" : BaseUrl() + n.link;
    Outgoing out;
    if (c.is_group()) {
      out = GroupPost(c, n.subject, n.body, link, now_tp);
    } else {
      const std::string& tmpl = n.lang == "en" && !c.template_en.empty() ? c.template_en
                                : c.template_zh.empty()                  ? c.template_en
                                                                         : c.template_zh;
      out = SmsPost(c, n.address, RenderTemplate(tmpl, n.subject, n.body, link), "n" + std::to_string(n.id),
                    CallbackUrl(c));
    }
    auto reply = Post(out, settings_.timeout_seconds);
    core::Result<std::string> ref = reply ? ReadReply(c, reply->status, reply->body) : core::Result<std::string>(reply.error());
    const core::Status st = ref ? core::Status() : core::Status(ref.error());
    RecordAttempt(db_, clock_, n, st, notify_, now_tp, report, [&](soci::session& sql) {
      if (ref && !ref->empty()) repo::SetExternalRef(sql, n.id, *ref);
    });
  }
  return !claimed->empty();
}

core::Status ChannelsService::Delivery(std::int64_t channel_id, const std::string& token,
                                       const boost::json::object& body, const auth::Actor& actor) {
  core::JsonReader r(body, {"ref", "id", "status", "error"});
  auto ref = r.String("ref", false, 100);
  auto gateway_id = r.String("id", false, 200);
  auto status = r.Choice("status", true, {"delivered", "undelivered", "failed"});
  auto error = r.String("error", false, 500);
  if ((!ref || ref->empty()) && (!gateway_id || gateway_id->empty())) r.AddError({"ref", "validation.required", {}});
  TX_CHECK(r.Finish());
  const std::string key = ref && !ref->empty() ? *ref : *gateway_id;
  const std::string delivery = *status == "delivered" ? "delivered" : "undelivered";
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    auto c = channels_repo::Find(sql, channel_id);
    if (!c || c->kind != "sms") return core::NotFound("notify.channel_not_found");
    if (!SameToken(token, c->callback_token)) return core::Forbidden("notify.bad_token");
    const std::string now = Now();
    auto row = repo::RecordDelivery(sql, channel_id, key, delivery, error.value_or(""), now);
    if (!row) return core::MakeError(core::Errc::kNotFound, "notify.unknown_ref", {{"ref", key}});
    auth::Actor gateway = actor;
    gateway.username = "sms:" + c->name;
    auth::RecordAudit(sql, gateway, now, "delivery", "notification", std::to_string(*row), "",
                      boost::json::serialize(boost::json::object{{"delivery", delivery}}));
    return {};
  });
}

core::Result<QuietHours> ChannelsService::Quiet(const core::Principal& who) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<QuietHours> {
    QuietHours q;
    storage::Query find("SELECT quiet_from, quiet_to FROM notify_prefs WHERE user_id = :u");
    find.Bind("u", who.user_id);
    soci::rowset<soci::row> rs = find.Rows(sql);
    for (const auto& row : rs) q = {row.get<std::string>(0), row.get<std::string>(1)};
    return q;
  });
}

core::Result<QuietHours> ChannelsService::SetQuiet(const core::Principal& who, const boost::json::object& body,
                                                   const auth::Actor& actor) {
  core::JsonReader r(body, {"quiet_from", "quiet_to"});
  QuietHours q{r.String("quiet_from", false, 5).value_or(""), r.String("quiet_to", false, 5).value_or("")};
  for (const auto& [field, value] : {std::pair{"quiet_from", &q.from}, {"quiet_to", &q.to}}) {
    if (!value->empty() && !ParseClock(*value)) r.AddError({field, "validation.invalid_time", {}});
  }
  if (!r.HasErrors() && q.from.empty() != q.to.empty()) {
    r.AddError({q.from.empty() ? "quiet_from" : "quiet_to", "notify.quiet_incomplete", {}});
  }
  TX_CHECK(r.Finish());
  TX_TRY(before, Quiet(who));
  return db_.InTransaction([&](soci::session& sql) -> core::Result<QuietHours> {
    const std::string now = Now();
    storage::Query up("INSERT INTO notify_prefs (user_id, quiet_from, quiet_to, updated_at) VALUES (:u, :f, :t, :n) "
                      "ON CONFLICT (user_id) DO UPDATE SET quiet_from = :f2, quiet_to = :t2, updated_at = :n2");
    up.Bind("u", who.user_id).Bind("f", q.from).Bind("t", q.to).Bind("n", now);
    up.Bind("f2", q.from).Bind("t2", q.to).Bind("n2", now).Exec(sql);
    auto json = [](const QuietHours& h) {
      return boost::json::serialize(boost::json::object{{"quiet_from", h.from}, {"quiet_to", h.to}});
    };
    auth::RecordAudit(sql, actor, now, "update", "notify_prefs", std::to_string(who.user_id), json(*before), json(q));
    return q;
  });
}

}  // namespace tongxin::notify
