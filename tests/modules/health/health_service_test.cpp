// Reads of a day write nothing: a day that has no roster yet is computed for the read and
// discarded, a day outside the plans' dates or too far from today is refused, and a
// read-only role's dashboards and exports leave every table as it was.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

class HealthServiceTest : public ::testing::Test {
 protected:
  std::map<std::string, std::int64_t> Counts() {
    std::map<std::string, std::int64_t> out;
    for (const char* t : {"health_days", "health_roster", "health_counts", "audit_log"}) out[t] = server_.Count(t);
    return out;
  }
  TestServer server_{{.start_time = "2026-03-02T01:30:00Z"}};
};

TEST_F(HealthServiceTest, ALeadersDashboardsOfUnopenedDaysAreComputedAndNothingIsStored) {
  auto leader = server_.As("leader");
  const auto staff = leader->Get("/api/v1/people?category=foreign_staff").Json().at("total").as_int64();
  ASSERT_GT(staff, 0);
  const auto before = Counts();
  for (const char* day : {"2026-03-02", "2026-03-03"}) {
    auto today = leader->Get(std::string("/api/v1/health/today?day=") + day);
    ASSERT_EQ(today.status, 200) << today.body;
    std::int64_t expected = 0;
    const auto body = today.Json();
    for (const auto& s : body.at("slots").as_array()) expected += s.at("expected").as_int64();
    EXPECT_EQ(expected, 2 * staff) << day;  // two checks a day
    auto missing = leader->Get(std::string("/api/v1/health/roster?day=") + day + "&slot=0");
    ASSERT_EQ(missing.status, 200) << missing.body;
    EXPECT_EQ(missing.Json().at("total").as_int64(), staff);
  }
  auto before_audit = Counts();
  auto report = leader->Get("/api/v1/health/report?day=2026-03-02");
  ASSERT_EQ(report.status, 200) << report.body;
  auto after = Counts();
  EXPECT_EQ(after.at("health_roster"), before.at("health_roster"));
  EXPECT_EQ(after.at("health_days"), before.at("health_days"));
  EXPECT_EQ(after.at("health_counts"), before.at("health_counts"));
  EXPECT_EQ(after.at("audit_log"), before_audit.at("audit_log") + 1);  // the export, audited
}

TEST_F(HealthServiceTest, DaysOutsideThePlansOrFarFromTodayAreRefused) {
  auto leader = server_.As("leader");
  const auto before = Counts();
  for (const char* day : {"2026-03-10", "2031-01-01", "2026-02-01"}) {
    auto res = leader->Get(std::string("/api/v1/health/today?day=") + day);
    EXPECT_EQ(res.status, 409) << day << res.body;
    EXPECT_EQ(res.ErrorCode(), "health.no_roster");
  }
  EXPECT_EQ(leader->Get("/api/v1/health/report?day=2030-05-05").ErrorCode(), "health.no_roster");
  EXPECT_EQ(Counts(), before);
}

TEST_F(HealthServiceTest, TheSchedulerPreparesTodayAndTomorrow) {
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(server_.Count("health_days"), 2);
  auto leader = server_.As("leader");
  const auto staff = leader->Get("/api/v1/people?category=foreign_staff").Json().at("total").as_int64();
  const auto rows = server_.Count("health_roster");
  EXPECT_EQ(rows, 2 * 2 * staff);
  ASSERT_EQ(leader->Get("/api/v1/health/today?day=2026-03-03").status, 200);
  EXPECT_EQ(server_.Count("health_roster"), rows);
}

}  // namespace
}  // namespace tongxin::testing
