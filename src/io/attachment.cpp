// Attachment checks and encodings.
#include "io/attachment.hpp"

#include <boost/json.hpp>
#include <sodium.h>

#include <cstring>

#include "core/text.hpp"

namespace tongxin::io {

core::Result<std::string> SniffAttachmentType(const std::string& b) {
  if (b.rfind("%PDF-", 0) == 0) return std::string("application/pdf");
  if (b.size() >= 8 && std::memcmp(b.data(), "\x89PNG\r\n\x1a\n", 8) == 0) return std::string("image/png");
  if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8 &&
      static_cast<unsigned char>(b[2]) == 0xFF) {
    return std::string("image/jpeg");
  }
  return core::MakeError(core::Errc::kUnsupportedMedia, "files.type", {{"allowed", "PDF, PNG, JPEG"}});
}

core::Result<std::string> CheckAttachment(const std::string& bytes) {
  if (bytes.size() > kMaxAttachmentBytes) {
    return core::MakeError(core::Errc::kTooLarge, "files.too_large",
                           {{"max_mb", std::to_string(kMaxAttachmentBytes / (1024 * 1024))}});
  }
  return SniffAttachmentType(bytes);
}

std::string CleanFileName(const std::string& name) {
  std::string base = name;
  if (auto slash = base.find_last_of("/\\"); slash != std::string::npos) base = base.substr(slash + 1);
  std::string out;
  for (unsigned char c : base) {
    if (c >= 0x20 && c != 0x7f && c != '"') out.push_back(static_cast<char>(c));
  }
  out = core::Trim(out);
  if (out.empty() || out == "." || out == "..") out = "file";
  if (core::Utf8Length(out) > 120) {
    // Cut on a character boundary.
    std::size_t chars = 0, i = 0;
    while (i < out.size() && chars < 120) {
      const unsigned char c = static_cast<unsigned char>(out[i]);
      i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      ++chars;
    }
    out.resize(std::min(i, out.size()));
  }
  return out;
}

std::string Sha256Hex(const std::string& bytes) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

std::string ToBase64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::string FromBase64(const std::string& text) {
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return "";
  }
  out.resize(len);
  return out;
}

Attachment NewAttachment(const std::string& filename, std::string content_type, std::string bytes,
                         std::optional<std::int64_t> uploaded_by, std::string uploaded_at) {
  Attachment a;
  a.filename = CleanFileName(filename);
  a.content_type = std::move(content_type);
  a.size = static_cast<std::int64_t>(bytes.size());
  a.sha256 = Sha256Hex(bytes);
  if (uploaded_by && *uploaded_by) a.uploaded_by = uploaded_by;
  a.uploaded_at = std::move(uploaded_at);
  a.bytes = std::move(bytes);
  return a;
}

std::string AttachmentAuditJson(const Attachment& a, const char* owner_key, std::int64_t owner_id) {
  return boost::json::serialize(boost::json::object{
      {owner_key, owner_id}, {"filename", a.filename}, {"size", a.size}, {"sha256", a.sha256}});
}

}  // namespace tongxin::io
