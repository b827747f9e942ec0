// Notification storage: idempotent enqueue, claiming due email, delivery results, the
// in-app list of a user, the administrators' outbox view, and job marks.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "modules/notify/notification.hpp"
#include "storage/query.hpp"

namespace tongxin::notify {

// Types the service and the routes use as well as the repository.
struct OutboxFilter {
  std::string channel;
  std::string status;
};

}  // namespace tongxin::notify

namespace tongxin::notify::repo {
using notify::OutboxFilter;

// The person's address and language: their account's when they have an active one.
std::optional<Recipient> PersonRecipient(soci::session& sql, std::int64_t person_id);
// An active account: its email (else its person's) and language (else its person's).
std::optional<Recipient> UserRecipient(soci::session& sql, std::int64_t user_id);
// Everyone `match` (an SQL condition over users u and people p, either may be NULL, with its
// parameters) takes in: active people, through their active account when they have one,
// then active accounts without a person.
std::vector<Recipient> RecipientsMatching(soci::session& sql, const storage::Query& match);
// Active accounts with one of `roles`, each with the paths of its units, ordered by id.
std::vector<StaffMember> ActiveStaff(soci::session& sql, const std::vector<std::string>& roles);

// Inserts unless a row with the same dedup_key exists. Returns the new row's id, or
// nullopt when the key was there already.
std::optional<std::int64_t> Enqueue(soci::session& sql, const Notification& n);
// Inserts each row unless one with its dedup_key exists, a few hundred rows a statement.
// Returns the rows inserted.
long long EnqueueMany(soci::session& sql, const std::vector<Notification>& rows);
// Files sent with an email row, and reading them back for the sender.
void AddFiles(soci::session& sql, std::int64_t notification_id, const std::vector<FileAttachment>& files);
std::vector<FileAttachment> FilesOf(soci::session& sql, std::int64_t notification_id);

// Claims up to `limit` pending rows due at `now`, of the email channel or (channel_id) of
// one message channel: they become "sending" with claimed_at = now. Returns the claimed
// rows. Two senders never claim the same row.
std::vector<Notification> ClaimDue(soci::session& sql, const std::string& now, int limit,
                                   std::optional<std::int64_t> channel_id = std::nullopt);
void MarkSent(soci::session& sql, std::int64_t id, const std::string& now);
// A row's delivery result as the SMS gateway reported it (by our ref "n<id>" or by its
// own id). Returns the row updated, if any.
std::optional<std::int64_t> RecordDelivery(soci::session& sql, std::int64_t channel_id, const std::string& ref,
                                           const std::string& delivery, const std::string& error,
                                           const std::string& now);
// How many rows of a channel were claimed since `since` (its rate limit).
std::int64_t ClaimedSince(soci::session& sql, std::int64_t channel_id, const std::string& since);
void SetExternalRef(soci::session& sql, std::int64_t id, const std::string& ref);
// A failed attempt: back to pending at next_attempt_at, or "failed" when final.
void MarkAttemptFailed(soci::session& sql, std::int64_t id, const std::string& error, bool final,
                       const std::string& next_attempt_at);
// Rows left "sending" since before `cutoff` (a sender died mid-send) become "unknown".
int ExpireStaleClaims(soci::session& sql, const std::string& cutoff);

struct NoticeFilter {
  bool unread_only = false;
};
core::Page<Notification> ListNotices(soci::session& sql, std::int64_t user_id, const NoticeFilter& f,
                                     const core::PageRequest& page);
std::int64_t CountUnread(soci::session& sql, std::int64_t user_id);
// Marks one (id > 0) or all of a user's notices read. Returns rows changed.
long long MarkRead(soci::session& sql, std::int64_t user_id, std::int64_t id, const std::string& now);
std::optional<Notification> FindNotice(soci::session& sql, std::int64_t user_id, std::int64_t id);

core::Page<Notification> ListOutbox(soci::session& sql, const OutboxFilter& f, const core::PageRequest& page);
std::optional<Notification> FindNotification(soci::session& sql, std::int64_t id);
// An administrator sends a failed or unknown email or channel message again: pending, attempts reset.
bool Requeue(soci::session& sql, std::int64_t id, const std::string& now);

// Deletes delivered, failed and unknown notifications created before `before` (ISO), and
// job marks older than it. Returns the notifications deleted.
long long PurgeBefore(soci::session& sql, const std::string& before);
bool MarkExists(soci::session& sql, const std::string& key);

// Claims a job mark; false when already claimed (the work was done).
bool ClaimMark(soci::session& sql, const std::string& key, const std::string& now);

}  // namespace tongxin::notify::repo
