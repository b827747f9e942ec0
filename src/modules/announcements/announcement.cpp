// Notices: parsing, state, JSON.
#include "modules/announcements/announcement.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>

#include "core/clock.hpp"
#include "core/described_json.hpp"
#include "core/json_reader.hpp"
#include "core/labels.hpp"
#include "core/text.hpp"

namespace tongxin::announcements {
namespace {

constexpr std::string_view kRoles[] = {"admin", "office", "department", "leader", "volunteer", "foreign_staff"};
constexpr std::string_view kPeopleCategories[] = {"foreign_staff", "staff", "student", "resident", "other"};

template <class Range>
bool OneOf(const Range& r, std::string_view v) {
  return std::find(std::begin(r), std::end(r), v) != std::end(r);
}

}  // namespace

std::optional<std::string> ParseInstant(const std::string& s) {
  int y, mo, d, h, mi, sec = 0;
  int used = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &used) != 5) return std::nullopt;
  std::string rest = s.substr(used);
  if (rest.size() >= 3 && rest[0] == ':') {
    if (std::sscanf(rest.c_str(), ":%2d", &sec) != 1) return std::nullopt;
    rest = rest.substr(3);
    if (!rest.empty() && rest[0] == '.') {  // fractions of a second: dropped
      std::size_t i = 1;
      while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') ++i;
      rest = rest.substr(i);
    }
  }
  int offset_min = 0;
  if (rest == "Z") {
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    int oh, om;
    if (std::sscanf(rest.c_str() + 1, "%2d:%2d", &oh, &om) != 2 || oh > 14 || om > 59) return std::nullopt;
    offset_min = (rest[0] == '+' ? 1 : -1) * (oh * 60 + om);
  } else {
    return std::nullopt;  // a time without its zone is ambiguous
  }
  char date[11];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, mo, d);
  if (!core::IsValidDate(date) || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  char iso[32];
  std::snprintf(iso, sizeof iso, "%sT%02d:%02d:%02dZ", date, h, mi, sec);
  auto t = core::ParseIso(iso);
  if (!t) return std::nullopt;
  return core::FormatIso(*t - std::chrono::minutes(offset_min));
}

namespace {

// A list of strings, each one checked; errors name the member ("audience.roles[1]").
std::vector<std::string> Strings(core::JsonReader& r, const boost::json::object& o, const char* key,
                                 const std::string& prefix, const std::function<const char*(std::string&)>& check) {
  std::vector<std::string> out;
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return out;
  const std::string field = prefix + key;
  if (!it->value().is_array()) {
    r.AddError({field, "validation.wrong_type", {{"expected", "array"}}});
    return out;
  }
  const auto& a = it->value().as_array();
  if (a.size() > 200) {
    r.AddError({field, "announcements.too_many", {{"max", "200"}}});
    return out;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string member = field + "[" + std::to_string(i) + "]";
    if (!a[i].is_string()) {
      r.AddError({member, "validation.wrong_type", {{"expected", "string"}}});
      continue;
    }
    std::string v(a[i].as_string());
    if (const char* reason = check(v)) {
      r.AddError({member, reason, {}});
      continue;
    }
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

}  // namespace

std::optional<Audience> ParseAudience(core::JsonReader& r, const boost::json::object& body) {
  auto it = body.find("audience");
  if (it == body.end()) return std::nullopt;
  Audience a;
  if (it->value().is_null()) return a;  // everyone
  if (!it->value().is_object()) {
    r.AddError({"audience", "validation.wrong_type", {{"expected", "object"}}});
    return std::nullopt;
  }
  const auto& o = it->value().as_object();
  for (const auto& kv : o) {
    const std::string k(kv.key());
    if (k != "roles" && k != "units" && k != "categories" && k != "nationalities") {
      r.AddError({"audience." + k, "validation.unknown_field", {}});
    }
  }
  a.roles = Strings(r, o, "roles", "audience.", [](std::string& v) -> const char* {
    return OneOf(kRoles, v) ? nullptr : "announcements.invalid_role";
  });
  a.categories = Strings(r, o, "categories", "audience.", [](std::string& v) -> const char* {
    return OneOf(kPeopleCategories, v) ? nullptr : "announcements.invalid_category";
  });
  a.nationalities = Strings(r, o, "nationalities", "audience.", [](std::string& v) -> const char* {
    v = core::ToUpperAscii(v);
    return core::IsCountryCode(v) ? nullptr : "validation.invalid_country";
  });
  if (auto u = o.find("units"); u != o.end() && !u->value().is_null()) {
    if (!u->value().is_array()) {
      r.AddError({"audience.units", "validation.wrong_type", {{"expected", "array"}}});
    } else {
      const auto& arr = u->value().as_array();
      for (std::size_t i = 0; i < arr.size() && i < 200; ++i) {
        if (!arr[i].is_int64() || arr[i].as_int64() <= 0) {
          r.AddError({"audience.units[" + std::to_string(i) + "]", "announcements.invalid_unit", {}});
          continue;
        }
        if (std::find(a.units.begin(), a.units.end(), arr[i].as_int64()) == a.units.end()) {
          a.units.push_back(arr[i].as_int64());
        }
      }
    }
  }
  return a;
}

namespace {

boost::json::array ToArray(const std::vector<std::string>& v) {
  boost::json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

}  // namespace

std::string State(const Announcement& a, const std::string& now) {
  if (a.status == "draft" || a.status == "review") return a.status;
  if (a.status == "withdrawn") return "expired";
  if (!a.expire_at.empty() && a.expire_at <= now) return "expired";
  if (a.publish_at > now) return "scheduled";
  return "published";
}

core::Result<AnnouncementInput> ParseAnnouncementInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"category", "title_zh", "title_en", "body_zh", "body_en", "pending_lang", "publish_at",
                            "expire_at", "pinned", "is_public", "ack_required", "audience"});
  AnnouncementInput in;
  in.category = r.Choice("category", create, {"service_guide", "procedure", "protection_reminder", "policy"});
  in.title_zh = r.String("title_zh", false, 200);
  in.title_en = r.String("title_en", false, 200);
  in.body_zh = r.String("body_zh", false, 20000, true);
  in.body_en = r.String("body_en", false, 20000, true);
  in.pending_lang = r.Choice("pending_lang", false, {"", "zh", "en"});
  for (auto [key, out] : {std::pair{"publish_at", &in.publish_at}, std::pair{"expire_at", &in.expire_at}}) {
    auto v = r.String(key, false, 40);
    if (!v) continue;
    if (v->empty()) {
      *out = "";
    } else if (auto t = ParseInstant(*v)) {
      *out = *t;
    } else {
      r.AddError({key, "announcements.invalid_time", {}});
    }
  }
  in.pinned = r.Bool("pinned", false);
  in.is_public = r.Bool("is_public", false);
  in.ack_required = r.Bool("ack_required", false);
  in.audience = ParseAudience(r, body);
  if (create && !r.HasErrors() && in.title_zh.value_or("").empty() && in.title_en.value_or("").empty()) {
    r.AddError({"title_zh", "announcements.title_needed", {}});
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<Announcement> ApplyInput(Announcement a, const AnnouncementInput& in) {
  if (in.category) a.category = *in.category;
  if (in.title_zh) a.title_zh = core::Trim(*in.title_zh);
  if (in.title_en) a.title_en = core::Trim(*in.title_en);
  if (in.body_zh) a.body_zh = core::Trim(*in.body_zh);
  if (in.body_en) a.body_en = core::Trim(*in.body_en);
  if (in.pending_lang) a.pending_lang = *in.pending_lang;
  if (in.publish_at) a.publish_at = *in.publish_at;
  if (in.expire_at) a.expire_at = *in.expire_at;
  if (in.pinned) a.pinned = *in.pinned ? 1 : 0;
  if (in.is_public) a.is_public = *in.is_public ? 1 : 0;
  if (in.ack_required) a.ack_required = *in.ack_required ? 1 : 0;
  // A side that is filled in is no longer pending; the pending side is the other one.
  if (a.pending_lang == "zh" && !a.title_zh.empty() && in.title_zh && !in.pending_lang) a.pending_lang.clear();
  if (a.pending_lang == "en" && !a.title_en.empty() && in.title_en && !in.pending_lang) a.pending_lang.clear();
  if (a.title_zh.empty() && a.title_en.empty()) return core::FieldInvalid("title_zh", "announcements.title_needed");
  if (!a.title_zh.empty() && a.body_zh.empty()) return core::FieldInvalid("body_zh", "announcements.body_needed");
  if (!a.title_en.empty() && a.body_en.empty()) return core::FieldInvalid("body_en", "announcements.body_needed");
  // Only one side may wait for its translation, and the other must be there.
  if (a.pending_lang == "zh" && a.title_en.empty()) return core::FieldInvalid("title_en", "announcements.title_needed");
  if (a.pending_lang == "en" && a.title_zh.empty()) return core::FieldInvalid("title_zh", "announcements.title_needed");
  if (a.pending_lang.empty() && (a.title_zh.empty() || a.title_en.empty())) {
    return core::FieldInvalid(a.title_zh.empty() ? "title_zh" : "title_en", "announcements.translation_missing");
  }
  if (!a.expire_at.empty() && !a.publish_at.empty() && a.expire_at <= a.publish_at) {
    return core::FieldInvalid("expire_at", "announcements.expires_before_publish");
  }
  return a;
}

core::Result<ReviewInput> ParseReviewInput(const boost::json::object& body) {
  core::JsonReader r(body, {"decision", "note"});
  auto decision = r.Choice("decision", true, {"approve", "reject"});
  ReviewInput in;
  in.note = r.String("note", false, 1000, true).value_or("");
  in.approve = decision.value_or("") == "approve";
  if (decision && !in.approve && core::Trim(in.note).empty()) r.AddError({"note", "announcements.note_needed", {}});
  TX_CHECK(r.Finish());
  return in;
}

boost::json::object AudienceToJson(const Audience& a) {
  boost::json::array units;
  for (auto u : a.units) units.emplace_back(u);
  return {{"everyone", a.Everyone()},
          {"roles", ToArray(a.roles)},
          {"units", units},
          {"categories", ToArray(a.categories)},
          {"nationalities", ToArray(a.nationalities)}};
}

boost::json::object AnnouncementToJson(const AnnouncementView& v, core::Lang lang, const std::string& now,
                                       bool full) {
  const Announcement& a = v.a;
  boost::json::object o = full ? core::DescribedToJson(a, {"announced_at"})
                               : core::DescribedToJson(a, {"announced_at", "body_zh", "body_en", "review_note",
                                                           "created_by", "submitted_by", "reviewed_by"});
  o["pinned"] = a.pinned != 0;
  o["is_public"] = a.is_public != 0;
  o["ack_required"] = a.ack_required != 0;
  o["state"] = State(a, now);
  o["category_label"] = CategoryLabel(a.category, lang);
  // The reader's side, unless it is empty or still to be translated.
  const bool zh_ok = !a.title_zh.empty() && a.pending_lang != "zh";
  const bool en_ok = !a.title_en.empty() && a.pending_lang != "en";
  const bool en = lang == core::Lang::kEn ? (en_ok || !zh_ok) : (!zh_ok && en_ok);
  o["shown_lang"] = en ? "en" : "zh";
  o["title"] = en ? a.title_en : a.title_zh;
  if (full) o["body"] = en ? a.body_en : a.body_zh;
  o["read_at"] = v.read_at;
  o["acked_at"] = v.acked_at;
  if (full) o["audience"] = AudienceToJson(v.audience);
  return o;
}

boost::json::object PublicJson(const Announcement& a, core::Lang lang) {
  const bool zh_ok = !a.title_zh.empty() && a.pending_lang != "zh";
  const bool en_ok = !a.title_en.empty() && a.pending_lang != "en";
  const bool en = lang == core::Lang::kEn ? (en_ok || !zh_ok) : (!zh_ok && en_ok);
  return {{"id", a.id},
          {"category", a.category},
          {"category_label", CategoryLabel(a.category, lang)},
          {"title_zh", a.title_zh},
          {"title_en", a.title_en},
          {"body_zh", a.body_zh},
          {"body_en", a.body_en},
          {"pending_lang", a.pending_lang},
          {"shown_lang", en ? "en" : "zh"},
          {"title", en ? a.title_en : a.title_zh},
          {"body", en ? a.body_en : a.body_zh},
          {"pinned", a.pinned != 0},
          {"publish_at", a.publish_at},
          {"expire_at", a.expire_at},
          {"updated_at", a.updated_at}};
}

std::string CategoryLabel(std::string_view category, core::Lang lang) {
  static const core::LabelTable kLabels = {{"service_guide", {"服务指南", "Service guide"}},
                                           {"procedure", {"办事流程", "Procedure"}},
                                           {"protection_reminder", {"防护提醒", "Protection reminder"}},
                                           {"policy", {"政策通知", "Policy"}}};
  return kLabels(category, lang);
}

}  // namespace tongxin::announcements
