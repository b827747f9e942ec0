// Notices (通知公告). The office writes them (admins and office staff), someone other than
// the one who submitted a notice approves it, and it is published from its publish time
// (at once when none) until its expiry, or withdrawn. Everyone reads the published notices
// meant for them (opening one records a read receipt; where required, they acknowledge
// it); the office and the headquarters' leaders see every notice and, within their units,
// who of its audience has not read or acknowledged it; the office reminds them. A notice
// coming out tells its audience in the app once (the announcements job, also right after
// an approval). Public notices are read without login. Thread-safe; blocks on the database.
#pragma once

#include <string>
#include <vector>

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/announcements/announcement.hpp"
#include "modules/notify/notify_service.hpp"
#include "storage/database.hpp"

namespace tongxin::announcements {

class AnnouncementsService {
 public:
  AnnouncementsService(storage::Database& db, const core::Clock& clock, notify::NotifyService& notify);

  std::string Now() const { return core::FormatIso(clock_.Now()); }

  // The caller's published notices (with their receipts). unread_only: not yet opened.
  core::Result<core::Page<AnnouncementView>> Inbox(const core::Principal& who, bool unread_only,
                                                   const core::PageRequest& page);
  core::Result<std::int64_t> UnreadCount(const core::Principal& who);
  // Every notice. Errors: auth.forbidden (not office, admin or leader).
  core::Result<core::Page<Announcement>> List(const core::Principal& who, const AnnouncementFilter& f,
                                              const core::PageRequest& page);
  // A notice: the office and leaders any; others a published one meant for them (their
  // first opening is their read receipt). Errors: announcements.not_found.
  core::Result<AnnouncementView> Get(const core::Principal& who, std::int64_t id, const auth::Actor& actor);

  // Errors: auth.forbidden, field errors; a unit of the audience unknown (units.not_found,
  // naming audience.units[i]) or outside the writer's units (auth.out_of_scope).
  core::Result<AnnouncementView> Create(const core::Principal& who, const AnnouncementInput& in,
                                        const auth::Actor& actor);
  // Drafts and notices in review change freely; an approved notice's text, times and pin
  // may be corrected but not whom it is for (announcements.audience_fixed); a withdrawn one
  // not at all (announcements.withdrawn). Errors: announcements.not_found, as Create.
  core::Result<AnnouncementView> Update(const core::Principal& who, std::int64_t id, const AnnouncementInput& in,
                                        const auth::Actor& actor);
  // draft -> review. Errors: announcements.not_found, announcements.wrong_state.
  core::Result<AnnouncementView> Submit(const core::Principal& who, std::int64_t id, const auth::Actor& actor);
  // review -> approved (publish_at now when unset) or back to draft with the note.
  // Errors: announcements.own_review (the one who submitted it), wrong_state, not_found.
  core::Result<AnnouncementView> Review(const core::Principal& who, std::int64_t id, const ReviewInput& in,
                                        const auth::Actor& actor);
  // approved -> withdrawn (expired now). Errors: not_found, wrong_state.
  core::Result<AnnouncementView> Withdraw(const core::Principal& who, std::int64_t id, const auth::Actor& actor);
  // "I have read it": a published notice meant for the caller that asks for it.
  // Errors: announcements.not_found, announcements.no_ack.
  core::Result<AnnouncementView> Acknowledge(const core::Principal& who, std::int64_t id, const auth::Actor& actor);

  // Who of the audience (in the caller's units) has read or acknowledged it. state: "",
  // unread, read, unacked, acked. Errors: auth.forbidden, announcements.not_found.
  core::Result<ReceiptPage> Receipts(const core::Principal& who, std::int64_t id, const std::string& state,
                                     const core::PageRequest& page);
  // Reminds those of the audience in the caller's units who have not read it (not
  // acknowledged, where required), in-app and by email, once a day each.
  // Errors: auth.forbidden, not_found, announcements.not_published.
  core::Result<std::int64_t> Remind(const core::Principal& who, std::int64_t id, const auth::Actor& actor);

  // Public notices, published, newest first; one of them. Errors: announcements.not_found.
  core::Result<std::vector<Announcement>> PublicList(int limit);
  core::Result<Announcement> PublicGet(std::int64_t id);

  // The job: notices that came out since last time tell their audience. Returns the
  // notices announced.
  core::Result<std::int64_t> AnnounceDue();

 private:
  core::Result<AnnouncementView> Save(const core::Principal& who, std::optional<std::int64_t> id,
                                      const AnnouncementInput& in, const auth::Actor& actor);
  core::Result<AnnouncementView> Move(const core::Principal& who, std::int64_t id, const auth::Actor& actor,
                                      const std::string& action,
                                      const std::function<core::Status(Announcement&)>& change);
  // Queues the "new notice" message to each of its audience, once per notice.
  void Announce(soci::session& sql, const Announcement& a, const std::string& now);
  AnnouncementView ViewOf(soci::session& sql, const Announcement& a, std::int64_t user_id);

  storage::Database& db_;
  const core::Clock& clock_;
  notify::NotifyService& notify_;
};

}  // namespace tongxin::announcements
