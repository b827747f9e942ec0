// Visits rules. Who may do what: as the partner's letters — office staff and admins keep
// the visits of the partners their units keep; leaders and the departments a partner is
// assigned to read them. The people visited must be in the caller's scope; an action's
// owner an account covering the partner's unit; photos are PNG or JPEG of at most 5 MiB.
// Open follow-up actions remind their owner through the outbox when they fall due within
// reminder_days (once per due day). Every write is audited. Thread-safe; blocks on the database.
#pragma once

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/notify/notify_service.hpp"
#include "modules/partners/partners_service.hpp"
#include "modules/partners/visit.hpp"
#include "storage/database.hpp"

namespace tongxin::partners {

class VisitsService {
 public:
  VisitsService(storage::Database& db, const core::Clock& clock, PartnersService& partners,
                notify::NotifyService& notify, int reminder_days = 2);

  core::Result<core::Page<Visit>> List(const core::Principal& who, const VisitFilter& f,
                                       const core::PageRequest& page);
  // Errors: partners.visit_not_found, auth.out_of_scope.
  core::Result<Visit> Get(const core::Principal& who, std::int64_t id);
  // Errors: partner_id (not found, merged, out of scope), person_ids[n] (not found, out of scope).
  core::Result<Visit> Create(const core::Principal& who, const VisitInput& in, const auth::Actor& actor);
  core::Result<Visit> Update(const core::Principal& who, std::int64_t id, const VisitInput& in,
                             const auth::Actor& actor);
  // Errors: owner_id (an account covering the partner's unit).
  core::Result<Visit> AddAction(const core::Principal& who, std::int64_t id, const ActionInput& in,
                                const auth::Actor& actor);
  // done: true marks it done (today), false opens it again. Errors: partners.action_not_found.
  core::Result<Visit> UpdateAction(const core::Principal& who, std::int64_t id, std::int64_t action_id,
                                   const ActionInput& in, const auth::Actor& actor);
  // Errors: files.type (415: PNG or JPEG), files.too_large (413).
  core::Result<Visit> AddPhoto(const core::Principal& who, std::int64_t id, const std::string& filename,
                               std::string bytes, const auth::Actor& actor);
  core::Result<io::Attachment> GetPhoto(const core::Principal& who, std::int64_t id, std::int64_t photo_id);

  // The scheduler's job: reminds each open action's owner when it is due within
  // reminder_days (or overdue by at most a week), once per due day. Returns the
  // notifications queued.
  core::Result<int> RemindActions();

 private:
  core::Result<Visit> Readable(soci::session& sql, const core::Principal& who, std::int64_t id);
  core::Result<Visit> Writable(soci::session& sql, const core::Principal& who, std::int64_t id,
                               std::string* unit_path = nullptr);
  core::Status CheckPeople(soci::session& sql, const core::Principal& who, const std::vector<std::int64_t>& ids);
  std::string Now() const { return core::FormatIso(clock_.Now()); }

  storage::Database& db_;
  const core::Clock& clock_;
  PartnersService& partners_;
  notify::NotifyService& notify_;
  int reminder_days_;
};

}  // namespace tongxin::partners
