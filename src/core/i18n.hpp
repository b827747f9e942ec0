// Languages and the catalogue of user-facing server messages (zh-CN and en).
#pragma once

#include <map>
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
// The catalogue's text for `key` in the language, with "{name}" replaced by args[name]
// (notices, labels of generated documents); the key itself when the catalogue has none.
std::string Text(std::string_view key, Lang lang, const std::map<std::string, std::string>& args = {});
// True when the catalogue has a zh-CN and an en text for this reason.
bool HasMessage(std::string_view reason);

struct MessageTexts {
  std::string zh;
  std::string en;
};
// Adds the catalogue embedded from <dir>/messages.toml ("health" for src/modules/health,
// see core/embedded_data.hpp):
// its [messages] by reason, [labels] of request fields and [types] of values. Core's own is
// there from the start; modules add theirs when they register (again: no effect).
// Errors: kInternal "i18n.bad_catalogue: <name>: <why>" for an unknown name, bad TOML, an
// entry without both texts, or a key another catalogue defines; nothing is added then.
Status AddCatalogue(std::string_view name);

}  // namespace tongxin::core
