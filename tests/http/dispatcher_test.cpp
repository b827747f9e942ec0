// Audited reads in one place: every bulk read of health data, of unmasked identifiers and
// of the audit log leaves one "read" entry, written by the dispatcher; no other GET route
// under those areas goes unaudited.
#include <gtest/gtest.h>

#include <set>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

// Reads audited by their services, with the record's id, rather than by the dispatcher.
const std::set<std::string> kAuditedByService = {
    "GET /api/v1/health/people/{id}/checkins", "GET /api/v1/health/people/{id}/flags",
    "GET /api/v1/health/report",               "GET /api/v1/health/checkins/export",
    "GET /api/v1/incidents/{id}",              "GET /api/v1/incidents/{id}/report.pdf",
    "GET /api/v1/incidents/{id}/attachments/{attachment_id}", "GET /api/v1/incidents/export",
    "GET /api/v1/people/{id}",                 "GET /api/v1/people/export",
};
// GET routes in sensitive areas that show no health data or identifiers.
const std::set<std::string> kNotSensitive = {
    "GET /api/v1/health/plans", "GET /api/v1/health/me/slots", "GET /api/v1/incidents/{id}/assignees",
    "GET /api/v1/incident-plans", "GET /api/v1/incident-plans/{type}", "GET /api/v1/people/imports/{id}",
};

TEST(DispatcherTest, EverySensitiveReadIsAuditedSomewhere) {
  TestServer server({.demo_data = false});
  const auto router = server.app().BuildRouter();
  for (const auto& r : router.routes()) {
    if (r.method != "GET") continue;
    const bool sensitive = r.pattern.rfind("/api/v1/health", 0) == 0 || r.pattern.rfind("/api/v1/incident", 0) == 0 ||
                           r.pattern.rfind("/api/v1/audit", 0) == 0 || r.pattern.rfind("/api/v1/admin/outbox", 0) == 0 ||
                           r.pattern.rfind("/api/v1/people", 0) == 0;
    if (!sensitive) continue;
    const std::string key = r.method + " " + r.pattern;
    if (kAuditedByService.count(key) || kNotSensitive.count(key)) {
      EXPECT_TRUE(r.audit_read.empty()) << key << " would be audited twice";
      continue;
    }
    EXPECT_FALSE(r.audit_read.empty()) << key << " reads sensitive data without an audit entry";
  }
}

TEST(DispatcherTest, BulkReadsLeaveOneEntryEachAndMaskedListsNone) {
  TestServer server;
  auto office = server.As("office");
  auto admin = server.As("admin");
  auto reads = [&](const std::string& entity) {
    return admin->Get("/api/v1/audit?action=read&entity=" + entity).Json().at("total").as_int64();
  };
  for (const char* path : {"/api/v1/health/today", "/api/v1/health/roster?slot=0", "/api/v1/health/alerts",
                           "/api/v1/health/flags", "/api/v1/health/trend", "/api/v1/incidents"}) {
    ASSERT_EQ(office->Get(path).status, 200) << path;
  }
  EXPECT_EQ(reads("health_dashboard"), 2);
  EXPECT_EQ(reads("health_roster"), 1);
  EXPECT_EQ(reads("health_alerts"), 1);
  EXPECT_EQ(reads("health_flags"), 1);
  EXPECT_EQ(reads("incident_list"), 1);
  // What was asked is on record.
  auto entry = admin->Get("/api/v1/audit?action=read&entity=health_roster").Json().at("items").as_array()[0];
  EXPECT_NE(std::string(entry.at("after").as_string()).find("slot=0"), std::string::npos);
  // Unmasked identifiers: the office's list is recorded, the department's masked one not.
  ASSERT_EQ(office->Get("/api/v1/people").status, 200);
  ASSERT_EQ(server.As("hr")->Get("/api/v1/people").status, 200);
  EXPECT_EQ(reads("people_list"), 1);
  // Refused reads record nothing; reading the audit log is itself recorded.
  EXPECT_EQ(server.As("hr")->Get("/api/v1/health/today?unit_id=" + std::to_string(server.UnitId("INTL"))).status, 403);
  EXPECT_EQ(reads("health_dashboard"), 2);
  ASSERT_EQ(admin->Get("/api/v1/admin/outbox").status, 200);
  EXPECT_EQ(reads("outbox"), 1);
  EXPECT_GE(reads("audit_log"), 9);  // each call above of the audit log
}

}  // namespace
}  // namespace tongxin::testing
