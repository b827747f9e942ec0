// The audit log records writes with before/after and sensitive reads; admins browse and export it.
#include <gtest/gtest.h>

#include "io/xlsx.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

TEST(AuditApiTest, WritesAreRecordedWithBeforeAndAfter) {
  TestServer server;
  auto office = server.As("office");
  auto made = office->Post("/api/v1/people", {{"unit_id", server.UnitId("INTL")}, {"name_latin", "Audit Me"},
                                              {"category", "staff"}});
  ASSERT_EQ(made.status, 201);
  const auto id = std::to_string(made.Json().at("id").as_int64());
  ASSERT_EQ(office->Patch("/api/v1/people/" + id, {{"notes", "changed"}}).status, 200);

  auto admin = server.As("admin");
  auto log = admin->Get("/api/v1/audit?entity=person&entity_id=" + id).Json();
  auto items = log.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("action").as_string(), "update");  // newest first
  EXPECT_EQ(items[0].at("username").as_string(), "office");
  EXPECT_NE(std::string(items[0].at("before").as_string()).find("\"notes\":\"\""), std::string::npos);
  EXPECT_NE(std::string(items[0].at("after").as_string()).find("\"notes\":\"changed\""), std::string::npos);
  EXPECT_FALSE(items[0].at("request_id").as_string().empty());
  EXPECT_EQ(items[1].at("action").as_string(), "create");
}

TEST(AuditApiTest, UnmaskedReadsAreRecorded) {
  TestServer server;
  auto office = server.As("office");
  auto list = office->Get("/api/v1/people?q=oliver").Json().at("items").as_array();
  ASSERT_EQ(list.size(), 1u);
  const auto id = std::to_string(list[0].at("id").as_int64());
  ASSERT_EQ(office->Get("/api/v1/people/" + id).status, 200);
  auto admin = server.As("admin");
  auto reads = admin->Get("/api/v1/audit?action=read&entity_id=" + id).Json();
  EXPECT_EQ(reads.at("total").as_int64(), 1);
}

TEST(AuditApiTest, FiltersPagingAndExport) {
  TestServer server;
  server.As("office");
  server.As("leader");
  auto admin = server.As("admin");
  auto logins = admin->Get("/api/v1/audit?action=login&page_size=2").Json();
  EXPECT_EQ(logins.at("total").as_int64(), 3);
  EXPECT_EQ(logins.at("items").as_array().size(), 2u);
  auto by_user = admin->Get("/api/v1/audit?action=login&username=leader").Json();
  EXPECT_EQ(by_user.at("total").as_int64(), 1);
  auto file = admin->Get("/api/v1/audit/export?action=login");
  ASSERT_EQ(file.status, 200);
  EXPECT_NE(file.Header("content-disposition").find(".xlsx"), std::string::npos);
  auto table = io::ReadXlsx(file.body);
  ASSERT_TRUE(table);
  EXPECT_EQ(table->size(), 4u);  // header + 3 logins
  EXPECT_EQ(admin->Get("/api/v1/audit?page_size=1000").status, 400);
}

}  // namespace
}  // namespace tongxin::testing
