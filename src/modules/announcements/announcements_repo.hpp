// Notices storage: the notices, their audiences, receipts, and who in an audience has
// not read or acknowledged. SQL only; runs on the caller's session.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/announcements/announcement.hpp"

namespace tongxin::announcements::repo {

// All of them (the office's list), pinned first, newest first.
core::Page<Announcement> List(soci::session& sql, const AnnouncementFilter& f, const std::string& now,
                              const core::PageRequest& page);
// Published ones whose audience includes this account, pinned first, newest first;
// unread_only: those it has not opened.
core::Page<Announcement> Inbox(soci::session& sql, std::int64_t user_id, const std::string& now, bool unread_only,
                               const core::PageRequest& page);
std::int64_t UnreadCount(soci::session& sql, std::int64_t user_id, const std::string& now);
// Public and published, pinned first, newest first (at most `limit`).
std::vector<Announcement> PublicList(soci::session& sql, const std::string& now, int limit);

std::optional<Announcement> Find(soci::session& sql, std::int64_t id);
std::int64_t Insert(soci::session& sql, const Announcement& a);
void Update(soci::session& sql, const Announcement& a);
Audience AudienceOf(soci::session& sql, std::int64_t id);
void SetAudience(soci::session& sql, std::int64_t id, const Audience& a);

bool InAudience(soci::session& sql, std::int64_t id, std::int64_t user_id);
// read_at, acked_at ("" when absent).
std::pair<std::string, std::string> ReceiptOf(soci::session& sql, std::int64_t id, std::int64_t user_id);
// First read only; returns whether this was it.
bool MarkRead(soci::session& sql, std::int64_t id, std::int64_t user_id, const std::string& at);
// Returns whether this was the first acknowledgement.
bool MarkAcked(soci::session& sql, std::int64_t id, std::int64_t user_id, const std::string& at);

// The audience's active accounts in the caller's scope (an account's unit: its person's,
// else the first of its own units; admins see all) with their receipts, by name. state:
// "" all, unread, read, unacked, acked. Counts over the whole audience in scope.
ReceiptPage Receipts(soci::session& sql, const core::Principal& who, std::int64_t id, const std::string& state,
                     const core::PageRequest& page);
// The accounts of the audience (in `who`'s scope, or all when who is null) in that state.
std::vector<std::int64_t> AudienceUsers(soci::session& sql, const core::Principal* who, std::int64_t id,
                                        const std::string& state);

// Approved, published by now, not expired, whose audience has not been told yet.
std::vector<Announcement> DueToAnnounce(soci::session& sql, const std::string& now);
void SetAnnounced(soci::session& sql, std::int64_t id, const std::string& at);

}  // namespace tongxin::announcements::repo
