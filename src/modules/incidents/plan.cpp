// Plans: JSON, validation and the default plans.
#include "modules/incidents/plan.hpp"

#include <boost/json.hpp>
#include <toml++/toml.h>

#include <sstream>

#include "core/described_json.hpp"
#include "core/embedded_data.hpp"
#include "core/json_reader.hpp"

namespace tongxin::incidents {

const std::vector<std::string>& IncidentTypes() {
  static const std::vector<std::string> kTypes = {"fever",           "suspected_case", "close_contact",
                                                  "confirmed_case",  "hospitalisation", "death",
                                                  "stranded_abroad", "mental_health",  "supply_shortage",
                                                  "other"};
  return kTypes;
}

bool IsIncidentType(const std::string& t) {
  for (const auto& x : IncidentTypes()) {
    if (x == t) return true;
  }
  return false;
}

boost::json::object PlanToJson(const Plan& p) { return core::DescribedToJson(p, {"created_by"}); }

core::Result<Plan> ParsePlanBody(const boost::json::object& body) {
  core::JsonReader r(body, {"name_zh", "name_en", "steps"});
  Plan p;
  auto zh = r.String("name_zh", true, 100);
  auto en = r.String("name_en", true, 100);
  if (zh) p.name_zh = *zh;
  if (en) p.name_en = *en;
  auto it = body.find("steps");
  if (it == body.end() || !it->value().is_array() || it->value().as_array().empty() ||
      it->value().as_array().size() > 50) {
    r.AddError({"steps", "incidents.steps_invalid", {}});
  } else {
    int position = 0;
    for (const auto& v : it->value().as_array()) {
      ++position;
      const std::string prefix = "steps[" + std::to_string(position) + "].";
      if (!v.is_object()) {
        r.AddError({"steps", "incidents.steps_invalid", {}});
        continue;
      }
      core::JsonReader sr(v.as_object(), {"title_zh", "title_en", "instructions_zh", "instructions_en", "owner_role",
                                          "owner_unit_code", "due_minutes", "due_from"});
      PlanStep s;
      s.position = position;
      s.title_zh = sr.String("title_zh", true, 200).value_or("");
      s.title_en = sr.String("title_en", true, 200).value_or("");
      s.instructions_zh = sr.String("instructions_zh", false, 2000, true).value_or("");
      s.instructions_en = sr.String("instructions_en", false, 2000, true).value_or("");
      // "person": the person concerned (sees the step, is reminded of it).
      s.owner_role = sr.Choice("owner_role", true, {"office", "department", "leader", "volunteer", "person"}).value_or("");
      s.owner_unit_code = sr.String("owner_unit_code", false, 32).value_or("");
      s.due_minutes = static_cast<int>(sr.Int("due_minutes", true, 1, 60 * 24 * 30).value_or(0));
      s.due_from = sr.Choice("due_from", false, {"start", "previous"}).value_or("start");
      r.AddErrorsOf(sr.Finish(), prefix);
      p.steps.push_back(std::move(s));
    }
  }
  TX_CHECK(r.Finish());
  return p;
}

namespace {

core::Error BadDefaults(const std::string& why) {
  return core::MakeError(core::Errc::kInternal, "incidents.bad_default_plans: " + why);
}

}  // namespace

core::Result<std::vector<Plan>> DefaultPlans() {
  const auto text = core::EmbeddedFile("incidents/default_plans");
  if (!text) return BadDefaults("not embedded");
  toml::table doc;
  try {
    doc = toml::parse(*text);
  } catch (const toml::parse_error& e) {
    return BadDefaults(std::string(e.description()));
  }
  const toml::table* shared = doc["steps"].as_table();
  const toml::array* plans = doc["plans"].as_array();
  if (plans == nullptr) return BadDefaults("no [[plans]]");
  std::vector<Plan> out;
  for (const toml::node& node : *plans) {
    const toml::table* plan = node.as_table();
    if (plan == nullptr) return BadDefaults("a plan is not a table");
    const std::string type = (*plan)["incident_type"].value_or(std::string());
    if (!IsIncidentType(type)) return BadDefaults("unknown incident_type " + type);
    toml::table body = *plan;
    body.erase("incident_type");
    toml::array steps;
    if (const toml::array* listed = (*plan)["steps"].as_array()) {
      for (const toml::node& s : *listed) {
        const toml::table* step = s.as_table();
        if (step == nullptr) return BadDefaults(type + ": a step is not a table");
        if (auto use = (*step)["use"].value<std::string>()) {  // a step from [steps]
          step = shared != nullptr ? (*shared)[*use].as_table() : nullptr;
          if (step == nullptr) return BadDefaults(type + ": no step " + *use);
        }
        steps.push_back(*step);
      }
    }
    body.insert_or_assign("steps", std::move(steps));
    // The same checks as a plan edited in the web app.
    std::ostringstream json;
    json << toml::json_formatter{body};
    auto parsed = ParsePlanBody(boost::json::parse(json.str()).as_object());
    if (!parsed) return BadDefaults(type + ": " + parsed.error().reason);
    parsed->incident_type = type;
    out.push_back(std::move(*parsed));
  }
  return out;
}

}  // namespace tongxin::incidents
