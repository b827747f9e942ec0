// Letter templates and mass letters: parsing, merge fields, languages and JSON.
#include "modules/partners/letter_template.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>

#include "core/described_json.hpp"
#include "core/json_reader.hpp"
#include "core/long_date.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"

namespace tongxin::partners {
namespace {

// Every "{{name}}" in the text must be a known merge field. Spaces inside the braces are
// allowed ("{{ partner.name }}").
void CheckFields(core::JsonReader& r, const std::optional<std::string>& text, const std::string& field) {
  if (!text) return;
  const auto& known = MergeFields();
  std::size_t pos = 0;
  while ((pos = text->find("{{", pos)) != std::string::npos) {
    const auto end = text->find("}}", pos + 2);
    if (end == std::string::npos) {
      r.AddError({field, "partners.unclosed_merge_field", {}});
      return;
    }
    const std::string name = core::Trim(std::string_view(*text).substr(pos + 2, end - pos - 2));
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      r.AddError({field, "partners.unknown_merge_field", {{"name", name}}});
      return;
    }
    pos = end + 2;
  }
}

bool Has(const std::string& subject, const std::string& body) { return !body.empty() && !subject.empty(); }

}  // namespace

const std::vector<std::string>& MergeFields() {
  static const std::vector<std::string> kFields = {
      "partner.name", "partner.name_zh", "partner.name_en", "partner.city", "contact.name", "contact.title",
      "contact.honorific", "signer.name", "signer.title", "date"};
  return kFields;
}

std::string MergeText(const std::string& text, const MergeValues& values) {
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    const auto open = text.find("{{", pos);
    const auto close = open == std::string::npos ? std::string::npos : text.find("}}", open + 2);
    if (close == std::string::npos) {
      out.append(text, pos);
      return out;
    }
    out.append(text, pos, open - pos);
    const std::string name = core::Trim(std::string_view(text).substr(open + 2, close - open - 2));
    auto it = values.find(name);
    if (it != values.end()) out += it->second;
    pos = close + 2;
  }
}

core::Result<TemplateInput> ParseTemplateInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"unit_id", "name", "subject_zh", "body_zh", "subject_en", "body_en", "third_lang",
                            "subject_third", "body_third", "letterhead_zh", "letterhead_en", "signer_name_zh",
                            "signer_name_en", "signer_title_zh", "signer_title_en", "active"});
  TemplateInput in;
  in.unit_id = r.Int("unit_id", create, 1, INT64_MAX);
  in.name = r.String("name", create, 200);
  for (auto [key, member, max, multi] :
       std::array<std::tuple<const char*, std::optional<std::string> TemplateInput::*, std::size_t, bool>, 13>{{
           {"subject_zh", &TemplateInput::subject_zh, 300, false},
           {"body_zh", &TemplateInput::body_zh, 20000, true},
           {"subject_en", &TemplateInput::subject_en, 300, false},
           {"body_en", &TemplateInput::body_en, 20000, true},
           {"third_lang", &TemplateInput::third_lang, 2, false},
           {"subject_third", &TemplateInput::subject_third, 300, false},
           {"body_third", &TemplateInput::body_third, 20000, true},
           {"letterhead_zh", &TemplateInput::letterhead_zh, 500, true},
           {"letterhead_en", &TemplateInput::letterhead_en, 500, true},
           {"signer_name_zh", &TemplateInput::signer_name_zh, 100, false},
           {"signer_name_en", &TemplateInput::signer_name_en, 100, false},
           {"signer_title_zh", &TemplateInput::signer_title_zh, 200, false},
           {"signer_title_en", &TemplateInput::signer_title_en, 200, false},
       }}) {
    in.*member = r.String(key, false, max, multi);
  }
  in.active = r.Bool("active", false);
  if (!create && in.name && in.name->empty()) r.AddError({"name", "validation.required", {}});
  for (auto [key, member] : std::array<std::pair<const char*, std::optional<std::string> TemplateInput::*>, 6>{{
           {"subject_zh", &TemplateInput::subject_zh},
           {"body_zh", &TemplateInput::body_zh},
           {"subject_en", &TemplateInput::subject_en},
           {"body_en", &TemplateInput::body_en},
           {"subject_third", &TemplateInput::subject_third},
           {"body_third", &TemplateInput::body_third},
       }}) {
    CheckFields(r, in.*member, key);
  }
  if (in.third_lang && !in.third_lang->empty()) {
    if (!IsLanguageCode(*in.third_lang)) {
      r.AddError({"third_lang", "partners.language_unknown", {{"code", *in.third_lang}}});
    } else if (*in.third_lang == "zh" || *in.third_lang == "en") {
      r.AddError({"third_lang", "partners.third_lang_twice", {}});
    }
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Status CheckTemplate(const LetterTemplate& t) {
  const boost::json::object none;
  core::JsonReader report(none, {});
  std::vector<core::FieldError> errors;
  auto half = [&](const std::string& subject, const std::string& body, const char* subject_key,
                  const char* body_key) {
    if (subject.empty() != body.empty()) {
      errors.push_back({subject.empty() ? subject_key : body_key, "validation.required", {}});
    }
  };
  half(t.subject_zh, t.body_zh, "subject_zh", "body_zh");
  half(t.subject_en, t.body_en, "subject_en", "body_en");
  if (!Has(t.subject_zh, t.body_zh) && !Has(t.subject_en, t.body_en) && errors.empty()) {
    errors.push_back({"body_zh", "partners.template_text_needed", {}});
  }
  if (!t.third_lang.empty()) {
    half(t.subject_third, t.body_third, "subject_third", "body_third");
    if (t.body_third.empty() && t.subject_third.empty()) errors.push_back({"body_third", "validation.required", {}});
  }
  for (auto& e : errors) report.AddError(std::move(e));
  return report.Finish();
}

std::vector<std::string> TemplateLanguages(const LetterTemplate& t) {
  std::vector<std::string> out;
  if (Has(t.subject_zh, t.body_zh)) out.push_back("zh");
  if (Has(t.subject_en, t.body_en)) out.push_back("en");
  if (!t.third_lang.empty() && Has(t.subject_third, t.body_third)) out.push_back(t.third_lang);
  return out;
}

std::string LetterLanguage(const LetterTemplate& t, const Contact& c, const Partner& p) {
  const auto langs = TemplateLanguages(t);
  auto has = [&](const std::string& l) { return std::find(langs.begin(), langs.end(), l) != langs.end(); };
  if (!c.language.empty() && has(c.language)) return c.language;
  for (const auto& l : p.languages) {
    if (has(l)) return l;
  }
  if (has("en")) return "en";
  return langs.empty() ? "en" : langs.front();
}

std::string LetterDate(const std::string& iso_day, const std::string& lang) { return core::LongDate(iso_day, lang); }

LetterText TemplateText(const LetterTemplate& t, const std::string& lang) {
  if (lang == "zh") return {t.subject_zh, t.body_zh};
  if (lang == "en") return {t.subject_en, t.body_en};
  return {t.subject_third, t.body_third};
}

MergeValues LetterValues(const LetterTemplate& t, const Partner& p, const Contact& c, const std::string& lang,
                         const std::string& dated_on) {
  const bool zh = lang == "zh";
  auto pick = [&](const std::string& a, const std::string& b) { return zh ? (a.empty() ? b : a) : (b.empty() ? a : b); };
  return {{"partner.name", pick(p.name_zh, p.name_en)},
          {"partner.name_zh", p.name_zh},
          {"partner.name_en", p.name_en},
          {"partner.city", p.city},
          {"contact.name", c.name},
          {"contact.title", c.title},
          {"contact.honorific", c.honorific},
          {"signer.name", pick(t.signer_name_zh, t.signer_name_en)},
          {"signer.title", pick(t.signer_title_zh, t.signer_title_en)},
          {"date", LetterDate(dated_on, lang)}};
}

boost::json::object TemplateToJson(const LetterTemplate& t) {
  boost::json::object o = core::DescribedToJson(t, {"signature_png", "letterhead_png", "unit_path"});
  o["has_signature"] = !t.signature_png.empty();
  o["has_letterhead_image"] = !t.letterhead_png.empty();
  o["languages"] = boost::json::value_from(TemplateLanguages(t));
  return o;
}

core::Result<MailingInput> ParseMailingInput(const boost::json::object& body) {
  core::JsonReader r(body, {"template_id", "audience", "title", "dated_on", "filter", "primary_only", "partner_ids",
                            "people"});
  MailingInput in;
  in.audience = r.Choice("audience", false, {"partners", "people"}).value_or("partners");
  in.template_id = r.Int("template_id", true, 1, INT64_MAX).value_or(0);
  in.title = r.String("title", true, 200).value_or("");
  in.dated_on = r.Date("dated_on", true).value_or("");
  in.primary_only = r.Bool("primary_only", false).value_or(false);
  in.partner_ids = r.IntArray("partner_ids", false, 5000).value_or(std::vector<std::int64_t>{});
  in.filter.status = "active";
  if (auto it = body.find("filter"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_object()) {
      r.AddError({"filter", "validation.wrong_type", {{"expected", "object"}}});
    } else {
      const auto& fo = it->value().as_object();
      core::JsonReader f(fo, {"q", "kind", "country", "countries", "tag", "unit_id"});
      in.filter.q = f.String("q", false, 100).value_or("");
      in.filter.kind = f.Choice("kind", false, {"university", "embassy", "consulate", "hospital", "company",
                                                "foundation", "ngo", "government", "other"})
                           .value_or("");
      in.filter.country = f.String("country", false, 2).value_or("");
      if (!in.filter.country.empty() && !core::IsCountryCode(in.filter.country)) {
        f.AddError({"country", "validation.invalid_country", {}});
      }
      in.filter.tag = core::Trim(f.String("tag", false, 40).value_or(""));
      in.filter.unit_id = f.Int("unit_id", false, 1, INT64_MAX);
      if (auto c = fo.find("countries"); c != fo.end() && !c->value().is_null()) {
        if (!c->value().is_array() || c->value().as_array().size() > 250) {
          f.AddError({"countries", "validation.wrong_type", {{"expected", "array"}}});
        } else {
          const auto& a = c->value().as_array();
          for (std::size_t i = 0; i < a.size(); ++i) {
            const std::string code = a[i].is_string() ? std::string(a[i].as_string()) : "";
            if (!core::IsCountryCode(code)) {
              f.AddError({"countries[" + std::to_string(i) + "]", "validation.invalid_country", {}});
            } else if (std::find(in.filter.countries.begin(), in.filter.countries.end(), code) ==
                       in.filter.countries.end()) {
              in.filter.countries.push_back(code);
            }
          }
        }
      }
      r.AddErrorsOf(f.Finish(), "filter.");
    }
  }
  if (auto it = body.find("people"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_object()) {
      r.AddError({"people", "validation.wrong_type", {{"expected", "object"}}});
    } else {
      const auto& po = it->value().as_object();
      core::JsonReader f(po, {"categories", "nationalities", "unit_id"});
      in.people.unit_id = f.Int("unit_id", false, 1, INT64_MAX);
      auto codes = [&](const char* key, auto&& valid, const char* reason, std::map<std::string, std::string> args,
                       std::vector<std::string>& out) {
        auto c = po.find(key);
        if (c == po.end() || c->value().is_null()) return;
        if (!c->value().is_array() || c->value().as_array().size() > 250) {
          f.AddError({key, "validation.wrong_type", {{"expected", "array"}}});
          return;
        }
        out.clear();
        const auto& a = c->value().as_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
          const std::string code = a[i].is_string() ? std::string(a[i].as_string()) : "";
          if (!valid(code)) {
            f.AddError({std::string(key) + "[" + std::to_string(i) + "]", reason, args});
          } else if (std::find(out.begin(), out.end(), code) == out.end()) {
            out.push_back(code);
          }
        }
      };
      codes("categories",
            [](const std::string& c) {
              return c == "foreign_staff" || c == "staff" || c == "student" || c == "resident" || c == "other";
            },
            "validation.invalid_choice", {{"choices", "foreign_staff, staff, student, resident, other"}},
            in.people.categories);
      codes("nationalities", [](const std::string& c) { return core::IsCountryCode(c); }, "validation.invalid_country",
            {}, in.people.nationalities);
      if (in.people.categories.empty()) f.AddError({"categories", "validation.required", {}});
      r.AddErrorsOf(f.Finish(), "people.");
    }
  }
  TX_CHECK(r.Finish());
  return in;
}

boost::json::object MailingToJson(const Mailing& m) {
  boost::json::object o = core::DescribedToJson(m, {"unit_path", "filter"});
  boost::system::error_code ec;
  auto filter = boost::json::parse(m.filter, ec);
  o["filter"] = ec ? boost::json::value(boost::json::object{}) : filter;
  return o;
}

boost::json::object RecipientToJson(const MailingRecipient& r, core::Lang lang) {
  boost::json::object o = core::DescribedToJson(r, {"partner_name_zh", "partner_name_en", "contact_email"});
  o["partner_name"] = core::Pick(lang, r.partner_name_zh, r.partner_name_en);
  o["contact_email"] = core::MaskEmail(r.contact_email);
  o["has_email"] = !r.contact_email.empty();
  return o;
}

}  // namespace tongxin::partners
