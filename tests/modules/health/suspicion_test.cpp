#include "modules/health/suspicion.hpp"

#include <gtest/gtest.h>

namespace tongxin::health {
namespace {

std::vector<Checkin> Days(int n, const std::function<void(Checkin&, int)>& vary) {
  std::vector<Checkin> out;
  for (int i = 0; i < n; ++i) {
    Checkin c;
    c.day = "2026-03-" + std::string(i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
    c.temperature_tenths = 363;
    c.method = "armpit";
    c.location = "campus";
    c.submitted_at = c.day + "T00:" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ":17Z";
    vary(c, i);
    out.push_back(c);
  }
  return out;
}

std::vector<std::string> Codes(const std::vector<SuspicionFlag>& flags) {
  std::vector<std::string> out;
  for (const auto& f : flags) out.push_back(f.code);
  return out;
}

TEST(SuspicionTest, FixedAnswersEveryDay) {
  EXPECT_EQ(Codes(SuspicionFlags(Days(10, [](Checkin&, int) {}))), std::vector<std::string>{"same_values"});
}

TEST(SuspicionTest, FlatTemperatureWithOtherAnswersChanging) {
  auto reports = Days(10, [](Checkin& c, int i) { c.location = i % 2 ? "campus" : "home_city"; });
  EXPECT_EQ(Codes(SuspicionFlags(reports)), std::vector<std::string>{"flat_temperature"});
}

TEST(SuspicionTest, SameSecondOfSubmission) {
  auto reports = Days(10, [](Checkin& c, int i) {
    c.temperature_tenths = 361 + i % 4;
    if (i < 6) c.submitted_at = c.day + "T00:00:00Z";
  });
  auto flags = SuspicionFlags(reports);
  ASSERT_EQ(Codes(flags), std::vector<std::string>{"same_second"});
  EXPECT_EQ(flags[0].detail, "00:00:00 UTC × 6");
}

TEST(SuspicionTest, NaturalReportsAndTooFewAreNotFlagged) {
  EXPECT_TRUE(SuspicionFlags(Days(10, [](Checkin& c, int i) { c.temperature_tenths = 360 + (i * 7) % 6; })).empty());
  EXPECT_TRUE(SuspicionFlags(Days(5, [](Checkin&, int) {})).empty());
  // Reports staff made on someone's behalf do not count as the person's own.
  EXPECT_TRUE(SuspicionFlags(Days(10, [](Checkin& c, int) { c.channel = "phone"; })).empty());
}

}  // namespace
}  // namespace tongxin::health
