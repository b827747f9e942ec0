// Retention of incidents: closed incidents older than the retention period go with their
// steps, people, timeline and attachments, and their audit entries lose their values;
// open incidents and recently closed ones stay.
#include <gtest/gtest.h>

#include "storage/query.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

TEST(IncidentsServiceTest, ClosedIncidentsPastTheirRetentionGoWithEverythingTheyHold) {
  TestServer server({.start_time = "2026-03-02T01:30:00Z", .incident_retention_days = 90});
  auto office = server.As("office");
  const auto anna = office->Get("/api/v1/people?q=anna").Json().at("items").as_array()[0].at("id").as_int64();
  auto open = [&](const std::string& title) {
    auto res = office->Post("/api/v1/incidents", boost::json::object{{"incident_type", "fever"}, {"title", title},
                                                                      {"person_id", anna}});
    EXPECT_EQ(res.status, 201) << res.body;
    return "/api/v1/incidents/" + std::to_string(res.Json().at("id").as_int64());
  };
  const std::string old_one = open("secret case title");
  const std::string still_open = open("still open");
  ASSERT_EQ(office->Post(old_one + "/notes", boost::json::object{{"text", "private note"}}).status, 201);
  const std::string pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
  ASSERT_EQ(office->Request("POST", old_one + "/attachments?filename=scan.pdf", pdf,
                            {{"Content-Type", "application/pdf"}}).status, 201);
  ASSERT_EQ(office->Patch(old_one, boost::json::object{{"status", "closed"}, {"outcome", "recovered"}}).status, 200);
  server.clock().Advance(std::chrono::hours(24 * 89));
  server.app().RunRetention();
  EXPECT_EQ(server.Count("incidents"), 2);  // not yet 90 days
  server.clock().Advance(std::chrono::hours(24 * 2));
  server.app().RunRetention();
  EXPECT_EQ(server.Count("incidents"), 1);
  EXPECT_EQ(server.Count("incident_attachments"), 0);
  office = server.As("office");
  EXPECT_EQ(office->Get(old_one).status, 404);
  EXPECT_EQ(office->Get(still_open).status, 200);
  auto admin = server.As("admin");
  const auto audit = admin->Get("/api/v1/audit?page_size=200").body;
  EXPECT_EQ(audit.find("secret case title"), std::string::npos);
  EXPECT_EQ(audit.find("private note"), std::string::npos);
  EXPECT_NE(audit.find("still open"), std::string::npos);
  auto purge = admin->Get("/api/v1/audit?action=purge&entity=incidents").Json();
  ASSERT_EQ(purge.at("total").as_int64(), 1);
  EXPECT_NE(std::string(purge.at("items").as_array()[0].at("after").as_string()).find("\"incidents\":1"),
            std::string::npos);
}

}  // namespace
}  // namespace tongxin::testing
