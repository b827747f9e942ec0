// Login, sessions, CSRF, throttling, passwords and API tokens through the real server.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

class AuthApiTest : public ::testing::Test {
 protected:
  TestServer server_;
};

TEST_F(AuthApiTest, LoginSetsHardenedCookiesAndMeWorks) {
  auto c = server_.Anonymous();
  auto res = c->Login("office", kPassword);
  ASSERT_EQ(res.status, 200) << res.body;
  std::string session, csrf;
  for (auto [it, end] = res.headers.equal_range("set-cookie"); it != end; ++it) {
    if (it->second.rfind("tx_session=", 0) == 0) session = it->second;
    if (it->second.rfind("tx_csrf=", 0) == 0) csrf = it->second;
  }
  EXPECT_NE(session.find("HttpOnly"), std::string::npos);
  EXPECT_NE(session.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(csrf.find("HttpOnly"), std::string::npos);  // the app reads it
  auto me = c->Get("/api/v1/auth/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.Json().at("role").as_string(), "office");
  EXPECT_EQ(me.Json().as_object().count("password_hash"), 0u);
}

TEST_F(AuthApiTest, WrongPasswordIsRefusedInTheCallersLanguage) {
  auto c = server_.Anonymous();
  c->SetLanguage("zh-CN");
  auto res = c->Login("office", "wrong-password");
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(res.ErrorCode(), "auth.bad_credentials");
  EXPECT_EQ(res.Json().at("error").at("message").as_string(), "用户名或密码错误");
  c->SetLanguage("en");
  EXPECT_EQ(c->Login("nobody", "wrong-password").Json().at("error").at("message").as_string(),
            "Wrong username or password");
}

TEST_F(AuthApiTest, RepeatedFailuresAreThrottled) {
  auto c = server_.Anonymous();
  for (int i = 0; i < 5; ++i) {
    auto res = c->Login("hr", "wrong-password");
    EXPECT_EQ(res.status, 401);
    // The last two attempts before the delay warn of it.
    const auto body = res.Json();
    const auto& details = body.at("error").at("details").as_object();
    if (i < 2) {
      EXPECT_FALSE(details.contains("attempts_left")) << res.body;
    } else {
      ASSERT_TRUE(details.contains("attempts_left")) << res.body;
      EXPECT_EQ(details.at("attempts_left").as_string(), std::to_string(4 - i));
    }
  }
  auto locked = c->Login("hr", kPassword);  // even the right password waits
  EXPECT_EQ(locked.status, 429);
  EXPECT_EQ(locked.ErrorCode(), "auth.too_many_attempts");
  EXPECT_FALSE(locked.Header("retry-after").empty());
  server_.clock().Advance(std::chrono::minutes(16));
  EXPECT_EQ(c->Login("hr", kPassword).status, 200);
}

TEST_F(AuthApiTest, LogoutEndsTheSession) {
  auto c = server_.As("leader");
  EXPECT_EQ(c->Request("POST", "/api/v1/auth/logout").status, 204);
  EXPECT_EQ(c->Get("/api/v1/auth/me").status, 401);
}

TEST_F(AuthApiTest, CookieWritesNeedTheCsrfToken) {
  auto c = server_.As("office");
  const std::string token = c->csrf();
  c->SetCsrf("");
  auto res = c->Patch("/api/v1/auth/me", {{"language", "en"}});
  EXPECT_EQ(res.status, 403);
  EXPECT_EQ(res.ErrorCode(), "auth.csrf");
  c->SetCsrf("not-the-token");
  EXPECT_EQ(c->Patch("/api/v1/auth/me", {{"language", "en"}}).status, 403);
  c->SetCsrf(token);
  EXPECT_EQ(c->Patch("/api/v1/auth/me", {{"language", "en"}}).status, 200);
}

TEST_F(AuthApiTest, SessionsExpireWhenIdleAndAbsolutely) {
  auto c = server_.As("office");
  server_.clock().Advance(std::chrono::minutes(119));
  EXPECT_EQ(c->Get("/api/v1/auth/me").status, 200);  // and this touches it
  server_.clock().Advance(std::chrono::minutes(119));
  EXPECT_EQ(c->Get("/api/v1/auth/me").status, 200);
  server_.clock().Advance(std::chrono::minutes(121));
  EXPECT_EQ(c->Get("/api/v1/auth/me").status, 401);  // idle too long

  auto d = server_.As("office");
  for (int i = 0; i < 7; ++i) {
    server_.clock().Advance(std::chrono::minutes(110));
    d->Get("/api/v1/auth/me");
  }
  EXPECT_EQ(d->Get("/api/v1/auth/me").status, 401);  // past 12 hours after login
}

TEST_F(AuthApiTest, PreferredLanguageBeatsAcceptLanguage) {
  auto c = server_.As("office");
  c->SetLanguage("en");
  ASSERT_EQ(c->Patch("/api/v1/auth/me", {{"language", "zh-CN"}}).status, 200);
  auto res = c->Get("/api/v1/people/999999");
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.Json().at("error").at("message").as_string(), "找不到该人员");
}

TEST_F(AuthApiTest, TheFirstLoginKeepsItsLanguageWithoutAnEditOfTheUser) {
  auto admin = server_.As("admin");
  ASSERT_EQ(admin->Post("/api/v1/admin/users", boost::json::object{{"username", "newcomer"}, {"password", kPassword},
                                                                   {"role", "leader"}})
                .status,
            201);
  auto edits = [&] { return admin->Get("/api/v1/audit?entity=user&action=update").Json().at("total").as_int64(); };
  const auto before = edits();
  auto c = server_.Anonymous();
  auto res = c->Request("POST", "/api/v1/auth/login",
                        R"({"username":"newcomer","password":")" + std::string(kPassword) + R"(","language":"en"})",
                        {{"Content-Type", "application/json"}});
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.Json().at("language").as_string(), "en");
  EXPECT_EQ(edits(), before);  // a login is not a user update
  // Saving the language it already has changes nothing and writes nothing.
  c->SetCsrf(std::string(res.Json().at("csrf_token").as_string()));
  EXPECT_EQ(c->Patch("/api/v1/auth/me", {{"language", "en"}}).status, 200);
  EXPECT_EQ(edits(), before);
  // A later login in another language keeps the saved one.
  auto again = server_.Anonymous()->Request(
      "POST", "/api/v1/auth/login",
      R"({"username":"newcomer","password":")" + std::string(kPassword) + R"(","language":"zh-CN"})",
      {{"Content-Type", "application/json"}});
  EXPECT_EQ(again.Json().at("language").as_string(), "en");
  EXPECT_EQ(c->Request("POST", "/api/v1/auth/login", R"({"username":"x","password":"y","language":"fr"})",
                       {{"Content-Type", "application/json"}})
                .ErrorField(),
            "language");
}

TEST_F(AuthApiTest, PasswordChangeEndsOtherSessions) {
  auto a = server_.As("volunteer");
  auto b = server_.As("volunteer");
  auto weak = a->Post("/api/v1/auth/password", {{"current_password", kPassword}, {"new_password", "short"}});
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.Json().at("error").at("details").at("field").as_string(), "new_password");
  auto wrong = a->Post("/api/v1/auth/password", {{"current_password", "nope-nope-nope"}, {"new_password", "a much longer one"}});
  EXPECT_EQ(wrong.ErrorCode(), "auth.wrong_password");
  ASSERT_EQ(a->Post("/api/v1/auth/password", {{"current_password", kPassword}, {"new_password", "a much longer one"}}).status, 204);
  EXPECT_EQ(a->Get("/api/v1/auth/me").status, 200);
  EXPECT_EQ(b->Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(server_.Anonymous()->Login("volunteer", "a much longer one").status, 200);
}

TEST_F(AuthApiTest, AdminResetsPasswordAndDisablesUsers) {
  auto admin = server_.As("admin");
  auto victim = server_.As("hr");
  auto users = admin->Get("/api/v1/admin/users?q=hr").Json().at("items").as_array();
  ASSERT_EQ(users.size(), 1u);
  const auto id = users[0].at("id").as_int64();
  ASSERT_EQ(admin->Post("/api/v1/admin/users/" + std::to_string(id) + "/password", {{"password", "reset-by-admin-1"}}).status, 204);
  EXPECT_EQ(victim->Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(server_.Anonymous()->Login("hr", "reset-by-admin-1").status, 200);
  ASSERT_EQ(admin->Patch("/api/v1/admin/users/" + std::to_string(id), {{"active", false}}).status, 200);
  EXPECT_EQ(server_.Anonymous()->Login("hr", "reset-by-admin-1").ErrorCode(), "auth.user_inactive");
}

TEST_F(AuthApiTest, ApiTokensWorkWithoutCsrfAndCanBeRevoked) {
  auto c = server_.As("office");
  auto made = c->Post("/api/v1/auth/tokens", {{"name", "nightly export"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string token(made.Json().at("token").as_string());
  const auto id = made.Json().at("id").as_int64();
  HttpClient script(server_.base());
  script.SetBearer(token);
  EXPECT_EQ(script.Get("/api/v1/auth/me").status, 200);
  EXPECT_EQ(script.Patch("/api/v1/auth/me", {{"language", "en"}}).status, 200);  // no CSRF for tokens
  auto list = c->Get("/api/v1/auth/tokens").Json().at("items").as_array();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].as_object().count("token"), 0u);
  EXPECT_EQ(c->Delete("/api/v1/auth/tokens/" + std::to_string(id)).status, 204);
  EXPECT_EQ(script.Get("/api/v1/auth/me").status, 401);
  HttpClient forged(server_.base());
  forged.SetBearer("tx_forged");
  EXPECT_EQ(forged.Get("/api/v1/auth/me").status, 401);
}

TEST_F(AuthApiTest, AdminCreatesUsersWithScope) {
  auto admin = server_.As("admin");
  const auto intl = server_.UnitId("INTL");
  auto made = admin->Post("/api/v1/admin/users", {{"username", "Li.Na"}, {"password", "long-enough-pw"},
                                                  {"role", "office"}, {"unit_ids", {intl}}});
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.Json().at("username").as_string(), "li.na");
  auto dup = admin->Post("/api/v1/admin/users", {{"username", "li.na"}, {"password", "long-enough-pw"}, {"role", "office"}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.ErrorCode(), "users.username_taken");
  auto bad_unit = admin->Post("/api/v1/admin/users", {{"username", "x1"}, {"password", "long-enough-pw"},
                                                      {"role", "office"}, {"unit_ids", {999999}}});
  EXPECT_EQ(bad_unit.status, 400);
  auto li = server_.Anonymous();
  ASSERT_EQ(li->Login("li.na", "long-enough-pw").status, 200);
  auto people = li->Get("/api/v1/people?page_size=200").Json();
  for (const auto& p : people.at("items").as_array()) EXPECT_EQ(p.at("unit_id").as_int64(), intl);
}

}  // namespace
}  // namespace tongxin::testing
