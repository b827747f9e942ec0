// Volunteers through the API, on SQLite and on PostgreSQL: the office makes a staff member a
// volunteer with skills and deploys them to the community (one deployment at a time); the
// community's staff then see them and put them in a temporary group with a leader; a person
// not deployed there cannot join; bad input is named by field with nothing written; ids
// outside the caller's scope are refused; every write is audited.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

class VolunteersApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    admin_ = server_.As("admin");
    office_ = server_.As("office");
    office_->SetLanguage("zh-CN");
    staff_ = server_.As("community");
    staff_->SetLanguage("zh-CN");
    volunteer_ = server_.As("volunteer");
    community_ = server_.UnitId("COMM");
  }
  std::int64_t PersonId(const std::string& q) {
    return admin_->Get("/api/v1/people?q=" + q).Json().at("items").as_array()[0].at("id").as_int64();
  }
  static std::set<std::string> Names(const boost::json::value& list, const char* key = "items") {
    std::set<std::string> out;
    for (const auto& r : list.at(key).as_array()) out.emplace(r.at("name").as_string());
    return out;
  }
  std::int64_t Audits(const std::string& entity) {
    return admin_->Get("/api/v1/audit?entity=" + entity).Json().at("total").as_int64();
  }

  TestServer server_{ServerOptions{.start_time = "2020-02-05T02:00:00Z"}};
  std::unique_ptr<HttpClient> admin_, office_, staff_, volunteer_;
  std::int64_t community_ = 0;
};

TEST_F(VolunteersApiTest, TheOfficeDeploysAVolunteerAndTheCommunityGroupsThem) {
  // The demo's four volunteers are deployed to the community, in its temporary party branch.
  const auto deployed = staff_->Get("/api/v1/community/volunteers?community_id=" + std::to_string(community_)).Json();
  EXPECT_EQ(Names(deployed), (std::set<std::string>{"吴倩", "黄磊", "杨帆", "李娜"}));
  const auto& wu = deployed.at("items").as_array()[0].as_object();
  EXPECT_EQ(wu.at("community").as_string(), "马房山社区");
  EXPECT_EQ(staff_->Get("/api/v1/community/volunteers?skill=medical").Json().at("total").as_int64(), 1);

  // The office deploys to communities outside its own units: it may list them.
  EXPECT_EQ(Names(office_->Get("/api/v1/community/communities").Json()), (std::set<std::string>{"马房山社区"}));
  EXPECT_EQ(volunteer_->Get("/api/v1/community/communities").status, 403);

  // The office: 张伟 becomes a volunteer who drives and speaks English, then is deployed.
  const std::int64_t zhang = PersonId("张伟");
  auto made = office_->Post("/api/v1/community/volunteers", {{"person_id", zhang},
                                                             {"skills", array{"languages", "driving"}},
                                                             {"spoken_languages", "English"},
                                                             {"availability", "weekday evenings"}});
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.Json().at("skills"), (array{"driving", "languages"}));  // in the catalogue's order
  EXPECT_TRUE(made.Json().at("community_id").is_null());
  EXPECT_EQ(office_->Post("/api/v1/community/volunteers", {{"person_id", zhang}}).status, 409);
  // The community cannot see a volunteer not deployed there.
  const std::string v = "/api/v1/community/volunteers/" + std::to_string(zhang);
  EXPECT_EQ(staff_->Get(v).status, 403);
  auto deploy = office_->Post(v + "/deployments", {{"community_id", community_},
                                                   {"starts_on", "2020-02-03"},
                                                   {"reports_to", "社区书记 张敏"},
                                                   {"duty", "门岗值守"}});
  ASSERT_EQ(deploy.status, 201) << deploy.body;
  const auto deployed_json = deploy.Json();
  EXPECT_EQ(deployed_json.at("community").as_string(), "马房山社区");
  EXPECT_EQ(deployed_json.at("deployed_since").as_string(), "2020-02-03");
  ASSERT_EQ(deployed_json.at("deployments").as_array().size(), 1u);
  const std::int64_t deployment = deployed_json.at("deployments").as_array()[0].at("id").as_int64();

  // One deployment at a time: a second one meeting the first is refused, naming it.
  auto twice = office_->Post(v + "/deployments", {{"community_id", community_}, {"starts_on", "2020-02-20"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.ErrorCode(), "community.deployment_overlaps");
  EXPECT_EQ(twice.ErrorField(), "starts_on");
  // Ended, a later one may follow.
  auto ended = office_->Patch("/api/v1/community/deployments/" + std::to_string(deployment), {{"ends_on", "2020-02-15"}});
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(office_->Post(v + "/deployments", {{"community_id", community_}, {"starts_on", "2020-02-16"}}).status, 201);

  // The community's staff see him now, with his phone, and put him in a new work group as its leader.
  auto seen = staff_->Get(v);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.Json().at("phone").as_string().find('*'), std::string::npos);
  auto group = staff_->Post("/api/v1/community/groups", {{"community_id", community_},
                                                        {"kind", "work_group"},
                                                        {"name", "西院门岗组"},
                                                        {"duties", "西院大门 24 小时值守"},
                                                        {"chat_group", "西院门岗群"}});
  ASSERT_EQ(group.status, 201) << group.body;
  const std::string g = "/api/v1/community/groups/" + std::to_string(group.Json().at("id").as_int64());
  auto joined = staff_->Post(g + "/members", {{"person_id", zhang}, {"leader", true}});
  ASSERT_EQ(joined.status, 200) << joined.body;
  const auto joined_json = joined.Json();
  ASSERT_EQ(joined_json.at("member_list").as_array().size(), 1u);
  EXPECT_TRUE(joined_json.at("member_list").as_array()[0].at("leader").as_bool());
  EXPECT_EQ(staff_->Post(g + "/members", {{"person_id", PersonId("黄磊")}}).status, 200);
  auto not_here = staff_->Post(g + "/members", {{"person_id", PersonId("王芳")}});
  EXPECT_EQ(not_here.status, 400);
  EXPECT_EQ(not_here.ErrorField(), "person_id");
  EXPECT_EQ(not_here.ErrorCode(), "community.not_deployed_here");
  const auto groups = staff_->Get("/api/v1/community/groups?community_id=" + std::to_string(community_)).Json();
  EXPECT_EQ(Names(groups).count("西院门岗组"), 1u);
  EXPECT_EQ(Names(groups).count("马房山社区下沉党员临时党支部"), 1u);
  EXPECT_EQ(staff_->Get(v).Json().at("groups").as_array().size(), 1u);
  auto left = staff_->Delete(g + "/members/" + std::to_string(PersonId("黄磊")));
  ASSERT_EQ(left.status, 200) << left.body;
  EXPECT_EQ(left.Json().at("members").as_int64(), 1);

  // A volunteer reads the roster with phones masked.
  auto masked = volunteer_->Get("/api/v1/community/volunteers").Json();
  EXPECT_EQ(masked.at("total").as_int64(), 5);
  EXPECT_NE(masked.at("items").as_array()[0].at("phone").as_string().find('*'), std::string::npos);

  // Audited: the profile, three deployment writes, the group and its members.
  EXPECT_GE(Audits("volunteer"), 5);  // four in the demo, one here
  EXPECT_GE(Audits("deployment"), 7);
  EXPECT_GE(Audits("volunteer_group"), 3);
  EXPECT_GE(Audits("volunteer_group_member"), 9);
}

TEST_F(VolunteersApiTest, BadInputIsNamedAndNothingIsWritten) {
  const auto volunteers = server_.Count("volunteers");
  const auto deployments = server_.Count("deployments");
  auto field = [](const HttpResponse& r) { return r.status == 400 ? r.ErrorField() : std::to_string(r.status); };
  EXPECT_EQ(field(office_->Post("/api/v1/community/volunteers", {{"skills", array{"driving"}}})), "person_id");
  EXPECT_EQ(field(office_->Post("/api/v1/community/volunteers", {{"person_id", PersonId("王芳")}, {"skills", array{"flying"}}})),
            "skills");
  EXPECT_EQ(field(office_->Post("/api/v1/community/volunteers", {{"person_id", 999999}})), "person_id");
  const std::string v = "/api/v1/community/volunteers/" + std::to_string(PersonId("吴倩"));
  EXPECT_EQ(field(office_->Post(v + "/deployments", {{"community_id", community_}, {"starts_on", "2020-03-01"},
                                                     {"ends_on", "2020-02-01"}})),
            "ends_on");
  EXPECT_EQ(field(office_->Post(v + "/deployments", {{"community_id", server_.UnitId("COMM-A-1")},
                                                     {"starts_on", "2021-01-01"}})),
            "community_id");
  EXPECT_EQ(field(office_->Post(v + "/deployments", {{"community_id", 999999}, {"starts_on", "2021-01-01"}})),
            "community_id");
  EXPECT_EQ(field(office_->Post(v + "/deployments", {{"community_id", community_}})), "starts_on");
  EXPECT_EQ(field(staff_->Post("/api/v1/community/groups", {{"community_id", community_}, {"kind", "club"}, {"name", "x"}})),
            "kind");
  EXPECT_EQ(field(staff_->Get("/api/v1/community/volunteers?skill=flying")), "skill");
  EXPECT_EQ(server_.Count("volunteers"), volunteers);
  EXPECT_EQ(server_.Count("deployments"), deployments);
  // Messages in the caller's language.
  auto zh = staff_->Post("/api/v1/community/groups", {{"community_id", community_}, {"kind", "work_group"}});
  EXPECT_NE(zh.body.find("名称"), std::string::npos) << zh.body;
}

TEST_F(VolunteersApiTest, IdsOutsideTheCallersScopeAreRefused) {
  const auto groups = staff_->Get("/api/v1/community/groups").Json();
  ASSERT_FALSE(groups.at("items").as_array().empty());
  const std::string g = "/api/v1/community/groups/" + std::to_string(groups.at("items").as_array()[0].at("id").as_int64());
  // The office's scope is the university's, not the community's groups.
  EXPECT_EQ(office_->Get(g).status, 403);
  EXPECT_EQ(office_->Patch(g, {{"name", "x"}}).status, 403);
  EXPECT_EQ(office_->Post(g + "/members", {{"person_id", PersonId("吴倩")}}).status, 403);
  EXPECT_EQ(office_->Delete(g + "/members/" + std::to_string(PersonId("吴倩"))).status, 403);
  auto theirs = office_->Post("/api/v1/community/groups", {{"community_id", community_}, {"kind", "work_group"}, {"name", "x"}});
  EXPECT_EQ(theirs.status, 403);
  EXPECT_EQ(office_->Get("/api/v1/community/groups?community_id=" + std::to_string(community_)).status, 403);
  // The community's staff cannot make the university's people volunteers, nor change their deployments.
  auto outsider = staff_->Post("/api/v1/community/volunteers", {{"person_id", PersonId("王芳")}});
  EXPECT_EQ(outsider.status, 403);
  EXPECT_EQ(outsider.ErrorCode(), "auth.out_of_scope");
  const std::string wu = "/api/v1/community/volunteers/" + std::to_string(PersonId("吴倩"));
  const std::int64_t deployment = staff_->Get(wu).Json().at("deployments").as_array()[0].at("id").as_int64();
  EXPECT_EQ(staff_->Patch("/api/v1/community/deployments/" + std::to_string(deployment), {{"ends_on", "2020-02-10"}})
                .status,
            403);
  EXPECT_EQ(staff_->Delete("/api/v1/community/deployments/" + std::to_string(deployment)).status, 403);
  EXPECT_EQ(staff_->Post(wu + "/deployments", {{"community_id", community_}, {"starts_on", "2021-01-01"}}).status, 403);
  EXPECT_EQ(staff_->Patch(wu, {{"availability", "never"}}).status, 403);
  // A volunteer changes no one else's profile; others see nothing of it.
  EXPECT_EQ(volunteer_->Patch("/api/v1/community/volunteers/" + std::to_string(PersonId("黄磊")), {{"notes", "x"}})
                .status,
            403);
  EXPECT_EQ(server_.As("foreign")->Get("/api/v1/community/volunteers").status, 403);
  EXPECT_EQ(server_.As("foreign")->Get(wu).status, 403);
  EXPECT_EQ(staff_->Get("/api/v1/community/groups/999999").status, 404);
  EXPECT_EQ(staff_->Get("/api/v1/community/volunteers/999999").status, 404);
  EXPECT_EQ(office_->Patch("/api/v1/community/deployments/999999", {{"duty", "x"}}).status, 404);
}

}  // namespace
}  // namespace tongxin::testing
