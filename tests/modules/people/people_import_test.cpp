// Importing people: preview lists every invalid row, nothing is written until confirmed,
// then all rows or none.
#include <gtest/gtest.h>

#include "io/xlsx.hpp"
#include "modules/people/people_import.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

const std::map<std::string, std::string> kCsv = {{"Content-Type", "text/csv"}};

TEST(PeopleImportTest, HeadersInChineseAndEnglish) {
  EXPECT_EQ(people::FieldForHeader("证件号码"), "id_number");
  EXPECT_EQ(people::FieldForHeader(" Passport Number "), "id_number");
  EXPECT_EQ(people::FieldForHeader("Date of birth"), "birth_date");
  EXPECT_EQ(people::FieldForHeader("国籍"), "nationality");
  EXPECT_EQ(people::FieldForHeader("whatever"), "");
}

TEST(PeopleImportTest, PreviewListsInvalidRowsAndWritesNothing) {
  TestServer server;
  auto office = server.As("office");
  const auto before = server.Count("people");
  const std::string csv =
      "中文姓名,外文姓名,性别,国籍,证件号码,类别,单位,邮箱\n"
      ",Anna Schmidt,女,DE,C01X00T47,外籍工作人员,SIE,anna@example.org\n"
      ",Bad Country,男,XX,P0000001,外籍工作人员,SIE,\n"
      "王五,,男,CN,,教职工,NOPE,\n"
      ",Dup Passport,男,GB,GB52840000,外籍工作人员,SIE,\n"
      ",Twice,男,FR,F123,foreign staff,SIE,\n"
      ",Twice Again,男,FR,F123,foreign staff,SIE,bad-mail\n";
  auto res = office->Request("POST", "/api/v1/people/imports?filename=staff.csv", csv, kCsv);
  ASSERT_EQ(res.status, 201) << res.body;
  auto pv = res.Json();
  EXPECT_EQ(pv.at("total").as_int64(), 6);
  EXPECT_EQ(pv.at("valid").as_int64(), 2);
  std::set<std::string> problems;
  for (const auto& is : pv.at("issues").as_array()) {
    problems.insert(std::to_string(is.at("row").as_int64()) + ":" + std::string(is.at("field").as_string()) + ":" +
                    std::string(is.at("code").as_string()));
    EXPECT_FALSE(is.at("message").as_string().empty());
  }
  EXPECT_TRUE(problems.count("3:nationality:validation.invalid_country"));
  EXPECT_TRUE(problems.count("4:unit:imports.unknown_unit"));
  EXPECT_TRUE(problems.count("5:id_number:people.duplicate_id_number"));
  EXPECT_TRUE(problems.count("7:id_number:imports.duplicate_in_file"));
  EXPECT_TRUE(problems.count("7:email:validation.invalid_email"));
  EXPECT_EQ(server.Count("people"), before);  // nothing written by a preview
  auto confirm = office->Request("POST", "/api/v1/people/imports/" + std::string(pv.at("id").as_string()) + "/confirm");
  EXPECT_EQ(confirm.status, 409);
  EXPECT_EQ(confirm.ErrorCode(), "imports.has_errors");
  EXPECT_EQ(server.Count("people"), before);
}

TEST(PeopleImportTest, ValidXlsxImportsAllRowsOnConfirm) {
  TestServer server;
  auto office = server.As("office");
  io::Sheet sheet;
  sheet.headers = {"Latin name", "Gender", "Nationality", "Passport number", "Category", "Unit", "Date of birth"};
  for (int i = 0; i < 40; ++i) {
    sheet.rows.push_back({"Imported " + std::to_string(i), "female", "CA", "CA" + std::to_string(9000 + i),
                          "foreign_staff", "School of International Education", "1990-05-0" + std::to_string(1 + i % 9)});
  }
  auto bytes = io::WriteXlsx({sheet});
  ASSERT_TRUE(bytes);
  const auto before = server.Count("people");
  auto res = office->Request("POST", "/api/v1/people/imports?filename=people.xlsx", *bytes,
                             {{"Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}});
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_EQ(res.Json().at("valid").as_int64(), 40);
  const std::string id(res.Json().at("id").as_string());
  EXPECT_EQ(office->Get("/api/v1/people/imports/" + id).Json().at("status").as_string(), "pending");
  auto done = office->Request("POST", "/api/v1/people/imports/" + id + "/confirm");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json().at("written").as_int64(), 40);
  EXPECT_EQ(server.Count("people"), before + 40);
  EXPECT_EQ(office->Request("POST", "/api/v1/people/imports/" + id + "/confirm").ErrorCode(), "imports.already_done");
  // Another user cannot see or confirm someone else's import.
  auto admin = server.As("admin");
  EXPECT_EQ(admin->Get("/api/v1/people/imports/" + id).status, 404);
}

TEST(PeopleImportTest, ConfirmIsAllOrNothing) {
  TestServer server;
  auto office = server.As("office");
  const std::string csv = "name,category,unit,passport number\nFirst,staff,INTL,Z111\nSecond,staff,INTL,Z222\n";
  auto res = office->Request("POST", "/api/v1/people/imports", csv, kCsv);
  ASSERT_EQ(res.status, 201);
  // Between preview and confirm, someone registers the second passport by hand.
  ASSERT_EQ(office->Post("/api/v1/people", {{"unit_id", server.UnitId("INTL")}, {"name_latin", "Meanwhile"},
                                            {"category", "staff"}, {"id_number", "Z222"}}).status, 201);
  const auto before = server.Count("people");
  auto confirm = office->Request("POST", "/api/v1/people/imports/" + std::string(res.Json().at("id").as_string()) + "/confirm");
  EXPECT_EQ(confirm.status, 409);
  EXPECT_EQ(confirm.ErrorCode(), "people.duplicate_id_number");
  EXPECT_EQ(confirm.Json().at("error").at("details").at("row").as_string(), "3");
  EXPECT_EQ(server.Count("people"), before);  // "First" was rolled back too
  EXPECT_EQ(office->Get("/api/v1/people?q=first").Json().at("total").as_int64(), 0);
}

TEST(PeopleImportTest, BrokenFilesAreRefusedClearly) {
  TestServer server;
  auto office = server.As("office");
  EXPECT_EQ(office->Request("POST", "/api/v1/people/imports", "a,b\n1,2\n", kCsv).ErrorCode(), "imports.missing_column");
  EXPECT_EQ(office->Request("POST", "/api/v1/people/imports", "name,category\n", kCsv).ErrorCode(), "imports.no_rows");
  EXPECT_EQ(office->Request("POST", "/api/v1/people/imports", "name,\"category\n", kCsv).ErrorCode(), "imports.bad_file");
  EXPECT_EQ(office->Request("POST", "/api/v1/people/imports", "PK\x03\x04garbage",
                            {{"Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}})
                .ErrorCode(),
            "imports.bad_file");
  EXPECT_EQ(office->Request("POST", "/api/v1/people/imports", "name,category\nX,staff\n", kCsv).Json().at("issues")
                .as_array()[0].at("field").as_string(),
            "unit");
  // A workbook of a few hundred KB that would expand to 250,000 rows is refused before it
  // is held in memory, with a clear 413 naming the bound.
  {
    io::Sheet big;
    big.headers = {"name", "category"};
    for (int i = 0; i < 250000; ++i) big.rows.push_back({"x", "staff"});
    auto bytes = io::WriteXlsx({big});
    ASSERT_TRUE(bytes);
    auto res = office->Request("POST", "/api/v1/people/imports", *bytes,
                               {{"Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}});
    EXPECT_EQ(res.status, 413) << res.body;
    EXPECT_EQ(res.ErrorCode(), "imports.too_large");
    EXPECT_EQ(res.Json().at("error").at("details").at("limit").as_string(), "rows");
  }
  auto with_default = office->Request("POST", "/api/v1/people/imports?unit_id=" + std::to_string(server.UnitId("INTL")),
                                      "name,category\nX,staff\n", kCsv);
  EXPECT_EQ(with_default.Json().at("valid").as_int64(), 1);
}

}  // namespace
}  // namespace tongxin::testing
