// Files kept in the database beside the record they belong to — incident attachments,
// donation documents, scanned letters, visit photos: one table shape (owner id, file name,
// type, size, sha256, base64 data, who, when), one writer and reader for all of them.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/attachment.hpp"
#include "storage/row_map.hpp"

namespace tongxin::io {

class AttachmentTable {
 public:
  // `table` and `owner_column` are the code's constants ("incident_attachments", "incident_id").
  AttachmentTable(std::string table, std::string owner_column);

  std::int64_t Insert(soci::session& sql, std::int64_t owner_id, const Attachment& a) const;
  // The owner's files in upload order, without their bytes.
  std::vector<Attachment> List(soci::session& sql, std::int64_t owner_id) const;
  // One of the owner's files with its bytes; nullopt when it is not the owner's.
  std::optional<Attachment> Find(soci::session& sql, std::int64_t owner_id, std::int64_t id) const;
  // Deletes one of the owner's files; false when it is not the owner's.
  bool Remove(soci::session& sql, std::int64_t owner_id, std::int64_t id) const;

 private:
  std::string table_, owner_;
  storage::RowMap<Attachment> map_;
};

}  // namespace tongxin::io
