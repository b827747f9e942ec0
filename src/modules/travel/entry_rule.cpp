// Entry-control rules: parsing, versions and their diff, JSON.
#include "modules/travel/entry_rule.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/described_json.hpp"
#include "core/json_reader.hpp"
#include "core/labels.hpp"
#include "core/local_time.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"

namespace tongxin::travel {
namespace {

// The fields a version keeps, in the order a diff lists them.
constexpr const char* kFields[] = {"country",          "measure",        "summary_zh",     "summary_en",
                                   "quarantine_days",  "quarantine_place", "effective_from", "effective_to",
                                   "source_authority", "source_ref",     "source_url"};

std::string Text(const boost::json::object& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return "";
  if (it->value().is_string()) return std::string(it->value().as_string());
  if (it->value().is_int64()) {  // 0 days: none
    return it->value().as_int64() == 0 ? "" : std::to_string(it->value().as_int64());
  }
  return boost::json::serialize(it->value());
}

bool IsHttpUrl(std::string_view s) {
  const bool scheme = s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
  return scheme && s.size() > 8 && s.find_first_of(" \t\r\n<>\"") == std::string_view::npos;
}

}  // namespace

boost::json::object RuleFields(const EntryRule& r) {
  return {{"country", r.country},
          {"measure", r.measure},
          {"summary_zh", r.summary_zh},
          {"summary_en", r.summary_en},
          {"quarantine_days", r.quarantine_days},
          {"quarantine_place", r.quarantine_place},
          {"effective_from", r.effective_from},
          {"effective_to", r.effective_to},
          {"source_authority", r.source_authority},
          {"source_ref", r.source_ref},
          {"source_url", r.source_url}};
}

std::vector<FieldChange> Diff(const boost::json::object& before, const boost::json::object& after) {
  std::vector<FieldChange> out;
  for (const char* f : kFields) {
    std::string a = Text(before, f), b = Text(after, f);
    if (a != b) out.push_back({f, std::move(a), std::move(b)});
  }
  return out;
}

std::string RuleState(const EntryRule& r, const std::string& today) {
  if (r.effective_from > today) return "upcoming";
  if (!r.effective_to.empty() && r.effective_to < today) return "ended";
  return "current";
}

core::Result<EntryRuleInput> ParseEntryRuleInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"country", "measure", "summary_zh", "summary_en", "quarantine_days", "quarantine_place",
                            "effective_from", "effective_to", "source_authority", "source_ref", "source_url"});
  EntryRuleInput in;
  in.country = r.String("country", create, 2);
  if (in.country) {
    *in.country = core::ToUpperAscii(*in.country);
    if (!core::IsCountryCode(*in.country)) r.AddError({"country", "validation.invalid_country", {}});
  }
  in.measure = r.Choice("measure", create,
                        {"entry_ban", "visa_suspension", "quarantine", "test_required", "flight_restriction", "other"});
  in.summary_zh = r.String("summary_zh", false, 2000, true);
  in.summary_en = r.String("summary_en", false, 2000, true);
  in.quarantine_days = r.Int("quarantine_days", false, 0, 60);
  in.quarantine_place = r.String("quarantine_place", false, 200);
  in.effective_from = r.Date("effective_from", create);
  in.effective_to = r.String("effective_to", false, 10);
  if (in.effective_to && !in.effective_to->empty() && !core::IsValidDate(*in.effective_to)) {
    r.AddError({"effective_to", "validation.invalid_date", {}});
  }
  in.source_authority = r.String("source_authority", false, 200);
  in.source_ref = r.String("source_ref", false, 100);
  in.source_url = r.String("source_url", false, 500);
  if (in.source_url && !in.source_url->empty() && !IsHttpUrl(*in.source_url)) {
    r.AddError({"source_url", "entry_rules.invalid_url", {}});
  }
  if (create && !r.HasErrors() && in.summary_zh.value_or("").empty() && in.summary_en.value_or("").empty()) {
    r.AddError({"summary_zh", "entry_rules.summary_needed", {}});
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<EntryRule> ApplyInput(EntryRule r, const EntryRuleInput& in) {
  if (in.country) r.country = *in.country;
  if (in.measure) r.measure = *in.measure;
  if (in.summary_zh) r.summary_zh = core::Trim(*in.summary_zh);
  if (in.summary_en) r.summary_en = core::Trim(*in.summary_en);
  if (in.quarantine_days) r.quarantine_days = *in.quarantine_days;
  if (in.quarantine_place) r.quarantine_place = *in.quarantine_place;
  if (in.effective_from) r.effective_from = *in.effective_from;
  if (in.effective_to) r.effective_to = *in.effective_to;
  if (in.source_authority) r.source_authority = *in.source_authority;
  if (in.source_ref) r.source_ref = *in.source_ref;
  if (in.source_url) r.source_url = *in.source_url;
  if (r.measure != "quarantine") {
    r.quarantine_days = 0;
    r.quarantine_place.clear();
  }
  if (r.summary_zh.empty() && r.summary_en.empty()) return core::FieldInvalid("summary_zh", "entry_rules.summary_needed");
  if (r.measure == "quarantine" && r.quarantine_days <= 0) {
    return core::FieldInvalid("quarantine_days", "entry_rules.quarantine_days_needed");
  }
  if (!r.effective_to.empty() && r.effective_to < r.effective_from) {
    return core::FieldInvalid("effective_to", "entry_rules.ends_before_start");
  }
  return r;
}

core::Result<NotifyInput> ParseNotifyInput(const boost::json::object& body) {
  core::JsonReader r(body, {"reasons", "again"});
  NotifyInput in;
  in.again = r.Bool("again", false).value_or(false);
  if (auto it = body.find("reasons"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_array()) {
      r.AddError({"reasons", "validation.wrong_type", {{"expected", "array"}}});
    } else {
      const auto& a = it->value().as_array();
      for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string field = "reasons[" + std::to_string(i) + "]";
        if (!a[i].is_string() || (a[i].as_string() != "nationality" && a[i].as_string() != "traveller")) {
          r.AddError({field, "validation.invalid_choice", {{"choices", "nationality, traveller"}}});
          continue;
        }
        in.reasons.emplace_back(a[i].as_string());
      }
    }
  }
  TX_CHECK(r.Finish());
  return in;
}

std::string MeasureLabel(std::string_view measure, core::Lang lang) {
  static const core::LabelTable kLabels = {
      {"entry_ban", {"禁止入境", "Entry ban"}},
      {"visa_suspension", {"暂停签证", "Visa suspension"}},
      {"quarantine", {"入境隔离", "Quarantine"}},
      {"test_required", {"检测要求", "Test required"}},
      {"flight_restriction", {"航班限制", "Flight restriction"}},
      {"other", {"其他措施", "Other measure"}},
  };
  return kLabels(measure, lang);
}

boost::json::object RuleToJson(const EntryRule& r, core::Lang lang, const std::string& today) {
  boost::json::object o = core::DescribedToJson(r, {"created_by"});
  o["state"] = RuleState(r, today);
  o["measure_label"] = MeasureLabel(r.measure, lang);
  o["summary"] = core::Pick(lang, r.summary_zh, r.summary_en);
  // One language missing: the other is shown, marked as such.
  o["summary_lang"] = (lang == core::Lang::kZh ? !r.summary_zh.empty() : r.summary_en.empty()) ? "zh" : "en";
  return o;
}

boost::json::array VersionsToJson(const std::vector<EntryRuleVersion>& versions) {
  boost::json::array out;
  boost::json::object previous;
  std::vector<boost::json::object> items;
  for (const auto& v : versions) {  // oldest first
    boost::json::object data;
    if (auto parsed = boost::json::parse(v.data); parsed.is_object()) data = parsed.as_object();
    boost::json::object j{{"version", v.version}, {"at", v.at}, {"actor_name", v.actor_name}};
    boost::json::array changes;
    for (const auto& c : Diff(previous, data)) {
      changes.push_back({{"field", c.field}, {"before", c.before}, {"after", c.after}});
    }
    j["changes"] = std::move(changes);
    j["data"] = data;
    items.push_back(std::move(j));
    previous = std::move(data);
  }
  for (auto it = items.rbegin(); it != items.rend(); ++it) out.push_back(std::move(*it));
  return out;
}

boost::json::object AffectedToJson(const AffectedPerson& a, core::Lang lang, std::int64_t current_version) {
  boost::json::array reasons;
  for (const auto& r : a.reasons) reasons.push_back(boost::json::string(r));
  boost::json::object o{{"person_id", a.person_id},
                        {"name", core::Pick(lang, a.name_zh, a.name_latin)},
                        {"nationality", a.nationality},
                        {"category", a.category},
                        {"language", a.language},
                        {"unit_name", core::Pick(lang, a.unit_name_zh, a.unit_name_en)},
                        {"reasons", std::move(reasons)},
                        {"trip_status", a.trip_status},
                        {"told_version", a.told_version},
                        {"told_at", a.told_at},
                        {"told_current", a.told_version == current_version}};
  o["trip_id"] = a.trip_id ? boost::json::value(*a.trip_id) : boost::json::value(nullptr);
  return o;
}

}  // namespace tongxin::travel
