// Scheduled health work through the real parts: reminders to whoever is still missing,
// the missing list to unit staff, alert notices and re-check requests, overdue re-checks
// escalated. Email goes over SMTP to a real listener; in-app notices are read over HTTP.
#include <gtest/gtest.h>

#include "support/smtp_listener.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

// 2026-03-02 07:30 in Shanghai: the morning slot (07:00–10:00) opened half an hour ago.
constexpr const char* kEarly = "2026-03-01T23:30:00Z";

boost::json::object Report(double temperature) {
  return {{"temperature", temperature}, {"method", "armpit"}, {"location", "campus"}};
}

class HealthJobsTest : public ::testing::Test {
 protected:
  void RunJobs() { server_.app().scheduler().RunOnce(); }
  std::int64_t PersonId(HttpClient& c, const std::string& q) {
    return c.Get("/api/v1/people?q=" + q).Json().at("items").as_array()[0].at("id").as_int64();
  }
  // The user's notices of one kind.
  std::vector<boost::json::object> Notices(HttpClient& c, const std::string& kind) {
    auto res = c.Get("/api/v1/notices?page_size=100");
    EXPECT_EQ(res.status, 200) << res.body;
    std::vector<boost::json::object> out;
    auto body = res.Json();
    for (const auto& n : body.at("items").as_array()) {
      if (n.at("kind").as_string() == kind) out.push_back(n.as_object());
    }
    return out;
  }
  std::size_t MailsTo(const std::string& address) {
    std::size_t n = 0;
    for (const auto& m : smtp_.Messages()) n += m.to.size() == 1 && m.to[0] == "<" + address + ">" ? 1 : 0;
    return n;
  }

  SmtpListener smtp_;
  TestServer server_{{.start_time = kEarly, .smtp_url = smtp_.url()}};
};

TEST_F(HealthJobsTest, RemindersGoOnceToThoseStillMissing) {
  auto office = server_.As("office");
  boost::json::object anna = Report(36.5);
  anna["person_id"] = PersonId(*office, "anna");
  anna["channel"] = "phone";
  ASSERT_EQ(office->Post("/api/v1/health/checkins/on-behalf", anna).status, 201);
  RunJobs();  // 07:30: too early for reminders
  EXPECT_EQ(server_.Count("notifications"), 0);

  server_.clock().Set("2026-03-02T00:05:00Z");  // 08:05: an hour after the slot opened
  RunJobs();
  // 29 foreign staff are missing, each with an email address; Oliver also has an account.
  EXPECT_EQ(smtp_.Messages().size(), 29u);
  auto oliver = server_.As("foreign");
  auto mine = Notices(*oliver, "reminder");
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].at("subject").as_string(), "Please submit your morning health report (2026-03-02)");
  EXPECT_NE(std::string(mine[0].at("body").as_string()).find("07:00–10:00"), std::string::npos);
  EXPECT_EQ(mine[0].at("read").as_bool(), false);
  // The email: addressed to the person, English (their language), UTF-8 body, a Message-ID.
  const auto mails = smtp_.Messages();
  const ReceivedMail* to_oliver = nullptr;
  for (const auto& m : mails) {
    if (m.Body().find("Dear Oliver Bennett") != std::string::npos) to_oliver = &m;
  }
  ASSERT_NE(to_oliver, nullptr);
  EXPECT_EQ(to_oliver->Subject(), "Please submit your morning health report (2026-03-02)");
  EXPECT_EQ(to_oliver->from, "<tongxin@test.local>");
  EXPECT_NE(to_oliver->Header("Message-ID").find(".tongxin@"), std::string::npos);
  EXPECT_NE(to_oliver->Body().find("until 2026-03-02 14:00"), std::string::npos) << to_oliver->Body();
  for (const auto& m : mails) EXPECT_EQ(m.Body().find("Anna"), std::string::npos);  // she reported

  // Running again (a second tick, or a second instance) sends nothing more.
  const auto rows = server_.Count("notifications");
  RunJobs();
  server_.clock().Advance(std::chrono::minutes(10));
  RunJobs();
  EXPECT_EQ(smtp_.Messages().size(), 29u);
  EXPECT_EQ(server_.Count("notifications"), rows);

  // A plan change that moves Oliver's morning window does not remind him a second time.
  office = server_.As("office");
  auto plan = office->Post("/api/v1/health/plans",
                           boost::json::object{{"name", "observation"}, {"kind", "observation"},
                                               {"start_date", "2026-03-02"}, {"observation_days", 3},
                                               {"person_ids", boost::json::array{PersonId(*office, "oliver")}},
                                               {"slots", boost::json::array{boost::json::object{
                                                             {"name", "morning"}, {"start", "06:00"}, {"end", "12:00"}}}}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  RunJobs();
  oliver = server_.As("foreign");
  EXPECT_EQ(Notices(*oliver, "reminder").size(), 1u);
  EXPECT_EQ(smtp_.Messages().size(), 29u);
}

TEST_F(HealthJobsTest, UnitStaffGetTheMissingListAfterTheDelay) {
  auto office = server_.As("office");
  ASSERT_EQ(office->Patch("/api/v1/auth/me", boost::json::object{{"email", "office@whut.edu.cn"}}).status, 200);
  // A school's secretary, scoped to one school.
  const auto smat = server_.UnitId("SMAT");
  auto made = server_.As("admin")->Post(
      "/api/v1/admin/users", boost::json::object{{"username", "smat"}, {"password", kPassword}, {"role", "department"},
                                                 {"unit_ids", boost::json::array{smat}}});
  ASSERT_EQ(made.status, 201) << made.body;
  server_.clock().Set("2026-03-02T00:05:00Z");  // 08:05: reminders only
  RunJobs();
  office = server_.As("office");
  EXPECT_TRUE(Notices(*office, "missing_list").empty());
  server_.clock().Set("2026-03-02T01:05:00Z");  // 09:05: two hours after the slot opened
  RunJobs();
  office = server_.As("office");
  auto lists = Notices(*office, "missing_list");
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_EQ(lists[0].at("subject").as_string(), "2026-03-02 上午：30 人未提交健康报告");
  EXPECT_NE(std::string(lists[0].at("body").as_string()).find("Oliver Bennett"), std::string::npos);
  ASSERT_EQ(MailsTo("office@whut.edu.cn"), 1u);
  // A department account hears only of the people in its own units.
  const auto in_smat =
      office->Get("/api/v1/health/roster?day=2026-03-02&slot=0&status=missing&unit_id=" + std::to_string(smat))
          .Json().at("total").as_int64();
  ASSERT_GT(in_smat, 0);
  ASSERT_LT(in_smat, 30);
  auto secretary = server_.As("smat");
  auto theirs = Notices(*secretary, "missing_list");
  ASSERT_EQ(theirs.size(), 1u);
  EXPECT_EQ(theirs[0].at("subject").as_string(), "2026-03-02 上午：" + std::to_string(in_smat) + " 人未提交健康报告");
  // Once per slot.
  RunJobs();
  office = server_.As("office");
  EXPECT_EQ(Notices(*office, "missing_list").size(), 1u);
  EXPECT_EQ(MailsTo("office@whut.edu.cn"), 1u);
}

TEST_F(HealthJobsTest, AlertsTellStaffAskForARecheckAndEscalateWhenItIsOverdue) {
  server_.clock().Set("2026-03-02T01:30:00Z");  // 09:30
  auto oliver = server_.As("foreign");
  auto hot = oliver->Post("/api/v1/health/checkins", Report(38.2));
  ASSERT_EQ(hot.status, 201) << hot.body;
  RunJobs();
  auto office = server_.As("office");
  auto alerts = Notices(*office, "alert");
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_NE(std::string(alerts[0].at("subject").as_string()).find("38.2 °C"), std::string::npos);
  EXPECT_EQ(alerts[0].at("link").as_string(), "/health/today");
  auto recheck = Notices(*oliver, "recheck");
  ASSERT_EQ(recheck.size(), 1u);
  EXPECT_EQ(recheck[0].at("subject").as_string(), "Please re-check your temperature before 2026-03-02 13:30");
  EXPECT_TRUE(Notices(*office, "alert_escalated").empty());

  server_.clock().Set("2026-03-02T05:31:00Z");  // 13:31: the re-check was due at 13:30
  RunJobs();
  office = server_.As("office");
  auto list = office->Get("/api/v1/health/alerts").Json();
  ASSERT_EQ(list.at("total").as_int64(), 1);
  EXPECT_EQ(list.at("items").as_array()[0].at("status").as_string(), "escalated");
  EXPECT_EQ(list.at("items").as_array()[0].at("escalation").as_string(), "recheck_overdue");
  auto escalated = Notices(*office, "alert_escalated");
  ASSERT_EQ(escalated.size(), 1u);
  EXPECT_NE(std::string(escalated[0].at("body").as_string()).find("未在 2026-03-02 13:30 前复测"), std::string::npos);
  RunJobs();
  EXPECT_EQ(Notices(*office, "alert_escalated").size(), 1u);
}

TEST_F(HealthJobsTest, ASecondHighReadingEscalatesAndStaffAreTold) {
  server_.clock().Set("2026-03-02T01:30:00Z");  // 09:30
  auto oliver = server_.As("foreign");
  ASSERT_EQ(oliver->Post("/api/v1/health/checkins", Report(38.2)).status, 201);
  RunJobs();
  server_.clock().Set("2026-03-02T06:10:00Z");  // 14:10, afternoon slot, before the overdue pass
  oliver = server_.As("foreign");
  auto again = oliver->Post("/api/v1/health/checkins", Report(38.6));
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.Json().at("escalated").as_int64(), 1);
  RunJobs();
  auto office = server_.As("office");
  office->SetLanguage("en");
  ASSERT_EQ(office->Patch("/api/v1/auth/me", boost::json::object{{"language", "en"}}).status, 200);
  auto escalated = Notices(*office, "alert_escalated");
  ASSERT_EQ(escalated.size(), 1u);
  // Written in the language the office had when it was queued (zh-CN then).
  EXPECT_NE(std::string(escalated[0].at("body").as_string()).find("复测体温仍然偏高"), std::string::npos);
  // The afternoon reading raised its own alert, announced too.
  EXPECT_EQ(Notices(*office, "alert").size(), 2u);
}

TEST(HealthRetentionTest, HealthDataPastItsRetentionIsDeletedOnceADayAndAudited) {
  TestServer server({.start_time = "2026-03-02T01:30:00Z", .health_retention_days = 30});
  auto oliver = server.As("foreign");
  ASSERT_EQ(oliver->Post("/api/v1/health/checkins", Report(38.0)).status, 201);
  ASSERT_EQ(oliver->Post("/api/v1/health/checkins", Report(36.5)).status, 200);  // a correction: history
  const auto mine = oliver->Get("/api/v1/health/me/slots").Json();
  const auto alert = mine.at("rechecks_due").as_array().at(0).at("id").as_int64();
  ASSERT_EQ(oliver->Post("/api/v1/health/alerts/" + std::to_string(alert) + "/recheck",
                         boost::json::object{{"temperature", 36.6}, {"method", "armpit"}}).status,
            201);
  auto office = server.As("office");
  auto me = oliver->Get("/api/v1/me/person").Json();
  ASSERT_EQ(office->Post("/api/v1/health/inquiries", boost::json::object{{"person_id", me.at("id")},
                                                                        {"channel", "phone"},
                                                                        {"answer", "feels fine"}}).status,
            201);
  auto checkin_audit = [&] {
    return server.As("admin")->Get("/api/v1/audit?entity=checkin&page_size=100").body;
  };
  EXPECT_NE(checkin_audit().find("temperature"), std::string::npos);  // the audit log holds the readings
  server.app().scheduler().RunOnce();  // nothing is old yet
  EXPECT_EQ(server.Count("health_checkins"), 1);
  EXPECT_EQ(server.Count("health_alerts"), 1);

  server.clock().Set("2026-04-01T01:30:00Z");  // 30 days later: still kept
  server.app().scheduler().RunOnce();
  EXPECT_EQ(server.Count("health_checkins"), 1);

  server.clock().Set("2026-04-02T01:30:00Z");  // 31 days later
  oliver = server.As("foreign");
  ASSERT_EQ(oliver->Post("/api/v1/health/checkins", Report(36.4)).status, 201);
  server.app().scheduler().RunOnce();
  EXPECT_EQ(server.Count("health_checkins"), 1);  // today's report only
  EXPECT_EQ(server.Count("health_checkin_history"), 0);
  EXPECT_EQ(server.Count("health_alerts"), 0);
  EXPECT_EQ(server.Count("health_rechecks"), 0);
  EXPECT_EQ(server.Count("health_inquiries"), 0);
  auto admin = server.As("admin");
  auto audit = admin->Get("/api/v1/audit?action=purge").Json();
  ASSERT_EQ(audit.at("total").as_int64(), 1);
  const std::string after(audit.at("items").as_array()[0].at("after").as_string());
  EXPECT_NE(after.find("\"checkins\":1"), std::string::npos) << after;
  EXPECT_NE(after.find("\"history\":1"), std::string::npos) << after;
  EXPECT_NE(after.find("\"rechecks\":1"), std::string::npos) << after;
  // The audit log keeps who did what, but no longer the purged readings themselves; the
  // report made today keeps its entry in full.
  const auto entries = boost::json::parse(checkin_audit());
  int old_entries = 0;
  for (const auto& e : entries.at("items").as_array()) {
    const bool old = e.at("at").as_string() < "2026-03-03";
    const std::string text = boost::json::serialize(e);
    if (old) {
      ++old_entries;
      EXPECT_EQ(text.find("temperature"), std::string::npos) << text;
      EXPECT_NE(text.find("redacted"), std::string::npos) << text;
    } else {
      EXPECT_NE(text.find("temperature"), std::string::npos) << text;
    }
  }
  EXPECT_EQ(old_entries, 2);  // the report and its correction
  // and the alert's correction, the re-check and the inquiry
  EXPECT_NE(after.find("\"audit_redacted\":5"), std::string::npos) << after;
  server.app().scheduler().RunOnce();  // once a day
  EXPECT_EQ(admin->Get("/api/v1/audit?action=purge").Json().at("total").as_int64(), 1);
  // Today's dashboard still works.
  office = server.As("office");
  EXPECT_EQ(office->Get("/api/v1/health/today").status, 200);
}

}  // namespace
}  // namespace tongxin::testing
