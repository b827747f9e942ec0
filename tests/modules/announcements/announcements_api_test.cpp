// Notices through the API, on SQLite and on PostgreSQL: written in both languages (one
// side may wait for its translation), reviewed by someone other than who submitted them,
// published at once or at their time and expired; read receipts and acknowledgements,
// who has not read within the caller's units and a reminder to them; the public list and
// Atom feed without login; bad input named by field with nothing written.
#include <gtest/gtest.h>

#include <set>

#include "support/smtp_listener.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

class AnnouncementsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    office_ = server_.As("office");
    admin_ = server_.As("admin");
    foreign_ = server_.As("foreign");
  }
  // Time passes: sessions expire, so everyone logs in again.
  void Later(std::chrono::seconds by) {
    server_.clock().Advance(by);
    SetUp();
  }
  static std::string Url(std::int64_t id) { return "/api/v1/announcements/" + std::to_string(id); }
  static object Reminder() {
    return {{"category", "protection_reminder"},
            {"title_zh", "乘坐校车须全程佩戴口罩"},
            {"title_en", "Masks on the campus bus"},
            {"body_zh", "外出请佩戴口罩，勤洗手，每日两次报告体温。"},
            {"body_en", "Wear a mask outside, wash your hands often and report your temperature twice a day."},
            {"ack_required", true},
            {"audience", object{{"categories", array{"foreign_staff"}}}}};
  }
  // Written by the office, approved by the admin.
  std::int64_t Publish(object body) {
    auto made = office_->Post("/api/v1/announcements", body);
    EXPECT_EQ(made.status, 201) << made.body;
    const std::int64_t id = made.Json().at("id").as_int64();
    EXPECT_EQ(office_->Post(Url(id) + "/submit", object{}).status, 200);
    auto approved = admin_->Post(Url(id) + "/review", {{"decision", "approve"}});
    EXPECT_EQ(approved.status, 200) << approved.body;
    return id;
  }
  static int NoticesAbout(HttpClient& c, const std::string& text) {
    int n = 0;
    const auto notices = c.Get("/api/v1/notices?page_size=200").Json();
    for (const auto& x : notices.at("items").as_array()) {
      n += std::string(x.at("subject").as_string()).find(text) != std::string::npos ? 1 : 0;
    }
    return n;
  }
  // The ids of the notices in someone's inbox (the demo's are there too).
  static std::set<std::int64_t> Inbox(HttpClient& c, const std::string& query = "") {
    std::set<std::int64_t> out;
    const auto list = c.Get("/api/v1/announcements?page_size=100" + query).Json();
    for (const auto& a : list.at("items").as_array()) out.insert(a.at("id").as_int64());
    return out;
  }
  std::int64_t Total(const std::string& query) {
    return office_->Get("/api/v1/announcements/all?" + query).Json().at("total").as_int64();
  }
  static std::set<std::string> Names(const boost::json::value& receipts) {
    std::set<std::string> out;
    for (const auto& r : receipts.at("items").as_array()) out.insert(std::string(r.at("name").as_string()));
    return out;
  }

  // 9:00 in Wuhan on 2 February 2020.
  SmtpListener smtp_;
  TestServer server_{ServerOptions{.start_time = "2020-02-02T01:00:00Z", .smtp_url = smtp_.url()}};
  std::unique_ptr<HttpClient> office_, admin_, foreign_;
};

TEST_F(AnnouncementsApiTest, ADraftIsReviewedBySomeoneElseThenReadAndAcknowledgedByItsAudience) {
  const auto drafts = Total("state=draft"), published = Total("state=published");
  const auto unread_before = foreign_->Get("/api/v1/announcements").Json().at("unread").as_int64();
  auto made = office_->Post("/api/v1/announcements", Reminder());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::int64_t id = made.Json().at("id").as_int64();
  EXPECT_EQ(made.Json().at("state").as_string(), "draft");
  EXPECT_EQ(Total("state=draft"), drafts + 1);
  EXPECT_EQ(made.Json().at("audience").at("categories").as_array(), (array{"foreign_staff"}));
  // Not out yet: its audience neither sees nor finds it.
  EXPECT_EQ(foreign_->Get(Url(id)).status, 404);
  EXPECT_EQ(Inbox(*foreign_).count(id), 0u);
  EXPECT_EQ(office_->Post(Url(id) + "/review", {{"decision", "approve"}}).status, 409);  // not submitted

  auto submitted = office_->Post(Url(id) + "/submit", object{});
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(submitted.Json().at("state").as_string(), "review");
  // Four eyes: whoever submitted it does not approve it.
  auto own = office_->Post(Url(id) + "/review", {{"decision", "approve"}});
  EXPECT_EQ(own.status, 403);
  EXPECT_EQ(own.ErrorCode(), "announcements.own_review");
  // Sent back needs a note; with one it is a draft again, then submitted again.
  EXPECT_EQ(admin_->Post(Url(id) + "/review", {{"decision", "reject"}}).ErrorField(), "note");
  auto back = admin_->Post(Url(id) + "/review", {{"decision", "reject"}, {"note", "请补充洗手要求"}}).Json();
  EXPECT_EQ(back.at("state").as_string(), "draft");
  EXPECT_EQ(back.at("review_note").as_string(), "请补充洗手要求");
  ASSERT_EQ(office_->Post(Url(id) + "/submit", object{}).status, 200);
  auto approved = admin_->Post(Url(id) + "/review", {{"decision", "approve"}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.Json().at("state").as_string(), "published");
  EXPECT_EQ(approved.Json().at("publish_at").as_string(), "2020-02-02T01:00:00Z");

  // Its audience is told in the app, once, in their language.
  EXPECT_EQ(NoticesAbout(*foreign_, "Protection reminder: Masks on the campus bus"), 1);
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(NoticesAbout(*foreign_, "Protection reminder: Masks on the campus bus"), 1);
  EXPECT_EQ(NoticesAbout(*server_.As("hr"), "乘坐校车须全程佩戴口罩"), 0);  // not of its audience

  auto inbox = foreign_->Get("/api/v1/announcements").Json();
  EXPECT_EQ(inbox.at("unread").as_int64(), unread_before + 1);
  bool found = false;
  for (const auto& a : inbox.at("items").as_array()) {
    if (a.at("id").as_int64() != id) continue;
    found = true;
    EXPECT_EQ(a.at("title").as_string(), "Masks on the campus bus");
    EXPECT_EQ(a.at("read_at").as_string(), "");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(Inbox(*server_.As("hr")).count(id), 0u);
  EXPECT_EQ(server_.As("hr")->Get(Url(id)).status, 404);

  // Opening it is the read receipt (audited once); then "I have read it".
  const auto audit_before = server_.Count("audit_log");
  auto read = foreign_->Get(Url(id)).Json();
  EXPECT_EQ(read.at("body").as_string(),
            "Wear a mask outside, wash your hands often and report your temperature twice a day.");
  EXPECT_EQ(read.at("body_zh").as_string(), "外出请佩戴口罩，勤洗手，每日两次报告体温。");  // side by side
  EXPECT_EQ(read.at("read_at").as_string(), "2020-02-02T01:00:00Z");
  EXPECT_EQ(read.at("acked_at").as_string(), "");
  foreign_->Get(Url(id));
  EXPECT_EQ(server_.Count("audit_log"), audit_before + 1);
  EXPECT_EQ(Inbox(*foreign_, "&unread=1").count(id), 0u);
  EXPECT_EQ(foreign_->Get("/api/v1/announcements").Json().at("unread").as_int64(), unread_before);

  // The office sees who has not acknowledged it yet.
  auto receipts = office_->Get(Url(id) + "/receipts").Json();
  EXPECT_EQ(receipts.at("audience").as_int64(), 1);
  EXPECT_EQ(receipts.at("read").as_int64(), 1);
  EXPECT_EQ(receipts.at("acked").as_int64(), 0);
  EXPECT_EQ(Names(office_->Get(Url(id) + "/receipts?state=unacked").Json()), (std::set<std::string>{"Oliver Bennett"}));
  server_.clock().Advance(std::chrono::minutes(30));
  auto acked = foreign_->Post(Url(id) + "/acknowledge", object{});
  ASSERT_EQ(acked.status, 200) << acked.body;
  EXPECT_EQ(acked.Json().at("acked_at").as_string(), "2020-02-02T01:30:00Z");
  receipts = server_.As("leader")->Get(Url(id) + "/receipts").Json();
  EXPECT_EQ(receipts.at("acked").as_int64(), 1);
  EXPECT_EQ(office_->Get(Url(id) + "/receipts?state=unacked").Json().at("total").as_int64(), 0);

  // The office's list has every notice; the audit log each step.
  EXPECT_EQ(Total("state=published"), published + 1);
  EXPECT_EQ(Total("state=draft"), drafts);
  EXPECT_EQ(Total("q=campus%20bus"), 1);
  const auto audit = admin_->Get("/api/v1/audit?entity=announcement&entity_id=" + std::to_string(id)).Json();
  EXPECT_EQ(audit.at("total").as_int64(), 7);  // create, submit, reject, submit, approve, read, acknowledge
}

TEST_F(AnnouncementsApiTest, RemindersGoToThoseOfTheAudienceInTheCallersUnitsWhoHaveNotRead) {
  // For the departments (hr, finance) and everyone in SIE (Oliver's unit; hr covers it too).
  object body = Reminder();
  body["ack_required"] = false;
  body["audience"] = object{{"roles", array{"department"}}, {"units", array{server_.UnitId("SIE")}}};
  const std::int64_t id = Publish(body);
  auto receipts = office_->Get(Url(id) + "/receipts?state=unread").Json();
  EXPECT_EQ(Names(receipts), (std::set<std::string>{"Oliver Bennett", "人事处 刘洋", "财务处 赵敏"}));
  server_.As("hr")->Get(Url(id));  // hr reads it

  auto reminded = office_->Post(Url(id) + "/remind", object{});
  ASSERT_EQ(reminded.status, 200) << reminded.body;
  EXPECT_EQ(reminded.Json().at("reminded").as_int64(), 2);
  EXPECT_EQ(NoticesAbout(*foreign_, "Reminder: please read the notice"), 1);
  EXPECT_EQ(NoticesAbout(*server_.As("finance"), "提醒：请阅读通知"), 1);
  EXPECT_EQ(office_->Post(Url(id) + "/remind", object{}).Json().at("reminded").as_int64(), 0);  // once a day

  // An office limited to SIE sees and reminds only the audience in its units (itself too:
  // an account of SIE is of the audience).
  ASSERT_EQ(admin_->Post("/api/v1/admin/users", {{"username", "office_sie"},
                                                 {"display_name", "SIE office"},
                                                 {"password", kPassword},
                                                 {"role", "office"},
                                                 {"unit_ids", array{server_.UnitId("SIE")}}})
                .status,
            201);
  auto narrow = server_.As("office_sie");
  // It addresses only its own units (the community is not one of them).
  object elsewhere = Reminder();
  elsewhere["audience"] = object{{"units", array{server_.UnitId("COMM")}}};
  auto refused = narrow->Post("/api/v1/announcements", elsewhere);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(Names(narrow->Get(Url(id) + "/receipts?state=unread").Json()),
            (std::set<std::string>{"Oliver Bennett", "SIE office"}));
  Later(std::chrono::hours(24));
  narrow = server_.As("office_sie");
  EXPECT_EQ(narrow->Post(Url(id) + "/remind", object{}).Json().at("reminded").as_int64(), 2);

  // Who may: leaders read receipts but do not remind; departments neither; unknown ids 404.
  EXPECT_EQ(server_.As("leader")->Post(Url(id) + "/remind", object{}).status, 403);
  EXPECT_EQ(server_.As("hr")->Get(Url(id) + "/receipts").status, 403);
  EXPECT_EQ(office_->Get(Url(999999) + "/receipts").status, 404);
  EXPECT_EQ(office_->Post(Url(999999) + "/remind", object{}).status, 404);
  EXPECT_EQ(foreign_->Post(Url(id) + "/acknowledge", object{}).ErrorCode(), "announcements.no_ack");
}

TEST_F(AnnouncementsApiTest, ScheduledNoticesComeOutAtTheirTimeAndExpireOrAreWithdrawn) {
  object body = Reminder();
  body["publish_at"] = "2020-02-03T09:00+08:00";
  body["expire_at"] = "2020-02-10T00:00:00Z";
  const std::int64_t id = Publish(body);
  auto a = office_->Get(Url(id)).Json();
  EXPECT_EQ(a.at("state").as_string(), "scheduled");
  EXPECT_EQ(a.at("publish_at").as_string(), "2020-02-03T01:00:00Z");
  EXPECT_EQ(foreign_->Get(Url(id)).status, 404);
  EXPECT_EQ(NoticesAbout(*foreign_, "Masks on the campus bus"), 0);

  Later(std::chrono::hours(24));
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(NoticesAbout(*foreign_, "Masks on the campus bus"), 1);
  EXPECT_EQ(foreign_->Get(Url(id)).status, 200);
  // Approved: the text may be corrected, not whom it is for.
  auto fixed = office_->Patch(Url(id), {{"title_en", "Masks on the campus bus, please"}});
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  EXPECT_EQ(office_->Patch(Url(id), {{"audience", nullptr}}).ErrorCode(), "announcements.audience_fixed");

  Later(std::chrono::hours(24 * 8));
  EXPECT_EQ(office_->Get(Url(id)).Json().at("state").as_string(), "expired");
  EXPECT_EQ(foreign_->Get(Url(id)).status, 404);

  // Withdrawn: out of sight at once, and fixed.
  const std::int64_t other = Publish(Reminder());
  EXPECT_EQ(foreign_->Get(Url(other)).status, 200);
  auto withdrawn = office_->Post(Url(other) + "/withdraw", object{});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.Json().at("state").as_string(), "expired");
  EXPECT_EQ(foreign_->Get(Url(other)).status, 404);
  EXPECT_EQ(office_->Patch(Url(other), {{"pinned", true}}).ErrorCode(), "announcements.withdrawn");
  EXPECT_EQ(office_->Post(Url(other) + "/withdraw", object{}).status, 409);
}

TEST_F(AnnouncementsApiTest, ATranslationMayBePendingAndTheReaderSeesTheSideThereIs) {
  object body = Reminder();
  body.erase("title_en");
  body.erase("body_en");
  // Without its English and not marked pending: refused, naming the field.
  auto refused = office_->Post("/api/v1/announcements", body);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.ErrorField(), "title_en");
  body["pending_lang"] = "en";
  const std::int64_t id = Publish(body);
  auto read = foreign_->Get(Url(id)).Json();  // an English reader
  EXPECT_EQ(read.at("shown_lang").as_string(), "zh");
  EXPECT_EQ(read.at("title").as_string(), "乘坐校车须全程佩戴口罩");
  // The translation arrives: the pending mark goes, the reader sees English.
  auto translated = office_->Patch(Url(id), {{"title_en", "Masks on the campus bus"}, {"body_en", "Wear a mask."}});
  ASSERT_EQ(translated.status, 200) << translated.body;
  EXPECT_EQ(translated.Json().at("pending_lang").as_string(), "");
  EXPECT_EQ(foreign_->Get(Url(id)).Json().at("title").as_string(), "Masks on the campus bus");
}

TEST_F(AnnouncementsApiTest, PublicNoticesAreReadWithoutLoginAndAsAnAtomFeed) {
  object open = Reminder();
  open["category"] = "service_guide";
  open["title_zh"] = "疫情期间国际交流业务办理指南";
  open["title_en"] = "International exchange services during the epidemic";
  open["is_public"] = true;
  open["audience"] = nullptr;
  const std::int64_t pub = Publish(open);
  const std::int64_t internal = Publish(Reminder());
  auto anon = server_.Anonymous();
  auto list = anon->Get("/api/v1/public/announcements");
  ASSERT_EQ(list.status, 200) << list.body;
  std::set<std::int64_t> listed;
  const auto listed_json = list.Json();
  for (const auto& a : listed_json.at("items").as_array()) {
    listed.insert(a.at("id").as_int64());
    if (a.at("id").as_int64() == pub) {
      EXPECT_EQ(a.at("title").as_string(), "International exchange services during the epidemic");
      EXPECT_EQ(a.at("body_zh").as_string(), "外出请佩戴口罩，勤洗手，每日两次报告体温。");
    }
  }
  EXPECT_EQ(listed.count(pub), 1u);
  EXPECT_EQ(listed.count(internal), 0u);
  EXPECT_EQ(anon->Get("/api/v1/public/announcements/" + std::to_string(pub)).status, 200);
  EXPECT_EQ(anon->Get("/api/v1/public/announcements/" + std::to_string(internal)).status, 404);
  EXPECT_EQ(anon->Get(Url(pub)).status, 401);
  auto feed = anon->Get("/api/v1/public/announcements.atom");
  ASSERT_EQ(feed.status, 200);
  EXPECT_NE(feed.Header("content-type").find("application/atom+xml"), std::string::npos);
  EXPECT_NE(feed.body.find("<feed xmlns=\"http://www.w3.org/2005/Atom\""), std::string::npos);
  EXPECT_NE(feed.body.find("<title>International exchange services during the epidemic</title>"), std::string::npos);
  EXPECT_EQ(feed.body.find("Masks on the campus bus"), std::string::npos);
  // Everyone signed in has it in their inbox (no audience named).
  const auto volunteer = Inbox(*server_.As("volunteer"));
  EXPECT_EQ(volunteer.count(pub), 1u);
  EXPECT_EQ(volunteer.count(internal), 0u);
}

TEST_F(AnnouncementsApiTest, AttachmentsGoToTheNoticesReadersAndToAnyoneForAPublicOne) {
  const std::string pdf = "%PDF-1.4\n" + std::string(200, 'x');
  const auto attach = [&](std::int64_t id, const std::string& name, const std::string& bytes) {
    return office_->Request("POST", Url(id) + "/attachments?filename=" + name, bytes,
                            {{"Content-Type", "application/octet-stream"}});
  };
  // Attached while a draft; the audience reads it once published, others not at all.
  auto made = office_->Post("/api/v1/announcements", Reminder());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::int64_t id = made.Json().at("id").as_int64();
  auto up = attach(id, "guide.pdf", pdf);
  ASSERT_EQ(up.status, 201) << up.body;
  const auto up_json = up.Json();
  const auto& file = up_json.at("items").as_array()[0];
  EXPECT_EQ(file.at("filename").as_string(), "guide.pdf");
  EXPECT_EQ(file.at("content_type").as_string(), "application/pdf");
  const std::string file_url = Url(id) + "/attachments/" + std::to_string(file.at("id").as_int64());
  EXPECT_EQ(foreign_->Get(file_url).status, 404);  // not published yet
  EXPECT_EQ(attach(id, "notes.pdf", "hello").ErrorCode(), "files.type");
  EXPECT_EQ(server_.As("hr")->Request("POST", Url(id) + "/attachments?filename=x.pdf", pdf,
                                      {{"Content-Type", "application/octet-stream"}}).status,
            403);
  ASSERT_EQ(office_->Post(Url(id) + "/submit", object{}).status, 200);
  ASSERT_EQ(admin_->Post(Url(id) + "/review", {{"decision", "approve"}}).status, 200);
  auto got = foreign_->Get(file_url);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.body, pdf);
  EXPECT_EQ(foreign_->Get(Url(id) + "/attachments").Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(server_.As("volunteer")->Get(file_url).status, 404);  // not of its audience
  EXPECT_EQ(server_.Anonymous()->Get("/api/v1/public/announcements/" + std::to_string(id) + "/attachments").status,
            404);  // not public
  EXPECT_EQ(foreign_->Get(Url(id) + "/attachments/999999").status, 404);

  // A public notice's files, without login.
  object open = Reminder();
  open["is_public"] = true;
  open["audience"] = nullptr;
  const std::int64_t pub = Publish(open);
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, '\x07');
  auto img = attach(pub, "flow.png", png);
  ASSERT_EQ(img.status, 201) << img.body;
  const std::int64_t img_id = img.Json().at("items").as_array()[0].at("id").as_int64();
  auto anon = server_.Anonymous();
  const std::string pub_url = "/api/v1/public/announcements/" + std::to_string(pub) + "/attachments";
  EXPECT_EQ(anon->Get(pub_url).Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(anon->Get(pub_url + "/" + std::to_string(img_id)).body, png);
  EXPECT_EQ(anon->Get("/api/v1/public/announcements/" + std::to_string(id) + "/attachments/" +
                      std::to_string(file.at("id").as_int64()))
                .status,
            404);  // another notice's file through a public one's id

  // Removed by the office; audited both ways.
  EXPECT_EQ(office_->Delete(Url(pub) + "/attachments/" + std::to_string(img_id)).status, 200);
  EXPECT_EQ(anon->Get(pub_url + "/" + std::to_string(img_id)).status, 404);
  EXPECT_EQ(office_->Delete(Url(pub) + "/attachments/" + std::to_string(img_id)).status, 404);
  EXPECT_EQ(admin_->Get("/api/v1/audit?entity=announcement_file").Json().at("total").as_int64(), 3);
}

TEST_F(AnnouncementsApiTest, BadInputIsNamedByFieldAndWritesNothing) {
  const auto before = server_.Count("announcements");
  const auto audiences = server_.Count("announcement_audiences");
  const auto field = [&](object body) { return office_->Post("/api/v1/announcements", body).ErrorField(); };
  object b = Reminder();
  b["category"] = "gossip";
  EXPECT_EQ(field(b), "category");
  b = Reminder();
  b["publish_at"] = "2020-02-03 09:00";
  EXPECT_EQ(field(b), "publish_at");
  b = Reminder();
  b["publish_at"] = "2020-02-05T00:00:00Z";
  b["expire_at"] = "2020-02-04T00:00:00Z";
  EXPECT_EQ(field(b), "expire_at");
  b = Reminder();
  b["audience"] = object{{"nationalities", array{"GB", "XX"}}};
  EXPECT_EQ(field(b), "audience.nationalities[1]");
  b["audience"] = object{{"roles", array{"king"}}};
  EXPECT_EQ(field(b), "audience.roles[0]");
  b["audience"] = object{{"units", array{999999}}};
  EXPECT_EQ(field(b), "audience.units[0]");
  b["audience"] = object{{"friends", array{"x"}}};
  EXPECT_EQ(field(b), "audience.friends");
  b = Reminder();
  b.erase("body_en");
  EXPECT_EQ(field(b), "body_en");
  // In the caller's language.
  office_->SetLanguage("zh-CN");
  b = Reminder();
  b["audience"] = object{{"nationalities", array{"XX"}}};
  auto zh = office_->Post("/api/v1/announcements", b);
  EXPECT_NE(zh.body.find("国籍（第 0 项）"), std::string::npos) << zh.body;
  EXPECT_EQ(server_.Count("announcements"), before);
  EXPECT_EQ(server_.Count("announcement_audiences"), audiences);
  // Who may write: the office and admins.
  EXPECT_EQ(server_.As("hr")->Post("/api/v1/announcements", Reminder()).status, 403);
  EXPECT_EQ(server_.As("leader")->Get("/api/v1/announcements/all").status, 200);
  EXPECT_EQ(server_.As("hr")->Get("/api/v1/announcements/all").status, 403);
  EXPECT_EQ(office_->Patch(Url(999999), {{"pinned", true}}).status, 404);
  EXPECT_EQ(office_->Get("/api/v1/announcements/all?state=gone").ErrorField(), "state");
}

}  // namespace
}  // namespace tongxin::testing
