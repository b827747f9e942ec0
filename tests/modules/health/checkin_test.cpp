#include "modules/health/checkin.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "modules/health/plan.hpp"

namespace tongxin::health {
namespace {

std::string FirstField(const std::string& json, bool on_behalf = false) {
  auto r = ParseCheckinInput(boost::json::parse(json).as_object(), on_behalf);
  return r ? "" : r.error().fields.front().field + ":" + r.error().fields.front().reason;
}

TEST(CheckinInputTest, Table) {
  const std::string ok = R"("method":"armpit","location":"campus")";
  struct Case {
    std::string json;
    std::string want;
  } cases[] = {
      {"{\"temperature\":36.5," + ok + "}", ""},
      {"{\"temperature\":35.0," + ok + "}", ""},
      {"{\"temperature\":42," + ok + "}", ""},
      {"{\"temperature\":34.9," + ok + "}", "temperature:health.temperature_range"},
      {"{\"temperature\":42.1," + ok + "}", "temperature:health.temperature_range"},
      {"{\"temperature\":36.55," + ok + "}", "temperature:health.one_decimal"},
      {"{\"temperature\":\"36.5\"," + ok + "}", "temperature:validation.wrong_type"},
      {"{" + ok + "}", "temperature:validation.required"},
      {R"({"temperature":36.5,"method":"rectal","location":"campus"})", "method:validation.invalid_choice"},
      {R"({"temperature":36.5,"method":"oral","location":"abroad"})", "location_country:validation.required"},
      {R"({"temperature":36.5,"method":"oral","location":"abroad","location_country":"XX"})",
       "location_country:validation.invalid_country"},
      {"{\"temperature\":36.5," + ok + ",\"symptoms\":[\"sneezing\"]}", "symptoms:validation.invalid_choice"},
      {"{\"temperature\":36.5," + ok + ",\"symptoms\":[\"other\"]}", "symptom_other:validation.required"},
      {"{\"temperature\":36.5," + ok + ",\"channel\":\"phone\"}", "channel:validation.invalid_choice"},
      {"{\"temperature\":36.5," + ok + ",\"person_id\":3}", "person_id:validation.unknown_field"},
  };
  for (const auto& c : cases) EXPECT_EQ(FirstField(c.json), c.want) << c.json;
  EXPECT_EQ(FirstField("{\"temperature\":36.5," + ok + "}", true), "person_id:validation.required");
  EXPECT_EQ(FirstField("{\"person_id\":3,\"temperature\":36.5," + ok + ",\"channel\":\"self\"}", true),
            "channel:validation.invalid_choice");
}

TEST(CheckinInputTest, AlertRules) {
  auto in = ParseCheckinInput(
      boost::json::parse(R"({"temperature":37.3,"method":"ear","location":"campus","symptoms":["cough"]})").as_object(),
      false);
  ASSERT_TRUE(in);
  EXPECT_EQ(in->temperature_tenths, 373);
  AlertRule rule;
  EXPECT_EQ(AlertKinds(*in, rule), std::vector<std::string>{"fever"});
  in->temperature_tenths = 372;
  EXPECT_TRUE(AlertKinds(*in, rule).empty());
  in->symptoms = {"shortness_of_breath"};
  in->contact = "confirmed";
  EXPECT_EQ(AlertKinds(*in, rule), (std::vector<std::string>{"red_flag", "contact"}));
  rule.fever_tenths = 370;
  EXPECT_EQ(AlertKinds(*in, rule).front(), "fever");
}

TEST(PlanInputTest, SlotsAndTargets) {
  auto bad = ParsePlanInput(boost::json::parse(R"({"name":"x","start_date":"2026-03-01","slots":[
      {"name":"a","start":"10:00","end":"09:00"}]})").as_object(), true);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.front().field, "slots");
  auto overlap = ParsePlanInput(boost::json::parse(R"({"name":"x","start_date":"2026-03-01","slots":[
      {"name":"a","start":"07:00","end":"10:00"},{"name":"b","start":"09:00","end":"11:00"}]})").as_object(), true);
  ASSERT_FALSE(overlap);
  auto tz = ParsePlanInput(boost::json::parse(R"({"name":"x","start_date":"2026-03-01","time_zone":"Nowhere/City"})")
                               .as_object(), true);
  ASSERT_FALSE(tz);
  EXPECT_EQ(tz.error().fields.front().reason, "health.bad_time_zone");
  auto obs = ParsePlanInput(boost::json::parse(R"({"name":"Observation","kind":"observation","start_date":"2026-03-01",
      "observation_days":14,"person_ids":[4]})").as_object(), true);
  ASSERT_TRUE(obs);
  ReportPlan p;
  ApplyPlanInput(p, *obs);
  EXPECT_EQ(p.target, "people");
  EXPECT_EQ(p.end_date, "2026-03-14");
  EXPECT_TRUE(ValidatePlan(p));
  ReportPlan unitless;
  unitless.target = "unit";
  unitless.start_date = "2026-03-01";
  EXPECT_EQ(ValidatePlan(unitless).error().details.at("field"), "unit_id");
}

}  // namespace
}  // namespace tongxin::health
