// Plan JSON and validation.
#include "modules/health/plan.hpp"

#include <boost/json.hpp>

#include "core/described_json.hpp"
#include "core/json_reader.hpp"

namespace tongxin::health {

std::string SlotsToJson(const std::vector<SlotDef>& slots) {
  boost::json::array a;
  for (const auto& s : slots) {
    a.push_back({{"name", s.name}, {"start", FormatHhMm(s.start_min)}, {"end", FormatHhMm(s.end_min)}});
  }
  return boost::json::serialize(a);
}

std::vector<SlotDef> SlotsFromJson(const std::string& text) {
  std::vector<SlotDef> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& s : v.as_array()) {
    out.push_back({std::string(s.at("name").as_string()), *ParseHhMm(std::string(s.at("start").as_string())),
                   *ParseHhMm(std::string(s.at("end").as_string()))});
  }
  return out;
}

boost::json::object PlanToJson(const ReportPlan& p, bool with_people) {
  boost::json::object o = core::DescribedToJson(p, {"people"});
  if (with_people) {
    boost::json::array people;
    for (const auto& x : p.people) people.push_back(core::DescribedToJson(x));
    o["people"] = std::move(people);
  }
  o["slots"] = boost::json::parse(SlotsToJson(p.slots));
  return o;
}

namespace {

std::optional<std::vector<SlotDef>> ReadSlots(const boost::json::object& body, core::JsonReader& r) {
  auto it = body.find("slots");
  if (it == body.end()) return std::nullopt;
  if (!it->value().is_array() || it->value().as_array().empty() || it->value().as_array().size() > 6) {
    r.AddError({"slots", "health.slots_invalid", {}});
    return std::nullopt;
  }
  std::vector<SlotDef> slots;
  for (const auto& s : it->value().as_array()) {
    if (!s.is_object()) {
      r.AddError({"slots", "health.slots_invalid", {}});
      return std::nullopt;
    }
    core::JsonReader sr(s.as_object(), {"name", "start", "end"});
    auto name = sr.String("name", true, 32);
    auto start = sr.String("start", true, 5);
    auto end = sr.String("end", true, 5);
    if (!sr.Finish() || !ParseHhMm(*start) || !ParseHhMm(*end)) {
      r.AddError({"slots", "health.slots_invalid", {}});
      return std::nullopt;
    }
    slots.push_back({*name, *ParseHhMm(*start), *ParseHhMm(*end)});
  }
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const bool bad = slots[i].end_min <= slots[i].start_min || (i > 0 && slots[i].start_min < slots[i - 1].end_min);
    if (bad) {
      r.AddError({"slots", "health.slots_invalid", {}});
      return std::nullopt;
    }
  }
  return slots;
}

}  // namespace

core::Result<PlanInput> ParsePlanInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"name", "kind", "target", "unit_id", "category", "time_zone", "slots", "late_minutes",
                            "start_date", "end_date", "active", "person_ids", "observation_days"});
  PlanInput in;
  in.name = r.String("name", create, 100);
  in.kind = r.Choice("kind", false, {"group", "observation"});
  in.target = r.Choice("target", false, {"unit", "category", "people"});
  if (r.Has("unit_id")) {
    in.unit_set = true;
    in.unit_id = r.Int("unit_id", false, 1, INT64_MAX);
  }
  in.category = r.Choice("category", false, {"foreign_staff", "staff", "student", "resident", "other"});
  in.time_zone = r.String("time_zone", false, 64);
  if (in.time_zone && !in.time_zone->empty() && !IsTimeZone(*in.time_zone)) {
    r.AddError({"time_zone", "health.bad_time_zone", {}});
  }
  in.slots = ReadSlots(body, r);
  in.late_minutes = r.Int("late_minutes", false, 0, 720);
  in.start_date = r.Date("start_date", create);
  in.end_date = r.Date("end_date", false);
  in.active = r.Bool("active", false);
  in.person_ids = r.IntArray("person_ids", false, 100000);
  in.observation_days = r.Int("observation_days", false, 1, 60);
  TX_CHECK(r.Finish());
  return in;
}

void ApplyPlanInput(ReportPlan& p, const PlanInput& in) {
  if (in.name) p.name = *in.name;
  if (in.kind) p.kind = *in.kind;
  if (in.target) p.target = *in.target;
  if (in.unit_set) p.unit_id = in.unit_id;
  if (in.category) p.category = *in.category;
  if (in.time_zone && !in.time_zone->empty()) p.time_zone = *in.time_zone;
  if (in.slots) p.slots = *in.slots;
  if (in.late_minutes) p.late_minutes = static_cast<int>(*in.late_minutes);
  if (in.start_date) p.start_date = *in.start_date;
  if (in.end_date) p.end_date = *in.end_date;
  if (in.active) p.active = *in.active;
  if (in.person_ids) p.person_ids = *in.person_ids;
  if (p.kind == "observation") p.target = "people";
  if (in.observation_days && !p.start_date.empty()) {
    p.end_date = AddDays(p.start_date, static_cast<int>(*in.observation_days) - 1);
  }
}

core::Status ValidatePlan(const ReportPlan& p) {
  if (p.target == "unit" && !p.unit_id) return core::FieldInvalid("unit_id", "validation.required");
  if (p.target == "category" && p.category.empty()) return core::FieldInvalid("category", "validation.required");
  if (p.target == "people" && p.person_ids.empty()) return core::FieldInvalid("person_ids", "validation.required");
  if (p.kind == "observation" && p.end_date.empty()) return core::FieldInvalid("end_date", "validation.required");
  if (!p.end_date.empty() && p.end_date < p.start_date) return core::FieldInvalid("end_date", "health.end_before_start");
  return {};
}

}  // namespace tongxin::health
