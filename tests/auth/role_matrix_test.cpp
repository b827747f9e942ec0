// Every route, every role: the declared access matches this table, and real requests get
// exactly that (403 auth.forbidden for the others, 401 without credentials).
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

const std::set<std::string> kAll = {"admin", "office", "department", "leader", "volunteer", "foreign_staff"};
const std::set<std::string> kPublic = {"public"};
const std::set<std::string> kAdmin = {"admin"};
const std::set<std::string> kManagers = {"admin", "office"};
const std::set<std::string> kEditors = {"admin", "office", "department"};
const std::set<std::string> kReaders = {"admin", "office", "department", "leader", "volunteer"};
const std::set<std::string> kExporters = {"admin", "office", "department", "leader"};
const std::set<std::string> kOverseers = {"admin", "office", "leader"};
const std::set<std::string> kIncidentReaders = {"admin", "office", "department", "leader", "foreign_staff"};

const std::map<std::string, std::set<std::string>>& Expected() {
  static const std::map<std::string, std::set<std::string>> kTable = {
      {"POST /api/v1/auth/login", kPublic},
      {"POST /api/v1/auth/logout", kAll},
      {"GET /api/v1/auth/me", kAll},
      {"PATCH /api/v1/auth/me", kAll},
      {"POST /api/v1/auth/password", kAll},
      {"GET /api/v1/auth/tokens", kAll},
      {"POST /api/v1/auth/tokens", kAll},
      {"DELETE /api/v1/auth/tokens/{id}", kAll},
      {"GET /api/v1/admin/users", kAdmin},
      {"POST /api/v1/admin/users", kAdmin},
      {"GET /api/v1/admin/users/{id}", kAdmin},
      {"PATCH /api/v1/admin/users/{id}", kAdmin},
      {"POST /api/v1/admin/users/{id}/password", kAdmin},
      {"GET /api/v1/audit", kAdmin},
      {"GET /api/v1/audit/export", kAdmin},
      {"GET /api/v1/units", kReaders},
      {"POST /api/v1/units", kManagers},
      {"PATCH /api/v1/units/{id}", kManagers},
      {"DELETE /api/v1/units/{id}", kManagers},
      {"GET /api/v1/people", kReaders},
      {"POST /api/v1/people", kEditors},
      {"GET /api/v1/people/export", kExporters},
      {"POST /api/v1/people/imports", kManagers},
      {"GET /api/v1/people/imports/{id}", kManagers},
      {"POST /api/v1/people/imports/{id}/confirm", kManagers},
      {"GET /api/v1/people/{id}", kAll},
      {"PATCH /api/v1/people/{id}", kEditors},
      {"POST /api/v1/people/{id}/archive", kManagers},
      {"POST /api/v1/people/{id}/restore", kManagers},
      {"GET /api/v1/me/person", kAll},
      {"GET /api/v1/openapi.json", kPublic},
      {"POST /api/v1/echo", kPublic},
      {"GET /api/v1/countries", kAll},
      {"GET /api/v1/supplies/items", kReaders},
      {"POST /api/v1/supplies/items", kManagers},
      {"PATCH /api/v1/supplies/items/{id}", kManagers},
      {"GET /api/v1/supplies/items/{id}/movements", kExporters},
      {"GET /api/v1/supplies/stores", kExporters},
      {"POST /api/v1/supplies/stores", kManagers},
      {"PATCH /api/v1/supplies/stores/{id}", kManagers},
      {"GET /api/v1/supplies/stores/{id}/stock", kExporters},
      {"POST /api/v1/supplies/postings", kEditors},
      {"GET /api/v1/supplies/postings/{id}", kExporters},
      {"POST /api/v1/supplies/postings/{id}/reverse", kEditors},
      {"GET /api/v1/supplies/packages", kExporters},
      {"POST /api/v1/supplies/packages", kManagers},
      {"PATCH /api/v1/supplies/packages/{id}", kManagers},
      {"POST /api/v1/supplies/distributions/preview", kEditors},
      {"POST /api/v1/supplies/distributions", kEditors},
      {"GET /api/v1/supplies/distributions", kExporters},
      {"GET /api/v1/supplies/distributions/{id}", kExporters},
      {"GET /api/v1/supplies/distributions/export", kExporters},
      {"GET /api/v1/supplies/distributions/{id}/recipients", kExporters},
      {"GET /api/v1/supplies/distributions/{id}/recipients/export", kExporters},
      {"GET /api/v1/supplies/stores/{id}/stock/export", kExporters},
      {"GET /api/v1/supplies/stores/{id}/thresholds", kExporters},
      {"PUT /api/v1/supplies/stores/{id}/thresholds", kEditors},
      {"POST /api/v1/supplies/distributions/{id}/post", kEditors},
      {"POST /api/v1/supplies/distributions/{id}/cancel", kEditors},
      {"GET /api/v1/supplies/distributions/{id}/sheet.pdf", kExporters},
      {"GET /api/v1/supplies/mine", kAll},
      {"GET /api/v1/supplies/shares/{id}", kAll},
      {"POST /api/v1/supplies/shares/{id}/confirm", kAll},
      {"POST /api/v1/supplies/shares/{id}/return", kEditors},
      {"GET /api/v1/supplies/currencies", kAll},
      {"GET /api/v1/supplies/reports/movements", kExporters},
      {"GET /api/v1/supplies/reports/movements/export", kExporters},
      {"GET /api/v1/supplies/reports/distributions", kExporters},
      {"GET /api/v1/supplies/reports/distributions/export", kExporters},
      {"GET /api/v1/supplies/items/export", kReaders},
      {"GET /api/v1/supplies/items/{id}/movements/export", kExporters},
      {"GET /api/v1/supplies/stores/{id}/count-sheet", kExporters},
      {"POST /api/v1/supplies/stores/{id}/stocktake/preview", kEditors},
      {"POST /api/v1/supplies/stores/{id}/stocktake", kEditors},
      {"GET /api/v1/supplies/donors", kExporters},
      {"POST /api/v1/supplies/donors", kEditors},
      {"GET /api/v1/supplies/donors/{id}", kExporters},
      {"PATCH /api/v1/supplies/donors/{id}", kEditors},
      {"GET /api/v1/supplies/rates", kExporters},
      {"PUT /api/v1/supplies/rates", kEditors},
      {"DELETE /api/v1/supplies/rates", kEditors},
      {"GET /api/v1/supplies/donations", kExporters},
      {"GET /api/v1/supplies/donations/totals", kExporters},
      {"GET /api/v1/supplies/donations/export", kExporters},
      {"POST /api/v1/supplies/donations", kEditors},
      {"GET /api/v1/supplies/donations/{id}", kExporters},
      {"PATCH /api/v1/supplies/donations/{id}", kEditors},
      {"POST /api/v1/supplies/donations/{id}/thanks", kEditors},
      {"POST /api/v1/supplies/donations/{id}/delivered", kEditors},
      {"POST /api/v1/supplies/donations/{id}/documents", kEditors},
      {"GET /api/v1/supplies/donations/{id}/documents/{document_id}", kExporters},
      {"GET /api/v1/partners", kExporters},
      {"GET /api/v1/partners/export", kExporters},
      {"POST /api/v1/partners", kManagers},
      {"GET /api/v1/partners/{id}", kExporters},
      {"PATCH /api/v1/partners/{id}", kManagers},
      {"POST /api/v1/partners/{id}/merge", kManagers},
      {"POST /api/v1/partners/{id}/contacts", kManagers},
      {"PATCH /api/v1/partners/{id}/contacts/{contact_id}", kManagers},
      {"GET /api/v1/partners/{id}/donors", kExporters},
      {"GET /api/v1/partners/{id}/history", kExporters},
      {"POST /api/v1/partners/imports", kManagers},
      {"GET /api/v1/partners/imports/{id}", kManagers},
      {"POST /api/v1/partners/imports/{id}/confirm", kManagers},
      {"GET /api/v1/partners/{id}/history.pdf", kExporters},
      {"POST /api/v1/partners/{id}/donors", kManagers},
      {"DELETE /api/v1/partners/{id}/donors/{donor_id}", kManagers},
      {"GET /api/v1/partners/letters", kExporters},
      {"POST /api/v1/partners/letters", kManagers},
      {"GET /api/v1/partners/letters/{id}", kExporters},
      {"PATCH /api/v1/partners/letters/{id}", kManagers},
      {"POST /api/v1/partners/letters/{id}/attachments", kManagers},
      {"GET /api/v1/partners/letters/{id}/attachments/{attachment_id}", kExporters},
      {"GET /api/v1/partners/templates", kManagers},
      {"POST /api/v1/partners/templates", kManagers},
      {"GET /api/v1/partners/templates/{id}", kManagers},
      {"PATCH /api/v1/partners/templates/{id}", kManagers},
      {"PUT /api/v1/partners/templates/{id}/signature", kManagers},
      {"DELETE /api/v1/partners/templates/{id}/signature", kManagers},
      {"PUT /api/v1/partners/templates/{id}/letterhead", kManagers},
      {"DELETE /api/v1/partners/templates/{id}/letterhead", kManagers},
      {"GET /api/v1/partners/templates/{id}/sample", kManagers},
      {"GET /api/v1/partners/mailings", kManagers},
      {"POST /api/v1/partners/mailings", kManagers},
      {"GET /api/v1/partners/mailings/{id}", kManagers},
      {"GET /api/v1/partners/mailings/{id}/recipients", kManagers},
      {"GET /api/v1/partners/mailings/{id}/recipients/{recipient_id}/preview", kManagers},
      {"GET /api/v1/partners/mailings/{id}/recipients/{recipient_id}/pdf", kManagers},
      {"POST /api/v1/partners/mailings/{id}/send", kManagers},
      {"POST /api/v1/partners/mailings/{id}/retry", kManagers},
      {"GET /api/v1/trips", kAll},
      {"GET /api/v1/trips/export", kAll},
      {"POST /api/v1/trips", kManagers},
      {"GET /api/v1/trips/{id}", kAll},
      {"PATCH /api/v1/trips/{id}", kManagers},
      {"POST /api/v1/trips/{id}/status", kManagers},
      {"POST /api/v1/trips/{id}/position", kAll},
      {"POST /api/v1/trips/{id}/assistance", kManagers},
      {"GET /api/v1/entry-rules", kAll},
      {"GET /api/v1/entry-rules/export", kAll},
      {"POST /api/v1/entry-rules", kManagers},
      {"POST /api/v1/entry-rules/imports", kManagers},
      {"GET /api/v1/entry-rules/imports/{id}", kManagers},
      {"POST /api/v1/entry-rules/imports/{id}/confirm", kManagers},
      {"GET /api/v1/entry-rules/{id}", kAll},
      {"PATCH /api/v1/entry-rules/{id}", kManagers},
      {"GET /api/v1/entry-rules/{id}/affected", kManagers},
      {"GET /api/v1/entry-rules/{id}/affected/export", kManagers},
      {"POST /api/v1/entry-rules/{id}/notify", kManagers},
      {"GET /api/v1/announcements", kAll},
      {"GET /api/v1/announcements/all", kOverseers},
      {"POST /api/v1/announcements", kManagers},
      {"GET /api/v1/announcements/{id}", kAll},
      {"PATCH /api/v1/announcements/{id}", kManagers},
      {"POST /api/v1/announcements/{id}/submit", kManagers},
      {"POST /api/v1/announcements/{id}/review", kManagers},
      {"POST /api/v1/announcements/{id}/withdraw", kManagers},
      {"POST /api/v1/announcements/{id}/acknowledge", kAll},
      {"GET /api/v1/announcements/{id}/receipts", kOverseers},
      {"POST /api/v1/announcements/{id}/remind", kManagers},
      {"GET /api/v1/broadcasts", kOverseers},
      {"GET /api/v1/broadcasts/figures", kOverseers},
      {"POST /api/v1/broadcasts", kManagers},
      {"GET /api/v1/broadcasts/{id}", kOverseers},
      {"PATCH /api/v1/broadcasts/{id}", kManagers},
      {"GET /api/v1/broadcasts/{id}/preview", kOverseers},
      {"POST /api/v1/broadcasts/{id}/send", kManagers},
      {"GET /api/v1/broadcasts/{id}/runs", kOverseers},
      {"GET /api/v1/broadcasts/runs/{id}", kOverseers},
      {"GET /api/v1/broadcasts/runs/{id}/recipients", kOverseers},
      {"GET /api/v1/broadcasts/runs/{id}/recipients/export", kOverseers},
      {"GET /api/v1/announcements/{id}/attachments", kAll},
      {"POST /api/v1/announcements/{id}/attachments", kManagers},
      {"GET /api/v1/announcements/{id}/attachments/{attachment_id}", kAll},
      {"DELETE /api/v1/announcements/{id}/attachments/{attachment_id}", kManagers},
      {"GET /api/v1/community/buildings", kReaders},
      {"GET /api/v1/community/buildings/{id}", kReaders},
      {"PUT /api/v1/community/buildings/{id}/lockdown", kEditors},
      {"GET /api/v1/community/households", kReaders},
      {"POST /api/v1/community/households", kEditors},
      {"GET /api/v1/community/households/{id}", kReaders},
      {"PATCH /api/v1/community/households/{id}", kEditors},
      {"POST /api/v1/community/households/{id}/residents", kEditors},
      {"GET /api/v1/community/residents", kReaders},
      {"GET /api/v1/community/households/export", kReaders},
      {"POST /api/v1/community/imports", kEditors},
      {"GET /api/v1/community/imports/{id}", kEditors},
      {"POST /api/v1/community/imports/{id}/confirm", kEditors},
      {"GET /api/v1/community/residents/export", kReaders},
      {"PATCH /api/v1/community/residents/{id}", kEditors},
      {"DELETE /api/v1/community/residents/{id}", kEditors},
      {"GET /api/v1/community/communities", kEditors},
      {"GET /api/v1/community/volunteers", kReaders},
      {"POST /api/v1/community/volunteers", kEditors},
      {"GET /api/v1/community/volunteers/{id}", kReaders},
      {"PATCH /api/v1/community/volunteers/{id}", kAll},
      {"POST /api/v1/community/volunteers/{id}/deployments", kEditors},
      {"PATCH /api/v1/community/deployments/{id}", kEditors},
      {"DELETE /api/v1/community/deployments/{id}", kEditors},
      {"GET /api/v1/community/groups", kReaders},
      {"POST /api/v1/community/groups", kEditors},
      {"GET /api/v1/community/groups/{id}", kReaders},
      {"PATCH /api/v1/community/groups/{id}", kEditors},
      {"POST /api/v1/community/groups/{id}/members", kEditors},
      {"DELETE /api/v1/community/groups/{id}/members/{person_id}", kEditors},
      {"GET /api/v1/community/posts", kReaders},
      {"POST /api/v1/community/posts", kEditors},
      {"PATCH /api/v1/community/posts/{id}", kEditors},
      {"POST /api/v1/community/posts/{id}/shifts", kEditors},
      {"GET /api/v1/community/shifts", kReaders},
      {"GET /api/v1/community/shifts/mine", kAll},
      {"DELETE /api/v1/community/shifts/{id}", kEditors},
      {"POST /api/v1/community/shifts/{id}/signups", kAll},
      {"DELETE /api/v1/community/shifts/{id}/signups/{person_id}", kAll},
      {"POST /api/v1/community/volunteers/{id}/calendar", kAll},
      {"DELETE /api/v1/community/volunteers/{id}/calendar", kAll},
      {"GET /api/v1/public/calendar/{token}", kPublic},
      {"GET /api/v1/public/announcements", kPublic},
      {"GET /api/v1/public/announcements.atom", kPublic},
      {"GET /api/v1/public/announcements/{id}", kPublic},
      {"GET /api/v1/public/announcements/{id}/attachments", kPublic},
      {"GET /api/v1/public/announcements/{id}/attachments/{attachment_id}", kPublic},
      {"GET /api/v1/partners/visits", kExporters},
      {"POST /api/v1/partners/visits", kManagers},
      {"GET /api/v1/partners/visits/{id}", kExporters},
      {"PATCH /api/v1/partners/visits/{id}", kManagers},
      {"POST /api/v1/partners/visits/{id}/actions", kManagers},
      {"PATCH /api/v1/partners/visits/{id}/actions/{action_id}", kManagers},
      {"POST /api/v1/partners/visits/{id}/photos", kManagers},
      {"GET /api/v1/partners/visits/{id}/photos/{photo_id}", kExporters},
      {"GET /api/v1/health/plans", kExporters},
      {"POST /api/v1/health/plans", kManagers},
      {"PATCH /api/v1/health/plans/{id}", kManagers},
      {"GET /api/v1/health/me/slots", kAll},
      {"POST /api/v1/health/checkins", kAll},
      {"POST /api/v1/health/checkins/on-behalf", kEditors},
      {"GET /api/v1/health/people/{id}/checkins", kAll},
      {"POST /api/v1/health/inquiries", kEditors},
      {"GET /api/v1/health/today", kExporters},
      {"GET /api/v1/health/roster", kExporters},
      {"POST /api/v1/health/roster/remind", kEditors},
      {"GET /api/v1/health/alerts", kExporters},
      {"PATCH /api/v1/health/alerts/{id}", kEditors},
      {"POST /api/v1/health/alerts/{id}/recheck", kAll},  // own alerts; editors in scope
      {"GET /api/v1/health/report", kExporters},
      {"GET /api/v1/health/people/{id}/flags", kExporters},
      {"GET /api/v1/health/flags", kExporters},
      {"GET /api/v1/health/trend", kExporters},
      {"GET /api/v1/health/checkins/export", kExporters},
      {"GET /api/v1/incident-plans", kExporters},
      {"GET /api/v1/incident-plans/{type}", kExporters},
      {"PUT /api/v1/incident-plans/{type}", kManagers},
      {"GET /api/v1/incidents", kIncidentReaders},
      {"POST /api/v1/incidents", kEditors},
      {"GET /api/v1/incidents/export", kExporters},
      {"GET /api/v1/incidents/{id}", kIncidentReaders},
      {"PATCH /api/v1/incidents/{id}", kEditors},
      {"GET /api/v1/incidents/{id}/report.pdf", kExporters},
      {"POST /api/v1/incidents/{id}/steps/{step_id}/done", kEditors},
      {"POST /api/v1/incidents/{id}/notes", kEditors},
      {"POST /api/v1/incidents/{id}/people", kEditors},
      {"DELETE /api/v1/incidents/{id}/people/{person_id}", kEditors},
      {"POST /api/v1/incidents/{id}/attachments", kEditors},
      {"GET /api/v1/incidents/{id}/assignees", kEditors},
      {"GET /api/v1/incidents/{id}/attachments/{attachment_id}", kExporters},
      {"GET /api/v1/notices", kAll},
      {"GET /api/v1/notices/unread-count", kAll},
      {"POST /api/v1/notices/{id}/read", kAll},
      {"POST /api/v1/notices/read-all", kAll},
      {"GET /api/v1/admin/outbox", kAdmin},
      {"POST /api/v1/admin/outbox/{id}/requeue", kAdmin},
      {"GET /api/v1/admin/channels", kAdmin},
      {"POST /api/v1/admin/channels", kAdmin},
      {"GET /api/v1/admin/channels/{id}", kAdmin},
      {"PATCH /api/v1/admin/channels/{id}", kAdmin},
      {"POST /api/v1/admin/channels/{id}/test", kAdmin},
      {"POST /api/v1/hooks/sms/{id}/status", kPublic},
      {"GET /api/v1/notices/quiet-hours", kAll},
      {"PUT /api/v1/notices/quiet-hours", kAll},
  };
  return kTable;
}

std::set<std::string> Declared(const http::Route& r) {
  if (r.access.is_public) return kPublic;
  std::set<std::string> out;
  for (auto role : core::AllRoles()) {
    if (r.access.roles.Has(role)) out.insert(std::string(core::RoleName(role)));
  }
  return out;
}

TEST(RoleMatrixTest, DeclarationsMatchTheTable) {
  TestServer server({.demo_data = false});
  auto router = server.app().BuildRouter();
  std::set<std::string> seen;
  for (const auto& r : router.routes()) {
    const std::string key = r.method + " " + r.pattern;
    seen.insert(key);
    auto it = Expected().find(key);
    ASSERT_NE(it, Expected().end()) << "route missing from the role table: " << key;
    EXPECT_EQ(Declared(r), it->second) << key;
  }
  for (const auto& [key, roles] : Expected()) EXPECT_TRUE(seen.count(key)) << "table lists a route that is gone: " << key;
}

TEST(RoleMatrixTest, EveryRoleGetsExactlyItsRoutes) {
  TestServer server;
  const std::map<std::string, std::string> users = {{"admin", "admin"},   {"office", "office"},
                                                    {"department", "hr"}, {"leader", "leader"},
                                                    {"volunteer", "volunteer"}, {"foreign_staff", "foreign"}};
  // API tokens: no CSRF and no session to end, so every route can be tried in turn.
  std::map<std::string, std::unique_ptr<HttpClient>> clients;
  for (const auto& [role, username] : users) {
    auto login = server.As(username);
    auto token = login->Post("/api/v1/auth/tokens", {{"name", "matrix"}});
    ASSERT_EQ(token.status, 201);
    auto c = server.Anonymous();
    c->SetBearer(std::string(token.Json().at("token").as_string()));
    clients[role] = std::move(c);
  }
  auto anonymous = server.Anonymous();
  for (const auto& [key, allowed] : Expected()) {
    const std::string method = key.substr(0, key.find(' '));
    std::string path = key.substr(key.find(' ') + 1);
    for (auto pos = path.find('{'); pos != std::string::npos; pos = path.find('{')) {
      path.replace(pos, path.find('}', pos) - pos + 1, "999999");  // every path parameter
    }
    const std::string body = method == "GET" || method == "DELETE" ? "" : "{}";
    std::map<std::string, std::string> headers;
    if (!body.empty()) headers["Content-Type"] = "application/json";
    if (key == "POST /api/v1/auth/login") continue;  // public; covered by the auth tests
    auto anon = anonymous->Request(method, path, body, headers);
    if (allowed == kPublic) {
      EXPECT_NE(anon.status, 401) << key;
      continue;
    }
    EXPECT_EQ(anon.status, 401) << key;
    for (const auto& [role, client] : clients) {
      auto res = client->Request(method, path, body, headers);
      if (allowed.count(role)) {
        EXPECT_NE(res.status, 401) << key << " as " << role << ": " << res.body;
        EXPECT_NE(res.ErrorCode(), "auth.forbidden") << key << " as " << role;
      } else {
        EXPECT_EQ(res.status, 403) << key << " as " << role << ": " << res.body;
        EXPECT_EQ(res.ErrorCode(), "auth.forbidden") << key << " as " << role;
      }
    }
  }
}

}  // namespace
}  // namespace tongxin::testing
