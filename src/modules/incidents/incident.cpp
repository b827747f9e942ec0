// Incident JSON and input.
#include "modules/incidents/incident.hpp"

#include <boost/json.hpp>

#include "core/json_reader.hpp"
#include "modules/incidents/labels.hpp"
#include "modules/incidents/plan.hpp"

namespace tongxin::incidents {
namespace {

boost::json::value OptId(const std::optional<std::int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}


}  // namespace

boost::json::object IncidentToJson(const Incident& i, core::Lang lang, bool detail, Viewer viewer,
                                   const std::string& now) {
  if (viewer != Viewer::kStaff) {
    boost::json::object own{{"id", i.id},
                            {"incident_type", i.incident_type},
                            {"title", Label(i.incident_type, lang)},
                            {"status", i.status},
                            {"my_role", viewer == Viewer::kConcerned ? "concerned" : "contact"},
                            {"opened_at", i.opened_at},
                            {"closed_at", i.closed_at}};
    // The person concerned sees the steps that are theirs to do; a contact none of them.
    boost::json::array mine;
    for (const auto& s : i.steps) {
      if (viewer != Viewer::kConcerned || s.owner_role != "person") continue;
      mine.push_back({{"id", s.id}, {"title", Pick(lang, s.title_zh, s.title_en)},
                      {"instructions", Pick(lang, s.instructions_zh, s.instructions_en)}, {"due_at", s.due_at},
                      {"done_at", s.done_at}});
    }
    own["my_steps"] = std::move(mine);
    return own;
  }
  boost::json::object o{{"id", i.id},
                        {"incident_type", i.incident_type},
                        {"severity", i.severity},
                        {"status", i.status},
                        {"title", i.title},
                        {"person_id", OptId(i.person_id)},
                        {"person_name", Pick(lang, i.person_name_zh, i.person_name_latin)},
                        {"unit_id", i.unit_id},
                        {"unit_name", Pick(lang, i.unit_name_zh, i.unit_name_en)},
                        {"opened_at", i.opened_at},
                        {"closed_at", i.closed_at}};
  o["location"] = i.location;
  o["plan_id"] = i.plan_id;
  o["plan_version"] = i.plan_version;
  o["assignee_id"] = OptId(i.assignee_id);
  o["assignee_name"] = i.assignee_name;
  o["outcome"] = i.outcome;
  o["alert_id"] = OptId(i.alert_id);
  o["updated_at"] = i.updated_at;
  o["version"] = i.version;
  if (!detail) {
    o["steps_total"] = i.steps_total;
    o["steps_done"] = i.steps_done;
    o["steps_overdue"] = i.steps_overdue;
    return o;
  }
  boost::json::array steps;
  for (const auto& s : i.steps) {
    steps.push_back({{"id", s.id},
                     {"position", s.position},
                     {"title", Pick(lang, s.title_zh, s.title_en)},
                     {"instructions", Pick(lang, s.instructions_zh, s.instructions_en)},
                     {"owner_role", s.owner_role},
                     {"owner_unit_code", s.owner_unit_code},
                     {"owner_unit_name", Pick(lang, s.owner_unit_name_zh, s.owner_unit_name_en)},
                     {"due_at", s.due_at},
                     {"done_at", s.done_at},
                     {"done_by", OptId(s.done_by)},
                     {"note", s.note},
                     {"overdue", s.done_at.empty() && !now.empty() && s.due_at < now}});
  }
  boost::json::array people;
  for (const auto& p : i.people) {
    people.push_back({{"person_id", p.person_id},
                      {"role", p.role},
                      {"name", Pick(lang, p.name_zh, p.name_latin)},
                      {"observation_plan_id", OptId(p.observation_plan_id)},
                      {"added_at", p.added_at}});
  }
  boost::json::array events;
  for (const auto& e : i.events) {
    events.push_back({{"id", e.id}, {"at", e.at}, {"user_id", OptId(e.user_id)}, {"username", e.username},
                      {"kind", e.kind}, {"text", e.text}});
  }
  boost::json::array files;
  for (const auto& a : i.attachments) {
    files.push_back({{"id", a.id}, {"filename", a.filename}, {"content_type", a.content_type}, {"size", a.size},
                     {"uploaded_at", a.uploaded_at}});
  }
  o["attachments"] = std::move(files);
  o["steps"] = std::move(steps);
  o["people"] = std::move(people);
  o["events"] = std::move(events);
  return o;
}

core::Result<OpenInput> ParseOpenInput(const boost::json::object& body) {
  core::JsonReader r(body, {"incident_type", "severity", "title", "location", "person_id", "unit_id"});
  OpenInput in;
  auto type = r.String("incident_type", true, 32);
  if (type && !IsIncidentType(*type)) {
    std::string choices;
    for (const auto& t : IncidentTypes()) choices += (choices.empty() ? "" : ", ") + t;
    r.AddError({"incident_type", "validation.invalid_choice", {{"choices", choices}}});
  } else if (type) {
    in.incident_type = *type;
  }
  in.severity = r.Choice("severity", false, {"low", "medium", "high", "critical"}).value_or("medium");
  in.title = r.String("title", true, 200).value_or("");
  in.location = r.String("location", false, 200).value_or("");
  in.person_id = r.Int("person_id", false, 1, INT64_MAX);
  in.unit_id = r.Int("unit_id", false, 1, INT64_MAX);
  if (!r.Has("person_id") && !r.Has("unit_id")) r.AddError({"unit_id", "validation.required", {}});
  TX_CHECK(r.Finish());
  return in;
}

core::Result<UpdateInput> ParseUpdateInput(const boost::json::object& body) {
  core::JsonReader r(body, {"status", "severity", "title", "location", "outcome", "assignee_id", "version"});
  UpdateInput in;
  in.status = r.Choice("status", false, {"open", "in_progress", "resolved", "closed"});
  in.severity = r.Choice("severity", false, {"low", "medium", "high", "critical"});
  in.title = r.String("title", false, 200);
  if (in.title && in.title->empty()) r.AddError({"title", "validation.required", {}});
  in.location = r.String("location", false, 200);
  in.outcome = r.String("outcome", false, 2000, true);
  if (r.Has("assignee_id")) {
    in.assignee_set = true;
    in.assignee_id = r.Int("assignee_id", false, 1, INT64_MAX);
  }
  in.version = r.Int("version", false, 1, INT64_MAX);
  TX_CHECK(r.Finish());
  return in;
}

}  // namespace tongxin::incidents
