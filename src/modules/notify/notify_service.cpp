// Notifications.
#include "modules/notify/notify_service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <ctime>

#include "core/text.hpp"
#include "modules/notify/channel.hpp"
#include "modules/notify/channels_repo.hpp"
#include "storage/query.hpp"

namespace tongxin::notify {
namespace {


std::string RfcDate(core::TimePoint t) {
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

}  // namespace

std::string FailureReason(const core::Error& e) {
  return e.details.count("reason") ? e.details.at("reason") : e.reason;
}

void RecordAttempt(storage::Database& db, const core::Clock& clock, const Notification& n,
                   const core::Status& result, const NotifySettings& settings, core::TimePoint attempted,
                   SendReport& report, const std::function<void(soci::session&)>& also) {
  const bool final = n.attempts >= settings.max_attempts;
  auto recorded = db.InTransaction([&](soci::session& sql) -> core::Status {
    if (result) {
      repo::MarkSent(sql, n.id, core::FormatIso(clock.Now()));
    } else {
      const int shift = std::min(std::max(n.attempts - 1, 0), 6);
      const auto delay = std::min<std::int64_t>(std::int64_t{settings.retry_base_seconds} << shift, 3600);
      repo::MarkAttemptFailed(sql, n.id, FailureReason(result.error()), final,
                              core::FormatIso(attempted + std::chrono::seconds(delay)));
    }
    if (also) also(sql);
    return {};
  });
  if (!recorded) {
    spdlog::error("notification {}: could not record the delivery result: {}", n.id, recorded.error().reason);
    return;
  }
  if (result) {
    ++report.sent;
  } else if (final) {
    ++report.failed;
    spdlog::warn("{} notification {} failed for good: {}", n.channel, n.id, FailureReason(result.error()));
  } else {
    ++report.retried;
  }
}

NotifyService::NotifyService(storage::Database& db, const core::Clock& clock, Mailer mailer, NotifySettings settings)
    : db_(db), clock_(clock), mailer_(std::move(mailer)), settings_(settings) {}

std::optional<Recipient> NotifyService::ForPerson(soci::session& sql, std::int64_t person_id) {
  return repo::PersonRecipient(sql, person_id);
}

std::optional<Recipient> NotifyService::ForUser(soci::session& sql, std::int64_t user_id) {
  return repo::UserRecipient(sql, user_id);
}

std::vector<StaffMember> NotifyService::Staff(soci::session& sql, const std::vector<std::string>& roles) {
  return repo::ActiveStaff(sql, roles);
}

std::vector<Recipient> NotifyService::StaffFor(soci::session& sql, const std::string& unit_path) {
  std::vector<Recipient> out;
  for (auto& m : Staff(sql)) {
    if (m.Covers(unit_path)) out.push_back(std::move(m.to));
  }
  return out;
}

std::vector<Notification> NotifyService::RowsFor(const Recipient& to, const std::string& kind, const std::string& key,
                                                const std::function<const Message&(core::Lang)>& text,
                                                const std::string& link, const std::vector<Channel>& channels,
                                                bool with_groups) const {
  std::vector<Notification> rows;
  const std::string now = Now();
  const Message& msg = text(to.lang);
  Notification n;
  n.kind = kind;
  n.user_id = to.user_id;
  n.person_id = to.person_id;
  n.lang = std::string(core::LangCode(to.lang));
  n.subject = msg.subject;
  n.body = msg.body;
  n.link = link;
  n.created_at = now;
  n.next_attempt_at = now;
  const std::string who = to.user_id     ? "u" + std::to_string(*to.user_id)
                          : to.person_id ? "p" + std::to_string(*to.person_id)
                                         : "a:" + core::ToLowerAscii(to.email);
  // Email and SMS wait for the end of the recipient's quiet hours; urgent alerts do not.
  std::string due = now;
  if (!IsUrgent(kind) && !to.quiet_from.empty()) {
    if (auto end = QuietEnd(to.quiet_from, to.quiet_to, clock_.Now(), settings_.time_zone)) {
      due = core::FormatIso(*end);
    }
  }
  if (to.user_id) {
    n.channel = "inapp";
    n.status = "sent";
    n.sent_at = now;
    n.dedup_key = key + ":" + who + ":inapp";
    rows.push_back(n);
  }
  bool texted = false;
  for (const auto& ch : channels) {
    if (!ch.Relays(kind)) continue;
    Notification c = n;
    c.channel = ch.kind;
    c.channel_id = ch.id;
    c.status = "pending";
    c.sent_at.clear();
    if (ch.is_group()) {
      if (!with_groups) continue;
      // One post per event to the group, whoever else is told of it, in the group's language.
      const core::Lang lang = core::ParseLang(ch.lang).value_or(core::Lang::kZh);
      const Message& group = text(lang);
      c.lang = std::string(core::LangCode(lang));
      c.subject = group.subject;
      c.body = group.body;
      c.address = ch.name;
      c.user_id.reset();
      c.person_id.reset();
      c.dedup_key = key + ":ch" + std::to_string(ch.id);
    } else {
      if (to.phone.empty() || texted) continue;  // one text a recipient, through the first gateway
      texted = true;
      c.address = to.phone;
      c.next_attempt_at = due;
      c.dedup_key = key + ":" + who + ":sms";
    }
    rows.push_back(std::move(c));
  }
  if (!to.email.empty() && mailer_.enabled()) {
    n.channel = "email";
    n.status = "pending";
    n.sent_at.clear();
    n.address = to.email;
    n.next_attempt_at = due;
    n.dedup_key = key + ":" + who + ":email";
    rows.push_back(std::move(n));
  }
  return rows;
}

int NotifyService::Queue(soci::session& sql, const Recipient& to, const std::string& kind, const std::string& key,
                         const Compose& compose, const std::string& link,
                         const std::vector<FileAttachment>& files) {
  std::optional<Message> mine, other;
  const auto text = [&](core::Lang lang) -> const Message& {
    auto& slot = lang == to.lang ? mine : other;
    if (!slot) slot = compose(lang);
    return *slot;
  };
  int queued = 0;
  for (auto& row : RowsFor(to, kind, key, text, link, channels_repo::Active(sql), true)) {
    if (row.channel == "email") {
      const std::string dedup_key = row.dedup_key;
      queued += EnqueueEmail(sql, std::move(row), dedup_key, files).second ? 1 : 0;
    } else {
      queued += repo::Enqueue(sql, row) ? 1 : 0;
    }
  }
  return queued;
}

long long NotifyService::QueueMany(soci::session& sql, const std::vector<Recipient>& to, const std::string& kind,
                                   const std::string& key, const Compose& compose, const std::string& link,
                                   const std::string& batch) {
  std::optional<Message> zh, en;
  const auto text = [&](core::Lang lang) -> const Message& {
    auto& slot = lang == core::Lang::kEn ? en : zh;
    if (!slot) slot = compose(lang);
    return *slot;
  };
  const auto channels = channels_repo::Active(sql);
  std::vector<Notification> rows;
  rows.reserve(to.size() * 2);
  bool first = true;
  for (const auto& r : to) {
    for (auto& row : RowsFor(r, kind, key, text, link, channels, first)) {
      row.batch = batch;
      rows.push_back(std::move(row));
    }
    first = false;
  }
  return repo::EnqueueMany(sql, rows);
}

std::pair<std::int64_t, bool> NotifyService::EnqueueEmail(soci::session& sql, Notification n, const std::string& dedup_key,
                                                          const std::vector<FileAttachment>& files) {
  n.channel = "email";
  n.status = "pending";
  n.sent_at.clear();
  n.dedup_key = dedup_key;
  if (auto id = repo::Enqueue(sql, n)) {
    repo::AddFiles(sql, *id, files);
    return {*id, true};
  }
  return {storage::Query("SELECT id FROM notifications WHERE dedup_key = :k").Bind("k", dedup_key).Scalar(sql), false};
}

std::optional<std::int64_t> NotifyService::QueueEmail(soci::session& sql, const std::string& address, core::Lang lang,
                                                      const std::string& kind, const std::string& key,
                                                      const Message& msg, const std::vector<FileAttachment>& files) {
  if (!mailer_.enabled() || address.empty()) return std::nullopt;
  Notification n;
  n.kind = kind;
  n.address = address;
  n.lang = std::string(core::LangCode(lang));
  n.subject = msg.subject;
  n.body = msg.body;
  n.created_at = n.next_attempt_at = Now();
  return EnqueueEmail(sql, std::move(n), key + ":email", files).first;
}

core::Result<SendReport> NotifyService::SendDue(std::chrono::seconds budget) {
  SendReport report;
  if (!mailer_.enabled()) return report;
  const auto until = std::chrono::steady_clock::now() + budget;
  for (;;) {
    const SendReport before = report;
    TX_CHECK(SendBatch(report));
    const bool more = report.sent + report.retried + report.failed > before.sent + before.retried + before.failed;
    if (!more || std::chrono::steady_clock::now() >= until) return report;
  }
}

core::Status NotifyService::SendBatch(SendReport& report) {
  const core::TimePoint now_tp = clock_.Now();
  const std::string now = core::FormatIso(now_tp);
  auto claimed = db_.InTransaction([&](soci::session& sql) -> core::Result<std::vector<Notification>> {
    const std::string cutoff = core::FormatIso(now_tp - std::chrono::minutes(settings_.stale_claim_minutes));
    report.expired = repo::ExpireStaleClaims(sql, cutoff);
    return repo::ClaimDue(sql, now, settings_.batch);
  });
  if (!claimed) return claimed.error();
  for (const auto& n : *claimed) {
    Email mail{n.address, n.subject, n.body, "<n" + std::to_string(n.id) + ".tongxin@" + "localhost>",
               RfcDate(now_tp), {}};
    auto files = db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<FileAttachment>> {
      return repo::FilesOf(sql, n.id);
    });
    if (files) mail.files = std::move(*files);
    // A file that cannot be read fails the attempt: the email never goes without it.
    auto st = files ? mailer_.Send(mail) : core::Status(files.error());
    RecordAttempt(db_, clock_, n, st, settings_, now_tp, report);
  }
  return {};
}

core::Result<core::Page<Notification>> NotifyService::Notices(const core::Principal& who, bool unread_only,
                                                              const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<Notification>> {
    return repo::ListNotices(sql, who.user_id, {unread_only}, page);
  });
}

core::Result<std::int64_t> NotifyService::UnreadCount(const core::Principal& who) {
  return db_.WithSession(
      [&](soci::session& sql) -> core::Result<std::int64_t> { return repo::CountUnread(sql, who.user_id); });
}

core::Result<long long> NotifyService::MarkRead(const core::Principal& who, std::int64_t id) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<long long> {
    if (id > 0 && !repo::FindNotice(sql, who.user_id, id)) return core::NotFound("notify.not_found");
    return repo::MarkRead(sql, who.user_id, id, Now());
  });
}

core::Result<core::Page<Notification>> NotifyService::Outbox(const OutboxFilter& f,
                                                             const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<Notification>> {
    return repo::ListOutbox(sql, f, page);
  });
}

core::Status NotifyService::Requeue(std::int64_t id, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    auto n = repo::FindNotification(sql, id);
    if (!n) return core::NotFound("notify.not_found");
    if (!repo::Requeue(sql, id, Now())) return core::Conflict("notify.not_requeueable");
    auth::RecordAudit(sql, actor, Now(), "requeue", "notification", std::to_string(id), R"({"status":")" + n->status + R"("})", R"({"status":"pending"})");
    return {};
  });
}

}  // namespace tongxin::notify
