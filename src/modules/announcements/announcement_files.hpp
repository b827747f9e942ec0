// Attachments of notices (通知附件): the office attaches files (PDF, PNG, JPEG, checked by
// content, at most 5 MiB) to a notice; whoever may read the notice (its audience once
// published, the office and leaders always) lists and downloads them, and anyone may
// download those of a published public notice. Attaching and removing are audited.
// Thread-safe; blocks on the database.
#pragma once

#include <string>
#include <vector>

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "io/attachment.hpp"
#include "storage/database.hpp"

namespace tongxin::announcements {

class AnnouncementFiles {
 public:
  AnnouncementFiles(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Errors: announcements.not_found (404: not there, or not for the caller).
  core::Result<std::vector<io::Attachment>> List(const core::Principal& who, std::int64_t id);
  // Errors: as List; announcements.file_not_found.
  core::Result<io::Attachment> Download(const core::Principal& who, std::int64_t id, std::int64_t file_id);
  // A published public notice's file, no login. Errors: announcements.not_found,
  // announcements.file_not_found.
  core::Result<io::Attachment> PublicDownload(std::int64_t id, std::int64_t file_id);
  core::Result<std::vector<io::Attachment>> PublicList(std::int64_t id);
  // Managers. Errors: files.too_large (413), files.type (415), announcements.not_found.
  core::Result<std::vector<io::Attachment>> Add(const core::Principal& who, std::int64_t id, const std::string& filename,
                                                std::string bytes, const auth::Actor& actor);
  core::Result<std::vector<io::Attachment>> Remove(const core::Principal& who, std::int64_t id, std::int64_t file_id,
                                                   const auth::Actor& actor);

 private:
  std::string Now() const { return core::FormatIso(clock_.Now()); }
  core::Status MayRead(soci::session& sql, const core::Principal& who, std::int64_t id);
  core::Status IsPublic(soci::session& sql, std::int64_t id);

  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace tongxin::announcements
