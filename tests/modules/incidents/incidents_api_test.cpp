// Emergency plans and incidents through the real server: default plans, incidents opened
// by hand and (once) from health alerts, the checklist and timeline, outcome rules, plan
// versions, close contacts starting observation, step reminders and escalation through
// the outbox, and who may see what.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

constexpr const char* kMorning = "2026-03-02T01:30:00Z";  // 09:30 in Shanghai

boost::json::object Report(double temperature) {
  return {{"temperature", temperature}, {"method", "armpit"}, {"location", "campus"}};
}

class IncidentsApiTest : public ::testing::Test {
 protected:
  void RunJobs() { server_.app().scheduler().RunOnce(); }
  std::int64_t PersonId(HttpClient& c, const std::string& q) {
    return c.Get("/api/v1/people?q=" + q).Json().at("items").as_array()[0].at("id").as_int64();
  }
  boost::json::object OpenFor(HttpClient& c, const std::string& type, std::int64_t person) {
    auto res = c.Post("/api/v1/incidents", boost::json::object{{"incident_type", type}, {"title", "test " + type},
                                                                {"person_id", person}, {"severity", "high"}});
    EXPECT_EQ(res.status, 201) << res.body;
    return res.Json().as_object();
  }
  std::size_t NoticesOfKind(HttpClient& c, const std::string& kind) {
    std::size_t n = 0;
    auto body = c.Get("/api/v1/notices?page_size=100").Json();
    for (const auto& x : body.at("items").as_array()) n += x.at("kind").as_string() == kind ? 1 : 0;
    return n;
  }
  TestServer server_{{.start_time = kMorning}};
};

TEST_F(IncidentsApiTest, DefaultPlansShipForEveryTypeInBothLanguages) {
  auto office = server_.As("office");
  const auto body = office->Get("/api/v1/incident-plans").Json();
  const auto& plans = body.at("items").as_array();
  ASSERT_EQ(plans.size(), 10u);
  for (const auto& p : plans) {
    EXPECT_FALSE(p.at("name_zh").as_string().empty());
    EXPECT_FALSE(p.at("name_en").as_string().empty());
    ASSERT_FALSE(p.at("steps").as_array().empty()) << p;
    for (const auto& s : p.at("steps").as_array()) {
      EXPECT_FALSE(s.at("title_zh").as_string().empty());
      EXPECT_FALSE(s.at("title_en").as_string().empty());
    }
  }
}

TEST_F(IncidentsApiTest, AFeverReportBecomesOneIncidentWithThePlansChecklist) {
  auto oliver = server_.As("foreign");
  ASSERT_EQ(oliver->Post("/api/v1/health/checkins", Report(38.5)).status, 201);
  RunJobs();
  RunJobs();  // a second pass (or a second instance) opens nothing more
  auto office = server_.As("office");
  auto list = office->Get("/api/v1/incidents?open=1").Json();
  ASSERT_EQ(list.at("total").as_int64(), 1);
  const auto& item = list.at("items").as_array()[0];
  EXPECT_EQ(item.at("incident_type").as_string(), "fever");
  EXPECT_EQ(item.at("person_name").as_string(), "Oliver Bennett");
  EXPECT_EQ(item.at("steps_total").as_int64(), 6);
  EXPECT_FALSE(item.at("alert_id").is_null());
  // An alert links to its incident.
  const std::string by_alert = "/api/v1/incidents?alert_id=" + std::to_string(item.at("alert_id").as_int64());
  EXPECT_EQ(office->Get(by_alert).Json().at("total").as_int64(), 1);
  EXPECT_EQ(office->Get("/api/v1/incidents?alert_id=999999").Json().at("total").as_int64(), 0);
  EXPECT_EQ(office->Get("/api/v1/incidents?alert_id=x").status, 400);
  auto detail = office->Get("/api/v1/incidents/" + std::to_string(item.at("id").as_int64())).Json();
  EXPECT_EQ(detail.at("steps").as_array()[0].at("title").as_string(),
            "Call the person, confirm the report; ask them to stay home and wear a mask");
  EXPECT_EQ(detail.at("steps").as_array()[0].at("due_at").as_string(), "2026-03-02T02:00:00Z");  // 30 minutes
  EXPECT_EQ(detail.at("people").as_array()[0].at("role").as_string(), "concerned");
  // Steps name their owner unit as the units list does, not by its code.
  const auto units = office->Get("/api/v1/units").Json();
  int named = 0;
  for (const auto& s : detail.at("steps").as_array()) {
    const auto code = s.at("owner_unit_code").as_string();
    if (code.empty()) continue;
    for (const auto& u : units.at("items").as_array()) {
      if (u.at("code") == code) {
        EXPECT_EQ(s.at("owner_unit_name"), u.at("name")) << code;
        ++named;
      }
    }
  }
  EXPECT_GT(named, 0);
  EXPECT_EQ(detail.at("events").as_array()[0].at("kind").as_string(), "opened_from_alert");
  // Oliver sees that there is an incident about him, not its handling.
  auto mine = oliver->Get("/api/v1/incidents").Json();
  ASSERT_EQ(mine.at("total").as_int64(), 1);
  auto own = oliver->Get("/api/v1/incidents/" + std::to_string(item.at("id").as_int64())).Json();
  EXPECT_FALSE(own.as_object().contains("steps"));
  ASSERT_EQ(own.at("my_steps").as_array().size(), 1u);  // the step that is Oliver's to do
  EXPECT_EQ(own.at("my_steps").as_array()[0].at("title").as_string(),
            "Rest at home and report your temperature morning and evening");
  EXPECT_FALSE(own.as_object().contains("outcome"));
  // Each view is audited.
  auto audit = server_.As("admin")->Get("/api/v1/audit?action=read&entity=incident").Json();
  EXPECT_EQ(audit.at("total").as_int64(), 2);
  // Oliver is reminded of his own step (due an hour after the start), in English.
  server_.clock().Advance(std::chrono::minutes(35));
  RunJobs();
  oliver = server_.As("foreign");
  auto notices = oliver->Get("/api/v1/notices").Json();
  bool reminded = false;
  for (const auto& n : notices.at("items").as_array()) {
    reminded = reminded || (n.at("kind").as_string() == "step_due" &&
                            n.at("subject").as_string() ==
                                "Step due soon: Rest at home and report your temperature morning and evening");
  }
  EXPECT_TRUE(reminded) << notices;
}

TEST_F(IncidentsApiTest, ChecklistTimelineAndOutcome) {
  auto office = server_.As("office");
  auto inc = OpenFor(*office, "suspected_case", PersonId(*office, "anna"));
  const std::string base = "/api/v1/incidents/" + std::to_string(inc.at("id").as_int64());
  const auto step = inc.at("steps").as_array()[0].at("id").as_int64();
  auto done = office->Post(base + "/steps/" + std::to_string(step) + "/done", boost::json::object{{"note", "called"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_FALSE(done.Json().at("steps").as_array()[0].at("done_at").as_string().empty());
  EXPECT_EQ(office->Post(base + "/steps/" + std::to_string(step) + "/done", boost::json::object{}).ErrorCode(),
            "incidents.step_done");
  ASSERT_EQ(office->Post(base + "/notes", boost::json::object{{"text", "clinic informed"}}).status, 201);
  // Someone is made responsible: offered accounts cover the incident's unit.
  auto who = office->Get(base + "/assignees").Json();
  std::int64_t hr_id = 0;
  bool leader_offered = false;
  for (const auto& a : who.at("items").as_array()) {
    if (a.at("role").as_string() == "department") hr_id = a.at("id").as_int64();
    leader_offered = leader_offered || a.at("role").as_string() == "leader";
  }
  ASSERT_GT(hr_id, 0) << who;  // hr covers Anna's school
  EXPECT_FALSE(leader_offered);
  auto assigned = office->Patch(base, boost::json::object{{"assignee_id", hr_id}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.Json().at("assignee_id").as_int64(), hr_id);
  inc = assigned.Json().as_object();
  auto no_outcome = office->Patch(base, boost::json::object{{"status", "resolved"}});
  EXPECT_EQ(no_outcome.status, 400);
  EXPECT_EQ(no_outcome.Json().at("error").at("details").at("field").as_string(), "outcome");
  auto stale = office->Patch(base, boost::json::object{{"severity", "critical"}, {"version", 99}});
  EXPECT_EQ(stale.status, 409);
  auto closed = office->Patch(base, boost::json::object{{"status", "closed"}, {"outcome", "negative test"},
                                                        {"version", inc.at("version").as_int64()}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_FALSE(closed.Json().at("closed_at").as_string().empty());
  std::vector<std::string> kinds;
  const auto closed_body = closed.Json();
  for (const auto& e : closed_body.at("events").as_array()) kinds.emplace_back(e.at("kind").as_string());
  EXPECT_EQ(kinds, (std::vector<std::string>{"opened", "step_done", "note", "assigned", "status"}));
  // The list exports, with the outcome; the export is audited.
  auto csv = office->Get("/api/v1/incidents/export?format=csv&status=closed");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_NE(csv.body.find("negative test"), std::string::npos);
  EXPECT_NE(csv.body.find("1/5"), std::string::npos);
  auto xlsx = office->Get("/api/v1/incidents/export");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_EQ(server_.As("admin")->Get("/api/v1/audit?action=export&entity=incident").Json().at("total").as_int64(), 2);
  auto bad = office->Post("/api/v1/incidents", boost::json::object{{"incident_type", "flood"}, {"title", "x"},
                                                                   {"unit_id", server_.UnitId("SIE")}});
  EXPECT_EQ(bad.Json().at("error").at("details").at("field").as_string(), "incident_type");
}

TEST_F(IncidentsApiTest, PlansAreVersionedAndOpenIncidentsKeepTheirs) {
  auto office = server_.As("office");
  auto before = OpenFor(*office, "other", PersonId(*office, "anna"));
  boost::json::object plan{{"name_zh", "其他事件（新）"}, {"name_en", "Other (new)"},
                           {"steps", boost::json::array{boost::json::object{{"title_zh", "一"}, {"title_en", "One"},
                                                                            {"owner_role", "office"},
                                                                            {"due_minutes", 10}}}}};
  auto saved = office->Put("/api/v1/incident-plans/other", plan);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Json().at("version").as_int64(), 2);
  auto after = OpenFor(*office, "other", PersonId(*office, "anna"));
  EXPECT_EQ(before.at("steps").as_array().size(), 2u);
  EXPECT_EQ(after.at("steps").as_array().size(), 1u);
  EXPECT_EQ(after.at("plan_version").as_int64(), 2);
  auto again = office->Get("/api/v1/incidents/" + std::to_string(before.at("id").as_int64())).Json();
  EXPECT_EQ(again.at("steps").as_array().size(), 2u);
  EXPECT_EQ(office->Get("/api/v1/incident-plans/other").Json().at("items").as_array().size(), 2u);
  plan["steps"].as_array()[0].as_object()["due_minutes"] = 0;
  auto bad = office->Put("/api/v1/incident-plans/other", plan);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json().at("error").at("details").at("field").as_string(), "steps[1].due_minutes");
  auto hr = server_.As("hr");
  EXPECT_EQ(hr->Put("/api/v1/incident-plans/other", plan).status, 403);
}

TEST_F(IncidentsApiTest, ACloseContactStartsObservationThatOutlivesTheIncident) {
  auto office = server_.As("office");
  auto inc = OpenFor(*office, "confirmed_case", PersonId(*office, "oliver"));
  const std::string base = "/api/v1/incidents/" + std::to_string(inc.at("id").as_int64());
  const auto anna = PersonId(*office, "anna");
  auto added = office->Post(base + "/people", boost::json::object{{"person_id", anna}, {"role", "contact"}});
  ASSERT_EQ(added.status, 201) << added.body;
  const auto added_body = added.Json();
  const auto& contact = added_body.at("people").as_array()[1];
  ASSERT_FALSE(contact.at("observation_plan_id").is_null());
  EXPECT_EQ(office->Post(base + "/people", boost::json::object{{"person_id", anna}, {"role", "contact"}}).ErrorCode(),
            "incidents.person_already_added");
  ASSERT_EQ(office->Patch(base, boost::json::object{{"status", "closed"}, {"outcome", "recovered"}}).status, 200);
  auto plans = office->Get("/api/v1/health/plans").Json().at("items").as_array();
  bool found = false;
  for (const auto& p : plans) {
    if (p.at("id") != contact.at("observation_plan_id")) continue;
    found = true;
    EXPECT_EQ(p.at("kind").as_string(), "observation");
    EXPECT_EQ(p.at("end_date").as_string(), "2026-03-15");  // 14 days from 2026-03-02
    EXPECT_EQ(p.at("slots").as_array().size(), 3u);
    EXPECT_TRUE(p.at("active").as_bool());
  }
  EXPECT_TRUE(found);
  // Anna now has an evening slot today.
  auto today = office->Get("/api/v1/health/today?day=2026-03-02").Json();
  bool evening = false;
  for (const auto& s : today.at("slots").as_array()) evening = evening || s.at("slot_name").as_string() == "evening";
  EXPECT_TRUE(evening);
}

TEST_F(IncidentsApiTest, OwnersAreRemindedBeforeTheDeadlineAndLateStepsEscalate) {
  auto office = server_.As("office");
  OpenFor(*office, "fever", PersonId(*office, "anna"));  // step 1: office, 30 minutes
  server_.clock().Advance(std::chrono::minutes(5));
  RunJobs();
  office = server_.As("office");
  // Step 1's whole time limit is the 30-minute lead: no "due soon" right after opening.
  EXPECT_EQ(NoticesOfKind(*office, "step_due"), 0u);
  auto leader = server_.As("leader");
  EXPECT_EQ(NoticesOfKind(*leader, "step_overdue"), 0u);
  server_.clock().Advance(std::chrono::minutes(30));  // 35 minutes: step 1 is late
  RunJobs();
  RunJobs();
  leader = server_.As("leader");
  EXPECT_EQ(NoticesOfKind(*leader, "step_overdue"), 1u);  // the office owned it: the leaders hear
  // Steps 3 and 4 (clinic, logistics; 2 hours) are owned by units nobody covers: the
  // office is reminded of them half an hour before, once.
  server_.clock().Advance(std::chrono::minutes(60));  // 95 minutes
  RunJobs();
  RunJobs();
  office = server_.As("office");
  EXPECT_EQ(NoticesOfKind(*office, "step_due"), 2u);
  // Late ones reach it too.
  server_.clock().Advance(std::chrono::hours(2));
  RunJobs();
  office = server_.As("office");
  EXPECT_GE(NoticesOfKind(*office, "step_overdue"), 1u);
}

TEST_F(IncidentsApiTest, IncidentsAreSeenOnlyByThoseWhoHandleThem) {
  auto office = server_.As("office");
  auto inc = OpenFor(*office, "mental_health", PersonId(*office, "anna"));
  const std::string path = "/api/v1/incidents/" + std::to_string(inc.at("id").as_int64());
  EXPECT_EQ(server_.As("volunteer")->Get("/api/v1/incidents").status, 403);
  EXPECT_EQ(server_.As("volunteer")->Get(path).status, 403);
  EXPECT_EQ(server_.As("foreign")->Get(path).status, 404);  // not about Oliver
  EXPECT_EQ(server_.As("foreign")->Get("/api/v1/incidents").Json().at("total").as_int64(), 0);
  EXPECT_EQ(server_.As("leader")->Get(path).status, 200);
  EXPECT_EQ(server_.As("leader")->Patch(path, boost::json::object{{"severity", "low"}}).status, 403);
  // A department account outside the incident's unit.
  auto made = server_.As("admin")->Post(
      "/api/v1/admin/users", boost::json::object{{"username", "clinic"}, {"password", kPassword},
                                                 {"role", "department"},
                                                 {"unit_ids", boost::json::array{server_.UnitId("CLINIC")}}});
  ASSERT_EQ(made.status, 201);
  EXPECT_EQ(server_.As("clinic")->Get(path).status, 403);
  EXPECT_EQ(server_.As("clinic")->Get("/api/v1/incidents").Json().at("total").as_int64(), 0);
}

TEST_F(IncidentsApiTest, TheSchedulerPicksUpAfterARestartWithoutRepeatingItself) {
  auto office = server_.As("office");
  OpenFor(*office, "fever", PersonId(*office, "anna"));
  server_.clock().Advance(std::chrono::minutes(5));
  RunJobs();  // step 1's owner reminded
  const auto before = server_.Count("notifications");
  ASSERT_GT(before, 0);
  server_.Restart();
  RunJobs();  // the new process finds the reminder sent
  EXPECT_EQ(server_.Count("notifications"), before);
  server_.clock().Advance(std::chrono::minutes(30));  // step 1 late while "down"
  server_.Restart();
  RunJobs();
  auto leader = server_.As("leader");
  EXPECT_EQ(NoticesOfKind(*leader, "step_overdue"), 1u);
  const auto after = server_.Count("notifications");
  server_.Restart();
  RunJobs();
  EXPECT_EQ(server_.Count("notifications"), after);
}

TEST_F(IncidentsApiTest, TheWholeStoryPrintsAsAPdfThatRendersChinese) {
  auto office = server_.As("office");
  office->SetLanguage("zh-CN");
  auto inc = OpenFor(*office, "fever", PersonId(*office, "anna"));
  const std::string base = "/api/v1/incidents/" + std::to_string(inc.at("id").as_int64());
  const auto step = inc.at("steps").as_array()[0].at("id").as_int64();
  ASSERT_EQ(office->Post(base + "/steps/" + std::to_string(step) + "/done", boost::json::object{{"note", "已电话联系"}}).status,
            200);
  auto pdf = office->Get(base + "/report.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  ASSERT_EQ(pdf.body.substr(0, 5), "%PDF-");
  const std::string dir = TempDir("tongxin-pdf");
  const std::string file = dir + "/report.pdf";
  std::ofstream(file, std::ios::binary) << pdf.body;
  // The text layer holds the Chinese as written (the CJK font was embedded and used).
  const std::string text = Shell("pdftotext -enc UTF-8 '" + file + "' -");
  EXPECT_NE(text.find("突发事件处置报告"), std::string::npos) << text;
  EXPECT_NE(text.find("电话核实情况"), std::string::npos) << text;
  EXPECT_NE(text.find("已电话联系"), std::string::npos) << text;
  EXPECT_NE(text.find("完成步骤"), std::string::npos) << text;  // the timeline, in Chinese
  EXPECT_NE(text.find("Anna Ivanova"), std::string::npos) << text;
  // Rendered to an image, the page carries ink (not an empty page of missing glyphs).
  Shell("pdftoppm -r 40 -gray -f 1 -l 1 '" + file + "' '" + dir + "/page'");
  std::ifstream img(dir + "/page-1.pgm", std::ios::binary);
  ASSERT_TRUE(img.good());
  std::string magic;
  int w = 0, h = 0, maxval = 0;
  img >> magic >> w >> h >> maxval;
  img.get();
  ASSERT_EQ(magic, "P5");
  std::string pixels((std::istreambuf_iterator<char>(img)), std::istreambuf_iterator<char>());
  ASSERT_EQ(pixels.size(), static_cast<std::size_t>(w) * h);
  std::size_t dark = 0;
  for (unsigned char c : pixels) dark += c < 128 ? 1 : 0;
  EXPECT_GT(dark, pixels.size() / 200) << "the rendered page is (almost) blank";
  // The report is a read of health data: audited.
  EXPECT_GE(server_.As("admin")->Get("/api/v1/audit?action=read&entity=incident").Json().at("total").as_int64(), 1);
  EXPECT_EQ(server_.As("volunteer")->Get(base + "/report.pdf").status, 403);
}

TEST_F(IncidentsApiTest, AttachmentsAreCheckedByContentKeptInTheDatabaseAndAuditedOnDownload) {
  auto office = server_.As("office");
  auto inc = OpenFor(*office, "hospitalisation", PersonId(*office, "anna"));
  const std::string base = "/api/v1/incidents/" + std::to_string(inc.at("id").as_int64());
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(300, '\x07');
  auto up = office->Request("POST", base + "/attachments?filename=..%2F..%2Fetc%2F%E5%8C%96%E9%AA%8C%E5%8D%95.png", png,
                            {{"Content-Type", "application/octet-stream"}});
  ASSERT_EQ(up.status, 201) << up.body;
  const auto up_body = up.Json();
  const auto& file = up_body.at("attachments").as_array()[0];
  EXPECT_EQ(file.at("filename").as_string(), "化验单.png");  // no path, whatever was sent
  EXPECT_EQ(file.at("content_type").as_string(), "image/png");
  EXPECT_EQ(file.at("size").as_int64(), 308);
  // A text file called .pdf is refused: the type comes from the content.
  auto text = office->Request("POST", base + "/attachments?filename=report.pdf", "hello",
                              {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(text.status, 415);
  EXPECT_EQ(text.ErrorCode(), "files.type");
  auto big = office->Request("POST", base + "/attachments?filename=big.pdf", "%PDF-" + std::string(5 * 1024 * 1024, 'x'),
                             {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(big.status, 413);
  const std::string url = base + "/attachments/" + std::to_string(file.at("id").as_int64());
  auto got = server_.As("leader")->Get(url);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, png);
  EXPECT_EQ(got.Header("content-type"), "image/png");
  EXPECT_EQ(server_.As("foreign")->Get(url).status, 403);
  auto admin = server_.As("admin");
  EXPECT_EQ(admin->Get("/api/v1/audit?action=read&entity=incident_attachment").Json().at("total").as_int64(), 1);
  EXPECT_EQ(server_.Count("incident_attachments"), 1);
}

TEST_F(IncidentsApiTest, TwoInstancesRunningTheJobsAtOnceDoEachThingOnce) {
  auto office = server_.As("office");
  OpenFor(*office, "fever", PersonId(*office, "anna"));
  auto oliver = server_.As("foreign");
  ASSERT_EQ(oliver->Post("/api/v1/health/checkins", Report(38.4)).status, 201);
  server_.clock().Advance(std::chrono::minutes(40));  // step 1 of the first incident is late
  // A second instance on the same database (as behind a load balancer).
  auto clock = std::make_unique<FakeClock>();
  clock->Set(server_.clock().Now());
  auto second = app::App::Create(server_.config(), std::move(clock));
  ASSERT_TRUE(second) << second.error().reason;
  std::thread a([&] {
    for (int i = 0; i < 3; ++i) server_.app().scheduler().RunOnce();
  });
  std::thread b([&] {
    for (int i = 0; i < 3; ++i) (*second)->scheduler().RunOnce();
  });
  a.join();
  b.join();
  EXPECT_EQ(server_.Count("incidents"), 2);  // the one opened by hand, one for the alert
  auto leader = server_.As("leader");
  EXPECT_EQ(NoticesOfKind(*leader, "step_overdue"), 1u);
  office = server_.As("office");
  EXPECT_EQ(NoticesOfKind(*office, "alert"), 1u);
}

// Two people adding the same contact at once: one is added with one observation plan, the
// other gets 409 and writes nothing (the key decides, not a check before the insert).
TEST_F(IncidentsApiTest, AContactAddedTwiceAtOnceIsAddedOnce) {
  auto office = server_.As("office");
  auto inc = OpenFor(*office, "confirmed_case", PersonId(*office, "oliver"));
  const std::string base = "/api/v1/incidents/" + std::to_string(inc.at("id").as_int64());
  const auto anna = PersonId(*office, "anna");
  const long long plans_before = server_.Count("report_plans");
  auto second = server_.As("office");
  int statuses[2] = {0, 0};
  std::thread a([&] {
    statuses[0] = office->Post(base + "/people", boost::json::object{{"person_id", anna}, {"role", "contact"}}).status;
  });
  std::thread b([&] {
    statuses[1] = second->Post(base + "/people", boost::json::object{{"person_id", anna}, {"role", "contact"}}).status;
  });
  a.join();
  b.join();
  EXPECT_EQ(std::min(statuses[0], statuses[1]), 201);
  EXPECT_EQ(std::max(statuses[0], statuses[1]), 409);
  EXPECT_EQ(office->Get(base).Json().at("people").as_array().size(), 2u);
  EXPECT_EQ(server_.Count("report_plans"), plans_before + 1);
}

}  // namespace
}  // namespace tongxin::testing
