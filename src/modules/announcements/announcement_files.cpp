// Attachments of notices.
#include "modules/announcements/announcement_files.hpp"

#include "io/attachment_table.hpp"
#include "modules/announcements/announcement.hpp"
#include "modules/announcements/announcements_repo.hpp"

namespace tongxin::announcements {
namespace {

const io::AttachmentTable kFiles("announcement_files", "announcement_id");

bool CanManage(const core::Principal& who) { return core::roles::kManagers.Has(who.role); }
bool CanOversee(const core::Principal& who) { return core::roles::kOverseers.Has(who.role); }

}  // namespace

core::Status AnnouncementFiles::MayRead(soci::session& sql, const core::Principal& who, std::int64_t id) {
  auto a = repo::Find(sql, id);
  if (!a) return core::NotFound("announcements.not_found");
  if (CanOversee(who)) return {};
  if (State(*a, Now()) == "published" && repo::InAudience(sql, id, who.user_id)) return {};
  return core::NotFound("announcements.not_found");
}

core::Status AnnouncementFiles::IsPublic(soci::session& sql, std::int64_t id) {
  auto a = repo::Find(sql, id);
  if (!a || !a->is_public || State(*a, Now()) != "published") return core::NotFound("announcements.not_found");
  return {};
}

core::Result<std::vector<io::Attachment>> AnnouncementFiles::List(const core::Principal& who, std::int64_t id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<io::Attachment>> {
    TX_CHECK(MayRead(sql, who, id));
    return kFiles.List(sql, id);
  });
}

core::Result<io::Attachment> AnnouncementFiles::Download(const core::Principal& who, std::int64_t id,
                                                         std::int64_t file_id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<io::Attachment> {
    TX_CHECK(MayRead(sql, who, id));
    auto f = kFiles.Find(sql, id, file_id);
    if (!f) return core::NotFound("announcements.file_not_found");
    return *f;
  });
}

core::Result<std::vector<io::Attachment>> AnnouncementFiles::PublicList(std::int64_t id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<io::Attachment>> {
    TX_CHECK(IsPublic(sql, id));
    return kFiles.List(sql, id);
  });
}

core::Result<io::Attachment> AnnouncementFiles::PublicDownload(std::int64_t id, std::int64_t file_id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<io::Attachment> {
    TX_CHECK(IsPublic(sql, id));
    auto f = kFiles.Find(sql, id, file_id);
    if (!f) return core::NotFound("announcements.file_not_found");
    return *f;
  });
}

core::Result<std::vector<io::Attachment>> AnnouncementFiles::Add(const core::Principal& who, std::int64_t id,
                                                                 const std::string& filename, std::string bytes,
                                                                 const auth::Actor& actor) {
  if (!CanManage(who)) return core::Forbidden();
  TX_TRY(type, io::CheckAttachment(bytes));
  return db_.InTransaction([&](soci::session& sql) -> core::Result<std::vector<io::Attachment>> {
    if (!repo::Find(sql, id)) return core::NotFound("announcements.not_found");
    io::Attachment a = io::NewAttachment(filename, *type, std::move(bytes), who.user_id, Now());
    a.id = kFiles.Insert(sql, id, a);
    auth::RecordAudit(sql, actor, a.uploaded_at, "create", "announcement_file", std::to_string(a.id), "",
                      io::AttachmentAuditJson(a, "announcement_id", id));
    return kFiles.List(sql, id);
  });
}

core::Result<std::vector<io::Attachment>> AnnouncementFiles::Remove(const core::Principal& who, std::int64_t id,
                                                                    std::int64_t file_id, const auth::Actor& actor) {
  if (!CanManage(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<std::vector<io::Attachment>> {
    if (!repo::Find(sql, id)) return core::NotFound("announcements.not_found");
    auto f = kFiles.Find(sql, id, file_id);
    if (!f || !kFiles.Remove(sql, id, file_id)) return core::NotFound("announcements.file_not_found");
    f->bytes.clear();
    auth::RecordAudit(sql, actor, Now(), "delete", "announcement_file", std::to_string(file_id),
                      io::AttachmentAuditJson(*f, "announcement_id", id), "");
    return kFiles.List(sql, id);
  });
}

}  // namespace tongxin::announcements
