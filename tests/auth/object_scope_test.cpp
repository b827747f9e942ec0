// Object-level access, route by route: every route that names an object by id is called
// with a real object inside the caller's scope and a real one outside it, by every staff
// role, both as a cookie session (with CSRF) and with an API token. Outside the scope the
// answer is exactly a refusal (403 auth.out_of_scope, or 404 where existence is not
// revealed) and nothing else; inside it is never one; roles the route does not admit get
// 403 auth.forbidden either way.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <tuple>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

struct Objects {
  std::int64_t person = 0, unit = 0, plan = 0, alert = 0, incident = 0, step = 0;
};

class ObjectScopeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    admin_ = server_.As("admin");
    // One set of objects in the university's School of Materials (hr, office and leaders
    // cover it) and one in the community (only the volunteer covers it).
    school_ = Make(Find("anna"), "SMAT", "SMAT-LAB");
    community_ = Make(Find("孙建国"), "COMM-A-1", "COMM-A-1-X");
  }
  std::int64_t Find(const std::string& q) {
    return admin_->Get("/api/v1/people?q=" + q).Json().at("items").as_array()[0].at("id").as_int64();
  }
  Objects Make(std::int64_t person, const std::string& unit_code, const std::string& new_unit) {
    Objects o;
    o.person = person;
    auto unit = admin_->Post("/api/v1/units", boost::json::object{{"code", new_unit}, {"name_zh", new_unit},
                                                                  {"kind", "office"},
                                                                  {"parent_id", server_.UnitId(unit_code)}});
    EXPECT_EQ(unit.status, 201) << unit.body;
    o.unit = unit.Json().at("id").as_int64();
    auto plan = admin_->Post("/api/v1/health/plans",
                             {{"name", "plan " + unit_code}, {"target", "unit"}, {"unit_id", server_.UnitId(unit_code)},
                              {"start_date", "2026-03-02"},
                              {"slots", {{{"name", "all day"}, {"start", "00:00"}, {"end", "24:00"}}}}});
    EXPECT_EQ(plan.status, 201) << plan.body;
    o.plan = plan.Json().at("id").as_int64();
    auto report = admin_->Post("/api/v1/health/checkins/on-behalf",
                               {{"person_id", person}, {"temperature", 38.4}, {"method", "armpit"},
                                {"location", "home_city"}, {"channel", "phone"}});
    EXPECT_EQ(report.status, 201) << report.body;
    auto alerts = admin_->Get("/api/v1/health/alerts?status=open").Json();
    for (const auto& a : alerts.at("items").as_array()) {
      if (a.at("person_id").as_int64() == person) o.alert = a.at("id").as_int64();
    }
    EXPECT_GT(o.alert, 0);
    auto inc = admin_->Post("/api/v1/incidents", boost::json::object{{"incident_type", "other"}, {"title", "x"},
                                                                      {"person_id", person}});
    EXPECT_EQ(inc.status, 201) << inc.body;
    o.incident = inc.Json().at("id").as_int64();
    o.step = inc.Json().at("steps").as_array()[0].at("id").as_int64();
    return o;
  }
  // The path of a route with its parameters taken from one set of objects.
  static std::string PathFor(std::string pattern, const Objects& o) {
    const std::map<std::string, std::string> ids = {
        {"{person_id}", std::to_string(o.person)}, {"{step_id}", std::to_string(o.step)},
        {"{attachment_id}", "1"}};
    const bool by_unit = pattern.rfind("/api/v1/units/", 0) == 0;
    const bool by_plan = pattern.rfind("/api/v1/health/plans/", 0) == 0;
    const bool by_alert = pattern.rfind("/api/v1/health/alerts/", 0) == 0;
    const bool by_incident = pattern.rfind("/api/v1/incidents/", 0) == 0;
    for (const auto& [name, value] : ids) {
      if (auto pos = pattern.find(name); pos != std::string::npos) pattern.replace(pos, name.size(), value);
    }
    const std::int64_t id = by_unit ? o.unit : by_plan ? o.plan : by_alert ? o.alert : by_incident ? o.incident : o.person;
    if (auto pos = pattern.find("{id}"); pos != std::string::npos) pattern.replace(pos, 4, std::to_string(id));
    return pattern;
  }

  TestServer server_{{.start_time = "2026-03-02T01:30:00Z"}};
  std::unique_ptr<HttpClient> admin_;
  Objects school_, community_;
};

// Routes that name an object in the unit tree by id. (Accounts, tokens, notices, imports
// and the outbox belong to one user or to administrators; their own tests cover them.)
const std::vector<std::pair<std::string, std::string>> kRoutes = {
    {"GET", "/api/v1/people/{id}"},
    {"PATCH", "/api/v1/people/{id}"},
    {"POST", "/api/v1/people/{id}/archive"},
    {"POST", "/api/v1/people/{id}/restore"},
    {"PATCH", "/api/v1/units/{id}"},
    {"DELETE", "/api/v1/units/{id}"},
    {"PATCH", "/api/v1/health/plans/{id}"},
    {"GET", "/api/v1/health/people/{id}/checkins"},
    {"GET", "/api/v1/health/people/{id}/flags"},
    {"PATCH", "/api/v1/health/alerts/{id}"},
    {"GET", "/api/v1/incidents/{id}"},
    {"PATCH", "/api/v1/incidents/{id}"},
    {"GET", "/api/v1/incidents/{id}/report.pdf"},
    {"POST", "/api/v1/incidents/{id}/steps/{step_id}/done"},
    {"POST", "/api/v1/incidents/{id}/notes"},
    {"GET", "/api/v1/incidents/{id}/assignees"},
    {"POST", "/api/v1/incidents/{id}/attachments"},
    {"GET", "/api/v1/incidents/{id}/attachments/{attachment_id}"},
    {"POST", "/api/v1/incidents/{id}/people"},
    {"DELETE", "/api/v1/incidents/{id}/people/{person_id}"},
};

// A body the route accepts in shape, so that only scope can refuse it.
std::string BodyFor(const std::string& method, const std::string& pattern, const Objects& o) {
  if (method == "GET" || method == "DELETE") return "";
  if (pattern == "/api/v1/health/alerts/{id}") return R"({"status":"closed"})";
  if (pattern == "/api/v1/incidents/{id}/notes") return R"({"text":"checked"})";
  if (pattern == "/api/v1/incidents/{id}/people") {
    return R"({"role":"concerned","person_id":)" + std::to_string(o.person) + "}";
  }
  if (pattern == "/api/v1/incidents/{id}/attachments") return "%PDF-1.4\n%%EOF\n";
  return "{}";
}

TEST_F(ObjectScopeTest, InsideTheScopeIsServedOutsideIsRefusedForEveryRoleAndCredential) {
  const auto router = server_.app().BuildRouter();
  auto access = [&](const std::string& method, const std::string& pattern, core::Role role) {
    for (const auto& r : router.routes()) {
      if (r.method == method && r.pattern == pattern) return r.access.roles.Has(role);
    }
    ADD_FAILURE() << "no route " << method << " " << pattern;
    return false;
  };
  struct Caller {
    std::string user;
    core::Role role;
    const Objects* inside;
    const Objects* outside;
  };
  const std::vector<Caller> callers = {{"office", core::Role::kOffice, &school_, &community_},
                                       {"hr", core::Role::kDepartment, &school_, &community_},
                                       {"leader", core::Role::kLeader, &school_, &community_},
                                       {"volunteer", core::Role::kVolunteer, &community_, &school_}};
  int checked = 0;
  for (const auto& caller : callers) {
    auto session = server_.As(caller.user);  // cookie session: writes carry the CSRF token
    auto token = session->Post("/api/v1/auth/tokens", {{"name", "scope"}});
    ASSERT_EQ(token.status, 201);
    HttpClient script(server_.base());
    script.SetBearer(std::string(token.Json().at("token").as_string()));
    for (HttpClient* client : {session.get(), &script}) {
      const char* how = client == &script ? "token" : "cookie";
      for (const auto& [method, pattern] : kRoutes) {
        const bool admitted = access(method, pattern, caller.role);
        for (const bool inside : {false, true}) {
          const Objects& o = inside ? *caller.inside : *caller.outside;
          const std::string body = BodyFor(method, pattern, o);
          std::map<std::string, std::string> headers;
          if (!body.empty()) {
            headers["Content-Type"] = pattern.find("attachments") != std::string::npos ? "application/pdf"
                                                                                        : "application/json";
          }
          auto res = client->Request(method, PathFor(pattern, o), body, headers);
          const std::string what = method + " " + pattern + " as " + caller.user + " (" + how + "), " +
                                   (inside ? "inside" : "outside") + ": " + std::to_string(res.status) + " " +
                                   res.body.substr(0, 160);
          ++checked;
          if (!admitted) {
            EXPECT_EQ(res.status, 403) << what;
            EXPECT_EQ(res.ErrorCode(), "auth.forbidden") << what;
          } else if (!inside) {
            const bool refused = (res.status == 403 && res.ErrorCode() == "auth.out_of_scope") || res.status == 404;
            EXPECT_TRUE(refused) << what;
          } else {
            EXPECT_NE(res.status, 401) << what;
            EXPECT_NE(res.ErrorCode(), "auth.out_of_scope") << what;
            EXPECT_NE(res.ErrorCode(), "auth.forbidden") << what;
            EXPECT_NE(res.ErrorCode(), "auth.csrf") << what;
          }
        }
      }
    }
  }
  EXPECT_EQ(checked, 4 * 2 * static_cast<int>(kRoutes.size()) * 2);
}

TEST_F(ObjectScopeTest, ObjectsNamedInTheBodyAreCheckedToo) {
  // An object of the caller's own, and in its body an object outside the caller's scope.
  const std::string outside_person = std::to_string(community_.person);
  const std::string outside_unit = std::to_string(server_.UnitId("COMM-A-1"));
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"POST", "/api/v1/incidents/" + std::to_string(school_.incident) + "/people",
       R"({"role":"contact","person_id":)" + outside_person + "}"},
      {"POST", "/api/v1/incidents", R"({"incident_type":"other","title":"x","person_id":)" + outside_person + "}"},
      {"POST", "/api/v1/incidents", R"({"incident_type":"other","title":"x","unit_id":)" + outside_unit + "}"},
      {"PATCH", "/api/v1/health/plans/" + std::to_string(school_.plan), R"({"unit_id":)" + outside_unit + "}"},
      {"POST", "/api/v1/health/plans",
       R"({"name":"x","target":"unit","start_date":"2026-03-02","unit_id":)" + outside_unit + "}"},
      {"POST", "/api/v1/health/checkins/on-behalf",
       R"({"temperature":36.5,"method":"armpit","location":"campus","channel":"phone","person_id":)" + outside_person + "}"},
      {"POST", "/api/v1/health/inquiries", R"({"channel":"phone","answer":"fine","person_id":)" + outside_person + "}"},
      {"POST", "/api/v1/people", R"({"name_zh":"越权","category":"staff","unit_id":)" + outside_unit + "}"},
  };
  for (const char* user : {"office", "hr"}) {
    auto c = server_.As(user);
    for (const auto& [method, path, body] : cases) {
      auto res = c->Request(method, path, body, {{"Content-Type", "application/json"}});
      const std::string what = method + " " + path + " " + body + " as " + user + ": " + res.body.substr(0, 160);
      if (res.ErrorCode() == "auth.forbidden") continue;  // the role may not call it at all
      EXPECT_EQ(res.status, 403) << what;
      EXPECT_EQ(res.ErrorCode(), "auth.out_of_scope") << what;
    }
  }
  EXPECT_EQ(server_.Count("incident_people"), 2);  // the two cases of SetUp, nobody added
}

}  // namespace
}  // namespace tongxin::testing
