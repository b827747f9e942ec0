// Report plans: who reports, in which daily slots, in which time zone, from when to when.
// A group plan covers a unit (with sub-units), a category, or hand-picked people; an
// observation plan covers hand-picked people for a limited time and takes precedence.
#pragma once

#include <boost/describe/class.hpp>

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/health/slot_time.hpp"

namespace tongxin::health {

// A person listed on a people plan, named for the UI.
struct PlanPerson {
  std::int64_t id = 0;
  std::string name_zh, name_latin;
};
BOOST_DESCRIBE_STRUCT(PlanPerson, (), (id, name_zh, name_latin))

struct ReportPlan {
  std::int64_t id = 0;
  std::string name;
  std::string kind = "group";    // group, observation
  std::string target = "unit";   // unit, category, people
  std::optional<std::int64_t> unit_id;
  std::string category;
  std::string time_zone = "Asia/Shanghai";
  std::vector<SlotDef> slots = DefaultSlots();
  int late_minutes = 240;
  std::string start_date;
  std::string end_date;  // "" = open-ended (group plans only)
  bool active = true;
  std::vector<std::int64_t> person_ids;  // target "people"
  std::vector<PlanPerson> people;        // the same people with names (read, never written or audited)
  std::string created_at;
  std::string updated_at;

  bool Covers(const std::string& day) const {
    return active && start_date <= day && (end_date.empty() || day <= end_date);
  }
};
BOOST_DESCRIBE_STRUCT(ReportPlan, (), (
    id, name, kind, target, unit_id, category, time_zone, slots, late_minutes, start_date, end_date, active,
    person_ids, people, created_at, updated_at))

// The plan as the API shows it; `with_people` adds the listed people's names (audit rows
// keep only their ids).
boost::json::object PlanToJson(const ReportPlan& p, bool with_people = false);
std::string SlotsToJson(const std::vector<SlotDef>& slots);
std::vector<SlotDef> SlotsFromJson(const std::string& text);

struct PlanInput {
  std::optional<std::string> name, kind, target, category, time_zone, start_date, end_date;
  bool unit_set = false;
  std::optional<std::int64_t> unit_id;
  std::optional<std::vector<SlotDef>> slots;
  std::optional<std::int64_t> late_minutes;
  std::optional<bool> active;
  std::optional<std::vector<std::int64_t>> person_ids;
  std::optional<std::int64_t> observation_days;  // with kind observation: end_date = start + days - 1
};

// Errors: kInvalid naming each field (slots overlapping or out of order, bad time zone...).
core::Result<PlanInput> ParsePlanInput(const boost::json::object& body, bool create);
void ApplyPlanInput(ReportPlan& p, const PlanInput& in);
// Cross-field rules: the target's field is set; observation plans have an end date.
core::Status ValidatePlan(const ReportPlan& p);

}  // namespace tongxin::health
