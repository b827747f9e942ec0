// Attached documents (incident notes, donation receipts): type by content (PDF, PNG, JPEG — never the client's word for it),
// a clean file name, a size limit.
#pragma once

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"

namespace tongxin::io {

inline constexpr std::size_t kMaxAttachmentBytes = 5 * 1024 * 1024;

struct Attachment {
  std::int64_t id = 0;
  std::string filename, content_type, sha256;
  std::int64_t size = 0;
  std::optional<std::int64_t> uploaded_by;
  std::string uploaded_at;
  std::string bytes;  // only when downloading
};
BOOST_DESCRIBE_STRUCT(Attachment, (), (id, filename, content_type, sha256, size, uploaded_by, uploaded_at, bytes))

// Errors: kUnsupportedMedia files.type (details.allowed).
core::Result<std::string> SniffAttachmentType(const std::string& bytes);
// The content type of an upload within the size limit. Errors: kTooLarge files.too_large
// (details.max_mb), and as SniffAttachmentType.
core::Result<std::string> CheckAttachment(const std::string& bytes);
// The last path component, control characters removed, at most 120 characters; "" -> "file".
std::string CleanFileName(const std::string& name);
std::string Sha256Hex(const std::string& bytes);
// A checked upload as the row to keep: its clean file name, type, size and hash, who and when.
Attachment NewAttachment(const std::string& filename, std::string content_type, std::string bytes,
                         std::optional<std::int64_t> uploaded_by, std::string uploaded_at);
// The audit entry's "after" for an attached file: {"<owner_key>": owner_id, filename, size, sha256}.
std::string AttachmentAuditJson(const Attachment& a, const char* owner_key, std::int64_t owner_id);
std::string ToBase64(const std::string& bytes);
std::string FromBase64(const std::string& text);

}  // namespace tongxin::io
