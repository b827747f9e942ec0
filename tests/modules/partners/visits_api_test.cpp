// Visits through the API, on SQLite and on PostgreSQL: the Pakistani embassy's third
// secretary visits Pakistani students and postdocs — recorded with the visitors, the hosts,
// the people visited (from people), what was discussed and promised, a follow-up action
// with its owner and date, and a photo; bad input named by field; the visit shows to the
// departments the partner is assigned to and to leaders, not to foreign staff; an office
// outside the keeping unit is refused on every route that names the visit.
#include <gtest/gtest.h>

#include "io/attachment.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

const std::string kPng = io::FromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

class VisitsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    office_ = server_.As("office");
    admin_ = server_.As("admin");
  }
  std::int64_t PartnerId(const std::string& q) {
    auto r = office_->Get("/api/v1/partners?q=" + q).Json();
    return r.at("items").as_array()[0].at("id").as_int64();
  }
  std::vector<std::int64_t> PakistaniPeople() {
    auto r = office_->Get("/api/v1/people?nationality=PK&page_size=50");
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::int64_t> ids;
    const auto body = r.Json();
    for (const auto& p : body.at("items").as_array()) ids.push_back(p.at("id").as_int64());
    return ids;
  }
  std::int64_t UserId(const std::string& username) {
    const auto users = admin_->Get("/api/v1/admin/users?page_size=100").Json();
    for (const auto& u : users.at("items").as_array()) {
      if (u.at("username").as_string() == username) return u.at("id").as_int64();
    }
    ADD_FAILURE() << "no user " << username;
    return 0;
  }
  object EmbassyVisit() {
    array people;
    for (auto id : PakistaniPeople()) people.push_back(id);
    return {{"partner_id", PartnerId("junaid")},
            {"visited_on", "2020-02-20"},
            {"place", "Mafangshan campus"},
            {"purpose", "To visit Pakistani students and postdoctoral researchers"},
            {"hosts", "International Office: Wang Fang"},
            {"visitors", array{object{{"name", "Muhammad Junaid"}, {"title", "Third Secretary"},
                                      {"organisation", "Embassy of Pakistan"}, {"nationality", "PK"}}}},
            {"person_ids", people},
            {"discussed", "Medical supplies and daily necessities for Pakistani citizens on campus."},
            {"promised", "The embassy will send masks; the university keeps daily contact."}};
  }

  TestServer server_;
  std::unique_ptr<HttpClient> office_, admin_;
};

TEST_F(VisitsApiTest, TheEmbassyVisitIsRecordedWithThePeopleVisitedActionsAndAPhoto) {
  const auto people = PakistaniPeople();
  ASSERT_FALSE(people.empty());
  auto made = office_->Post("/api/v1/partners/visits", EmbassyVisit());
  ASSERT_EQ(made.status, 201) << made.body;
  auto v = made.Json();
  const std::string url = "/api/v1/partners/visits/" + std::to_string(v.at("id").as_int64());
  EXPECT_EQ(v.at("direction").as_string(), "incoming");
  EXPECT_EQ(v.at("visitors").as_array()[0].at("title").as_string(), "Third Secretary");
  EXPECT_EQ(v.at("people").as_array().size(), people.size());
  EXPECT_EQ(v.at("people").as_array()[0].at("nationality").as_string(), "PK");
  EXPECT_EQ(v.at("people").as_array()[0].as_object().count("id_number"), 0u);  // no identifiers
  // A follow-up action with its owner and day, then done.
  auto act = office_->Post(url + "/actions", {{"action", "Deliver the embassy's masks to the students"},
                                              {"owner_id", UserId("office")},
                                              {"due_on", "2020-02-25"}});
  ASSERT_EQ(act.status, 201) << act.body;
  EXPECT_EQ(act.Json().at("open_actions").as_int64(), 1);
  const auto action = act.Json().at("actions").as_array()[0];
  EXPECT_EQ(action.at("owner_name").as_string().empty(), false);
  auto done = office_->Patch(url + "/actions/" + std::to_string(action.at("id").as_int64()), {{"done", true}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json().at("open_actions").as_int64(), 0);
  EXPECT_NE(done.Json().at("actions").as_array()[0].at("done_at").as_string(), "");
  // A photo: PNG or JPEG only.
  auto photo = office_->Request("POST", url + "/photos?filename=visit.png", kPng, {{"Content-Type", "image/png"}});
  ASSERT_EQ(photo.status, 201) << photo.body;
  const auto photo_id = photo.Json().at("photos").as_array()[0].at("id").as_int64();
  auto pdf = office_->Request("POST", url + "/photos?filename=notes.pdf", "%PDF-1.4 not a photo",
                              {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(pdf.status, 415) << pdf.body;
  auto got = office_->Get(url + "/photos/" + std::to_string(photo_id));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, kPng);
  // In the partner's visits, and changed: the visitors list is replaced.
  auto list = office_->Get("/api/v1/partners/visits?partner_id=" + std::to_string(PartnerId("junaid"))).Json();
  EXPECT_EQ(list.at("total").as_int64(), 2);  // the demo's visit and this one
  std::int64_t photos = -1;
  for (const auto& x : list.at("items").as_array()) {
    if (x.at("id").as_int64() == v.at("id").as_int64()) photos = x.at("photo_count").as_int64();
  }
  EXPECT_EQ(photos, 1);
  auto changed = office_->Patch(url, {{"visitors", array{object{{"name", "Muhammad Junaid"}}, object{{"name", "Aisha Malik"}}}}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json().at("visitor_count").as_int64(), 2);
  // Audited: the visit, the action, the photo.
  EXPECT_GE(admin_->Get("/api/v1/audit?entity=partner_visit").Json().at("total").as_int64(), 2);
  EXPECT_EQ(admin_->Get("/api/v1/audit?entity=partner_visit_photo").Json().at("total").as_int64(), 1);
}

TEST_F(VisitsApiTest, BadInputIsNamedAndNothingIsWritten) {
  office_->SetLanguage("zh-CN");
  const auto before = server_.Count("partner_visits");
  auto body = EmbassyVisit();
  body["visitors"] = array{object{{"name", "A"}}, object{{"title", "no name"}}};
  auto r = office_->Post("/api/v1/partners/visits", body);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.ErrorField(), "visitors[1].name");
  EXPECT_NE(r.body.find("第 1 行"), std::string::npos) << r.body;
  body = EmbassyVisit();
  body["visitors"] = array{object{{"name", "A"}, {"nationality", "XX"}}};
  EXPECT_EQ(office_->Post("/api/v1/partners/visits", body).ErrorField(), "visitors[0].nationality");
  body = EmbassyVisit();
  body["visited_on"] = "2020-02-30";
  EXPECT_EQ(office_->Post("/api/v1/partners/visits", body).ErrorField(), "visited_on");
  body = EmbassyVisit();
  body["person_ids"] = array{999999};
  EXPECT_EQ(office_->Post("/api/v1/partners/visits", body).ErrorField(), "person_ids[0]");
  body = EmbassyVisit();
  body["partner_id"] = 999999;
  EXPECT_EQ(office_->Post("/api/v1/partners/visits", body).ErrorField(), "partner_id");
  EXPECT_EQ(server_.Count("partner_visits"), before);
  auto made = office_->Post("/api/v1/partners/visits", EmbassyVisit());
  ASSERT_EQ(made.status, 201);
  const std::string url = "/api/v1/partners/visits/" + std::to_string(made.Json().at("id").as_int64());
  EXPECT_EQ(office_->Patch(url, {{"partner_id", PartnerId("trinity")}}).ErrorCode(), "partners.visit_partner_fixed");
  EXPECT_EQ(office_->Post(url + "/actions", {{"action", "X"}, {"owner_id", UserId("volunteer")}}).ErrorField(),
            "owner_id");
  EXPECT_EQ(office_->Get("/api/v1/partners/visits?from=2020-13-01").ErrorField(), "from");
}

TEST_F(VisitsApiTest, WhoSeesAVisitAndOutOfScopeIdsAreRefused) {
  // UWTSD is assigned to HR: HR's department staff read its visits; the embassy's they do not.
  auto uwtsd = office_->Post("/api/v1/partners/visits", {{"partner_id", PartnerId("trinity")},
                                                         {"visited_on", "2020-01-15"},
                                                         {"direction", "outgoing"},
                                                         {"purpose", "Exchange agreement"}});
  ASSERT_EQ(uwtsd.status, 201) << uwtsd.body;
  auto embassy = office_->Post("/api/v1/partners/visits", EmbassyVisit());
  ASSERT_EQ(embassy.status, 201) << embassy.body;
  const std::string url = "/api/v1/partners/visits/" + std::to_string(embassy.Json().at("id").as_int64());
  auto hr = server_.As("hr");
  EXPECT_EQ(hr->Get("/api/v1/partners/visits").Json().at("total").as_int64(), 1);
  EXPECT_EQ(hr->Get(url).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(server_.As("leader")->Get(url).status, 200);
  EXPECT_EQ(server_.As("foreign")->Get(url).status, 403);

  ASSERT_EQ(admin_->Post("/api/v1/admin/users", {{"username", "office_hr"},
                                                {"display_name", "HR office"},
                                                {"password", kPassword},
                                                {"role", "office"},
                                                {"unit_ids", array{server_.UnitId("HR")}}})
                .status,
            201);
  auto narrow = server_.As("office_hr");
  const auto action = office_->Post(url + "/actions", {{"action", "Call back"}}).Json().at("actions").as_array()[0];
  const auto photo = office_->Request("POST", url + "/photos?filename=a.png", kPng, {{"Content-Type", "image/png"}})
                         .Json().at("photos").as_array()[0];
  const auto audit_before = server_.Count("audit_log");
  EXPECT_EQ(narrow->Get(url).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Patch(url, {{"place", "X"}}).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Post(url + "/actions", {{"action", "X"}}).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Patch(url + "/actions/" + std::to_string(action.at("id").as_int64()), {{"done", true}}).ErrorCode(),
            "auth.out_of_scope");
  EXPECT_EQ(narrow->Request("POST", url + "/photos?filename=b.png", kPng, {{"Content-Type", "image/png"}}).ErrorCode(),
            "auth.out_of_scope");
  EXPECT_EQ(narrow->Get(url + "/photos/" + std::to_string(photo.at("id").as_int64())).ErrorCode(),
            "auth.out_of_scope");
  // A partner HR may read (assigned) but not keep, and a person outside HR's units, in a body.
  EXPECT_EQ(narrow->Post("/api/v1/partners/visits", {{"partner_id", PartnerId("trinity")}, {"visited_on", "2020-03-01"}})
                .ErrorCode(),
            "auth.out_of_scope");
  EXPECT_EQ(narrow->Get("/api/v1/partners/visits?partner_id=" + std::to_string(PartnerId("junaid"))).ErrorCode(),
            "auth.out_of_scope");
  EXPECT_EQ(server_.Count("audit_log"), audit_before);
  // On a partner of its own, a person outside its units (a Pakistani student of SIE) is refused.
  auto own = narrow->Post("/api/v1/partners", {{"unit_id", server_.UnitId("HR")}, {"kind", "university"},
                                               {"name_en", "HR's own partner"}, {"country", "GB"}});
  ASSERT_EQ(own.status, 201) << own.body;
  const auto visits_before = server_.Count("partner_visits");
  EXPECT_EQ(narrow->Post("/api/v1/partners/visits", {{"partner_id", own.Json().at("id").as_int64()},
                                                     {"visited_on", "2020-03-01"},
                                                     {"person_ids", array{PakistaniPeople().front()}}})
                .ErrorCode(),
            "auth.out_of_scope");
  EXPECT_EQ(server_.Count("partner_visits"), visits_before);
}

TEST_F(VisitsApiTest, AnOpenActionRemindsItsOwnerOnceWhenItFallsDue) {
  server_.clock().Set("2020-02-21T02:00:00Z");  // 10:00 in Wuhan
  auto made = office_->Post("/api/v1/partners/visits", EmbassyVisit());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string url = "/api/v1/partners/visits/" + std::to_string(made.Json().at("id").as_int64());
  auto soon = office_->Post(url + "/actions", {{"action", "Deliver the embassy's masks to the students"},
                                               {"owner_id", UserId("office")},
                                               {"due_on", "2020-02-22"}});
  ASSERT_EQ(soon.status, 201) << soon.body;
  auto later = office_->Post(url + "/actions", {{"action", "Send the embassy the list of students"},
                                                {"owner_id", UserId("office")},
                                                {"due_on", "2020-03-20"}});
  ASSERT_EQ(later.status, 201) << later.body;
  auto count = [&](const std::string& text) {
    const auto notices = office_->Get("/api/v1/notices?page_size=200").Json();
    int n = 0;
    for (const auto& x : notices.at("items").as_array()) {
      n += std::string(x.at("subject").as_string()).find(text) != std::string::npos ? 1 : 0;
    }
    return n;
  };
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(count("Deliver the embassy's masks"), 1);
  EXPECT_EQ(count("list of students"), 0);  // not due for weeks
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(count("Deliver the embassy's masks"), 1);  // once
  // Done actions stop reminding; an open one reminds as its day comes.
  const auto actions = office_->Get(url).Json().at("actions").as_array();
  ASSERT_EQ(office_->Patch(url + "/actions/" + std::to_string(actions[0].at("id").as_int64()), {{"done", true}}).status,
            200);
  server_.clock().Set("2020-03-19T02:00:00Z");
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(count("list of students"), 1);
  EXPECT_EQ(count("Deliver the embassy's masks"), 1);
}

}  // namespace
}  // namespace tongxin::testing
