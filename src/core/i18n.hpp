// Languages and the catalogue of user-facing server messages (zh-CN and en).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.hpp"

namespace tongxin::core {

enum class Lang { kZh, kEn };

std::string_view LangCode(Lang lang);  // "zh-CN" or "en"
// Parses "zh-CN", "zh", "en", "en-US"...; nullopt-like fallback is the caller's choice.
std::optional<Lang> ParseLang(std::string_view code);
// Picks the best supported language from an Accept-Language header; zh-CN when none fits.
Lang FromAcceptLanguage(std::string_view header);

// The message for an error in the given language, with its details substituted.
// Unknown reasons fall back to a generic message for the error's Errc.
std::string Message(const Error& error, Lang lang);
// The message for one field failure, e.g. "name: at most 64 characters".
std::string FieldMessage(const FieldError& field, Lang lang);
// The label of a request field ("id_number" -> "证件号码" / "ID number"); the key itself
// when there is none.
std::string FieldLabel(std::string_view field, Lang lang);
// True when the catalogue has a zh-CN and an en text for this reason.
bool HasMessage(std::string_view reason);

struct MessageTexts {
  const char* zh;
  const char* en;
};
// Adds a module's messages (reason → texts; the strings must live for the program, as
// literals do) to the catalogue. Modules call it when they register at startup.
void AddMessages(std::initializer_list<std::pair<std::string_view, MessageTexts>> messages);

}  // namespace tongxin::core
