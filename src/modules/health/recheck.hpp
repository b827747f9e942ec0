// A re-check (复测): the reading a person with an alert makes again, at any time until the
// alert's re-check deadline (and after it, marked late). It is a report of its own, tied to
// its alert; the reading that raised the alert is never replaced by it. Pure rules.
#pragma once

#include <boost/describe/class.hpp>

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "modules/health/checkin.hpp"

namespace tongxin::health {

struct Recheck : Reading {
  std::int64_t id = 0;
  std::int64_t alert_id = 0;
  std::int64_t checkin_id = 0;  // the report that raised the alert
  std::int64_t person_id = 0;
  std::string day;  // the alert's day
  std::optional<std::int64_t> recorded_by;  // staff recording it on the person's behalf
  std::string outcome;  // normal, high
  bool late = false;    // made after the deadline
  std::string submitted_at;
};
BOOST_DESCRIBE_STRUCT(Recheck, (Reading), (id, alert_id, checkin_id, person_id, day, recorded_by, outcome, late,
                                           submitted_at))

boost::json::object RecheckToJson(const Recheck& r);

// What a re-check sends: a temperature and method (required), symptoms, remarks and, for
// staff recording it, the channel (phone, wechat, email, in_person). Errors name each field.
core::Result<Reading> ParseRecheckInput(const boost::json::object& body);

// A reading that asks for attention again: a fever, or a red-flag symptom.
bool IsHigh(const Reading& reading, const AlertRule& rule);

// What a re-check does to its alert.
struct RecheckDecision {
  std::string outcome;     // normal or high (fever or a red-flag symptom again)
  std::string status;      // the alert's status after it: rechecked or escalated
  std::string escalation;  // with escalated: second_high or recheck_overdue
  bool late = false;
};

// status: the alert's status now (open or escalated; others are refused before this).
// A high re-check escalates (second_high); a normal one in time settles an open alert
// (rechecked); a normal one after the deadline escalates it as overdue, and an alert
// already escalated stays escalated for staff to close.
RecheckDecision DecideRecheck(const Reading& reading, const AlertRule& rule, const std::string& now,
                              const std::string& due, const std::string& status);

}  // namespace tongxin::health
