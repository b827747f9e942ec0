// Login throttling without lock-outs by strangers, per account and per client address,
// counted atomically; retention of login records; API tokens that expire and are revoked
// with a password change or reset.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "storage/query.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

const std::map<std::string, std::string> kJson = {{"Content-Type", "application/json"}};

class AuthServiceTest : public ::testing::Test {
 protected:
  // A login as the trusted proxy in front of the server would pass it on for `ip`.
  HttpResponse LoginFrom(HttpClient& c, const std::string& ip, const std::string& user, const std::string& pw) {
    auto headers = kJson;
    headers["X-Forwarded-For"] = ip;
    return c.Request("POST", "/api/v1/auth/login",
                     boost::json::serialize(boost::json::object{{"username", user}, {"password", pw}}), headers);
  }
  std::int64_t Scalar(const std::string& sql) {
    return server_.app().db().WithSession([&](soci::session& s) -> core::Result<std::int64_t> {
      return storage::Query(sql).Scalar(s);
    }).value();
  }
  TestServer server_{{.start_time = "2026-03-02T01:30:00Z", .trusted_proxies = "127.0.0.1"}};
};

TEST_F(AuthServiceTest, AStrangerCannotLockTheOwnerOutOfTheirOwnBrowser) {
  HttpClient owner(server_.base());  // the office's usual browser: it logged in before
  auto first = LoginFrom(owner, "10.0.0.5", "office", kPassword);
  ASSERT_EQ(first.status, 200);
  owner.SetCsrf(std::string(first.Json().at("csrf_token").as_string()));
  ASSERT_EQ(owner.Request("POST", "/api/v1/auth/logout").status, 204);
  HttpClient stranger(server_.base());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(LoginFrom(stranger, "10.9.9.9", "office", "guess" + std::to_string(i)).status, 401);
  auto held = LoginFrom(stranger, "10.9.9.9", "office", kPassword);
  EXPECT_EQ(held.status, 429);  // a new browser waits, even with the right password
  EXPECT_EQ(held.Header("retry-after"), "30");
  // The delay grows with each further failure: 30 s, then 60 s.
  server_.clock().Advance(std::chrono::seconds(31));
  EXPECT_EQ(LoginFrom(stranger, "10.9.9.9", "office", "guess5").status, 401);
  EXPECT_EQ(LoginFrom(stranger, "10.9.9.9", "office", kPassword).Header("retry-after"), "60");
  HttpClient elsewhere(server_.base());  // another new browser of the owner, same wait
  EXPECT_EQ(LoginFrom(elsewhere, "10.0.0.5", "office", kPassword).status, 429);
  // The browser that logged in before is not held, and its login lifts the delay.
  EXPECT_EQ(LoginFrom(owner, "10.0.0.5", "office", kPassword).status, 200);
  EXPECT_EQ(LoginFrom(elsewhere, "10.0.0.6", "office", kPassword).status, 200);
  // So does a password reset.
  for (int i = 0; i < 5; ++i) LoginFrom(stranger, "10.9.9.9", "office", "again" + std::to_string(i));
  EXPECT_EQ(LoginFrom(stranger, "10.9.9.7", "office", kPassword).status, 429);
  auto admin = server_.As("admin");
  const auto office = admin->Get("/api/v1/admin/users?q=office").Json().at("items").as_array()[0].at("id").as_int64();
  ASSERT_EQ(admin->Post("/api/v1/admin/users/" + std::to_string(office) + "/password",
                        boost::json::object{{"password", "a-new-password-1"}}).status, 204);
  EXPECT_EQ(LoginFrom(stranger, "10.9.9.8", "office", "a-new-password-1").status, 200);
}

TEST_F(AuthServiceTest, UnknownNamesCountAgainstTheAddressAndAddNoRows) {
  HttpClient spray(server_.base());
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(LoginFrom(spray, "192.0.2.7", "nobody" + std::to_string(i), "x").status, 401);
  }
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM login_attempts"), 0);  // no row per made-up name
  EXPECT_EQ(Scalar("SELECT failures FROM login_address_attempts WHERE ip = '192.0.2.7'"), 30);
  // That address now waits, whoever it names; other addresses do not.
  EXPECT_EQ(LoginFrom(spray, "192.0.2.7", "leader", kPassword).status, 429);
  EXPECT_EQ(LoginFrom(spray, "192.0.2.8", "leader", kPassword).status, 200);
  // The audit log records the address the proxy named, not the proxy's.
  auto audit = server_.As("admin")->Get("/api/v1/audit?action=login_failed&page_size=1").Json();
  EXPECT_EQ(audit.at("items").as_array()[0].at("ip").as_string(), "192.0.2.7");
}

TEST_F(AuthServiceTest, ConcurrentFailuresAreEachCounted) {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      HttpClient c(server_.base());
      LoginFrom(c, "198.51.100." + std::to_string(i), "hr", "wrong-" + std::to_string(i));
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(Scalar("SELECT failures FROM login_attempts WHERE username = 'hr'"), 4);
}

TEST_F(AuthServiceTest, ForwardedForFromAnUntrustedPeerIsIgnored) {
  TestServer direct({.start_time = "2026-03-02T01:30:00Z"});  // no trusted proxies
  HttpClient c(direct.base());
  auto headers = kJson;
  headers["X-Forwarded-For"] = "203.0.113.1";
  c.Request("POST", "/api/v1/auth/login", R"({"username":"hr","password":"nope"})", headers);
  auto audit = direct.As("admin")->Get("/api/v1/audit?action=login_failed&page_size=1").Json();
  EXPECT_EQ(audit.at("items").as_array()[0].at("ip").as_string(), "127.0.0.1");
}

TEST_F(AuthServiceTest, RetentionPurgesOldAttemptsAndLoginRecords) {
  HttpClient c(server_.base());
  EXPECT_EQ(LoginFrom(c, "10.1.1.1", "hr", "wrong").status, 401);
  ASSERT_EQ(LoginFrom(c, "10.1.1.1", "hr", kPassword).status, 200);
  EXPECT_GT(Scalar("SELECT COUNT(*) FROM login_address_attempts"), 0);
  const auto logins = Scalar("SELECT COUNT(*) FROM audit_log WHERE action IN ('login', 'login_failed')");
  EXPECT_GE(logins, 2);
  server_.clock().Advance(std::chrono::hours(24 * 366));
  server_.app().RunRetention();
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM login_address_attempts"), 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM login_attempts"), 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action IN ('login', 'login_failed')"), 0);
  EXPECT_GT(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'create'"), 0);  // other entries stay
}

TEST_F(AuthServiceTest, TokensExpireAndEndWithAPasswordChangeOrReset) {
  auto office = server_.As("office");
  auto made = office->Post("/api/v1/auth/tokens", {{"name", "weekly"}, {"expires_in_days", 7}});
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.Json().at("expires_at").as_string(), "2026-03-09T01:30:00Z");
  HttpClient script(server_.base());
  script.SetBearer(std::string(made.Json().at("token").as_string()));
  EXPECT_EQ(script.Get("/api/v1/auth/me").status, 200);
  auto list = office->Get("/api/v1/auth/tokens").Json();
  EXPECT_EQ(list.at("items").as_array()[0].at("expires_at").as_string(), "2026-03-09T01:30:00Z");
  EXPECT_FALSE(list.at("items").as_array()[0].at("last_used_at").as_string().empty());
  server_.clock().Advance(std::chrono::hours(24 * 7 + 1));
  EXPECT_EQ(script.Get("/api/v1/auth/me").status, 401);
  office = server_.As("office");
  EXPECT_EQ(office->Post("/api/v1/auth/tokens", {{"name", "x"}, {"expires_in_days", 0}}).status, 400);
  // A password change revokes every token of the account.
  auto forever = office->Post("/api/v1/auth/tokens", {{"name", "forever"}});
  HttpClient other(server_.base());
  other.SetBearer(std::string(forever.Json().at("token").as_string()));
  ASSERT_EQ(other.Get("/api/v1/auth/me").status, 200);
  ASSERT_EQ(office->Post("/api/v1/auth/password", {{"current_password", kPassword}, {"new_password", "another-one-22"}})
                .status, 204);
  EXPECT_EQ(other.Get("/api/v1/auth/me").status, 401);
  // And so does a reset by an administrator.
  auto hr = server_.As("hr");
  auto hr_token = hr->Post("/api/v1/auth/tokens", {{"name", "hr"}});
  HttpClient hr_script(server_.base());
  hr_script.SetBearer(std::string(hr_token.Json().at("token").as_string()));
  auto admin = server_.As("admin");
  const auto hr_id = admin->Get("/api/v1/admin/users?q=hr").Json().at("items").as_array()[0].at("id").as_int64();
  ASSERT_EQ(admin->Post("/api/v1/admin/users/" + std::to_string(hr_id) + "/password",
                        boost::json::object{{"password", "reset-by-admin-1"}}).status, 204);
  EXPECT_EQ(hr_script.Get("/api/v1/auth/me").status, 401);
}

TEST_F(AuthServiceTest, CsrfIsRequiredAndCompared) {
  auto c = server_.As("hr");
  const std::string good = c->csrf();
  c->SetCsrf(good.substr(0, good.size() - 1) + (good.back() == 'a' ? "b" : "a"));  // one character off
  EXPECT_EQ(c->Patch("/api/v1/auth/me", {{"language", "en"}}).ErrorCode(), "auth.csrf");
  c->SetCsrf("");
  EXPECT_EQ(c->Patch("/api/v1/auth/me", {{"language", "en"}}).ErrorCode(), "auth.csrf");
  c->SetCsrf(good);
  EXPECT_EQ(c->Patch("/api/v1/auth/me", {{"language", "en"}}).status, 200);
}

TEST_F(AuthServiceTest, MeNamesTheRoleSetsTheCallerBelongsTo) {
  auto sets = [&](const std::string& user) {
    std::set<std::string> out;
    const auto me = server_.As(user)->Get("/api/v1/auth/me").Json();
    for (const auto& v : me.at("role_sets").as_array()) {
      out.emplace(v.as_string());
    }
    return out;
  };
  EXPECT_EQ(sets("office"), (std::set<std::string>{"managers", "editors", "staff", "readers", "incident_readers",
                                                   "overseers", "everyone"}));
  EXPECT_EQ(sets("leader"), (std::set<std::string>{"staff", "readers", "incident_readers", "overseers", "everyone"}));
  EXPECT_EQ(sets("foreign"), (std::set<std::string>{"incident_readers", "own_record", "everyone"}));
}

TEST(AuthServiceTlsTest, BehindTlsCookiesAreSecureAndHstsIsSent) {
  TestServer server({.demo_data = true, .secure_cookies = true});
  auto c = server.Anonymous();
  auto res = c->Login("leader", kPassword);
  ASSERT_EQ(res.status, 200);
  int secure = 0;
  for (auto [it, end] = res.headers.equal_range("set-cookie"); it != end; ++it) {
    secure += it->second.find("; Secure") != std::string::npos ? 1 : 0;
  }
  EXPECT_EQ(secure, 3);  // session, CSRF and known-device cookies
  EXPECT_EQ(res.Header("strict-transport-security"), "max-age=31536000; includeSubDomains");
  EXPECT_TRUE(TestServer({.demo_data = false}).Anonymous()->Get("/healthz").Header("strict-transport-security").empty());
}

}  // namespace
}  // namespace tongxin::testing
