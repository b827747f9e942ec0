// Re-checks (复测) are reports of their own: a fever's alert keeps its reading while the
// person measures again at any time until the deadline (and late after it), and a
// correction of the fever report is shown on the alert, never silently replacing it.
#include <gtest/gtest.h>

#include "io/csv.hpp"
#include "io/xlsx.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

// 2026-03-02 09:30 in Shanghai: the morning slot (07:00–10:00) is open; re-checks of an
// alert raised now are due by 13:30, when no slot is open (the morning's late window
// closes at 14:00, the afternoon opens then).
constexpr const char* kMorning = "2026-03-02T01:30:00Z";
constexpr const char* kNoon = "2026-03-02T04:00:00Z";        // 12:00, before the deadline
constexpr const char* kAfterDue = "2026-03-02T05:45:00Z";    // 13:45, after it

boost::json::object Fever() {
  return {{"temperature", 38.2}, {"method", "armpit"}, {"location", "campus"}, {"symptoms", {"fever", "cough"}}};
}
boost::json::object Again(double temperature) { return {{"temperature", temperature}, {"method", "armpit"}}; }

class RechecksApiTest : public ::testing::Test {
 protected:
  // The caller's alert, raised by a fever report now.
  std::int64_t RaiseFever() {
    auto res = server_.As("foreign")->Post("/api/v1/health/checkins", Fever());
    EXPECT_EQ(res.status, 201) << res.body;
    const auto mine = server_.As("foreign")->Get("/api/v1/health/me/slots").Json();
    const auto& due = mine.at("rechecks_due").as_array();
    EXPECT_EQ(due.size(), 1u);
    return due.empty() ? 0 : due[0].at("id").as_int64();
  }
  boost::json::object Alert(std::int64_t id) {
    const auto list = server_.As("office")->Get("/api/v1/health/alerts").Json();
    for (const auto& a : list.at("items").as_array()) {
      if (a.at("id").as_int64() == id) return a.as_object();
    }
    ADD_FAILURE() << "no alert " << id;
    return {};
  }
  std::string Url(std::int64_t id) { return "/api/v1/health/alerts/" + std::to_string(id) + "/recheck"; }
  // The morning cell and the notes of Oliver Bennett's line in the daily report (zh).
  std::pair<std::string, std::string> DailyLine() {
    auto office = server_.As("office");
    office->SetLanguage("zh-CN");
    auto xlsx = office->Get("/api/v1/health/report?day=2026-03-02");
    EXPECT_EQ(xlsx.status, 200);
    auto table = io::ReadXlsx(xlsx.body);
    if (!table) return {};
    for (const auto& row : *table) {
      if (row.size() > 8 && row[2] == "Oliver Bennett") return {row[4], row[8]};
    }
    return {};
  }
  TestServer server_{{.start_time = kMorning}};
};

TEST_F(RechecksApiTest, ANormalReCheckInTimeSettlesTheAlertAndTheFeverStaysEverywhere) {
  const auto id = RaiseFever();
  EXPECT_EQ(Alert(id).at("temperature").as_double(), 38.2);
  server_.clock().Set(kNoon);  // no slot is open: the re-check is taken anyway
  auto me = server_.As("foreign");
  auto res = me->Post(Url(id), Again(36.8));
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_EQ(res.Json().at("status").as_string(), "rechecked");
  EXPECT_EQ(res.Json().at("outcome").as_string(), "normal");
  EXPECT_FALSE(res.Json().at("late").as_bool());
  EXPECT_EQ(res.Json().at("channel").as_string(), "self");
  // The alert keeps 38.2 and lists its re-check; the report is untouched.
  auto alert = Alert(id);
  EXPECT_EQ(alert.at("status").as_string(), "rechecked");
  EXPECT_EQ(alert.at("temperature").as_double(), 38.2);
  EXPECT_TRUE(alert.at("corrected_temperature").is_null());
  ASSERT_EQ(alert.at("rechecks").as_array().size(), 1u);
  EXPECT_EQ(alert.at("rechecks").as_array()[0].at("temperature").as_double(), 36.8);
  EXPECT_EQ(server_.Count("health_checkin_history"), 0);
  EXPECT_TRUE(me->Get("/api/v1/health/me/slots").Json().at("rechecks_due").as_array().empty());
  // Dashboard, daily report, history export and the person's history still show the fever.
  auto office = server_.As("office");
  const auto today = office->Get("/api/v1/health/today?day=2026-03-02").Json();
  EXPECT_EQ(today.at("slots").as_array()[0].at("alerts").as_int64(), 1);
  auto [cell, notes] = DailyLine();
  EXPECT_EQ(cell, "38.2");
  EXPECT_NE(notes.find("复测 36.8"), std::string::npos) << notes;
  auto csv = io::ParseCsv(office->Get("/api/v1/health/checkins/export?from=2026-03-02&to=2026-03-02&format=csv").body);
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->size(), 2u);
  EXPECT_EQ((*csv)[1][6], "38.2");
  EXPECT_EQ((*csv)[1][7], "38.2");
  EXPECT_EQ((*csv)[1][8], "36.8");
  const auto person = alert.at("person_id").as_int64();
  auto history = me->Get("/api/v1/health/people/" + std::to_string(person) + "/checkins").Json();
  EXPECT_EQ(history.at("items").as_array()[0].at("temperature").as_double(), 38.2);
  ASSERT_EQ(history.at("alerts").as_array().size(), 1u);
  EXPECT_EQ(history.at("alerts").as_array()[0].at("rechecks").as_array().size(), 1u);
  // Audited; a settled alert takes no more re-checks.
  auto admin = server_.As("admin");
  EXPECT_EQ(admin->Get("/api/v1/audit?entity=recheck").Json().at("total").as_int64(), 1);
  auto again = me->Post(Url(id), Again(36.6));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.ErrorCode(), "health.alert_settled");
}

TEST_F(RechecksApiTest, AHighReCheckEscalatesTheAlertAndEveryAlertOfTheReport) {
  auto res = server_.As("foreign")->Post(
      "/api/v1/health/checkins",
      {{"temperature", 38.4}, {"method", "oral"}, {"location", "campus"}, {"symptoms", {"shortness_of_breath"}}});
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_EQ(res.Json().at("alerts").as_array().size(), 2u);  // fever and red flag
  auto me = server_.As("foreign");
  const auto mine = me->Get("/api/v1/health/me/slots").Json();
  const auto& due = mine.at("rechecks_due").as_array();
  ASSERT_EQ(due.size(), 1u);  // one re-check answers both
  server_.clock().Set(kNoon);
  me = server_.As("foreign");
  auto high = me->Post(Url(due[0].at("id").as_int64()), Again(38.6));
  ASSERT_EQ(high.status, 201) << high.body;
  EXPECT_EQ(high.Json().at("outcome").as_string(), "high");
  EXPECT_EQ(high.Json().at("status").as_string(), "escalated");
  EXPECT_EQ(high.Json().at("escalation").as_string(), "second_high");
  EXPECT_EQ(high.Json().at("answered").as_array().size(), 2u);
  auto list = server_.As("office")->Get("/api/v1/health/alerts?status=escalated").Json();
  EXPECT_EQ(list.at("total").as_int64(), 2);
  for (const auto& a : list.at("items").as_array()) {
    EXPECT_EQ(a.at("escalation").as_string(), "second_high");
    EXPECT_EQ(a.at("temperature").as_double(), 38.4);
  }
}

TEST_F(RechecksApiTest, AReCheckAfterTheDeadlineIsLateAndEscalatesAsOverdue) {
  const auto id = RaiseFever();
  server_.clock().Set(kAfterDue);
  auto me = server_.As("foreign");
  // Still asked for: the request stays until answered.
  EXPECT_EQ(me->Get("/api/v1/health/me/slots").Json().at("rechecks_due").as_array().size(), 1u);
  auto res = me->Post(Url(id), Again(36.9));
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_TRUE(res.Json().at("late").as_bool());
  EXPECT_EQ(res.Json().at("outcome").as_string(), "normal");
  EXPECT_EQ(res.Json().at("status").as_string(), "escalated");
  EXPECT_EQ(res.Json().at("escalation").as_string(), "recheck_overdue");
  EXPECT_TRUE(me->Get("/api/v1/health/me/slots").Json().at("rechecks_due").as_array().empty());
  // Escalated alerts take further re-checks (staff close them).
  EXPECT_EQ(me->Post(Url(id), Again(36.7)).status, 201);
  EXPECT_EQ(Alert(id).at("rechecks").as_array().size(), 2u);
}

TEST_F(RechecksApiTest, CorrectingAFeverReportIsShownOnTheAlertAndAudited) {
  const auto id = RaiseFever();
  auto me = server_.As("foreign");
  auto corrected = me->Post("/api/v1/health/checkins",
                            {{"temperature", 37.0}, {"method", "armpit"}, {"location", "campus"}});
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_TRUE(corrected.Json().at("corrected").as_bool());
  ASSERT_EQ(corrected.Json().at("corrected_alerts").as_array().size(), 1u);
  auto alert = Alert(id);
  EXPECT_EQ(alert.at("temperature").as_double(), 38.2);  // as raised
  EXPECT_EQ(alert.at("corrected_temperature").as_double(), 37.0);
  EXPECT_FALSE(alert.at("corrected_at").as_string().empty());
  EXPECT_EQ(alert.at("status").as_string(), "open");  // a correction settles nothing
  auto admin = server_.As("admin");
  auto audit = admin->Get("/api/v1/audit?entity=alert&action=update").Json();
  ASSERT_EQ(audit.at("total").as_int64(), 1);
  auto office = server_.As("office");
  EXPECT_EQ(office->Get("/api/v1/health/today?day=2026-03-02").Json().at("slots").as_array()[0].at("alerts").as_int64(),
            1);
  auto [cell, notes] = DailyLine();
  EXPECT_EQ(cell, "38.2");
  EXPECT_NE(notes.find("更正为 37.0"), std::string::npos) << notes;
  // The re-check request still stands.
  EXPECT_EQ(me->Get("/api/v1/health/me/slots").Json().at("rechecks_due").as_array().size(), 1u);
}

TEST_F(RechecksApiTest, StaffRecordReChecksInScopeOnlyAndBadInputNamesItsField) {
  const auto id = RaiseFever();
  auto office = server_.As("office");
  EXPECT_EQ(office->Post(Url(id), [] { auto b = Again(36.8); b["channel"] = "self"; return b; }()).ErrorField(),
            "channel");
  auto foreign = server_.As("foreign");
  EXPECT_EQ(foreign->Post(Url(id), [] { auto b = Again(36.8); b["channel"] = "phone"; return b; }()).ErrorField(),
            "channel");
  EXPECT_EQ(foreign->Post(Url(id), Again(45.0)).ErrorField(), "temperature");
  EXPECT_EQ(foreign->Post(Url(id), {{"temperature", 36.8}}).ErrorField(), "method");
  EXPECT_EQ(foreign->Post(Url(999999), Again(36.8)).status, 404);
  EXPECT_EQ(server_.As("volunteer")->Post(Url(id), Again(36.8)).status, 403);
  // A department account of another school does not reach Oliver (SIE).
  auto admin = server_.As("admin");
  ASSERT_EQ(admin->Post("/api/v1/admin/users",
                        boost::json::object{{"username", "scs"}, {"password", kPassword}, {"role", "department"},
                                            {"unit_ids", boost::json::array{server_.UnitId("SCS")}}})
                .status,
            201);
  EXPECT_EQ(server_.As("scs")->Post(Url(id), Again(36.8)).ErrorCode(), "auth.out_of_scope");
  // Nor does Oliver reach a colleague's alert.
  const auto liam = office->Get("/api/v1/people?q=liam").Json().at("items").as_array()[0].at("id").as_int64();
  auto fever = Fever();
  fever["person_id"] = liam;
  ASSERT_EQ(office->Post("/api/v1/health/checkins/on-behalf", fever).status, 201);
  std::int64_t liam_alert = 0;
  const auto alerts = office->Get("/api/v1/health/alerts").Json();
  for (const auto& a : alerts.at("items").as_array()) {
    if (a.at("person_id").as_int64() == liam && a.at("kind").as_string() == "fever") liam_alert = a.at("id").as_int64();
  }
  ASSERT_GT(liam_alert, 0);
  EXPECT_EQ(foreign->Post(Url(liam_alert), Again(36.8)).status, 403);
  EXPECT_EQ(server_.Count("health_rechecks"), 0);
  // The office records Liam's re-check made by phone.
  auto by_phone = office->Post(Url(liam_alert), Again(36.7));
  ASSERT_EQ(by_phone.status, 201) << by_phone.body;
  EXPECT_EQ(by_phone.Json().at("channel").as_string(), "phone");
  EXPECT_FALSE(by_phone.Json().at("recorded_by").is_null());
  // A contact alert is not re-checked by temperature.
  auto contact = Again(36.5);
  contact["location"] = "campus";
  contact["contact"] = "suspected";
  contact["person_id"] = liam;
  server_.clock().Set("2026-03-02T06:30:00Z");  // the afternoon slot
  office = server_.As("office");
  ASSERT_EQ(office->Post("/api/v1/health/checkins/on-behalf", contact).status, 201);
  std::int64_t contact_alert = 0;
  const auto later = office->Get("/api/v1/health/alerts").Json();
  for (const auto& a : later.at("items").as_array()) {
    if (a.at("kind").as_string() == "contact") contact_alert = a.at("id").as_int64();
  }
  ASSERT_GT(contact_alert, 0);
  EXPECT_EQ(office->Post(Url(contact_alert), Again(36.5)).ErrorCode(), "health.not_recheckable");
}

}  // namespace
}  // namespace tongxin::testing
