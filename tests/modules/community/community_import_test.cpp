// Importing a community's households and residents, on SQLite and on PostgreSQL: headers
// in Chinese or English, the address in one cell or as building, entrance and room;
// missing buildings and entrances join the unit tree; residents already there are matched
// and updated; a preview lists every invalid row (an address that does not read, a flag
// that is neither yes nor no, a resident in two households, one living elsewhere) and
// writes nothing; a confirm writes every row or none; the community must be in scope.
#include <gtest/gtest.h>

#include "io/xlsx.hpp"
#include "modules/community/community_import.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

const std::map<std::string, std::string> kCsv = {{"Content-Type", "text/csv"}};
const std::map<std::string, std::string> kXlsx = {
    {"Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};

TEST(CommunityImportTest, HeadersAndValuesAsOfficesWriteThem) {
  EXPECT_EQ(community::CommunityFieldForHeader("楼栋"), "building");
  EXPECT_EQ(community::CommunityFieldForHeader("门牌号"), "address");
  EXPECT_EQ(community::CommunityFieldForHeader(" Room "), "room");
  EXPECT_EQ(community::CommunityFieldForHeader("姓名"), "name_zh");
  EXPECT_EQ(community::CommunityFieldForHeader("独居老人"), "elderly_alone");
  EXPECT_EQ(community::CommunityFieldForHeader("whatever"), "");
  EXPECT_EQ(community::BuildingName("3"), "3栋");
  EXPECT_EQ(community::BuildingName("12号楼"), "12栋");
  EXPECT_EQ(community::BuildingName("3幢"), "3栋");
  EXPECT_EQ(community::BuildingName("综合楼"), "综合楼");
  EXPECT_EQ(community::EntranceName("2"), "2单元");
  EXPECT_EQ(community::EntranceName("2单元"), "2单元");
  EXPECT_EQ(community::AgeBandFrom("72"), "60-79");
  EXPECT_EQ(community::AgeBandFrom("8岁"), "0-17");
  EXPECT_EQ(community::AgeBandFrom("80岁以上"), "80+");
  EXPECT_EQ(community::AgeBandFrom("18-59岁"), "18-59");
  EXPECT_EQ(community::AgeBandFrom("old"), "old");
}

class CommunityImportApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    staff_ = server_.As("community");
    staff_->SetLanguage("zh-CN");
    community_ = server_.UnitId("COMM");
  }
  HttpResponse Upload(const std::string& body, const std::map<std::string, std::string>& type = kCsv,
                      std::int64_t community = 0) {
    return staff_->Request("POST",
                           "/api/v1/community/imports?filename=households.csv&community_id=" +
                               std::to_string(community ? community : community_),
                           body, type);
  }
  std::set<std::string> Problems(const boost::json::value& pv) {
    std::set<std::string> out;
    for (const auto& is : pv.at("issues").as_array()) {
      out.insert(std::to_string(is.at("row").as_int64()) + ":" + std::string(is.at("field").as_string()) + ":" +
                 std::string(is.at("code").as_string()));
      EXPECT_FALSE(is.at("message").as_string().empty());
    }
    return out;
  }
  // The household of the resident named, or (room) of the one room of that number.
  boost::json::object Household(const std::string& name) {
    auto list = staff_->Get("/api/v1/community/residents?q=" + name).Json();
    EXPECT_EQ(list.at("total").as_int64(), 1) << name;
    const std::int64_t id = list.at("items").as_array()[0].at("household_id").as_int64();
    return staff_->Get("/api/v1/community/households/" + std::to_string(id)).Json().as_object();
  }
  std::int64_t Room(const std::string& room) {
    auto list = staff_->Get("/api/v1/community/households?q=" + room).Json();
    EXPECT_EQ(list.at("total").as_int64(), 1) << room;
    return list.at("items").as_array()[0].at("id").as_int64();
  }

  TestServer server_{ServerOptions{.start_time = "2020-02-05T02:00:00Z"}};
  std::unique_ptr<HttpClient> staff_;
  std::int64_t community_ = 0;
};

TEST_F(CommunityImportApiTest, XlsxAddsBuildingsHouseholdsAndResidentsOnConfirm) {
  io::Sheet sheet;
  sheet.headers = {"小区", "楼栋", "单元", "房号", "姓名", "联系电话", "性别", "年龄", "独居老人", "慢性病", "备注"};
  sheet.rows = {
      {"东院小区", "1", "", "101", "孙建国", "", "男", "", "是", "", ""},  // the demo's resident, as he is
      {"东院小区", "3", "1", "101室", "周伟", "13807150101", "男", "45", "", "", "一楼"},
      {"东院小区", "3", "1", "101", "周小雨", "", "女", "12", "", "", ""},
      {"东院小区", "3号楼", "2", "502", "吴芳", "13807150102", "女", "81", "是", "是", ""},
      {"东院小区", "3", "2", "503", "", "", "", "", "", "", "空置"},
  };
  auto bytes = io::WriteXlsx({sheet});
  ASSERT_TRUE(bytes);
  const auto units = server_.Count("units");
  const auto people = server_.Count("people");
  auto res = Upload(*bytes, kXlsx);
  ASSERT_EQ(res.status, 201) << res.body;
  const auto pv = res.Json();
  EXPECT_EQ(pv.at("valid").as_int64(), 5) << res.body;
  EXPECT_EQ(pv.at("summary").at("new_units").as_int64(), 3);  // 3栋, its 1单元 and 2单元
  EXPECT_EQ(pv.at("summary").at("new_households").as_int64(), 3);
  EXPECT_EQ(pv.at("summary").at("new_residents").as_int64(), 3);
  EXPECT_EQ(pv.at("summary").at("unchanged_residents").as_int64(), 1);
  EXPECT_EQ(server_.Count("units"), units);  // a preview writes nothing
  EXPECT_EQ(server_.Count("people"), people);

  const std::string id(pv.at("id").as_string());
  EXPECT_EQ(server_.As("admin")->Get("/api/v1/community/imports/" + id).ErrorCode(), "imports.not_found");
  auto done = staff_->Request("POST", "/api/v1/community/imports/" + id + "/confirm");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json().at("units").as_int64(), 3);
  EXPECT_EQ(done.Json().at("households").as_int64(), 3);
  EXPECT_EQ(done.Json().at("residents").as_int64(), 3);
  EXPECT_EQ(done.Json().at("unchanged").as_int64(), 1);
  EXPECT_EQ(staff_->Request("POST", "/api/v1/community/imports/" + id + "/confirm").ErrorCode(),
            "imports.already_done");
  EXPECT_EQ(server_.Count("units"), units + 3);
  EXPECT_EQ(server_.Count("people"), people + 3);

  // The new building stands in the tree under the compound, with its entrances.
  const auto buildings = staff_->Get("/api/v1/community/buildings?unit_id=" + std::to_string(community_)).Json();
  ASSERT_EQ(buildings.at("total").as_int64(), 3);
  const auto& third = buildings.at("items").as_array()[2].as_object();
  EXPECT_EQ(third.at("name").as_string(), "3栋");
  EXPECT_EQ(third.at("households").as_int64(), 3);
  EXPECT_EQ(third.at("residents").as_int64(), 3);
  EXPECT_EQ(third.at("parent_id").as_int64(), server_.UnitId("COMM-A"));

  const auto zhou = Household("周伟");
  EXPECT_EQ(zhou.at("label").as_string(), "3栋1单元101");
  EXPECT_EQ(zhou.at("notes").as_string(), "一楼");
  ASSERT_EQ(zhou.at("residents").as_array().size(), 2u);
  EXPECT_EQ(zhou.at("residents").as_array()[1].at("age_band").as_string(), "0-17");
  const auto wu = Household("吴芳");
  EXPECT_EQ(wu.at("label").as_string(), "3栋2单元502");
  const auto& fang = wu.at("residents").as_array()[0].as_object();
  EXPECT_EQ(fang.at("age_band").as_string(), "80+");
  EXPECT_TRUE(fang.at("elderly_alone").as_bool());
  EXPECT_TRUE(fang.at("chronic_illness").as_bool());

  // The same file again: nothing new; a change to a flag is a change.
  auto again = Upload(*bytes, kXlsx).Json();
  EXPECT_EQ(again.at("summary").at("new_units").as_int64(), 0);
  EXPECT_EQ(again.at("summary").at("new_households").as_int64(), 0);
  EXPECT_EQ(again.at("summary").at("new_residents").as_int64(), 0);
  EXPECT_EQ(again.at("summary").at("unchanged_residents").as_int64(), 4);
  auto change = Upload("address,name,phone,chronic illness\n3-2-502,吴芳,13807150102,no\n").Json();
  EXPECT_EQ(change.at("summary").at("changed_residents").as_int64(), 1) << boost::json::serialize(change);
  auto changed = staff_->Request("POST", "/api/v1/community/imports/" + std::string(change.at("id").as_string()) +
                                             "/confirm");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_FALSE(Household("吴芳").at("residents").as_array()[0].at("chronic_illness").as_bool());

  // Audited: the units the import added, and the import itself.
  auto admin = server_.As("admin");
  EXPECT_EQ(admin->Get("/api/v1/audit?entity=import&action=import").Json().at("total").as_int64(), 2);
  EXPECT_GE(admin->Get("/api/v1/audit?entity=unit&action=create").Json().at("total").as_int64(), 3);
}

TEST_F(CommunityImportApiTest, InvalidRowsAreListedAndNothingIsWritten) {
  // 赵六 lives in 1栋201 with a phone number.
  auto zhao = staff_->Post("/api/v1/community/households/" + std::to_string(Room("201")) + "/residents",
                           {{"name_zh", "赵六"}, {"phone", "13807150999"}});
  ASSERT_EQ(zhao.status, 201) << zhao.body;
  const std::string csv =
      "地址,姓名,电话,独居老人\n"
      "3栋楼上,张三,,\n"                   // 2: the address does not read
      "1栋103,李四,13807150201,也许\n"      // 3: neither yes nor no
      "1栋104,王五,13807150202,\n"          // 4
      "2栋201,王五,13807150202,\n"          // 5: 王五 again, in another household
      "2栋301,赵六,13807150999,\n"          // 6: lives in 1栋201
      "1栋104,王五,13807150202,\n"          // 7: repeats row 4
      "1栋106,,13807150203,\n";             // 8: a phone without a name
  const auto households = server_.Count("households");
  const auto people = server_.Count("people");
  auto res = Upload(csv);
  ASSERT_EQ(res.status, 201) << res.body;
  const auto pv = res.Json();
  EXPECT_EQ(pv.at("total").as_int64(), 7);
  EXPECT_EQ(pv.at("valid").as_int64(), 1);
  EXPECT_EQ(Problems(pv), (std::set<std::string>{"2:address:community.invalid_address",
                                                 "3:elderly_alone:validation.invalid_choice",
                                                 "5:name_zh:community.import_two_households",
                                                 "6:name_zh:community.import_lives_elsewhere",
                                                 "7:name_zh:community.import_repeats",
                                                 "8:name_zh:community.resident_name_needed"}));
  for (const auto& is : pv.at("issues").as_array()) {
    if (is.at("row").as_int64() == 6) {
      EXPECT_NE(std::string(is.at("message").as_string()).find("1栋201"), std::string::npos) << is;
    }
  }
  auto confirm = staff_->Request("POST", "/api/v1/community/imports/" + std::string(pv.at("id").as_string()) +
                                             "/confirm");
  EXPECT_EQ(confirm.status, 409);
  EXPECT_EQ(confirm.ErrorCode(), "imports.has_errors");
  EXPECT_EQ(server_.Count("households"), households);
  EXPECT_EQ(server_.Count("people"), people);

  // No address column at all; an empty file.
  auto no_address = Upload("姓名,电话\n张三,13807150301\n");
  EXPECT_EQ(no_address.status, 400);
  EXPECT_EQ(no_address.ErrorCode(), "imports.missing_column");
  EXPECT_EQ(Upload("地址,姓名\n").ErrorCode(), "imports.no_rows");
  // Building and room columns: a room that does not read, a missing room.
  auto rooms = Upload("building,room,name\n3,5/01,A\n3,,B\n").Json();
  EXPECT_EQ(Problems(rooms), (std::set<std::string>{"2:room:community.invalid_room", "3:room:validation.required"}));
}

TEST_F(CommunityImportApiTest, AConfirmWritesEveryRowOrNone) {
  const std::string csv =
      "地址,姓名,电话\n"
      "5栋101,甲,13807150401\n"
      "5栋102,乙,13807150402\n";
  auto pv = Upload(csv).Json();
  ASSERT_EQ(pv.at("valid").as_int64(), 2) << boost::json::serialize(pv);
  // Between preview and confirm, 乙 is registered in 1栋201: the second row fails, and the
  // building and household of the first are not left behind.
  ASSERT_EQ(staff_->Post("/api/v1/community/households/" + std::to_string(Room("201")) + "/residents",
                         {{"name_zh", "乙"}, {"phone", "13807150402"}})
                .status,
            201);
  const auto units = server_.Count("units");
  const auto households = server_.Count("households");
  const auto people = server_.Count("people");
  auto done = staff_->Request("POST", "/api/v1/community/imports/" + std::string(pv.at("id").as_string()) +
                                          "/confirm");
  EXPECT_EQ(done.status, 400) << done.body;
  EXPECT_EQ(done.Json().at("error").at("details").at("row").as_string(), "3");
  EXPECT_EQ(server_.Count("units"), units);
  EXPECT_EQ(server_.Count("households"), households);
  EXPECT_EQ(server_.Count("people"), people);
}

TEST_F(CommunityImportApiTest, TheCommunityMustBeInScopeAndACommunity) {
  const std::string csv = "地址,姓名\n1栋108,某人\n";
  auto missing = staff_->Request("POST", "/api/v1/community/imports", csv, kCsv);
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.ErrorField(), "community_id");
  auto outside = Upload(csv, kCsv, server_.UnitId("SIE"));
  EXPECT_EQ(outside.status, 403);
  EXPECT_EQ(outside.ErrorCode(), "auth.out_of_scope");
  auto building = Upload(csv, kCsv, server_.UnitId("COMM-A-1"));
  EXPECT_EQ(building.status, 400);
  EXPECT_EQ(building.ErrorCode(), "community.not_a_community");
  EXPECT_EQ(Upload(csv, kCsv, 999999).status, 400);
  auto volunteer = server_.As("volunteer")->Request(
      "POST", "/api/v1/community/imports?community_id=" + std::to_string(community_), csv, kCsv);
  EXPECT_EQ(volunteer.status, 403);
  // The office's scope is the university's: it cannot import into the community either.
  auto office = server_.As("office")->Request(
      "POST", "/api/v1/community/imports?community_id=" + std::to_string(community_), csv, kCsv);
  EXPECT_EQ(office.status, 403);
  EXPECT_EQ(office.ErrorCode(), "auth.out_of_scope");
}

}  // namespace
}  // namespace tongxin::testing
