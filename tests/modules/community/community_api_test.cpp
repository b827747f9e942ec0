// Communities through the API, on SQLite and on PostgreSQL: community staff (a department
// account scoped to the community) add households by room or by the address as written
// ("1栋305"), residents new or existing, with their age band and vulnerable flags; a
// building is locked down and its residents are one filter away; flags are shown to staff
// only and their reads audited; bad input is named by field with nothing written; ids
// outside the caller's scope are refused.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

class CommunityApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    admin_ = server_.As("admin");
    staff_ = server_.As("community");  // the demo's community staff: a department account for the community
    staff_->SetLanguage("zh-CN");
    volunteer_ = server_.As("volunteer");
    office_ = server_.As("office");
    community_ = server_.UnitId("COMM");
    b1_ = server_.UnitId("COMM-A-1");
    b2_ = server_.UnitId("COMM-A-2");
  }
  std::int64_t PersonId(const std::string& q) {
    return admin_->Get("/api/v1/people?q=" + q).Json().at("items").as_array()[0].at("id").as_int64();
  }
  static std::vector<std::string> Names(const boost::json::value& list) {
    std::vector<std::string> out;
    for (const auto& r : list.at("items").as_array()) out.emplace_back(r.at("name").as_string());
    std::sort(out.begin(), out.end());
    return out;
  }
  std::int64_t Audits(const std::string& entity, const std::string& action) {
    return admin_->Get("/api/v1/audit?entity=" + entity + "&action=" + action).Json().at("total").as_int64();
  }

  TestServer server_{ServerOptions{.start_time = "2020-02-05T02:00:00Z"}};
  std::unique_ptr<HttpClient> admin_, staff_, volunteer_, office_;
  std::int64_t community_ = 0, b1_ = 0, b2_ = 0;
};

TEST_F(CommunityApiTest, HouseholdsAndResidentsAreRecordedByRoomOrAddress) {
  // The demo compound: Building 1 with three households, Building 2 locked down.
  const auto buildings = staff_->Get("/api/v1/community/buildings?unit_id=" + std::to_string(community_)).Json();
  ASSERT_EQ(buildings.at("total").as_int64(), 2);
  const auto& first = buildings.at("items").as_array()[0].as_object();
  EXPECT_EQ(first.at("name").as_string(), "1栋");
  EXPECT_EQ(first.at("state").as_string(), "open");
  EXPECT_EQ(first.at("households").as_int64(), 3);
  EXPECT_EQ(first.at("residents").as_int64(), 2);
  EXPECT_EQ(buildings.at("items").as_array()[1].at("state").as_string(), "locked");

  // By the address as written, and by building and room.
  auto made = staff_->Post("/api/v1/community/households", {{"community_id", community_}, {"address", "1栋305"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const auto household = made.Json();
  EXPECT_EQ(household.at("label").as_string(), "1栋305");
  EXPECT_EQ(household.at("unit_id").as_int64(), b1_);
  const std::int64_t id = household.at("id").as_int64();
  auto by_room = staff_->Post("/api/v1/community/households", {{"unit_id", b2_}, {"room", "302"}});
  ASSERT_EQ(by_room.status, 201) << by_room.body;
  EXPECT_EQ(by_room.Json().at("state").as_string(), "locked");
  auto again = staff_->Post("/api/v1/community/households", {{"unit_id", b1_}, {"room", "305"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.ErrorCode(), "community.room_taken");

  // A new resident, and one who lived elsewhere moving in.
  const std::string residents = "/api/v1/community/households/" + std::to_string(id) + "/residents";
  auto added = staff_->Post(residents, {{"name_zh", "李秀兰"},
                                        {"phone", "13807150001"},
                                        {"age_band", "80+"},
                                        {"elderly_alone", true}});
  ASSERT_EQ(added.status, 201) << added.body;
  const auto added_json = added.Json();
  const auto& li = added_json.at("residents").as_array()[0].as_object();
  EXPECT_EQ(li.at("name").as_string(), "李秀兰");
  EXPECT_EQ(li.at("phone").as_string(), "138****0001");
  EXPECT_TRUE(li.at("elderly_alone").as_bool());
  const std::int64_t li_id = li.at("person_id").as_int64();
  const auto person = admin_->Get("/api/v1/people/" + std::to_string(li_id)).Json();
  EXPECT_EQ(person.at("category").as_string(), "resident");
  EXPECT_EQ(person.at("unit_id").as_int64(), b1_);

  const std::int64_t sun = PersonId("孙建国");
  auto twice = staff_->Post(residents, {{"person_id", sun}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.ErrorCode(), "community.resident_elsewhere");
  auto moved = staff_->Patch("/api/v1/community/residents/" + std::to_string(sun), {{"household_id", id}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json().at("address").as_string(), "1栋305");
  EXPECT_EQ(staff_->Get("/api/v1/community/households/" + std::to_string(id)).Json().at("residents").as_array().size(),
            2u);

  // Moving out keeps the person.
  EXPECT_EQ(staff_->Delete("/api/v1/community/residents/" + std::to_string(li_id)).status, 204);
  EXPECT_EQ(admin_->Get("/api/v1/people/" + std::to_string(li_id)).status, 200);
  EXPECT_EQ(staff_->Delete("/api/v1/community/residents/" + std::to_string(li_id)).ErrorCode(),
            "community.not_a_resident");
  EXPECT_EQ(Audits("household", "create"), 4 + 2);  // the demo's four and these two
  EXPECT_EQ(Audits("resident", "delete"), 1);
}

TEST_F(CommunityApiTest, LockdownsKeepTheirHistoryAndLockedResidentsAreOneFilterAway) {
  const std::string url = "/api/v1/community/buildings/" + std::to_string(b1_);
  auto locked = staff_->Put(url + "/lockdown", {{"state", "controlled"},
                                                {"since", "2020-02-05"},
                                                {"until", "2020-02-19"},
                                                {"reason", "密接者居住 A close contact lives here"}});
  ASSERT_EQ(locked.status, 200) << locked.body;
  EXPECT_EQ(locked.Json().at("state").as_string(), "controlled");
  auto opened = staff_->Put(url + "/lockdown", {{"state", "open"}});
  ASSERT_EQ(opened.status, 200) << opened.body;
  const auto history = opened.Json().at("history").as_array();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].at("state").as_string(), "open");
  EXPECT_EQ(history[0].at("since").as_string(), "2020-02-05");  // today in Wuhan when not given
  EXPECT_EQ(history[1].at("state").as_string(), "controlled");
  EXPECT_EQ(history[1].at("actor_name").as_string(), "社区工作人员 陈静");
  EXPECT_EQ(Audits("building", "lockdown"), 1 + 2);  // the demo's Building 2 and these

  // Building 2 is locked down: its residents, and only they.
  const auto in_locked = staff_->Get("/api/v1/community/residents?state=locked").Json();
  EXPECT_EQ(Names(in_locked), (std::vector<std::string>{"冯桂兰", "郑国强"}));
  EXPECT_EQ(Names(staff_->Get("/api/v1/community/buildings?state=locked").Json()), (std::vector<std::string>{"2栋"}));
  const auto households = staff_->Get("/api/v1/community/households?state=locked").Json();
  ASSERT_EQ(households.at("total").as_int64(), 1);
  EXPECT_EQ(households.at("items").as_array()[0].at("label").as_string(), "2栋301");
}

TEST_F(CommunityApiTest, VulnerableFlagsAreForStaffAndTheirReadsAreAudited) {
  const auto list = staff_->Get("/api/v1/community/households?unit_id=" + std::to_string(b1_)).Json();
  std::int64_t sun_home = 0;
  for (const auto& h : list.at("items").as_array()) {
    if (h.at("room").as_string() == "101") sun_home = h.at("id").as_int64();
  }
  ASSERT_GT(sun_home, 0);
  const std::string url = "/api/v1/community/households/" + std::to_string(sun_home);
  const auto before = Audits("household", "read");
  const auto staff_view = staff_->Get(url).Json().at("residents").as_array()[0].as_object();
  EXPECT_TRUE(staff_view.at("elderly_alone").as_bool());
  EXPECT_EQ(Audits("household", "read"), before + 1);
  // A volunteer deployed there sees the household, not the flags; no read of flags to audit.
  auto seen = volunteer_->Get(url);
  ASSERT_EQ(seen.status, 200) << seen.body;
  const auto volunteer_view = seen.Json().at("residents").as_array()[0].as_object();
  EXPECT_EQ(volunteer_view.at("name").as_string(), "孙建国");
  EXPECT_FALSE(volunteer_view.contains("elderly_alone"));
  EXPECT_EQ(Audits("household", "read"), before + 1);
  EXPECT_EQ(volunteer_->Get("/api/v1/community/residents?flag=elderly_alone").ErrorCode(), "community.flags_staff_only");
  const auto alone = staff_->Get("/api/v1/community/residents?flag=elderly_alone").Json();
  EXPECT_EQ(Names(alone), (std::vector<std::string>{"孙建国"}));
  EXPECT_EQ(Audits("residents", "read"), 1);
  // The same lists as spreadsheets: flags for staff only, phones masked, each export audited.
  const auto sheet = staff_->Get("/api/v1/community/residents/export?format=csv&unit_id=" + std::to_string(b1_));
  ASSERT_EQ(sheet.status, 200) << sheet.body;
  EXPECT_NE(sheet.body.find("姓名,门牌,楼栋状态,年龄段,电话,独居老人,慢性病,孕妇,残疾"), std::string::npos) << sheet.body;
  EXPECT_NE(sheet.body.find("孙建国,1栋101,未管控,80+,,是"), std::string::npos) << sheet.body;
  const auto plain = volunteer_->Get("/api/v1/community/residents/export?format=csv").body;
  EXPECT_EQ(plain.find("独居老人"), std::string::npos);
  EXPECT_NE(plain.find("孙建国"), std::string::npos);
  EXPECT_EQ(volunteer_->Get("/api/v1/community/residents/export?flag=disabled").ErrorCode(),
            "community.flags_staff_only");
  const auto households = staff_->Get("/api/v1/community/households/export?format=csv&state=locked").body;
  EXPECT_EQ(std::count(households.begin(), households.end(), '\n'), 2);  // the head and 2栋301
  EXPECT_NE(households.find("2栋301,2栋,封控,2"), std::string::npos) << households;
  EXPECT_EQ(staff_->Get("/api/v1/community/households/export").body.substr(0, 2), "PK");
  EXPECT_EQ(Audits("residents", "export"), 2);
  EXPECT_EQ(Audits("households", "export"), 2);
  EXPECT_EQ(office_->Get("/api/v1/community/residents/export?unit_id=" + std::to_string(community_)).status, 403);
  EXPECT_EQ(volunteer_->Patch("/api/v1/community/residents/" + std::to_string(PersonId("孙建国")),
                              {{"elderly_alone", false}})
                .status,
            403);
}

TEST_F(CommunityApiTest, BadInputIsNamedByFieldAndNothingIsWritten) {
  const auto households = server_.Count("households");
  const auto people = server_.Count("people");
  const auto residents = server_.Count("household_residents");
  const auto field = [&](const HttpResponse& r) {
    return r.Json().at("error").at("details").at("field").as_string();
  };
  const std::string url = "/api/v1/community/households";
  auto r = staff_->Post(url, {{"unit_id", b1_}, {"room", "5 01"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(field(r), "room");
  r = staff_->Post(url, {{"community_id", community_}, {"address", "一栋五零一"}});
  EXPECT_EQ(field(r), "address");
  r = staff_->Post(url, {{"community_id", community_}, {"address", "9栋101"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.ErrorCode(), "community.no_such_address");
  r = staff_->Post(url, {{"unit_id", community_}, {"room", "101"}});
  EXPECT_EQ(r.ErrorCode(), "community.not_a_building");
  EXPECT_EQ(field(r), "unit_id");
  r = staff_->Post(url, {{"unit_id", b1_}});
  EXPECT_EQ(field(r), "room");
  r = staff_->Post(url, object{});
  EXPECT_EQ(field(r), "unit_id");
  const std::int64_t any = staff_->Get(url).Json().at("items").as_array()[0].at("id").as_int64();
  const std::string add = url + "/" + std::to_string(any) + "/residents";
  EXPECT_EQ(field(staff_->Post(add, {{"age_band", "elderly"}})), "age_band");
  EXPECT_EQ(field(staff_->Post(add, {{"phone", "13800000000"}})), "name_zh");
  EXPECT_EQ(field(staff_->Post(add, {{"person_id", PersonId("孙建国")}, {"name_zh", "x"}})), "person_id");
  EXPECT_EQ(field(staff_->Post(add, {{"person_id", 999999}})), "person_id");
  const std::string lock = "/api/v1/community/buildings/" + std::to_string(b1_) + "/lockdown";
  EXPECT_EQ(field(staff_->Put(lock, {{"state", "sealed"}})), "state");
  EXPECT_EQ(field(staff_->Put(lock, {{"state", "locked"}})), "reason");
  EXPECT_EQ(field(staff_->Put(lock, {{"state", "locked"}, {"reason", "x"}, {"since", "2020-02-10"},
                                     {"until", "2020-02-01"}})),
            "until");
  EXPECT_EQ(field(staff_->Put(lock, {{"state", "locked"}, {"reason", "x"}, {"since", "10 Feb"}})), "since");
  EXPECT_EQ(staff_->Get("/api/v1/community/residents?flag=old").ErrorCode(), "validation.invalid_choice");
  EXPECT_EQ(server_.Count("households"), households);
  EXPECT_EQ(server_.Count("people"), people);
  EXPECT_EQ(server_.Count("household_residents"), residents);
  EXPECT_EQ(server_.Count("building_lockdown_events"), 1);
}

TEST_F(CommunityApiTest, IdsOutsideTheCallersScopeAreRefused) {
  // The office's units are the university's; the community is not among them.
  const std::int64_t household = staff_->Get("/api/v1/community/households").Json().at("items").as_array()[0]
                                     .at("id").as_int64();
  const std::string h = "/api/v1/community/households/" + std::to_string(household);
  EXPECT_EQ(office_->Get(h).status, 403);
  EXPECT_EQ(office_->Patch(h, {{"notes", "x"}}).status, 403);
  EXPECT_EQ(office_->Post(h + "/residents", {{"name_zh", "某人"}}).status, 403);
  EXPECT_EQ(office_->Get("/api/v1/community/buildings/" + std::to_string(b1_)).status, 403);
  EXPECT_EQ(office_->Put("/api/v1/community/buildings/" + std::to_string(b1_) + "/lockdown", {{"state", "open"}})
                .status,
            403);
  EXPECT_EQ(office_->Post("/api/v1/community/households", {{"unit_id", b1_}, {"room", "909"}}).status, 403);
  EXPECT_EQ(office_->Get("/api/v1/community/households?unit_id=" + std::to_string(community_)).status, 403);
  EXPECT_EQ(office_->Get("/api/v1/community/households").Json().at("total").as_int64(), 0);
  EXPECT_EQ(office_->Patch("/api/v1/community/residents/" + std::to_string(PersonId("孙建国")), {{"age_band", "80+"}})
                .status,
            403);
  // Community staff may not bring in a person of the university's.
  auto outsider = staff_->Post(h + "/residents", {{"person_id", PersonId("Oliver")}});
  EXPECT_EQ(outsider.status, 403);
  EXPECT_EQ(outsider.ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(office_->Delete("/api/v1/community/residents/" + std::to_string(PersonId("孙建国"))).status, 403);

  // A building of the university's (the foreign experts' residence) with a household:
  // community staff can neither move a resident there nor add households under it.
  auto residence = admin_->Post("/api/v1/units", {{"parent_id", server_.UnitId("SIE")},
                                                  {"code", "SIE-RES"},
                                                  {"name_zh", "专家楼"},
                                                  {"kind", "building"}});
  ASSERT_EQ(residence.status, 201) << residence.body;
  const std::int64_t residence_id = residence.Json().at("id").as_int64();
  auto theirs = office_->Post("/api/v1/community/households", {{"unit_id", residence_id}, {"room", "101"}});
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  const std::int64_t their_household = theirs.Json().at("id").as_int64();
  auto move = staff_->Patch("/api/v1/community/residents/" + std::to_string(PersonId("孙建国")),
                            {{"household_id", their_household}});
  EXPECT_EQ(move.status, 403);
  EXPECT_EQ(move.ErrorCode(), "auth.out_of_scope");
  auto there = staff_->Post("/api/v1/community/households", {{"community_id", server_.UnitId("SIE")},
                                                             {"address", "1栋101"}});
  EXPECT_EQ(there.status, 403);
  EXPECT_EQ(there.ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(staff_->Delete("/api/v1/community/residents/" + std::to_string(PersonId("孙建国"))).status, 204);
  EXPECT_EQ(staff_->Get("/api/v1/community/households/999999").status, 404);
  EXPECT_EQ(staff_->Get("/api/v1/community/buildings/999999").status, 404);
  EXPECT_EQ(server_.As("foreign")->Get("/api/v1/community/households").status, 403);
}

}  // namespace
}  // namespace tongxin::testing
