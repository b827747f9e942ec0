// People and units through the API: lists, masking, scope, archive, concurrency, export.
#include <gtest/gtest.h>

#include "io/csv.hpp"
#include "io/xlsx.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

class PeopleApiTest : public ::testing::Test {
 protected:
  std::int64_t FindId(HttpClient& c, const std::string& q) {
    auto items = c.Get("/api/v1/people?q=" + q).Json().at("items").as_array();
    return items.empty() ? 0 : items[0].at("id").as_int64();
  }
  TestServer server_;
};

TEST_F(PeopleApiTest, ListFiltersSortsAndPages) {
  auto office = server_.As("office");
  auto all = office->Get("/api/v1/people?category=foreign_staff&page_size=200").Json();
  EXPECT_EQ(all.at("total").as_int64(), 30);
  auto gb = office->Get("/api/v1/people?nationality=gb").Json();
  ASSERT_EQ(gb.at("total").as_int64(), 1);
  EXPECT_EQ(gb.at("items").as_array()[0].at("name_latin").as_string(), "Oliver Bennett");
  auto page = office->Get("/api/v1/people?category=foreign_staff&sort=nationality&order=desc&page=2&page_size=10").Json();
  EXPECT_EQ(page.at("items").as_array().size(), 10u);
  EXPECT_EQ(page.at("page").as_int64(), 2);
  auto sie = office->Get("/api/v1/people?unit_id=" + std::to_string(server_.UnitId("SIE"))).Json();
  for (const auto& p : sie.at("items").as_array()) {
    EXPECT_EQ(p.at("unit_name").as_string(), "School of International Education");  // Accept-Language: en
  }
  EXPECT_EQ(office->Get("/api/v1/people?q=%E7%8E%8B%E8%8A%B3").Json().at("total").as_int64(), 1);
}

TEST_F(PeopleApiTest, IdentifiersAreMaskedForRolesThatMayNotSeeThem) {
  auto office = server_.As("office");
  auto hr = server_.As("hr");
  auto full = office->Get("/api/v1/people?q=oliver").Json().at("items").as_array()[0];
  auto masked = hr->Get("/api/v1/people?q=oliver").Json().at("items").as_array()[0];
  EXPECT_EQ(full.at("id_number").as_string(), "GB52840000");
  EXPECT_EQ(masked.at("id_number").as_string(), "GB******00");
  EXPECT_EQ(masked.at("phone").as_string(), "138****1000");
  EXPECT_TRUE(masked.at("identifiers_masked").as_bool());
  // A masked field cannot be searched either (else it could be probed digit by digit);
  // the office, who sees it, finds them by it.
  EXPECT_EQ(hr->Get("/api/v1/people?q=GB52840000").Json().at("total").as_int64(), 0);
  EXPECT_EQ(hr->Get("/api/v1/people?q=1380713").Json().at("total").as_int64(), 0);
  EXPECT_EQ(office->Get("/api/v1/people?q=GB52840000").Json().at("total").as_int64(), 1);
}

TEST_F(PeopleApiTest, ScopeLimitsReadsAndWrites) {
  auto hr = server_.As("hr");  // HR, SIE, SCS, SMAT
  auto office = server_.As("office");
  const auto intl_person = FindId(*office, "zhang%20wei");
  ASSERT_GT(intl_person, 0);
  auto read = hr->Get("/api/v1/people/" + std::to_string(intl_person));
  EXPECT_EQ(read.status, 403);
  EXPECT_EQ(read.ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(hr->Patch("/api/v1/people/" + std::to_string(intl_person), {{"notes", "x"}}).status, 403);
  auto create = hr->Post("/api/v1/people", {{"unit_id", server_.UnitId("INTL")}, {"name_zh", "越权"}, {"category", "staff"}});
  EXPECT_EQ(create.status, 403);
  auto ok = hr->Post("/api/v1/people", {{"unit_id", server_.UnitId("SIE")}, {"name_zh", "新同事"}, {"category", "staff"}});
  EXPECT_EQ(ok.status, 201);
  auto units = hr->Get("/api/v1/units").Json().at("items").as_array();
  bool sees_intl = false;
  for (const auto& u : units) sees_intl = sees_intl || u.at("code").as_string() == "INTL";
  EXPECT_FALSE(sees_intl);
}

TEST_F(PeopleApiTest, ForeignStaffSeeOnlyThemselves) {
  auto me = server_.As("foreign");
  auto own = me->Get("/api/v1/me/person");
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.Json().at("name_latin").as_string(), "Oliver Bennett");
  EXPECT_EQ(own.Json().at("id_number").as_string(), "GB52840000");  // their own, unmasked
  const auto own_id = own.Json().at("id").as_int64();
  EXPECT_EQ(me->Get("/api/v1/people/" + std::to_string(own_id)).status, 200);
  EXPECT_EQ(me->Get("/api/v1/people/" + std::to_string(own_id + 1)).status, 403);
  EXPECT_EQ(me->Get("/api/v1/people").status, 403);
}

TEST_F(PeopleApiTest, EditArchiveRestoreAndConflicts) {
  auto office = server_.As("office");
  const auto id = std::to_string(FindId(*office, "sophie"));
  auto edit = office->Patch("/api/v1/people/" + id, {{"phone", "+86 139 0000 1111"}, {"version", 1}});
  ASSERT_EQ(edit.status, 200) << edit.body;
  EXPECT_EQ(edit.Json().at("version").as_int64(), 2);
  auto stale = office->Patch("/api/v1/people/" + id, {{"notes", "late"}, {"version", 1}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.ErrorCode(), "people.stale");
  auto dup = office->Patch("/api/v1/people/" + id, {{"id_number", "GB52840000"}, {"id_type", "passport"}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.ErrorCode(), "people.duplicate_id_number");

  ASSERT_EQ(office->Request("POST", "/api/v1/people/" + id + "/archive").status, 200);
  EXPECT_EQ(office->Get("/api/v1/people?q=sophie").Json().at("total").as_int64(), 0);
  EXPECT_EQ(office->Get("/api/v1/people?q=sophie&status=archived").Json().at("total").as_int64(), 1);
  EXPECT_EQ(office->Patch("/api/v1/people/" + id, {{"notes", "x"}}).ErrorCode(), "people.archived");
  EXPECT_EQ(office->Delete("/api/v1/people/" + id).status, 405);  // people are never deleted
  ASSERT_EQ(office->Request("POST", "/api/v1/people/" + id + "/restore").status, 200);
  EXPECT_EQ(office->Get("/api/v1/people?q=sophie").Json().at("total").as_int64(), 1);
}

TEST_F(PeopleApiTest, UnitsCreateMoveAndDelete) {
  auto office = server_.As("office");
  auto made = office->Post("/api/v1/units", {{"parent_id", server_.UnitId("WHUT")}, {"code", "NEW"},
                                             {"name_zh", "新单位"}, {"name_en", "New unit"}, {"kind", "department"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const auto id = std::to_string(made.Json().at("id").as_int64());
  EXPECT_EQ(office->Post("/api/v1/units", {{"code", "NEW"}, {"name_zh", "重复"}, {"kind", "office"},
                                           {"parent_id", server_.UnitId("WHUT")}}).ErrorCode(), "units.code_taken");
  auto moved = office->Patch("/api/v1/units/" + id, {{"parent_id", server_.UnitId("HR")}});
  ASSERT_EQ(moved.status, 200);
  EXPECT_EQ(moved.Json().at("path").as_string(),
            "/" + std::to_string(server_.UnitId("WHUT")) + "/" + std::to_string(server_.UnitId("HR")) + "/" + id + "/");
  EXPECT_EQ(office->Delete("/api/v1/units/" + std::to_string(server_.UnitId("INTL"))).ErrorCode(), "units.has_children");
  EXPECT_EQ(office->Delete("/api/v1/units/" + id).status, 204);
}

TEST_F(PeopleApiTest, ExportHonoursFiltersLanguageAndMasking) {
  auto office = server_.As("office");
  office->SetLanguage("zh-CN");
  auto xlsx = office->Get("/api/v1/people/export?format=xlsx&nationality=GB");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_NE(xlsx.Header("content-type").find("spreadsheetml"), std::string::npos);
  auto table = io::ReadXlsx(xlsx.body);
  ASSERT_TRUE(table);
  ASSERT_EQ(table->size(), 2u);
  EXPECT_EQ((*table)[0][1], "中文姓名");
  EXPECT_EQ((*table)[1][2], "Oliver Bennett");
  EXPECT_EQ((*table)[1][7], "GB52840000");
  EXPECT_EQ((*table)[1][11], "外籍工作人员");

  auto leader = server_.As("leader");
  auto csv = leader->Get("/api/v1/people/export?format=csv&category=foreign_staff");
  ASSERT_EQ(csv.status, 200);
  auto rows = io::ParseCsv(csv.body);
  ASSERT_TRUE(rows);
  EXPECT_EQ(rows->size(), 31u);
  EXPECT_EQ((*rows)[0][0], "ID");
  for (std::size_t i = 1; i < rows->size(); ++i) EXPECT_NE((*rows)[i][7].find("****"), std::string::npos);
  EXPECT_EQ(leader->Get("/api/v1/people/export?format=pdf").status, 400);
  auto admin = server_.As("admin");
  EXPECT_EQ(admin->Get("/api/v1/audit?action=export").Json().at("total").as_int64(), 2);
}

}  // namespace
}  // namespace tongxin::testing
