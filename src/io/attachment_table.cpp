// Files kept in the database.
#include "io/attachment_table.hpp"

#include "storage/repo_kit.hpp"

namespace tongxin::io {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)

AttachmentTable::AttachmentTable(std::string table, std::string owner_column)
    : table_(std::move(table)),
      owner_(std::move(owner_column)),
      map_("FROM " + table_, "", {{"size", "size_bytes"}, {"bytes", kNotRead}}) {}

std::int64_t AttachmentTable::Insert(soci::session& sql, std::int64_t owner_id, const Attachment& a) const {
  Query q("INSERT INTO " + table_ + " (" + owner_ +
          ", filename, content_type, size_bytes, sha256, data, uploaded_by, uploaded_at) VALUES (:o, :f, :c, :s, :h, "
          ":d, NULLIF(:u, 0), :at) RETURNING id");
  q.Bind("o", owner_id).Bind("f", a.filename).Bind("c", a.content_type).Bind("s", a.size).Bind("h", a.sha256);
  q.Bind("d", ToBase64(a.bytes)).Bind("u", a.uploaded_by.value_or(0)).Bind("at", a.uploaded_at);
  return q.Scalar(sql);
}

std::vector<Attachment> AttachmentTable::List(soci::session& sql, std::int64_t owner_id) const {
  Query q(map_.Select() + " WHERE " + owner_ + " = :o ORDER BY id");
  q.Bind("o", owner_id);
  return map_.All(sql, q);
}

std::optional<Attachment> AttachmentTable::Find(soci::session& sql, std::int64_t owner_id, std::int64_t id) const {
  Query q(map_.Select("data") + " WHERE " + owner_ + " = :o AND id = :id");
  q.Bind("o", owner_id).Bind("id", id);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    Attachment a = map_.Read(r);
    a.bytes = FromBase64(GetStr(r, "data"));
    return a;
  }
  return std::nullopt;
}

bool AttachmentTable::Remove(soci::session& sql, std::int64_t owner_id, std::int64_t id) const {
  Query q("DELETE FROM " + table_ + " WHERE " + owner_ + " = :o AND id = :id");
  return q.Bind("o", owner_id).Bind("id", id).Exec(sql) > 0;
}

}  // namespace tongxin::io
