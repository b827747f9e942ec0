// Notifications: who is told (a person, the staff responsible for a unit), queuing in the
// caller's transaction (in-app always when there is an account, email when there is an
// address and SMTP is configured), the sender that delivers due email with retries, and
// the in-app notices of the logged-in user. Thread-safe; blocks on the database and SMTP.
#pragma once

#include <functional>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/i18n.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/notify/channel.hpp"
#include "modules/notify/mailer.hpp"
#include "modules/notify/notify_repo.hpp"
#include "storage/database.hpp"

namespace tongxin::notify {

struct NotifySettings {
  int max_attempts = 6;           // email attempts before "failed"
  int retry_base_seconds = 60;    // back-off: base × 2^(attempt-1), capped at one hour
  int stale_claim_minutes = 15;   // a "sending" row older than this becomes "unknown"
  int batch = 50;                 // emails per sender pass
  std::string time_zone = "Asia/Shanghai";  // of quiet hours
};

// The reason of a failed attempt (the server's or libcurl's text when there is one).
std::string FailureReason(const core::Error& e);


struct Message {
  std::string subject;
  std::string body;
};
using Compose = std::function<Message(core::Lang)>;

struct SendReport {
  int sent = 0, retried = 0, failed = 0, expired = 0;
};

// Records a claimed row's delivery attempt in a transaction of its own: sent, or back to
// pending after a back-off of retry_base_seconds × 2^(attempt-1) (at most an hour), or
// failed after the last attempt; `also` writes more in that transaction (the gateway's id).
// Counts it in `report`. When it cannot be recorded the row stays "sending" and later
// becomes "unknown": never sent twice.
void RecordAttempt(storage::Database& db, const core::Clock& clock, const Notification& n,
                   const core::Status& result, const NotifySettings& settings, core::TimePoint attempted,
                   SendReport& report, const std::function<void(soci::session&)>& also = {});

class NotifyService {
 public:
  NotifyService(storage::Database& db, const core::Clock& clock, Mailer mailer, NotifySettings settings = {});

  bool email_enabled() const { return mailer_.enabled(); }

  // The person, through their account when they have one.
  std::optional<Recipient> ForPerson(soci::session& sql, std::int64_t person_id);
  // An active account (nullopt when there is none).
  std::optional<Recipient> ForUser(soci::session& sql, std::int64_t user_id);
  // Active accounts of these roles that have units, with their unit scopes.
  using StaffMember = notify::StaffMember;
  std::vector<StaffMember> Staff(soci::session& sql,
                                 const std::vector<std::string>& roles = {"office", "department"});
  // Those of them whose scope covers the unit with this path.
  std::vector<Recipient> StaffFor(soci::session& sql, const std::string& unit_path);

  // Queues a message for one recipient on the caller's transaction, written in the
  // recipient's language. `key` identifies the event ("remind:2026-11-29:0:17"): a second
  // call with the same key and recipient queues nothing. `files` go with the email only.
  // Returns the rows queued.
  int Queue(soci::session& sql, const Recipient& to, const std::string& kind, const std::string& key,
            const Compose& compose, const std::string& link, const std::vector<FileAttachment>& files = {});

  // Queues the message to each of many recipients (a broadcast) on the caller's transaction:
  // the rows Queue would queue for each (group robots once for all), written in bulk, each
  // marked with `batch`. compose is called once per language. Returns the rows queued.
  long long QueueMany(soci::session& sql, const std::vector<Recipient>& to, const std::string& kind,
                      const std::string& key, const Compose& compose, const std::string& link,
                      const std::string& batch);
  // Everyone an SQL condition over users u and people p takes in (see repo::RecipientsMatching).
  std::vector<Recipient> Matching(soci::session& sql, const storage::Query& match) {
    return repo::RecipientsMatching(sql, match);
  }

  // Queues one email to an address outside the accounts (a partner's contact) on the
  // caller's transaction, with files. `key` + ":email" is its dedup key: a second call
  // with the key queues nothing. Returns the outbox row's id (the existing one's on a
  // repeat); nullopt when email is disabled.
  std::optional<std::int64_t> QueueEmail(soci::session& sql, const std::string& address, core::Lang lang,
                                         const std::string& kind, const std::string& key, const Message& msg,
                                         const std::vector<FileAttachment>& files);

  // Delivers due email: claims, sends, records the result; retries with back-off. Claims
  // batch after batch until none is due or `budget` has passed.
  core::Result<SendReport> SendDue(std::chrono::seconds budget = std::chrono::seconds(0));

  // The caller's in-app notices.
  core::Result<core::Page<Notification>> Notices(const core::Principal& who, bool unread_only,
                                                 const core::PageRequest& page);
  core::Result<std::int64_t> UnreadCount(const core::Principal& who);
  // id 0 = all. Errors: notify.not_found.
  core::Result<long long> MarkRead(const core::Principal& who, std::int64_t id);

  // Administrators: the outbox, and sending a failed or unknown email again (audited).
  core::Result<core::Page<Notification>> Outbox(const OutboxFilter& f, const core::PageRequest& page);
  core::Status Requeue(std::int64_t id, const auth::Actor& actor);

 private:
  // The one way an email row is queued: with its files, unless its dedup key is there
  // already. Returns the row's id and whether it was queued now.
  std::pair<std::int64_t, bool> EnqueueEmail(soci::session& sql, Notification n, const std::string& dedup_key,
                                             const std::vector<FileAttachment>& files);
  // The outbox rows of one message to one recipient: in-app (an account), one text through
  // the first SMS gateway relaying `kind` (a phone), the group robots relaying it (when
  // with_groups), email (an address, SMTP on). text(lang) gives the message in a language.
  std::vector<Notification> RowsFor(const Recipient& to, const std::string& kind, const std::string& key,
                                    const std::function<const Message&(core::Lang)>& text, const std::string& link,
                                    const std::vector<Channel>& channels, bool with_groups) const;
  // One claim of at most settings_.batch due emails, sent and recorded.
  core::Status SendBatch(SendReport& report);
  std::string Now() const { return core::FormatIso(clock_.Now()); }

  storage::Database& db_;
  const core::Clock& clock_;
  Mailer mailer_;
  NotifySettings settings_;
};

}  // namespace tongxin::notify
