// Incidents: one event to handle (a fever, a suspected case, a death...), its people, the
// checklist copied from the plan version it was opened under, and a timeline.
#pragma once

#include <boost/describe/class.hpp>

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "io/attachment.hpp"
#include "modules/incidents/plan.hpp"

namespace tongxin::incidents {

using io::Attachment;
using io::kMaxAttachmentBytes;

struct IncidentStep : StepText {
  std::int64_t id = 0;
  std::string due_at, done_at;
  std::optional<std::int64_t> done_by;
  std::string note;
  std::string owner_unit_name_zh, owner_unit_name_en;  // of owner_unit_code, "" when none
};
BOOST_DESCRIBE_STRUCT(IncidentStep, (StepText), (id, due_at, done_at, done_by, note, owner_unit_name_zh, owner_unit_name_en))

struct IncidentPerson {
  std::int64_t person_id = 0;
  std::string role;  // concerned, contact
  std::string name_zh, name_latin;
  std::optional<std::int64_t> observation_plan_id;
  std::string added_at;
};

struct IncidentEvent {
  std::int64_t id = 0;
  std::string at;
  std::optional<std::int64_t> user_id;
  std::string username, kind, text;
};

struct Incident {
  std::int64_t id = 0;
  std::string incident_type, severity, status = "open", title;
  std::optional<std::int64_t> person_id;
  std::string person_name_zh, person_name_latin;
  std::int64_t unit_id = 0;
  std::string unit_path, unit_name_zh, unit_name_en;
  std::string location;
  std::int64_t plan_id = 0;
  int plan_version = 0;
  std::optional<std::int64_t> assignee_id;
  std::string assignee_name;  // the account's display name
  std::string outcome;
  std::optional<std::int64_t> alert_id;
  std::optional<std::int64_t> opened_by;
  std::string opened_at, updated_at, closed_at;
  int version = 1;
  int steps_total = 0, steps_done = 0, steps_overdue = 0;  // list view
  std::vector<IncidentStep> steps;
  std::vector<IncidentPerson> people;
  std::vector<IncidentEvent> events;
  std::vector<Attachment> attachments;  // without their bytes
};
BOOST_DESCRIBE_STRUCT(Incident, (), (
    id, incident_type, severity, status, title, person_id, person_name_zh, person_name_latin, unit_id, unit_path,
    unit_name_zh, unit_name_en, location, plan_id, plan_version, assignee_id, assignee_name, outcome, alert_id, opened_by, opened_at,
    updated_at, closed_at, version, steps_total, steps_done, steps_overdue, steps, people, events, attachments))

// Who is looking: staff see the handling; a person the incident is about (kConcerned)
// or a close contact in it (kContact) see only that it exists, titled by its type, and
// the concerned person their own steps; never the case's name or the staff's title.
enum class Viewer { kStaff, kConcerned, kContact };

// detail: steps, people and timeline too (staff).
boost::json::object IncidentToJson(const Incident& i, core::Lang lang, bool detail, Viewer viewer = Viewer::kStaff,
                                   const std::string& now = "");

struct OpenInput {
  std::string incident_type, severity = "medium", title, location;
  std::optional<std::int64_t> person_id, unit_id;
};
core::Result<OpenInput> ParseOpenInput(const boost::json::object& body);

struct UpdateInput {
  std::optional<std::string> status, severity, title, location, outcome;
  bool assignee_set = false;
  std::optional<std::int64_t> assignee_id;
  std::optional<std::int64_t> version;
};
core::Result<UpdateInput> ParseUpdateInput(const boost::json::object& body);

}  // namespace tongxin::incidents
