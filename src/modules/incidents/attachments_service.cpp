// Attachments (checked by content, kept in the database, downloads audited) and the retention of closed incidents.
#include "modules/incidents/incidents_service.hpp"

#include <boost/json.hpp>

#include "auth/auth_repo.hpp"
#include "auth/guard.hpp"
#include "modules/health/slot_time.hpp"
#include "modules/incidents/labels.hpp"
#include "modules/people/people_repo.hpp"

namespace tongxin::incidents {

core::Result<Incident> IncidentsService::AddAttachment(const core::Principal& who, std::int64_t id,
                                                      const std::string& filename, std::string bytes,
                                                      const auth::Actor& actor) {
  TX_TRY(type, io::CheckAttachment(bytes));
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Incident> {
    TX_TRY(found, LoadInScope(sql, who, id));
    Attachment a = io::NewAttachment(filename, *type, std::move(bytes), who.user_id, Now());
    a.id = repo::InsertAttachment(sql, id, a);
    repo::AddEvent(sql, id, {0, a.uploaded_at, actor.user_id, actor.username, "attachment", a.filename});
    auth::RecordAudit(sql, actor, a.uploaded_at, "create", "incident_attachment", std::to_string(a.id), "",
                      io::AttachmentAuditJson(a, "incident_id", id));
    return *repo::FindIncident(sql, id, true);
  });
}

core::Result<Attachment> IncidentsService::GetAttachment(const core::Principal& who, std::int64_t id,
                                                         std::int64_t attachment_id, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Attachment> {
    TX_TRY(found, LoadInScope(sql, who, id));
    if (ViewOf(who, *found) != Viewer::kStaff) return core::NotFound("incidents.attachment_not_found");
    auto a = repo::FindAttachment(sql, id, attachment_id);
    if (!a) return core::NotFound("incidents.attachment_not_found");
    auth::RecordAudit(sql, actor, Now(), "read", "incident_attachment", std::to_string(attachment_id), "", "");
    return *a;
  });
}

core::Result<std::int64_t> IncidentsService::PurgeClosed(int days, const auth::Actor& actor) {
  const std::string before = core::FormatIso(clock_.Now() - std::chrono::hours(24) * days);
  std::int64_t purged = 0;
  for (;;) {
    auto n = db_.InTransaction([&](soci::session& sql) -> core::Result<std::int64_t> {
      std::int64_t count = 0;
      for (auto id : repo::ClosedBefore(sql, before, 100)) {
        repo::DeleteIncident(sql, id);
        ++count;
      }
      return count;
    });
    if (!n) return n.error();
    purged += *n;
    if (*n == 0) break;
  }
  if (purged == 0) return purged;
  auto st = db_.InTransaction([&](soci::session& sql) -> core::Status {
    auth::RecordAudit(sql, actor, Now(), "purge", "incidents", before, "",
                      boost::json::serialize(boost::json::object{{"closed_before", before}, {"incidents", purged}}));
    return {};
  });
  if (!st) return st.error();
  return purged;
}

}  // namespace tongxin::incidents
