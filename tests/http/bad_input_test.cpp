// Bad input on every kind of endpoint gets a clear 4xx naming the problem, never a crash
// and never a partial write.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

class BadInputTest : public ::testing::Test {
 protected:
  void SetUp() override { admin_ = server_.As("admin"); }

  struct Endpoint {
    std::string method, path, table;
  };
  std::vector<Endpoint> Endpoints() {
    return {{"POST", "/api/v1/people", "people"},
            {"PATCH", "/api/v1/people/1", "people"},
            {"POST", "/api/v1/units", "units"},
            {"PATCH", "/api/v1/units/1", "units"},
            {"POST", "/api/v1/admin/users", "users"},
            {"PATCH", "/api/v1/admin/users/2", "users"},
            {"POST", "/api/v1/auth/tokens", "api_tokens"}};
  }

  TestServer server_;
  std::unique_ptr<HttpClient> admin_;
};

TEST_F(BadInputTest, MalformedJsonInvalidUtf8AndNonObjects) {
  const std::map<std::string, std::string> json = {{"Content-Type", "application/json"}};
  for (const auto& e : Endpoints()) {
    const auto before = server_.Count(e.table);
    struct Case {
      std::string body, code;
    } cases[] = {{"{\"name\": ", "request.invalid_json"},
                 {"{\"a\":1,}", "request.invalid_json"},
                 {"\xFF\xFE{}", "request.invalid_utf8"},
                 {"{\"name_latin\":\"\xC3\x28\"}", "request.invalid_utf8"},
                 {"[1,2,3]", "request.expected_object"},
                 {"\"text\"", "request.expected_object"},
                 {std::string(100, '[') + std::string(100, ']'), "request.invalid_json"}};
    for (const auto& c : cases) {
      auto res = admin_->Request(e.method, e.path, c.body, json);
      EXPECT_EQ(res.status, 400) << e.method << " " << e.path << " " << c.body;
      EXPECT_EQ(res.ErrorCode(), c.code) << e.method << " " << e.path;
    }
    EXPECT_EQ(server_.Count(e.table), before) << e.path;
  }
}

TEST_F(BadInputTest, WrongTypesUnknownFieldsAndOverlongStrings) {
  for (const auto& e : Endpoints()) {
    const auto before = server_.Count(e.table);
    auto wrong = admin_->Request(e.method, e.path, R"({"zzz_unknown": 1})", {{"Content-Type", "application/json"}});
    EXPECT_EQ(wrong.status, 400) << e.path;
    bool named = false;
    const auto body = wrong.Json();
    for (const auto& f : body.at("error").at("details").at("fields").as_array()) {
      named = named || f.at("field").as_string() == "zzz_unknown";
    }
    EXPECT_TRUE(named) << e.path << " " << wrong.body;
    EXPECT_EQ(server_.Count(e.table), before) << e.path;
  }
  auto types = admin_->Post("/api/v1/people", {{"unit_id", "1"}, {"name_latin", 7}, {"category", true}});
  EXPECT_EQ(types.status, 400);
  EXPECT_EQ(types.Json().at("error").at("details").at("fields").as_array().size(), 3u);
  auto longname = admin_->Post("/api/v1/people", {{"unit_id", 1}, {"name_zh", std::string(65 * 3, 'a')}, {"category", "staff"}});
  EXPECT_EQ(longname.status, 400);
  EXPECT_EQ(longname.Json().at("error").at("details").at("field").as_string(), "name_zh");
  auto huge_text = admin_->Post("/api/v1/units", {{"code", std::string(5000, 'c')}, {"name_zh", "x"}, {"kind", "office"}});
  EXPECT_EQ(huge_text.status, 400);
  auto negative = admin_->Post("/api/v1/people", {{"unit_id", -5}, {"name_zh", "x"}, {"category", "staff"}});
  EXPECT_EQ(negative.Json().at("error").at("details").at("field").as_string(), "unit_id");
}

TEST_F(BadInputTest, MessagesFollowTheLanguage) {
  admin_->SetLanguage("zh-CN");
  auto zh = admin_->Post("/api/v1/people", {{"unit_id", 1}, {"category", "staff"}, {"email", "nope"}});
  EXPECT_EQ(zh.status, 400);
  EXPECT_EQ(zh.Json().at("error").at("message").as_string(), "邮箱 不是有效的邮箱地址");
  admin_->SetLanguage("en-GB,en;q=0.9");
  auto en = admin_->Post("/api/v1/people", {{"unit_id", 1}, {"category", "staff"}, {"email", "nope"}});
  EXPECT_EQ(en.Json().at("error").at("message").as_string(), "email is not a valid email address");
}

TEST_F(BadInputTest, WrongContentTypeIs415) {
  auto res = admin_->Request("POST", "/api/v1/people", "{}", {{"Content-Type", "text/plain"}});
  EXPECT_EQ(res.status, 415);
  EXPECT_EQ(res.ErrorCode(), "request.unsupported_media_type");
  auto upload = admin_->Request("POST", "/api/v1/people/imports", "a,b", {{"Content-Type", "image/png"}});
  EXPECT_EQ(upload.status, 415);
}

TEST_F(BadInputTest, BadPathAndQueryValues) {
  EXPECT_EQ(admin_->Get("/api/v1/people/abc").status, 400);
  EXPECT_EQ(admin_->Get("/api/v1/people/-1").status, 400);
  EXPECT_EQ(admin_->Get("/api/v1/people?page=0").status, 400);
  EXPECT_EQ(admin_->Get("/api/v1/people?page_size=100000").status, 400);
  EXPECT_EQ(admin_->Get("/api/v1/people?sort=password").status, 400);
  EXPECT_EQ(admin_->Get("/api/v1/people?status=deleted").status, 400);
  EXPECT_EQ(admin_->Get("/api/v1/people?unit_id=x").status, 400);
  EXPECT_EQ(admin_->Get("/api/v1/people?q=%27%20OR%201%3D1%20--").Json().at("total").as_int64(), 0);
  EXPECT_EQ(admin_->Get("/api/v1/people/1%00").status, 400);
}

TEST_F(BadInputTest, ServerErrorsRevealNothing) {
  // A request id appears in a 500; here we check that no 4xx leaks SQL or paths.
  auto res = admin_->Post("/api/v1/people", {{"unit_id", 999999}, {"name_zh", "某人"}, {"category", "staff"}});
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.ErrorCode(), "units.not_found");
  EXPECT_EQ(res.body.find("SELECT"), std::string::npos);
  EXPECT_EQ(res.body.find("sqlite"), std::string::npos);
}

}  // namespace
}  // namespace tongxin::testing
