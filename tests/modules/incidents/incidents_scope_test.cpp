// Object-level access in incidents (the scope guard): people added from outside the
// caller's units, removing a person added by mistake, what a close contact sees, alert
// titles that name nobody, and assignees who must cover the incident's unit.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

constexpr const char* kMorning = "2026-03-02T01:30:00Z";  // 09:30 in Shanghai

class IncidentsScopeTest : public ::testing::Test {
 protected:
  std::int64_t PersonId(HttpClient& c, const std::string& q) {
    return c.Get("/api/v1/people?q=" + q).Json().at("items").as_array()[0].at("id").as_int64();
  }
  boost::json::object OpenFor(HttpClient& c, const std::string& type, std::int64_t person) {
    auto res = c.Post("/api/v1/incidents", boost::json::object{{"incident_type", type}, {"title", "Anna Ivanova, 38.4"},
                                                                {"person_id", person}});
    EXPECT_EQ(res.status, 201) << res.body;
    return res.Json().as_object();
  }
  std::string Path(const boost::json::object& inc) { return "/api/v1/incidents/" + std::to_string(inc.at("id").as_int64()); }
  TestServer server_{{.start_time = kMorning}};
};

TEST_F(IncidentsScopeTest, PeopleOutsideTheCallersUnitsCannotBeAddedOrOpenedFor) {
  auto office = server_.As("office");  // the university, not the community
  const auto resident = PersonId(*server_.As("admin"), "孙建国");
  auto inc = OpenFor(*office, "fever", PersonId(*office, "anna"));
  const auto before = server_.Count("incident_people");
  auto added = office->Post(Path(inc) + "/people", boost::json::object{{"person_id", resident}, {"role", "contact"}});
  EXPECT_EQ(added.status, 403) << added.body;
  EXPECT_EQ(added.ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(server_.Count("incident_people"), before);
  EXPECT_EQ(server_.Count("report_plans"), 1);  // no observation plan was started
  auto opened = office->Post("/api/v1/incidents", boost::json::object{{"incident_type", "fever"}, {"title", "x"},
                                                                      {"person_id", resident}});
  EXPECT_EQ(opened.ErrorCode(), "auth.out_of_scope");
  auto unit = office->Post("/api/v1/incidents", boost::json::object{{"incident_type", "fever"}, {"title", "x"},
                                                                    {"unit_id", server_.UnitId("COMM")}});
  EXPECT_EQ(unit.ErrorCode(), "auth.out_of_scope");
  // A person id that does not exist names the field.
  auto missing = office->Post(Path(inc) + "/people", boost::json::object{{"person_id", 987654}, {"role", "contact"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.Json().at("error").at("details").at("field").as_string(), "person_id");
}

TEST_F(IncidentsScopeTest, APersonAddedByMistakeIsRemovedWithTheirObservationKeptOrEnded) {
  auto office = server_.As("office");
  auto inc = OpenFor(*office, "confirmed_case", PersonId(*office, "anna"));
  const auto oliver = PersonId(*office, "oliver");
  const auto erik = PersonId(*office, "erik");
  for (auto id : {oliver, erik}) {
    ASSERT_EQ(office->Post(Path(inc) + "/people", boost::json::object{{"person_id", id}, {"role", "contact"}}).status, 201);
  }
  auto plan_of = [&](std::int64_t person) -> std::int64_t {
    auto detail = office->Get(Path(inc)).Json();
    for (const auto& p : detail.at("people").as_array()) {
      if (p.at("person_id").as_int64() == person) return p.at("observation_plan_id").as_int64();
    }
    return 0;
  };
  const auto oliver_plan = plan_of(oliver), erik_plan = plan_of(erik);
  ASSERT_GT(oliver_plan, 0);
  // Oliver's observation runs on; Erik's ends with his removal.
  auto kept = office->Delete(Path(inc) + "/people/" + std::to_string(oliver));
  ASSERT_EQ(kept.status, 200) << kept.body;
  auto ended = office->Delete(Path(inc) + "/people/" + std::to_string(erik) + "?end_observation=1");
  ASSERT_EQ(ended.status, 200) << ended.body;
  const auto body = ended.Json();
  EXPECT_EQ(body.at("people").as_array().size(), 1u);  // Anna, the case
  EXPECT_EQ(body.at("events").as_array().back().at("kind").as_string(), "person_removed");
  std::map<std::int64_t, bool> active;
  const auto plans = office->Get("/api/v1/health/plans").Json();
  for (const auto& p : plans.at("items").as_array()) {
    active[p.at("id").as_int64()] = p.at("active").as_bool();
  }
  EXPECT_TRUE(active.at(oliver_plan));
  EXPECT_FALSE(active.at(erik_plan));
  auto audit = server_.As("admin")->Get("/api/v1/audit?action=delete&entity=incident_person").Json();
  ASSERT_EQ(audit.at("total").as_int64(), 2);
  // Removing someone who is not in it, or the case itself, is refused.
  EXPECT_EQ(office->Delete(Path(inc) + "/people/" + std::to_string(erik)).ErrorCode(), "incidents.person_not_found");
  EXPECT_EQ(office->Delete(Path(inc) + "/people/" + std::to_string(PersonId(*office, "anna"))).ErrorCode(),
            "incidents.person_is_case");
  EXPECT_EQ(office->Delete(Path(inc) + "/people/" + std::to_string(oliver) + "?end_observation=yes").status, 400);
  EXPECT_EQ(server_.As("leader")->Delete(Path(inc) + "/people/" + std::to_string(oliver)).status, 403);
}

TEST_F(IncidentsScopeTest, ACloseContactSeesNeitherTheCaseNorItsTitle) {
  auto office = server_.As("office");
  auto inc = OpenFor(*office, "confirmed_case", PersonId(*office, "anna"));
  ASSERT_EQ(office->Post(Path(inc) + "/people", boost::json::object{{"person_id", PersonId(*office, "oliver")},
                                                                     {"role", "contact"}}).status, 201);
  auto oliver = server_.As("foreign");
  auto view = oliver->Get(Path(inc));
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.body.find("Anna"), std::string::npos) << view.body;
  EXPECT_EQ(view.body.find("38.4"), std::string::npos) << view.body;
  const auto own = view.Json();
  EXPECT_EQ(own.at("my_role").as_string(), "contact");
  EXPECT_TRUE(own.at("my_steps").as_array().empty());  // the case's steps are not his
  EXPECT_FALSE(own.as_object().contains("person_id"));
  EXPECT_EQ(own.at("title").as_string(), "Confirmed case");
  auto list = oliver->Get("/api/v1/incidents");
  EXPECT_EQ(list.Json().at("total").as_int64(), 1);
  EXPECT_EQ(list.body.find("Anna"), std::string::npos) << list.body;
}

TEST_F(IncidentsScopeTest, IncidentsFromAlertsNameNeitherThePersonNorTheTemperature) {
  auto oliver = server_.As("foreign");
  ASSERT_EQ(oliver->Post("/api/v1/health/checkins", boost::json::object{{"temperature", 38.6}, {"method", "armpit"},
                                                                        {"location", "campus"}}).status, 201);
  server_.app().scheduler().RunOnce();
  auto list = server_.As("office")->Get("/api/v1/incidents").Json();
  ASSERT_EQ(list.at("total").as_int64(), 1);
  const std::string title(list.at("items").as_array()[0].at("title").as_string());
  EXPECT_EQ(title, "发热 / Fever · 2026-03-02");
  // Nor do the step reminders, which quote the title and may go out by email (steps 3
  // and 4, due at two hours, fall to the office; reminded half an hour before).
  server_.clock().Advance(std::chrono::minutes(95));
  server_.app().scheduler().RunOnce();
  auto notices = server_.As("office")->Get("/api/v1/notices?page_size=100").Json();
  int reminders = 0;
  for (const auto& n : notices.at("items").as_array()) {
    if (n.at("kind").as_string() != "step_due") continue;
    ++reminders;
    const std::string text = boost::json::serialize(n);
    EXPECT_NE(text.find("Fever"), std::string::npos) << text;
    EXPECT_EQ(text.find("38.6"), std::string::npos) << text;
    EXPECT_EQ(text.find("Oliver"), std::string::npos) << text;
  }
  EXPECT_EQ(reminders, 2);
}

TEST_F(IncidentsScopeTest, TheAssigneeMustCoverTheIncidentsUnit) {
  auto admin = server_.As("admin");
  auto made = admin->Post("/api/v1/admin/users",
                          boost::json::object{{"username", "clinic"}, {"password", kPassword}, {"role", "department"},
                                              {"unit_ids", boost::json::array{server_.UnitId("CLINIC")}}});
  ASSERT_EQ(made.status, 201);
  const auto clinic = made.Json().at("id").as_int64();
  const auto leader = admin->Get("/api/v1/admin/users?q=leader").Json().at("items").as_array()[0].at("id").as_int64();
  auto office = server_.As("office");
  auto inc = OpenFor(*office, "fever", PersonId(*office, "anna"));  // Anna is in a school hr covers
  for (auto id : {clinic, leader}) {
    auto res = office->Patch(Path(inc), boost::json::object{{"assignee_id", id}});
    EXPECT_EQ(res.status, 400) << res.body;
    EXPECT_EQ(res.ErrorCode(), "auth.assignee_out_of_scope");
    EXPECT_EQ(res.Json().at("error").at("details").at("field").as_string(), "assignee_id");
  }
  EXPECT_EQ(office->Get(Path(inc)).Json().at("assignee_id"), boost::json::value(nullptr));
}

}  // namespace
}  // namespace tongxin::testing
