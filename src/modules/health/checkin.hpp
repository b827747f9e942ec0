// A health report (check-in) for one person and one slot, and what it says about alerts.
#pragma once

#include <boost/describe/class.hpp>

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace tongxin::health {

inline constexpr int kMinTenths = 350;  // 35.0 °C
inline constexpr int kMaxTenths = 420;  // 42.0 °C

// What a reading says: the temperature and how it was taken, symptoms, where the person
// is, contact with a case, and how it reached the office. A check-in is a reading for a
// slot; what a person sends is a reading too.
struct Reading {
  int temperature_tenths = 0;
  std::string method;                 // oral, armpit, ear, forehead, other
  std::vector<std::string> symptoms;  // fever, cough, sore_throat, fatigue, shortness_of_breath, diarrhoea, loss_of_taste_smell, other
  std::string symptom_other;
  std::string location;  // campus, home_city, elsewhere_china, abroad
  std::string location_country;
  std::string contact = "none";  // none, suspected, confirmed
  std::string remarks;
  std::string channel = "self";  // self, phone, wechat, email, in_person

  double Temperature() const { return temperature_tenths / 10.0; }
};
BOOST_DESCRIBE_STRUCT(Reading, (), (temperature_tenths, method, symptoms, symptom_other, location, location_country,
                                    contact, remarks, channel))

struct Checkin : Reading {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string day;
  int slot = 0;
  std::string slot_name;
  std::optional<std::int64_t> recorded_by;
  bool late = false;
  int version = 1;
  std::string submitted_at;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(Checkin, (Reading), (id, person_id, day, slot, slot_name, recorded_by, late, version,
                                           submitted_at, updated_at))

boost::json::object CheckinToJson(const Checkin& c);

// Who reports decides the channel: one's own report is "self"; one recorded for someone
// else is phone, wechat, email or in_person (empty: phone). Fills an empty channel and
// returns "" when it is valid, else the choices allowed.
std::string SettleChannel(std::string& channel, bool on_behalf);

// Symptom codes as stored: "fever,cough" (read back with core::SplitList).
std::string JoinCodes(const std::vector<std::string>& codes);

// What the person (or staff on their behalf) sends.
struct CheckinInput : Reading {
  std::optional<std::int64_t> person_id;  // on behalf only
};

// Errors: kInvalid naming each field: temperature outside 35.0–42.0 or with more than one
// decimal, unknown symptoms, abroad without a country, "other" without text.
core::Result<CheckinInput> ParseCheckinInput(const boost::json::object& body, bool on_behalf);

struct AlertRule {
  int fever_tenths = 373;  // >= 37.3 °C
  std::vector<std::string> red_flags = {"shortness_of_breath", "loss_of_taste_smell"};
};

// The alert kinds a report raises: "fever", "red_flag", "contact".
std::vector<std::string> AlertKinds(const CheckinInput& in, const AlertRule& rule);

}  // namespace tongxin::health
