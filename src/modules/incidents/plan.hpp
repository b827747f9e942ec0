// Emergency plans (应急预案): for each incident type an ordered list of steps, each with
// an owner (a role, optionally one unit by code), a time limit from the incident's start
// or from the previous step, and bilingual instructions. Plans are versioned.
#pragma once

#include <boost/describe/class.hpp>

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace tongxin::incidents {

// fever, suspected_case, close_contact, confirmed_case, hospitalisation, death,
// stranded_abroad, mental_health, supply_shortage, other.
const std::vector<std::string>& IncidentTypes();
bool IsIncidentType(const std::string& t);

// What a step asks and of whom: the same in a plan and in each incident opened from it.
struct StepText {
  int position = 0;
  std::string title_zh, title_en, instructions_zh, instructions_en;
  std::string owner_role;       // office, department, leader, volunteer, or person (the person concerned)
  std::string owner_unit_code;  // "" = the role within the incident's unit scope
};
BOOST_DESCRIBE_STRUCT(StepText, (), (position, title_zh, title_en, instructions_zh, instructions_en, owner_role,
                                     owner_unit_code))

struct PlanStep : StepText {
  int due_minutes = 60;
  std::string due_from = "start";  // start, previous
};
BOOST_DESCRIBE_STRUCT(PlanStep, (StepText), (due_minutes, due_from))

struct Plan {
  std::int64_t id = 0;
  std::string incident_type;
  int version = 1;
  std::string name_zh, name_en;
  bool current = true;
  std::string created_at;
  std::optional<std::int64_t> created_by;
  std::vector<PlanStep> steps;
};
BOOST_DESCRIBE_STRUCT(Plan, (), (
    id, incident_type, version, name_zh, name_en, current, created_at, created_by, steps))

boost::json::object PlanToJson(const Plan& p);
// A new version's content: name_zh, name_en, steps. Errors: kInvalid naming the field
// ("steps[2].due_minutes").
core::Result<Plan> ParsePlanBody(const boost::json::object& body);

// The plans a new installation starts with (default_plans.toml, written from the bulletin's
// practice), checked as an edited plan is. Errors: kInternal incidents.bad_default_plans.
core::Result<std::vector<Plan>> DefaultPlans();

}  // namespace tongxin::incidents
