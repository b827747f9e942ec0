// Check-in validation and alert rules.
#include "modules/health/checkin.hpp"
#include "modules/health/recheck.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>

#include "core/described_json.hpp"
#include "core/json_reader.hpp"
#include "core/text.hpp"

namespace tongxin::health {
namespace {

const std::vector<std::string>& KnownSymptoms() {
  static const std::vector<std::string> k = {"fever",       "cough",     "sore_throat",         "fatigue",
                                             "shortness_of_breath", "diarrhoea", "loss_of_taste_smell", "other"};
  return k;
}

}  // namespace

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& s : codes) out += (out.empty() ? "" : ",") + s;
  return out;
}

namespace {
// A described reading (check-in, re-check) as JSON: its members, the temperature in °C.
template <class T>
boost::json::object ReadingToJson(const T& r) {
  boost::json::object o = core::DescribedToJson(r, {"temperature_tenths"});
  o["temperature"] = r.Temperature();
  return o;
}
}  // namespace

boost::json::object CheckinToJson(const Checkin& c) { return ReadingToJson(c); }

std::string SettleChannel(std::string& channel, bool on_behalf) {
  if (channel.empty()) channel = on_behalf ? "phone" : "self";
  if (!on_behalf) return channel == "self" ? "" : "self";
  return channel == "phone" || channel == "wechat" || channel == "email" || channel == "in_person"
             ? ""
             : "phone, wechat, email, in_person";
}

namespace {

// The fields every reading has; `location_required` for a slot's report (a re-check may
// leave where the person is unsaid).
void ReadReading(core::JsonReader& r, const boost::json::object& body, Reading& in, bool location_required) {
  auto t = body.find("temperature");
  if (t == body.end() || t->value().is_null()) {
    r.AddError({"temperature", "validation.required", {}});
  } else if (!t->value().is_number()) {
    r.AddError({"temperature", "validation.wrong_type", {{"expected", "number"}}});
  } else {
    const double v = t->value().to_number<double>();
    const double tenths = v * 10.0;
    if (std::fabs(tenths - std::round(tenths)) > 1e-6) {
      r.AddError({"temperature", "health.one_decimal", {}});
    } else if (std::lround(tenths) < kMinTenths || std::lround(tenths) > kMaxTenths) {
      r.AddError({"temperature", "health.temperature_range", {{"min", "35.0"}, {"max", "42.0"}}});
    } else {
      in.temperature_tenths = static_cast<int>(std::lround(tenths));
    }
  }
  in.method = r.Choice("method", true, {"oral", "armpit", "ear", "forehead", "other"}).value_or("");
  if (auto it = body.find("symptoms"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_array()) {
      r.AddError({"symptoms", "validation.wrong_type", {{"expected", "array"}}});
    } else {
      for (const auto& s : it->value().as_array()) {
        const std::string code = s.is_string() ? std::string(s.as_string()) : "";
        if (std::find(KnownSymptoms().begin(), KnownSymptoms().end(), code) == KnownSymptoms().end()) {
          r.AddError({"symptoms", "validation.invalid_choice", {{"choices", JoinCodes(KnownSymptoms())}}});
          break;
        }
        if (std::find(in.symptoms.begin(), in.symptoms.end(), code) == in.symptoms.end()) in.symptoms.push_back(code);
      }
    }
  }
  in.symptom_other = r.String("symptom_other", false, 200).value_or("");
  if (std::find(in.symptoms.begin(), in.symptoms.end(), "other") != in.symptoms.end() && in.symptom_other.empty()) {
    r.AddError({"symptom_other", "validation.required", {}});
  }
  in.location = r.Choice("location", location_required, {"campus", "home_city", "elsewhere_china", "abroad"}).value_or("");
  in.location_country = core::ToUpperAscii(r.String("location_country", false, 2).value_or(""));
  if (in.location == "abroad") {
    if (in.location_country.empty()) {
      r.AddError({"location_country", "validation.required", {}});
    } else if (!core::IsCountryCode(in.location_country)) {
      r.AddError({"location_country", "validation.invalid_country", {}});
    }
  } else {
    in.location_country.clear();
  }
  in.contact = r.Choice("contact", false, {"none", "suspected", "confirmed"}).value_or("none");
  if (in.contact.empty()) in.contact = "none";
  in.remarks = r.String("remarks", false, 500, true).value_or("");
}

}  // namespace

core::Result<CheckinInput> ParseCheckinInput(const boost::json::object& body, bool on_behalf) {
  core::JsonReader r(body, {"person_id", "temperature", "method", "symptoms", "symptom_other", "location",
                            "location_country", "contact", "remarks", "channel"});
  CheckinInput in;
  if (on_behalf) {
    in.person_id = r.Int("person_id", true, 1, INT64_MAX);
  } else if (r.Has("person_id")) {
    r.AddError({"person_id", "validation.unknown_field", {}});  // reporting for others has its own route
  }
  ReadReading(r, body, in, true);
  in.channel = r.Choice("channel", false, {"self", "phone", "wechat", "email", "in_person"}).value_or("");
  if (const auto choices = SettleChannel(in.channel, on_behalf); !choices.empty()) {
    r.AddError({"channel", "validation.invalid_choice", {{"choices", choices}}});
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<Reading> ParseRecheckInput(const boost::json::object& body) {
  core::JsonReader r(body, {"temperature", "method", "symptoms", "symptom_other", "location", "location_country",
                            "contact", "remarks", "channel"});
  Reading in;
  ReadReading(r, body, in, false);
  // Empty: decided by who records it (the person: self; staff: phone).
  in.channel = r.Choice("channel", false, {"self", "phone", "wechat", "email", "in_person"}).value_or("");
  TX_CHECK(r.Finish());
  return in;
}

bool IsHigh(const Reading& in, const AlertRule& rule) {
  if (in.temperature_tenths >= rule.fever_tenths) return true;
  for (const auto& s : in.symptoms) {
    if (std::find(rule.red_flags.begin(), rule.red_flags.end(), s) != rule.red_flags.end()) return true;
  }
  return false;
}

RecheckDecision DecideRecheck(const Reading& reading, const AlertRule& rule, const std::string& now,
                              const std::string& due, const std::string& status) {
  RecheckDecision d;
  d.outcome = IsHigh(reading, rule) ? "high" : "normal";
  d.late = !due.empty() && now > due;
  if (d.outcome == "high") {
    d.status = "escalated";
    d.escalation = "second_high";
  } else if (status == "escalated" || d.late) {
    d.status = "escalated";
    d.escalation = "recheck_overdue";
  } else {
    d.status = "rechecked";
  }
  return d;
}

boost::json::object RecheckToJson(const Recheck& c) { return ReadingToJson(c); }

std::vector<std::string> AlertKinds(const CheckinInput& in, const AlertRule& rule) {
  std::vector<std::string> out;
  if (in.temperature_tenths >= rule.fever_tenths) out.push_back("fever");
  for (const auto& s : in.symptoms) {
    if (std::find(rule.red_flags.begin(), rule.red_flags.end(), s) != rule.red_flags.end()) {
      out.push_back("red_flag");
      break;
    }
  }
  if (in.contact != "none") out.push_back("contact");
  return out;
}

}  // namespace tongxin::health
