// The server's message catalogue. Each reason has a zh-CN and an en text; "{name}" is
// replaced by the detail or field argument of that name. The texts live in messages.toml
// files beside the code that uses them (src/core, src/modules/<m>), embedded at build time.
#include "core/i18n.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <stdexcept>
#include <vector>

#include "core/embedded_data.hpp"

namespace tongxin::core {
namespace {

enum class Kind { kMessage, kLabel, kType };

using Texts = MessageTexts;

// The texts of every catalogue added so far: messages by reason, field labels, type names.
// Written at startup (core's catalogue, then each module's), read by every request thread.
class Registry {
 public:
  Registry() {
    if (auto st = Add("core"); !st) throw std::runtime_error("the core message catalogue: " + st.error().reason);
  }

  core::Status Add(std::string_view name) {
    const auto file = EmbeddedFile(std::string(name) + "/messages");
    if (!file) return Bad(name, "no such catalogue");
    const std::string_view text = *file;
    std::unique_lock lock(mu_);
    if (loaded_.contains(std::string(name))) return {};
    toml::table doc;
    try {
      doc = toml::parse(text);
    } catch (const toml::parse_error& e) {
      return Bad(name, std::string(e.description()));
    }
    std::vector<std::pair<std::map<std::string, Texts, std::less<>>*, std::pair<std::string, Texts>>> adds;
    for (auto&& [section, node] : doc) {
      auto* target = Section(section.str());
      const toml::table* entries = node.as_table();
      if (target == nullptr || entries == nullptr) return Bad(name, "unknown section " + std::string(section.str()));
      for (auto&& [key, value] : *entries) {
        const toml::table* texts = value.as_table();
        auto zh = texts ? (*texts)["zh"].value<std::string>() : std::nullopt;
        auto en = texts ? (*texts)["en"].value<std::string>() : std::nullopt;
        if (!zh || !en || zh->empty() || en->empty() || texts->size() != 2) {
          return Bad(name, std::string(key.str()) + " needs a zh and an en text, and nothing else");
        }
        if (target->contains(key.str())) return Bad(name, std::string(key.str()) + " is defined already");
        adds.push_back({target, {std::string(key.str()), Texts{*zh, *en}}});
      }
    }
    for (auto& [target, entry] : adds) target->insert(std::move(entry));  // all or nothing
    loaded_.insert(std::string(name));
    return {};
  }

  std::optional<Texts> Find(Kind kind, std::string_view key) const {
    std::shared_lock lock(mu_);
    const auto& map = kind == Kind::kMessage ? messages_ : kind == Kind::kLabel ? labels_ : types_;
    auto it = map.find(key);
    if (it == map.end()) return std::nullopt;
    return it->second;
  }

 private:
  static core::Error Bad(std::string_view name, const std::string& why) {
    return MakeError(Errc::kInternal, "i18n.bad_catalogue: " + std::string(name) + ": " + why);
  }
  std::map<std::string, Texts, std::less<>>* Section(std::string_view section) {
    if (section == "messages") return &messages_;
    if (section == "labels") return &labels_;
    if (section == "types") return &types_;
    return nullptr;
  }

  mutable std::shared_mutex mu_;
  std::set<std::string> loaded_;
  std::map<std::string, Texts, std::less<>> messages_, labels_, types_;
};

Registry& Catalogue() {
  static Registry registry;
  return registry;
}

// Generic texts per Errc, used when a reason has no entry of its own.
Texts Generic(Errc code) {
  switch (code) {
    case Errc::kInvalid: return {"输入有误", "Invalid input"};
    case Errc::kUnauthenticated: return {"请先登录", "Please log in"};
    case Errc::kForbidden: return {"无权执行此操作", "Not allowed"};
    case Errc::kNotFound: return {"找不到该记录", "Not found"};
    case Errc::kMethodNotAllowed: return {"不支持此方法", "Method not allowed"};
    case Errc::kConflict: return {"数据冲突", "Conflict"};
    case Errc::kTooLarge: return {"请求过大", "Request too large"};
    case Errc::kUnsupportedMedia: return {"不支持的内容类型", "Unsupported content type"};
    case Errc::kHeaderTooLarge: return {"请求头过大", "Request header too large"};
    case Errc::kTooManyRequests: return {"请求过于频繁", "Too many requests"};
    case Errc::kUnavailable: return {"服务暂时不可用", "Service temporarily unavailable"};
    case Errc::kInternal: break;
  }
  return {"服务器内部错误", "Internal server error"};
}

// A detail given in each language ("item_zh", "item_en") fills {item} in that language.
std::map<std::string, std::string> Localised(std::map<std::string, std::string> args, Lang lang) {
  const std::string suffix = lang == Lang::kZh ? "_zh" : "_en";
  std::map<std::string, std::string> out = args;
  for (const auto& [k, v] : args) {
    if (k.size() > 3 && k.ends_with(suffix)) out.emplace(k.substr(0, k.size() - 3), v);
  }
  return out;
}

std::string Substitute(std::string text, const std::map<std::string, std::string>& args) {
  for (const auto& [k, v] : args) {
    const std::string key = "{" + k + "}";
    for (std::size_t pos = text.find(key); pos != std::string::npos; pos = text.find(key, pos + v.size())) {
      text.replace(pos, key.size(), v);
    }
  }
  return text;
}

}  // namespace

std::string FieldLabel(std::string_view field, Lang lang) {
  // A member of a list's row ("lines[2].quantity"): the member's label and the row.
  if (const auto dot = field.rfind('.'); dot != std::string_view::npos && dot > 0 && field[dot - 1] == ']') {
    const auto open = field.rfind('[', dot);
    if (open != std::string_view::npos) {
      const std::string row(field.substr(open + 1, dot - 2 - open));
      const std::string member = FieldLabel(field.substr(dot + 1), lang);
      return lang == Lang::kZh ? member + "（第 " + row + " 行）" : member + " (row " + row + ")";
    }
  }
  // A member of a list of values ("audience.roles[1]"): the list's label and the item.
  if (!field.empty() && field.back() == ']') {
    if (const auto open = field.rfind('['); open != std::string_view::npos && open > 0) {
      const std::string item(field.substr(open + 1, field.size() - open - 2));
      const std::string list = FieldLabel(field.substr(0, open), lang);
      return lang == Lang::kZh ? list + "（第 " + item + " 项）" : list + " (item " + item + ")";
    }
  }
  auto t = Catalogue().Find(Kind::kLabel, field);
  // A member of a nested object ("recipients.unit_id"): the member's label.
  if (!t) {
    if (const auto dot = field.rfind('.'); dot != std::string_view::npos) return FieldLabel(field.substr(dot + 1), lang);
    return std::string(field);
  }
  return lang == Lang::kZh ? t->zh : t->en;
}

std::string_view LangCode(Lang lang) { return lang == Lang::kZh ? "zh-CN" : "en"; }

std::optional<Lang> ParseLang(std::string_view code) {
  std::string c(code);
  std::transform(c.begin(), c.end(), c.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (c.rfind("zh", 0) == 0) return Lang::kZh;
  if (c.rfind("en", 0) == 0) return Lang::kEn;
  return std::nullopt;
}

Lang FromAcceptLanguage(std::string_view header) {
  // Take the first supported tag with the highest q; ties keep header order.
  std::optional<Lang> best;
  double best_q = -1;
  std::size_t start = 0;
  while (start <= header.size()) {
    std::size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = header.substr(start, end - start);
    double q = 1.0;
    if (auto semi = item.find(';'); semi != std::string_view::npos) {
      auto qpos = item.find("q=", semi);
      if (qpos != std::string_view::npos) {
        try {
          q = std::stod(std::string(item.substr(qpos + 2)));
        } catch (...) {
          q = 0;
        }
      }
      item = item.substr(0, semi);
    }
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    if (auto lang = ParseLang(item); lang && q > best_q) {
      best = lang;
      best_q = q;
    }
    start = end + 1;
  }
  return best.value_or(Lang::kZh);
}

bool HasMessage(std::string_view reason) { return Catalogue().Find(Kind::kMessage, reason).has_value(); }

Status AddCatalogue(std::string_view name) { return Catalogue().Add(name); }

std::string Text(std::string_view key, Lang lang, const std::map<std::string, std::string>& args) {
  auto t = Catalogue().Find(Kind::kMessage, key);
  if (!t) return std::string(key);
  return Substitute(lang == Lang::kZh ? t->zh : t->en, Localised(args, lang));
}

std::string FieldMessage(const FieldError& field, Lang lang) {
  auto args = field.args;
  args["field"] = FieldLabel(field.field, lang);
  if (auto e = args.find("expected"); e != args.end()) {
    if (auto t = Catalogue().Find(Kind::kType, e->second)) e->second = lang == Lang::kZh ? t->zh : t->en;
  }
  const Texts t = Catalogue().Find(Kind::kMessage, field.reason).value_or(Generic(Errc::kInvalid));
  return Substitute(lang == Lang::kZh ? t.zh : t.en, Localised(args, lang));
}

std::string Message(const Error& error, Lang lang) {
  if (error.fields.size() > 1) {
    std::string summary;
    for (const auto& f : error.fields) {
      if (!summary.empty()) summary += lang == Lang::kZh ? "；" : "; ";
      summary += FieldMessage(f, lang);
    }
    const Texts failed = Catalogue().Find(Kind::kMessage, "validation.failed").value_or(Generic(Errc::kInvalid));
    return Substitute(lang == Lang::kZh ? failed.zh : failed.en,
                      {{"summary", summary}});
  }
  if (error.fields.size() == 1) return FieldMessage(error.fields.front(), lang);
  const Texts t = Catalogue().Find(Kind::kMessage, error.reason).value_or(Generic(error.code));
  return Substitute(lang == Lang::kZh ? t.zh : t.en, Localised(error.details, lang));
}

}  // namespace tongxin::core
