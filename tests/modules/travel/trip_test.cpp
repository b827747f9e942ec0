// Trip entity rules: the statuses a trip may move along, and the parsers' field errors.
#include "modules/travel/trip.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace tongxin::travel {
namespace {

std::string FirstField(const core::Error& e) {
  auto it = e.details.find("field");
  return it == e.details.end() ? "" : it->second;
}

TEST(TripTest, StatusesMoveForwardAndHomeAndCancelledAreFinal) {
  EXPECT_TRUE(CanMove("planned", "abroad"));
  EXPECT_TRUE(CanMove("planned", "cancelled"));
  EXPECT_FALSE(CanMove("planned", "stranded"));
  EXPECT_TRUE(CanMove("abroad", "stranded"));
  EXPECT_TRUE(CanMove("stranded", "abroad"));  // flights resumed, trip goes on
  EXPECT_TRUE(CanMove("returning", "stranded"));  // stopped again on the way
  EXPECT_TRUE(CanMove("returning", "observation"));
  EXPECT_TRUE(CanMove("observation", "home"));
  EXPECT_FALSE(CanMove("observation", "abroad"));
  EXPECT_FALSE(CanMove("abroad", "planned"));
  for (auto s : kStatuses) {
    EXPECT_FALSE(CanMove(s, s)) << s;
    EXPECT_FALSE(CanMove("home", s)) << s;
    EXPECT_FALSE(CanMove("cancelled", s)) << s;
  }
  EXPECT_TRUE(IsAway("stranded"));
  EXPECT_FALSE(IsAway("observation"));
}

TEST(TripTest, ParsersNameTheFieldThatIsWrong) {
  struct Case {
    const char* body;
    const char* field;
  };
  const std::string ok = R"("person_id":1,"purpose":"x","depart_on":"2020-04-10","return_on":"2020-04-15")";
  const Case cases[] = {
      {R"({"person_id":1,"purpose":"x","countries":["GB"],"depart_on":"2020-04-10","return_on":"2020-04-09"})",
       "return_on"},
      {R"({"person_id":1,"purpose":"x","countries":["gb"],"depart_on":"2020-04-10","return_on":"2020-04-15"})",
       "countries[0]"},
      {R"({"person_id":1,"purpose":"x","countries":"GB","depart_on":"2020-04-10","return_on":"2020-04-15"})",
       "countries"},
      {R"({"person_id":1,"purpose":"x","countries":["GB"],"depart_on":"2020-04-10","return_on":"2020-04-15",
           "legs":[{"flight":"CA1","depart_at":"2020-04-10T25:00"}]})",
       "legs[0].depart_at"},
      {R"({"person_id":1,"purpose":"x","countries":["GB"],"depart_on":"2020-04-10","return_on":"2020-04-15",
           "legs":[{}]})",
       "legs[0].flight"},
      {R"({"purpose":"x","countries":["GB"],"depart_on":"2020-04-10","return_on":"2020-04-15"})", "person_id"},
  };
  for (const auto& c : cases) {
    auto r = ParseTripInput(boost::json::parse(c.body).as_object(), true);
    ASSERT_FALSE(r) << c.body;
    EXPECT_EQ(FirstField(r.error()), c.field) << c.body;
  }
  auto good = ParseTripInput(boost::json::parse("{" + ok + R"(,"countries":["GB","GB","FR"],
      "legs":[{"flight":"ca937","depart_at":"2020-04-10T01:00","arrive_at":"2020-04-09T22:00"}]})").as_object(), true);
  ASSERT_TRUE(good) << good.error().reason;
  EXPECT_EQ(good->countries->size(), 2u);  // duplicates dropped
  EXPECT_EQ((*good->legs)[0].flight, "CA937");  // a day back across time zones is allowed

  auto stranded = ParseStatusInput(boost::json::parse(R"({"status":"stranded"})").as_object());
  ASSERT_FALSE(stranded);
  EXPECT_EQ(FirstField(stranded.error()), "reason");
  auto need = ParsePositionInput(boost::json::parse(R"({"needs":["money","yacht"]})").as_object());
  ASSERT_FALSE(need);
  EXPECT_EQ(FirstField(need.error()), "needs[1]");
  auto cost = ParseAssistInput(boost::json::parse(R"({"party":"office","note":"x","cost":"10.5","currency":"JPY"})")
                                   .as_object());
  ASSERT_FALSE(cost);  // yen have no decimals
  EXPECT_EQ(FirstField(cost.error()), "cost");
  auto yen = ParseAssistInput(boost::json::parse(R"({"party":"office","note":"x","cost":"1050","currency":"JPY"})")
                                  .as_object());
  ASSERT_TRUE(yen);
  EXPECT_EQ(yen->cost_minor, 1050);
}

}  // namespace
}  // namespace tongxin::travel
