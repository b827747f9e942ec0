// Report plans within the caller's units (the scope guard): creating and editing plans
// for units and people outside them is refused, category plans name a unit, and lists
// show only the plans (and the listed people) in scope.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

class PlansServiceTest : public ::testing::Test {
 protected:
  std::int64_t PersonId(HttpClient& c, const std::string& q) {
    return c.Get("/api/v1/people?q=" + q).Json().at("items").as_array()[0].at("id").as_int64();
  }
  boost::json::object UnitPlan(std::int64_t unit) {
    return {{"name", "community plan"}, {"target", "unit"}, {"unit_id", unit}, {"start_date", "2026-03-02"}};
  }
  TestServer server_{{.start_time = "2026-03-02T01:30:00Z"}};
};

TEST_F(PlansServiceTest, PlansForUnitsOrPeopleOutsideTheCallersUnitsAreRefused) {
  auto office = server_.As("office");  // the university, not the community
  const auto plans = server_.Count("report_plans");
  auto unit = office->Post("/api/v1/health/plans", UnitPlan(server_.UnitId("COMM-A-1")));
  EXPECT_EQ(unit.status, 403) << unit.body;
  EXPECT_EQ(unit.ErrorCode(), "auth.out_of_scope");
  const auto resident = PersonId(*server_.As("admin"), "孙建国");
  auto people = office->Post("/api/v1/health/plans",
                             {{"name", "mixed"}, {"kind", "observation"}, {"start_date", "2026-03-02"},
                              {"observation_days", 7}, {"person_ids", {PersonId(*office, "anna"), resident}}});
  EXPECT_EQ(people.ErrorCode(), "auth.out_of_scope") << people.body;
  // A category plan covers every unit unless it names one.
  auto everywhere = office->Post("/api/v1/health/plans", {{"name", "students"}, {"target", "category"},
                                                          {"category", "student"}, {"start_date", "2026-03-02"}});
  EXPECT_EQ(everywhere.status, 400);
  EXPECT_EQ(everywhere.ErrorCode(), "health.plan_needs_unit");
  EXPECT_EQ(server_.Count("report_plans"), plans);
  auto mine = office->Post("/api/v1/health/plans", {{"name", "students"}, {"target", "category"}, {"category", "student"},
                                                    {"unit_id", server_.UnitId("WHUT")}, {"start_date", "2026-03-02"}});
  EXPECT_EQ(mine.status, 201) << mine.body;
}

TEST_F(PlansServiceTest, APlanOutsideTheCallersUnitsCannotBeEditedNorMovedOutOfThem) {
  auto admin = server_.As("admin");
  auto theirs = admin->Post("/api/v1/health/plans", UnitPlan(server_.UnitId("COMM")));
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  auto office = server_.As("office");
  const std::string path = "/api/v1/health/plans/" + std::to_string(theirs.Json().at("id").as_int64());
  auto edit = office->Patch(path, boost::json::object{{"unit_id", server_.UnitId("SIE")}});
  EXPECT_EQ(edit.status, 403) << edit.body;
  auto ours = office->Post("/api/v1/health/plans", UnitPlan(server_.UnitId("SIE")));
  ASSERT_EQ(ours.status, 201);
  const std::string ours_path = "/api/v1/health/plans/" + std::to_string(ours.Json().at("id").as_int64());
  auto moved = office->Patch(ours_path, boost::json::object{{"unit_id", server_.UnitId("COMM")}});
  EXPECT_EQ(moved.ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(office->Patch(ours_path, boost::json::object{{"name", "SIE plan"}}).status, 200);
}

TEST_F(PlansServiceTest, ListsShowOnlyPlansAndPeopleInScope) {
  auto admin = server_.As("admin");
  const auto resident = PersonId(*admin, "孙建国");
  const auto anna = PersonId(*admin, "anna");
  ASSERT_EQ(admin->Post("/api/v1/health/plans", UnitPlan(server_.UnitId("COMM"))).status, 201);
  auto mixed = admin->Post("/api/v1/health/plans",
                           {{"name", "mixed"}, {"kind", "observation"}, {"start_date", "2026-03-02"},
                            {"observation_days", 7}, {"person_ids", {anna, resident}}});
  ASSERT_EQ(mixed.status, 201) << mixed.body;
  auto hr = server_.As("hr");  // HR and three schools; Anna is in one of them
  const auto list = hr->Get("/api/v1/health/plans").Json();
  bool saw_mixed = false;
  for (const auto& p : list.at("items").as_array()) {
    EXPECT_NE(p.at("name").as_string(), "community plan");
    if (p.at("name").as_string() != "mixed") continue;
    saw_mixed = true;
    EXPECT_EQ(p.at("person_ids").as_array().size(), 1u);
    EXPECT_EQ(p.at("person_ids").as_array()[0].as_int64(), anna);
  }
  EXPECT_TRUE(saw_mixed);
  // The university-wide category plan of the demo applies to hr's people: shown.
  EXPECT_EQ(list.at("total").as_int64(), 2);
  EXPECT_EQ(admin->Get("/api/v1/health/plans").Json().at("total").as_int64(), 3);
}

}  // namespace
}  // namespace tongxin::testing
