// Partners: request parsing, language codes, search text and JSON.
#include "modules/partners/partner.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <string_view>

#include "core/described_json.hpp"
#include "core/json_reader.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"

namespace tongxin::partners {
namespace {

// An array of short strings under `key` (languages, tags), trimmed, duplicates dropped.
std::optional<std::vector<std::string>> StringArray(core::JsonReader& r, const boost::json::object& body,
                                                    std::string_view key, std::size_t max_items,
                                                    std::size_t max_chars) {
  auto it = body.find(key);
  if (it == body.end()) return std::nullopt;
  if (it->value().is_null()) return std::vector<std::string>{};
  if (!it->value().is_array()) {
    r.AddError({std::string(key), "validation.wrong_type", {{"expected", "array"}}});
    return std::nullopt;
  }
  const auto& a = it->value().as_array();
  if (a.size() > max_items) {
    r.AddError({std::string(key), "partners.too_many", {{"max", std::to_string(max_items)}}});
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string field = std::string(key) + "[" + std::to_string(i) + "]";
    if (!a[i].is_string()) {
      r.AddError({field, "validation.wrong_type", {{"expected", "string"}}});
      continue;
    }
    std::string s = core::Trim(std::string_view(a[i].as_string()));
    if (s.empty()) continue;
    if (core::Utf8Length(s) > max_chars || s.find(',') != std::string::npos) {
      r.AddError({field, s.find(',') != std::string::npos ? "partners.no_commas" : "validation.too_long",
                  {{"max", std::to_string(max_chars)}}});
      continue;
    }
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

void CheckLanguage(core::JsonReader& r, const std::optional<std::string>& code, const std::string& field) {
  if (code && !code->empty() && !IsLanguageCode(*code)) {
    r.AddError({field, "partners.language_unknown", {{"code", *code}}});
  }
}

}  // namespace

bool IsLanguageCode(const std::string& code) {
  static constexpr std::string_view kCodes =
      "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el "
      "en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu "
      "ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na "
      "nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so "
      "sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";
  if (code.size() != 2) return false;
  for (std::size_t i = 0; i + 1 < kCodes.size(); i += 3) {
    if (kCodes.substr(i, 2) == code) return true;
  }
  return false;
}

core::Result<PartnerInput> ParsePartnerInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"unit_id", "kind", "name_zh", "name_en", "country", "city", "languages", "tags",
                            "website", "address", "note", "unit_ids"});
  PartnerInput in;
  in.unit_id = r.Int("unit_id", create, 1, INT64_MAX);
  in.kind = r.Choice("kind", create,
                     {"university", "embassy", "consulate", "hospital", "company", "foundation", "ngo", "government",
                      "other"});
  in.name_zh = r.String("name_zh", false, 200);
  in.name_en = r.String("name_en", false, 200);
  in.country = r.String("country", create, 2);
  in.city = r.String("city", false, 100);
  in.website = r.String("website", false, 300);
  in.address = r.String("address", false, 300, true);
  in.note = r.String("note", false, 2000, true);
  in.languages = StringArray(r, body, "languages", 5, 20);
  in.tags = StringArray(r, body, "tags", 20, 40);
  in.unit_ids = r.IntArray("unit_ids", false, 50);
  if (create && in.name_zh.value_or("").empty() && in.name_en.value_or("").empty()) {
    r.AddError({"name_zh", "partners.name_required", {}});
  }
  if (in.country && !in.country->empty() && !core::IsCountryCode(*in.country)) {
    r.AddError({"country", "validation.invalid_country", {}});
  }
  if (in.languages) {
    for (std::size_t i = 0; i < in.languages->size(); ++i) {
      CheckLanguage(r, (*in.languages)[i], "languages[" + std::to_string(i) + "]");
    }
    if (in.languages->empty()) r.AddError({"languages", "validation.required", {}});
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<ContactInput> ParseContactInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"name", "title", "honorific", "email", "phone", "language", "note", "is_primary",
                            "active"});
  ContactInput in;
  in.name = r.String("name", create, 100);
  in.title = r.String("title", false, 100);
  in.honorific = r.String("honorific", false, 40);
  in.email = r.String("email", false, 200);
  in.phone = r.String("phone", false, 40);
  in.language = r.String("language", false, 2);
  in.note = r.String("note", false, 1000, true);
  in.is_primary = r.Bool("is_primary", false);
  in.active = r.Bool("active", false);
  if (!create && in.name && in.name->empty()) r.AddError({"name", "validation.required", {}});
  if (in.email && !in.email->empty() && !core::IsValidEmail(*in.email)) {
    r.AddError({"email", "validation.invalid_email", {}});
  }
  CheckLanguage(r, in.language, "language");
  TX_CHECK(r.Finish());
  return in;
}

core::Result<LetterInput> ParseLetterInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"partner_id", "contact_id", "reply_to", "handled_by", "direction", "channel", "dated_on",
                            "subject", "summary", "language", "answer_needed", "answer_by"});
  LetterInput in;
  in.partner_id = r.Int("partner_id", create, 1, INT64_MAX);
  in.contact_id = r.Int("contact_id", false, 1, INT64_MAX);
  in.reply_to = r.Int("reply_to", false, 1, INT64_MAX);
  in.handled_by = r.Int("handled_by", false, 1, INT64_MAX);
  in.direction = r.Choice("direction", create, {"in", "out"});
  in.channel = r.Choice("channel", create, {"email", "post", "diplomatic_note", "in_person"});
  in.dated_on = r.Date("dated_on", create);
  in.subject = r.String("subject", create, 300);
  in.summary = r.String("summary", false, 10000, true);
  in.language = r.String("language", false, 2);
  in.answer_needed = r.Bool("answer_needed", false);
  in.answer_by = r.Date("answer_by", false);
  if (!create && in.subject && in.subject->empty()) r.AddError({"subject", "validation.required", {}});
  if (!create && r.Has("partner_id")) r.AddError({"partner_id", "partners.letter_partner_fixed", {}});
  CheckLanguage(r, in.language, "language");
  if (in.answer_needed.value_or(false) && in.answer_by.value_or("").empty()) {
    r.AddError({"answer_by", "partners.answer_by_needed", {}});
  }
  TX_CHECK(r.Finish());
  return in;
}

std::string PartnerSearchText(const Partner& p, const std::vector<Contact>& contacts) {
  std::string s = p.name_zh + " " + p.name_en + " " + p.city + " " + p.country;
  for (const auto& t : p.tags) s += " " + t;
  for (const auto& c : contacts) s += " " + c.name;
  return core::ToLowerAscii(s);
}

std::string LetterSearchText(const Letter& l) { return core::ToLowerAscii(l.subject + " " + l.summary); }

boost::json::object ContactToJson(const Contact& c, bool full) {
  boost::json::object o = core::DescribedToJson(c);
  if (!full) {
    o["email"] = core::MaskEmail(c.email);
    o["phone"] = core::MaskPhone(c.phone);
    o["masked"] = true;
  }
  o["has_email"] = !c.email.empty();
  return o;
}

boost::json::object PartnerToJson(const Partner& p, core::Lang lang, bool contacts) {
  boost::json::object o = core::DescribedToJson(p, {"contacts", "unit_path", "units"});
  o["name"] = core::Pick(lang, p.name_zh, p.name_en);
  boost::json::array units;
  for (const auto& u : p.units) {
    units.push_back({{"id", u.id}, {"name", core::Pick(lang, u.name_zh, u.name_en)}});
  }
  o["units"] = std::move(units);
  boost::json::array cs;
  for (const auto& c : p.contacts) cs.push_back(ContactToJson(c, contacts));
  o["contacts"] = std::move(cs);
  return o;
}

boost::json::object LetterToJson(const Letter& l, core::Lang lang) {
  boost::json::object o = core::DescribedToJson(l, {"partner_name_zh", "partner_name_en"});
  o["partner_name"] = core::Pick(lang, l.partner_name_zh, l.partner_name_en);
  return o;
}

}  // namespace tongxin::partners
