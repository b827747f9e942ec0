// Broadcasts (the daily briefing) through the API, on SQLite and on PostgreSQL: a template
// in both languages filled from live figures and typed ones, previewed with the real
// figures, sent by the job at 08:00 Wuhan time once a day (not twice, not on the day it was
// written after 08:00) to its audience, each in their language, in the app and by email;
// sent by hand; its history and who got it; bad input named by field with nothing written;
// who may do what.
#include <gtest/gtest.h>

#include "support/smtp_listener.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

class BroadcastsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    office_ = server_.As("office");
    admin_ = server_.As("admin");
    foreign_ = server_.As("foreign");
  }
  void Later(std::chrono::seconds by) {
    server_.clock().Advance(by);
    SetUp();
  }
  static std::string Url(std::int64_t id) { return "/api/v1/broadcasts/" + std::to_string(id); }
  static object Briefing() {
    return {{"name", "Daily briefing for foreign staff"},
            {"subject_zh", "{date} 疫情通报"},
            {"subject_en", "Epidemic briefing, {date}"},
            {"body_zh", "本市新增确诊 {city_cases} 例。我校在外人员 {abroad} 人，其中滞留 {stranded} 人；今日已报告 "
                        "{reports_today} 人次。"},
            {"body_en", "The city reported {city_cases} new cases. {abroad} of our people are abroad, {stranded} "
                        "of them stranded; {reports_today} reports today."},
            {"schedule", "daily"},
            {"send_time", "08:00"},
            {"audience", object{{"categories", array{"foreign_staff"}}}},
            {"figures", array{object{{"key", "city_cases"},
                                     {"label_zh", "本市新增确诊"},
                                     {"label_en", "New cases in the city"},
                                     {"value", "1,921"}}}}};
  }
  // The value of a live figure now.
  std::string Live(const std::string& key) {
    const auto list = office_->Get("/api/v1/broadcasts/figures").Json();
    for (const auto& f : list.at("items").as_array()) {
      if (f.at("key").as_string() == key) return std::string(f.at("value").as_string());
    }
    ADD_FAILURE() << "no live figure " << key;
    return "";
  }
  static std::vector<std::string> NoticesAbout(HttpClient& c, const std::string& text) {
    std::vector<std::string> out;
    const auto notices = c.Get("/api/v1/notices?page_size=200").Json();
    for (const auto& x : notices.at("items").as_array()) {
      if (std::string(x.at("subject").as_string()).find(text) != std::string::npos) {
        out.push_back(std::string(x.at("body").as_string()));
      }
    }
    return out;
  }
  std::int64_t Runs(std::int64_t id) { return office_->Get(Url(id) + "/runs").Json().at("total").as_int64(); }

  // 9:00 in Wuhan on 2 February 2020.
  SmtpListener smtp_;
  TestServer server_{ServerOptions{.start_time = "2020-02-02T01:00:00Z", .smtp_url = smtp_.url()}};
  std::unique_ptr<HttpClient> office_, admin_, foreign_;
};

TEST_F(BroadcastsApiTest, TheDailyBriefingGoesAtEightToEachInTheirLanguageOnce) {
  auto made = office_->Post("/api/v1/broadcasts", Briefing());
  ASSERT_EQ(made.status, 201) << made.body;
  const auto b = made.Json();
  const std::int64_t id = b.at("id").as_int64();
  // Written at 9:00: the first one goes tomorrow at 08:00 Wuhan time.
  EXPECT_EQ(b.at("next_at").as_string(), "2020-02-03T00:00:00Z");
  EXPECT_TRUE(b.at("last_run").is_null());
  EXPECT_EQ(b.at("figures").as_array().at(0).at("updated_at").as_string(), "2020-02-02T01:00:00Z");

  // The preview has the real figures and counts who would get it.
  const std::string abroad = Live("abroad"), stranded = Live("stranded");
  const auto preview = office_->Get(Url(id) + "/preview").Json();
  EXPECT_EQ(preview.at("subject_en").as_string(), "Epidemic briefing, 2 February 2020");
  EXPECT_EQ(preview.at("subject_zh").as_string(), "2020年2月2日 疫情通报");
  const std::string body_en(preview.at("body_en").as_string());
  EXPECT_NE(body_en.find("The city reported 1,921 new cases. " + abroad + " of our people are abroad, " + stranded +
                         " of them stranded"),
            std::string::npos)
      << body_en;
  const std::int64_t audience = preview.at("recipients").as_int64();
  EXPECT_GE(audience, 1);
  EXPECT_GE(preview.at("recipients_en").as_int64(), 1);  // Oliver Bennett reads English

  // Nothing goes today; the job at 08:00 tomorrow sends it once.
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(Runs(id), 0);
  Later(std::chrono::hours(23));  // 08:00 on 3 February
  EXPECT_EQ(office_->Patch(Url(id), {{"figures", array{object{{"key", "city_cases"},
                                                              {"label_zh", "本市新增确诊"},
                                                              {"label_en", "New cases in the city"},
                                                              {"value", "2,103"}}}}})
                .status,
            200);
  server_.app().scheduler().RunOnce();
  server_.app().scheduler().RunOnce();
  ASSERT_EQ(Runs(id), 1);
  const auto runs = office_->Get(Url(id) + "/runs").Json();
  const auto& run = runs.at("items").as_array().at(0);
  EXPECT_EQ(run.at("subject_en").as_string(), "Epidemic briefing, 3 February 2020");
  EXPECT_NE(std::string(run.at("body_zh").as_string()).find("本市新增确诊 2,103 例"), std::string::npos);
  EXPECT_EQ(run.at("recipients").as_int64(), audience);
  EXPECT_EQ(run.at("sent_by_name").as_string(), "");  // the schedule

  // Oliver reads it in English in the app, and got it by email.
  const auto mine = NoticesAbout(*foreign_, "Epidemic briefing, 3 February 2020");
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_NE(mine[0].find("The city reported 2,103 new cases."), std::string::npos);
  bool emailed = false;
  for (const auto& m : smtp_.Messages()) emailed |= m.data.find("Epidemic briefing") != std::string::npos;
  EXPECT_TRUE(emailed);

  // Who got it, and how.
  const std::int64_t run_id = run.at("id").as_int64();
  const auto who = office_->Get("/api/v1/broadcasts/runs/" + std::to_string(run_id) + "/recipients?page_size=100").Json();
  EXPECT_EQ(who.at("total").as_int64(), audience);
  bool oliver = false;
  for (const auto& r : who.at("items").as_array()) {
    if (r.at("name").as_string() != "Oliver Bennett") continue;
    oliver = true;
    EXPECT_EQ(r.at("lang").as_string(), "en");
    EXPECT_EQ(r.at("inapp").as_string(), "sent");
    EXPECT_EQ(r.at("email").as_string(), "sent");
  }
  EXPECT_TRUE(oliver);
  // The same list as a spreadsheet, in the reader's language; the export is audited.
  const std::string sheet = "/api/v1/broadcasts/runs/" + std::to_string(run_id) + "/recipients/export";
  office_->SetLanguage("en");
  auto csv = office_->Get(sheet + "?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("Name,Unit,Language,In the app,Email,SMS"), std::string::npos) << csv.body.substr(0, 120);
  EXPECT_NE(csv.body.find("Oliver Bennett"), std::string::npos);
  EXPECT_NE(csv.body.find("Sent"), std::string::npos);
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), audience + 1);
  office_->SetLanguage("zh-CN");
  EXPECT_NE(office_->Get(sheet + "?format=csv").body.find("已发送"), std::string::npos);
  EXPECT_EQ(office_->Get(sheet).body.substr(0, 2), "PK");  // XLSX by default
  EXPECT_EQ(admin_->Get("/api/v1/audit?entity=broadcast_run&action=export").Json().at("total").as_int64(), 3);
  const auto detail = office_->Get("/api/v1/broadcasts/runs/" + std::to_string(run_id)).Json();
  EXPECT_GE(detail.at("delivery").at("inapp:sent").as_int64(), 1);

  // The next one is the day after; a day later it goes again, once.
  EXPECT_EQ(office_->Get(Url(id)).Json().at("next_at").as_string(), "2020-02-04T00:00:00Z");
  Later(std::chrono::hours(24));
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(Runs(id), 2);
}

TEST_F(BroadcastsApiTest, SentByHandAndAudited) {
  object body = Briefing();
  body["schedule"] = "manual";
  const std::int64_t id = office_->Post("/api/v1/broadcasts", body).Json().at("id").as_int64();
  EXPECT_EQ(office_->Get(Url(id)).Json().at("next_at").as_string(), "");
  auto sent = office_->Post(Url(id) + "/send", object{});
  ASSERT_EQ(sent.status, 201) << sent.body;
  const auto run = sent.Json();
  EXPECT_EQ(run.at("sent_by_name").as_string(), office_->Get("/api/v1/auth/me").Json().at("display_name").as_string());
  EXPECT_GE(run.at("queued").as_int64(), run.at("reached").as_int64());
  EXPECT_GE(run.at("reached").as_int64(), 1);
  EXPECT_LE(run.at("reached").as_int64(), run.at("recipients").as_int64());
  EXPECT_EQ(NoticesAbout(*foreign_, "Epidemic briefing, 2 February 2020").size(), 1u);
  // The same second again is refused rather than sent twice.
  EXPECT_EQ(office_->Post(Url(id) + "/send", object{}).ErrorCode(), "broadcasts.just_sent");
  const auto audit = admin_->Get("/api/v1/audit?entity=broadcast&entity_id=" + std::to_string(id)).Json();
  std::vector<std::string> actions;
  for (const auto& a : audit.at("items").as_array()) actions.emplace_back(a.at("action").as_string());
  std::sort(actions.begin(), actions.end());
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "send"}));
}

TEST_F(BroadcastsApiTest, BadInputIsNamedByFieldAndNothingIsWritten) {
  const auto before = office_->Get("/api/v1/broadcasts").Json().at("total").as_int64();
  struct Case {
    const char* key;
    boost::json::value value;
    const char* field;
    const char* code;
  };
  const std::vector<Case> cases = {
      {"body_en", boost::json::value("Cases: {city_deaths}"), "body_en", "broadcasts.unknown_placeholder"},
      {"send_time", boost::json::value("25:00"), "send_time", "validation.invalid_time"},
      {"subject_en", boost::json::value(""), "subject_en", "broadcasts.text_needed"},
      {"schedule", boost::json::value("weekly"), "schedule", "validation.invalid_choice"},
      {"figures", array{object{{"key", "abroad"}, {"value", "3"}}}, "figures[0].key", "broadcasts.key_is_live"},
      {"figures", array{object{{"key", "City cases"}}}, "figures[0].key", "broadcasts.invalid_key"},
      {"audience", object{{"nationalities", array{"XX"}}}, "audience.nationalities[0]", "validation.invalid_country"},
  };
  for (const auto& c : cases) {
    object body = Briefing();
    body[c.key] = c.value;
    auto r = office_->Post("/api/v1/broadcasts", body);
    EXPECT_EQ(r.status, 400) << c.key << ": " << r.body;
    EXPECT_EQ(r.ErrorField(), c.field) << r.body;
    EXPECT_EQ(r.ErrorCode(), c.code) << r.body;
  }
  object once = Briefing();
  once["schedule"] = "once";
  auto r = office_->Post("/api/v1/broadcasts", once);
  EXPECT_EQ(r.ErrorField(), "send_at");
  EXPECT_EQ(r.ErrorCode(), "broadcasts.send_at_needed");
  // The message names the placeholder, in the reader's language.
  object unknown = Briefing();
  unknown["body_zh"] = "死亡 {city_deaths} 例";
  office_->SetLanguage("zh-CN");
  auto zh = office_->Post("/api/v1/broadcasts", unknown);
  EXPECT_NE(zh.body.find("占位符「city_deaths」"), std::string::npos) << zh.body;
  office_->SetLanguage("en");
  auto en = office_->Post("/api/v1/broadcasts", unknown);
  EXPECT_NE(en.body.find("placeholder “city_deaths”"), std::string::npos) << en.body;
  EXPECT_EQ(office_->Get("/api/v1/broadcasts").Json().at("total").as_int64(), before);
  // A PATCH that would break a template changes nothing.
  const std::int64_t id = office_->Post("/api/v1/broadcasts", Briefing()).Json().at("id").as_int64();
  EXPECT_EQ(office_->Patch(Url(id), {{"figures", array{}}}).ErrorCode(), "broadcasts.unknown_placeholder");
  EXPECT_EQ(office_->Get(Url(id)).Json().at("figures").as_array().size(), 1u);
}

TEST_F(BroadcastsApiTest, WhoMayDoWhat) {
  const std::int64_t id = office_->Post("/api/v1/broadcasts", Briefing()).Json().at("id").as_int64();
  auto leader = server_.As("leader");
  EXPECT_EQ(leader->Get("/api/v1/broadcasts").status, 200);
  EXPECT_EQ(leader->Get(Url(id) + "/preview").status, 200);
  EXPECT_EQ(leader->Post(Url(id) + "/send", object{}).status, 403);
  EXPECT_EQ(leader->Patch(Url(id), {{"name", "x"}}).status, 403);
  EXPECT_EQ(foreign_->Get("/api/v1/broadcasts").status, 403);
  EXPECT_EQ(server_.As("hr")->Get(Url(id)).status, 403);
  EXPECT_EQ(office_->Get(Url(999999)).status, 404);
  EXPECT_EQ(office_->Post(Url(999999) + "/send", object{}).status, 404);
  EXPECT_EQ(office_->Get("/api/v1/broadcasts/runs/999999").status, 404);
  EXPECT_EQ(office_->Get("/api/v1/broadcasts/runs/999999/recipients").status, 404);
  EXPECT_EQ(office_->Get("/api/v1/broadcasts/runs/999999/recipients/export").status, 404);
  EXPECT_EQ(foreign_->Get("/api/v1/broadcasts/runs/999999/recipients/export").status, 403);

  // An office limited to SIE addresses only its own units, and sees only those recipients.
  ASSERT_EQ(admin_->Post("/api/v1/admin/users", {{"username", "office_sie"},
                                                 {"display_name", "SIE office"},
                                                 {"password", kPassword},
                                                 {"role", "office"},
                                                 {"unit_ids", array{server_.UnitId("SIE")}}})
                .status,
            201);
  auto narrow = server_.As("office_sie");
  object elsewhere = Briefing();
  elsewhere["audience"] = object{{"units", array{server_.UnitId("COMM")}}};
  auto refused = narrow->Post("/api/v1/broadcasts", elsewhere);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Patch(Url(id), elsewhere).ErrorCode(), "auth.out_of_scope");

  object everyone = Briefing();
  everyone["audience"] = nullptr;
  everyone["schedule"] = "manual";
  const std::int64_t all = office_->Post("/api/v1/broadcasts", everyone).Json().at("id").as_int64();
  const auto run = office_->Post(Url(all) + "/send", object{}).Json();
  const std::string recipients = "/api/v1/broadcasts/runs/" + std::to_string(run.at("id").as_int64()) + "/recipients";
  const auto wide = office_->Get(recipients).Json().at("total").as_int64();
  const auto sie = narrow->Get(recipients).Json().at("total").as_int64();
  // Everyone matched is counted; those with neither an account nor an email get nothing,
  // and the preview said beforehand how many could be told.
  // (the administrator's list holds all of them; an office's, those in its units).
  const auto reached = run.at("reached").as_int64();
  EXPECT_EQ(admin_->Get(recipients).Json().at("total").as_int64(), reached);
  EXPECT_LE(wide, reached);
  EXPECT_LE(reached, run.at("recipients").as_int64());
  EXPECT_EQ(office_->Get(Url(all) + "/preview").Json().at("reachable").as_int64(), reached);
  EXPECT_GT(sie, 0);
  EXPECT_LT(sie, wide);
  // The spreadsheet holds the same people: the narrow office's, one line each after the head.
  const auto narrow_csv = narrow->Get(recipients + "/export?format=csv").body;
  EXPECT_EQ(std::count(narrow_csv.begin(), narrow_csv.end(), '\n'), sie + 1);
}

}  // namespace
}  // namespace tongxin::testing
