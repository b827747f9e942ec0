// Text helpers: UTF-8 checks, masking of identifiers, simple format checks.
#pragma once

#include <cstddef>
#include <string>
#include <vector>
#include <string_view>

namespace tongxin::core {

bool IsValidUtf8(std::string_view s);
// Number of code points; assumes valid UTF-8.
std::size_t Utf8Length(std::string_view s);
// "a, b,,c" -> {"a", "b", "c"}: comma-separated items, trimmed, empty ones dropped.
std::vector<std::string> SplitList(std::string_view text);
// Compares secrets (CSRF tokens) in time that depends only on their lengths.
bool ConstantTimeEquals(std::string_view a, std::string_view b);
// True when s holds C0 control characters other than tab, CR and LF, or DEL.
bool HasControlChars(std::string_view s, bool allow_newlines);
std::string Trim(std::string_view s);
std::string ToLowerAscii(std::string_view s);
std::string ToUpperAscii(std::string_view s);
// "E12345678" -> "E1*****78"; strings of four or fewer characters become "****".
std::string MaskIdentifier(std::string_view id);
// "13800138000" -> "138****8000".
std::string MaskPhone(std::string_view phone);
// "oliver.bennett@example.org" -> "o***t@example.org"; text without "@" is masked whole.
std::string MaskEmail(std::string_view email);
bool IsValidDate(std::string_view ymd);  // YYYY-MM-DD, a real calendar day
bool IsValidEmail(std::string_view email);
bool IsValidPhone(std::string_view phone);  // digits, spaces, +, -, (), 5..20 characters
bool IsCountryCode(std::string_view code);  // ISO 3166-1 alpha-2, assigned codes only
std::string HexEncode(std::string_view bytes);
// Escapes % _ and \ for a LIKE pattern used with ESCAPE '\'.
std::string EscapeLike(std::string_view s);

}  // namespace tongxin::core
