// Two checks, two reports: plans, check-ins in and out of their slots, corrections,
// alerts, reports on someone's behalf, the counts and the missing list, on a fixed clock.
#include <gtest/gtest.h>

#include <set>

#include "io/csv.hpp"
#include "io/xlsx.hpp"
#include "storage/query.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

// 2026-03-02 09:30 in Shanghai (UTC+8): the morning slot (07:00–10:00) is open. The demo
// data's plan (every foreign staff member, from the day it is loaded) starts that day.
constexpr const char* kMorning = "2026-03-02T01:30:00Z";

boost::json::object Report(double temperature) {
  return {{"temperature", temperature}, {"method", "armpit"}, {"location", "campus"}};
}

class HealthApiTest : public ::testing::Test {
 protected:
  std::int64_t Today(HttpClient& c, int slot, const std::string& field, const std::string& query = "") {
    auto body = c.Get("/api/v1/health/today?day=2026-03-02" + query).Json();
    for (const auto& s : body.at("slots").as_array()) {
      if (s.at("slot").as_int64() == slot) return s.at(field).as_int64();
    }
    return -1;
  }
  std::int64_t PersonId(HttpClient& c, const std::string& q) {
    return c.Get("/api/v1/people?q=" + q).Json().at("items").as_array()[0].at("id").as_int64();
  }
  TestServer server_{{.start_time = kMorning}};
};

TEST_F(HealthApiTest, SelfReportThenCorrectionKeepsHistory) {
  auto me = server_.As("foreign");
  auto first = me->Post("/api/v1/health/checkins", Report(36.5));
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Json().at("slot_name").as_string(), "morning");
  EXPECT_FALSE(first.Json().at("late").as_bool());
  EXPECT_FALSE(first.Json().at("corrected").as_bool());
  auto again = me->Post("/api/v1/health/checkins", Report(36.7));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.Json().at("corrected").as_bool());
  EXPECT_EQ(again.Json().at("version").as_int64(), 2);
  EXPECT_EQ(again.Json().at("id"), first.Json().at("id"));
  EXPECT_EQ(server_.Count("health_checkins"), 1);
  EXPECT_EQ(server_.Count("health_checkin_history"), 1);
  auto office = server_.As("office");
  EXPECT_EQ(Today(*office, 0, "reported"), 1);  // a correction is not a second report
  EXPECT_EQ(Today(*office, 0, "expected"), 30);
  EXPECT_EQ(Today(*office, 0, "missing"), 29);
  auto slots = me->Get("/api/v1/health/me/slots").Json();
  EXPECT_EQ(slots.at("today").as_string(), "2026-03-02");
  bool reported = false;
  for (const auto& s : slots.at("items").as_array()) {
    if (s.at("day").as_string() == "2026-03-02" && s.at("slot").as_int64() == 0) {
      reported = s.at("status").as_string() == "reported" && s.at("state").as_string() == "open";
    }
  }
  EXPECT_TRUE(reported) << slots;
}

TEST_F(HealthApiTest, LateReportsAreAcceptedAndMarked) {
  server_.clock().Set("2026-03-02T03:00:00Z");  // 11:00: morning slot ended at 10:00
  auto me = server_.As("foreign");
  auto res = me->Post("/api/v1/health/checkins", Report(36.4));
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_TRUE(res.Json().at("late").as_bool());
  EXPECT_EQ(res.Json().at("slot").as_int64(), 0);
  auto office = server_.As("office");
  EXPECT_EQ(Today(*office, 0, "late"), 1);
  EXPECT_EQ(office->Get("/api/v1/health/roster?day=2026-03-02&slot=0&status=late").Json().at("total").as_int64(), 1);
}

TEST_F(HealthApiTest, ReportsOutsideEverySlotAreRefusedWithTheNextSlot) {
  server_.clock().Set("2026-03-01T21:30:00Z");  // 05:30 on 2026-03-02: before the first slot
  auto me = server_.As("foreign");
  me->SetLanguage("en");
  auto early = me->Post("/api/v1/health/checkins", Report(36.5));
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.ErrorCode(), "health.outside_slot");
  EXPECT_EQ(early.Json().at("error").at("details").at("next_slot").as_string(), "2026-03-01T23:00:00Z");
  EXPECT_NE(std::string(early.Json().at("error").at("message").as_string()).find("2026-03-02 07:00"), std::string::npos);
  server_.clock().Set("2026-03-02T14:00:00Z");  // 22:00: the afternoon's late window ended at 21:00
  me = server_.As("foreign");                   // the earlier session has expired meanwhile
  auto night = me->Post("/api/v1/health/checkins", Report(36.5));
  EXPECT_EQ(night.ErrorCode(), "health.outside_slot");
  EXPECT_EQ(night.Json().at("error").at("details").at("next_slot").as_string(), "2026-03-02T23:00:00Z");
  EXPECT_EQ(server_.Count("health_checkins"), 0);
}

TEST_F(HealthApiTest, BadReportsAreRefusedNamingTheField) {
  auto me = server_.As("foreign");  // prefers English, whatever the browser says
  me->SetLanguage("zh-CN");
  auto hot = me->Post("/api/v1/health/checkins", Report(42.5));
  EXPECT_EQ(hot.status, 400);
  EXPECT_EQ(hot.Json().at("error").at("details").at("field").as_string(), "temperature");
  EXPECT_EQ(hot.Json().at("error").at("message").as_string(), "The temperature must be between 35.0 and 42.0 °C");
  auto staff = server_.As("office");
  staff->SetLanguage("zh-CN");
  boost::json::object for_anna = Report(34.0);
  for_anna["person_id"] = PersonId(*staff, "anna");
  for_anna["channel"] = "phone";
  EXPECT_EQ(staff->Post("/api/v1/health/checkins/on-behalf", for_anna).Json().at("error").at("message").as_string(),
            "体温应在 35.0 到 42.0 °C 之间");
  boost::json::object abroad = Report(36.5);
  abroad["location"] = "abroad";
  EXPECT_EQ(me->Post("/api/v1/health/checkins", abroad).Json().at("error").at("details").at("field").as_string(),
            "location_country");
  EXPECT_EQ(server_.Count("health_checkins"), 0);
  auto office = server_.As("office");  // no person record linked to this account
  EXPECT_EQ(office->Post("/api/v1/health/checkins", Report(36.5)).ErrorCode(), "health.no_person");
}

TEST_F(HealthApiTest, FeverRaisesOneAlertAndItCounts) {
  auto me = server_.As("foreign");
  auto res = me->Post("/api/v1/health/checkins", Report(37.3));
  ASSERT_EQ(res.status, 201);
  EXPECT_EQ(res.Json().at("alerts").as_array().size(), 1u);
  EXPECT_EQ(res.Json().at("alerts").as_array()[0].as_string(), "fever");
  auto correction = me->Post("/api/v1/health/checkins", Report(37.9));
  EXPECT_TRUE(correction.Json().at("alerts").as_array().empty());  // the fever alert exists already
  auto office = server_.As("office");
  EXPECT_EQ(Today(*office, 0, "alerts"), 1);
  auto alerts = office->Get("/api/v1/health/alerts?status=open").Json();
  ASSERT_EQ(alerts.at("total").as_int64(), 1);
  EXPECT_EQ(alerts.at("items").as_array()[0].at("name_latin").as_string(), "Oliver Bennett");
  EXPECT_EQ(alerts.at("items").as_array()[0].at("recheck_due_at").as_string(), "2026-03-02T05:30:00Z");
  boost::json::object contact = Report(36.6);
  contact["contact"] = "suspected";
  auto other = server_.As("office");
  const auto anna = PersonId(*other, "anna");
  contact["person_id"] = anna;
  contact["channel"] = "phone";
  EXPECT_EQ(other->Post("/api/v1/health/checkins/on-behalf", contact).Json().at("alerts").as_array()[0].as_string(),
            "contact");
  EXPECT_EQ(Today(*office, 0, "alerts"), 2);
}

TEST_F(HealthApiTest, ReChecksSettleOrEscalateFeverAlerts) {
  ASSERT_EQ(server_.As("foreign")->Post("/api/v1/health/checkins", Report(37.8)).status, 201);  // morning fever
  server_.clock().Set("2026-03-02T06:30:00Z");  // 14:30: the afternoon slot, a second high reading
  auto again = server_.As("foreign")->Post("/api/v1/health/checkins", Report(38.1));
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.Json().at("escalated").as_int64(), 1);
  auto office = server_.As("office");
  auto alerts = office->Get("/api/v1/health/alerts").Json().at("items").as_array();
  ASSERT_EQ(alerts.size(), 2u);
  EXPECT_EQ(alerts[1].at("status").as_string(), "escalated");  // the morning one (newest first)
  EXPECT_EQ(alerts[0].at("status").as_string(), "open");
  server_.clock().Set("2026-03-02T23:30:00Z");  // next morning, a normal reading answers the re-check
  auto normal = server_.As("foreign")->Post("/api/v1/health/checkins", Report(36.6));
  EXPECT_EQ(normal.Json().at("rechecked").as_int64(), 1);
  office = server_.As("office");
  const auto id = std::to_string(office->Get("/api/v1/health/alerts?status=rechecked").Json().at("items")
                                     .as_array()[0].at("id").as_int64());
  EXPECT_EQ(office->Patch("/api/v1/health/alerts/" + id, {{"status", "closed"}}).status, 200);
  EXPECT_EQ(office->Get("/api/v1/health/alerts?status=closed").Json().at("total").as_int64(), 1);
  EXPECT_EQ(office->Patch("/api/v1/health/alerts/" + id, {{"status", "gone"}}).status, 400);
  EXPECT_EQ(office->Patch("/api/v1/health/alerts/999999", {{"status", "closed"}}).status, 404);
}

TEST_F(HealthApiTest, StaffRecordReportsAndInquiriesWithinTheirScope) {
  auto office = server_.As("office");
  const auto anna = PersonId(*office, "anna");
  boost::json::object report = Report(36.8);
  report["person_id"] = anna;
  report["channel"] = "wechat";
  auto res = office->Post("/api/v1/health/checkins/on-behalf", report);
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_EQ(res.Json().at("channel").as_string(), "wechat");
  EXPECT_FALSE(res.Json().at("recorded_by").is_null());
  auto inquiry = office->Post("/api/v1/health/inquiries",
                              {{"person_id", anna}, {"channel", "phone"}, {"answer", "Feels well, no symptoms"}});
  EXPECT_EQ(inquiry.status, 201);
  EXPECT_EQ(server_.Count("health_inquiries"), 1);
  // HR's scope has the schools but not the International Office.
  auto hr = server_.As("hr");
  const auto zhang = PersonId(*office, "zhang%20wei");
  EXPECT_EQ(hr->Post("/api/v1/health/inquiries", {{"person_id", zhang}, {"channel", "phone"}, {"answer", "x"}})
                .ErrorCode(),
            "auth.out_of_scope");
  report["person_id"] = zhang;
  EXPECT_EQ(hr->Post("/api/v1/health/checkins/on-behalf", report).status, 403);
}

TEST_F(HealthApiTest, RemindNowRemindsTheMissingInScopeOnceWhileTheSlotIsOpen) {
  // Oliver (the one foreign staff member with an account) has not reported yet.
  auto office = server_.As("office");
  const boost::json::object morning{{"day", "2026-03-02"}, {"slot", 0}};
  auto first = office->Post("/api/v1/health/roster/remind", morning);
  ASSERT_EQ(first.status, 200) << first.body;
  const auto queued = first.Json().at("queued").as_int64();
  EXPECT_GE(queued, 1);
  EXPECT_GE(server_.Count("notifications"), queued);
  EXPECT_EQ(office->Post("/api/v1/health/roster/remind", morning).Json().at("queued").as_int64(), 0);  // a second click
  auto audit = server_.As("admin")->Get("/api/v1/audit?action=remind&entity=health_roster").Json();
  EXPECT_EQ(audit.at("total").as_int64(), 2);
  // Only people in the caller's scope; a unit outside it is refused.
  auto hr = server_.As("hr");
  auto intl = morning;
  intl["unit_id"] = server_.UnitId("INTL");
  EXPECT_EQ(hr->Post("/api/v1/health/roster/remind", intl).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(hr->Post("/api/v1/health/roster/remind", {{"day", "2026-03-02"}}).ErrorField(), "slot");
  EXPECT_EQ(server_.As("leader")->Post("/api/v1/health/roster/remind", morning).status, 403);  // leaders read
  // Once the slot takes no more reports there is nobody to remind.
  server_.clock().Set("2026-03-02T06:30:00Z");
  EXPECT_EQ(server_.As("office")->Post("/api/v1/health/roster/remind", morning).ErrorCode(), "health.slot_closed");
}

TEST_F(HealthApiTest, MissingListShrinksAsReportsArriveAndFollowsScope) {
  auto office = server_.As("office");
  auto hr = server_.As("hr");
  const std::string url = "/api/v1/health/roster?day=2026-03-02&slot=0&status=missing&page_size=200";
  EXPECT_EQ(office->Get(url).Json().at("total").as_int64(), 30);
  EXPECT_EQ(hr->Get(url).Json().at("total").as_int64(), 30);  // every foreign staff member is in a school
  ASSERT_EQ(server_.As("foreign")->Post("/api/v1/health/checkins", Report(36.5)).status, 201);
  EXPECT_EQ(office->Get(url).Json().at("total").as_int64(), 29);
  const auto sie = server_.UnitId("SIE");
  auto sie_list = office->Get(url + "&unit_id=" + std::to_string(sie)).Json();
  EXPECT_EQ(sie_list.at("total").as_int64(), 15);  // 16 in the school, one has reported
  EXPECT_EQ(Today(*office, 0, "missing", "&unit_id=" + std::to_string(sie)), 15);
  auto lines = office->Get("/api/v1/health/today?day=2026-03-02").Json().at("slots").as_array()[0].at("units").as_array();
  std::int64_t sum = 0;
  for (const auto& l : lines) sum += l.at("expected").as_int64();
  EXPECT_EQ(sum, 30);
  EXPECT_EQ(hr->Get("/api/v1/health/today?unit_id=" + std::to_string(server_.UnitId("INTL"))).status, 403);
}

TEST_F(HealthApiTest, ObservationPlansTakePrecedenceAndEndByThemselves) {
  auto office = server_.As("office");
  auto me = server_.As("foreign");
  const auto oliver = me->Get("/api/v1/me/person").Json().at("id").as_int64();
  auto plan = office->Post("/api/v1/health/plans",
                           {{"name", "14-day observation after return"}, {"kind", "observation"},
                            {"start_date", "2026-03-02"}, {"observation_days", 14}, {"person_ids", {oliver}},
                            {"slots", {{{"name", "morning"}, {"start", "07:00"}, {"end", "09:00"}},
                                       {{"name", "noon"}, {"start", "12:00"}, {"end", "14:00"}},
                                       {{"name", "evening"}, {"start", "19:00"}, {"end", "21:00"}}}}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  EXPECT_EQ(plan.Json().at("end_date").as_string(), "2026-03-15");
  auto count_today = [&](HttpClient& c) {
    const auto body = c.Get("/api/v1/health/me/slots").Json();
    int n = 0;
    for (const auto& s : body.at("items").as_array()) n += s.at("day") == body.at("today") ? 1 : 0;
    return n;
  };
  EXPECT_EQ(count_today(*me), 3);
  server_.clock().Set("2026-03-16T01:30:00Z");  // the day after the observation ends
  me = server_.As("foreign");
  EXPECT_EQ(count_today(*me), 2);  // back on the group plan
  office = server_.As("office");
  auto bad = office->Post("/api/v1/health/plans", {{"name", "x"}, {"target", "unit"}, {"start_date", "2026-03-02"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json().at("error").at("details").at("field").as_string(), "unit_id");
}

TEST_F(HealthApiTest, ThePeopleOfAnObservationPlanAreNamedAndCanBeChanged) {
  auto office = server_.As("office");
  auto me = server_.As("foreign");
  const auto oliver = me->Get("/api/v1/me/person").Json().at("id").as_int64();
  const auto people = office->Get("/api/v1/people?page_size=20").Json();
  std::int64_t other = 0;
  for (const auto& p : people.at("items").as_array()) {
    if (p.at("id").as_int64() != oliver) other = p.at("id").as_int64();
  }
  ASSERT_NE(other, 0);
  auto plan = office->Post("/api/v1/health/plans",
                           {{"name", "observation"}, {"kind", "observation"}, {"start_date", "2026-03-02"},
                            {"observation_days", 14}, {"person_ids", {oliver}},
                            {"slots", {{{"name", "morning"}, {"start", "07:00"}, {"end", "09:00"}},
                                       {{"name", "noon"}, {"start", "12:00"}, {"end", "14:00"}},
                                       {{"name", "evening"}, {"start", "19:00"}, {"end", "21:00"}}}}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  const auto created = plan.Json();
  const auto id = created.at("id").as_int64();
  ASSERT_EQ(created.at("people").as_array().size(), 1u);
  EXPECT_EQ(created.at("people").at(0).at("id").as_int64(), oliver);
  EXPECT_FALSE(created.at("people").at(0).at("name_latin").as_string().empty());
  const auto today_slots = [&] { return me->Get("/api/v1/health/me/slots").Json().at("items").as_array().size(); };
  const auto on_plan = today_slots();

  // Oliver leaves the plan, another person joins: the list names the new one, Oliver is
  // back on the group plan's slots, and the audit row keeps ids, not names.
  auto changed = office->Patch("/api/v1/health/plans/" + std::to_string(id), {{"person_ids", {other}}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  const auto after = changed.Json();
  ASSERT_EQ(after.at("people").as_array().size(), 1u);
  EXPECT_EQ(after.at("people").at(0).at("id").as_int64(), other);
  EXPECT_LT(today_slots(), on_plan);
  bool listed = false;
  const auto list = office->Get("/api/v1/health/plans").Json();
  for (const auto& p : list.at("items").as_array()) {
    if (p.at("id").as_int64() == id) listed = p.at("people").at(0).at("id").as_int64() == other;
  }
  EXPECT_TRUE(listed);
  auto audit = server_.As("admin")->Get("/api/v1/audit?entity=report_plan&action=update");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("person_ids"), std::string::npos);
  EXPECT_EQ(audit.body.find("name_latin"), std::string::npos);

  // Nobody: refused, naming the field.
  auto empty = office->Patch("/api/v1/health/plans/" + std::to_string(id), {{"person_ids", boost::json::array{}}});
  EXPECT_EQ(empty.status, 400) << empty.body;
  EXPECT_EQ(empty.Json().at("error").at("details").at("field").as_string(), "person_ids");
}

TEST_F(HealthApiTest, HistoryIsOwnForForeignStaffAndAuditedForStaff) {
  auto me = server_.As("foreign");
  ASSERT_EQ(me->Post("/api/v1/health/checkins", Report(36.5)).status, 201);
  const auto oliver = me->Get("/api/v1/me/person").Json().at("id").as_int64();
  auto own = me->Get("/api/v1/health/people/" + std::to_string(oliver) + "/checkins");
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.Json().at("total").as_int64(), 1);
  EXPECT_EQ(me->Get("/api/v1/health/people/" + std::to_string(oliver + 1) + "/checkins").status, 403);
  auto office = server_.As("office");
  EXPECT_EQ(office->Get("/api/v1/health/people/" + std::to_string(oliver) + "/checkins").status, 200);
  auto admin = server_.As("admin");
  EXPECT_EQ(admin->Get("/api/v1/audit?action=read&entity=checkins").Json().at("total").as_int64(), 1);
}

TEST_F(HealthApiTest, ScriptedReportsAreFlaggedForAHuman) {
  // Ten mornings in a row, always 36.3 °C, always at 09:00:00 local: what a script does.
  for (int i = 0; i < 10; ++i) {
    char at[32];
    std::snprintf(at, sizeof at, "2026-03-%02dT01:00:00Z", 2 + i);
    server_.clock().Set(at);
    auto me = server_.As("foreign");
    ASSERT_EQ(me->Post("/api/v1/health/checkins", Report(36.3)).status, 201);
  }
  server_.clock().Set("2026-03-11T03:00:00Z");
  auto office = server_.As("office");
  auto list = office->Get("/api/v1/health/flags").Json();
  ASSERT_EQ(list.at("total").as_int64(), 1) << list;
  const auto& flagged = list.at("items").as_array()[0];
  EXPECT_EQ(flagged.at("name_latin").as_string(), "Oliver Bennett");
  std::set<std::string> codes;
  for (const auto& f : flagged.at("flags").as_array()) codes.insert(std::string(f.at("code").as_string()));
  EXPECT_EQ(codes, (std::set<std::string>{"same_values", "same_second"}));
  auto person = office->Get("/api/v1/health/people/" + std::to_string(flagged.at("person_id").as_int64()) + "/flags");
  EXPECT_EQ(person.Json().at("flags").as_array().size(), 2u);
  // A hint, never a block: the next report is still accepted.
  server_.clock().Set("2026-03-12T01:00:00Z");
  EXPECT_EQ(server_.As("foreign")->Post("/api/v1/health/checkins", Report(36.3)).status, 201);
}

TEST_F(HealthApiTest, TrendOverDays) {
  ASSERT_EQ(server_.As("foreign")->Post("/api/v1/health/checkins", Report(37.5)).status, 201);
  server_.clock().Set("2026-03-03T07:00:00Z");  // 15:00 the next day: afternoon slot
  ASSERT_EQ(server_.As("foreign")->Post("/api/v1/health/checkins", Report(36.6)).status, 201);
  auto office = server_.As("office");
  auto trend = office->Get("/api/v1/health/trend?from=2026-03-01&to=2026-03-03").Json();
  const auto& days = trend.at("items").as_array();
  ASSERT_EQ(days.size(), 2u);  // no roster was ever built for 2026-03-01
  EXPECT_EQ(days[0].at("day").as_string(), "2026-03-02");
  EXPECT_EQ(days[0].at("expected").as_int64(), 60);
  EXPECT_EQ(days[0].at("reported").as_int64(), 1);
  EXPECT_EQ(days[0].at("alerts").as_int64(), 1);
  EXPECT_EQ(days[1].at("reported").as_int64(), 1);
  EXPECT_EQ(days[1].at("alerts").as_int64(), 0);
  EXPECT_EQ(office->Get("/api/v1/health/trend?from=2026-03-03&to=2026-03-01").status, 400);
}

TEST_F(HealthApiTest, DailyReportAndHistoryExports) {
  ASSERT_EQ(server_.As("foreign")->Post("/api/v1/health/checkins", Report(37.8)).status, 201);
  auto office = server_.As("office");
  office->SetLanguage("zh-CN");
  auto xlsx = office->Get("/api/v1/health/report?day=2026-03-02");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_NE(xlsx.Header("content-disposition").find(".xlsx"), std::string::npos);
  auto table = io::ReadXlsx(xlsx.body);
  ASSERT_TRUE(table);
  const auto& rows = *table;
  EXPECT_EQ(rows[0][4], "上午 体温");
  EXPECT_EQ(rows[0][7], "下午 状态");
  int people = 0, totals = 0;
  bool oliver = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i][0].find("合计") != std::string::npos) {
      ++totals;
      continue;
    }
    ++people;
    if (rows[i][2] == "Oliver Bennett") {
      oliver = true;
      EXPECT_EQ(rows[i][4], "37.8");
      EXPECT_EQ(rows[i][5], "已报");
      EXPECT_EQ(rows[i][7], "未报");
    }
  }
  EXPECT_EQ(people, 30);
  EXPECT_EQ(totals, 3);  // three schools have foreign staff
  EXPECT_TRUE(oliver);
  auto csv = office->Get("/api/v1/health/checkins/export?from=2026-03-01&to=2026-03-02&format=csv");
  ASSERT_EQ(csv.status, 200);
  auto history = io::ParseCsv(csv.body);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[1][6], "37.8");
  EXPECT_EQ(office->Get("/api/v1/health/checkins/export?from=2026-01-01&to=2026-06-01").status, 400);
  auto admin = server_.As("admin");
  EXPECT_EQ(admin->Get("/api/v1/audit?action=export&entity=health_report").Json().at("total").as_int64(), 1);
}

TEST_F(HealthApiTest, PeopleAddedOrArchivedDuringTheDayJoinOrLeaveTodaysRoster) {
  auto office = server_.As("office");
  EXPECT_EQ(Today(*office, 0, "expected"), 30);
  auto made = office->Post("/api/v1/people", {{"unit_id", server_.UnitId("SIE")},
                                              {"name_latin", "New Colleague"},
                                              {"nationality", "GB"},
                                              {"category", "foreign_staff"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const auto id = made.Json().at("id").as_int64();
  EXPECT_EQ(Today(*office, 0, "expected"), 31);
  EXPECT_EQ(Today(*office, 0, "missing"), 31);
  auto missing = office->Get("/api/v1/health/roster?day=2026-03-02&slot=0&status=missing&page_size=100").Json();
  bool listed = false;
  for (const auto& r : missing.at("items").as_array()) listed = listed || r.at("person_id").as_int64() == id;
  EXPECT_TRUE(listed);
  // They can report at once, on someone's behalf too.
  boost::json::object report = Report(36.6);
  report["person_id"] = id;
  report["channel"] = "phone";
  ASSERT_EQ(office->Post("/api/v1/health/checkins/on-behalf", report).status, 201);
  EXPECT_EQ(Today(*office, 0, "reported"), 1);
  // Archiving someone who has not reported takes them off the missing list; a report
  // already made stays counted.
  const auto anna = PersonId(*office, "anna");
  ASSERT_EQ(office->Post("/api/v1/people/" + std::to_string(anna) + "/archive", boost::json::object{}).status, 200);
  EXPECT_EQ(Today(*office, 0, "expected"), 30);
  EXPECT_EQ(Today(*office, 0, "missing"), 29);
  ASSERT_EQ(office->Post("/api/v1/people/" + std::to_string(id) + "/archive", boost::json::object{}).status, 200);
  EXPECT_EQ(Today(*office, 0, "expected"), 30);
  EXPECT_EQ(Today(*office, 0, "reported"), 1);
  // A move to a category without a plan ends their expected reports too.
  const auto sato = PersonId(*office, "sato");
  ASSERT_EQ(office->Patch("/api/v1/people/" + std::to_string(sato), boost::json::object{{"category", "staff"}}).status,
            200);
  EXPECT_EQ(Today(*office, 0, "expected"), 29);
}

}  // namespace
}  // namespace tongxin::testing
