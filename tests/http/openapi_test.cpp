// The served OpenAPI document describes exactly the routes the server has.
#include <gtest/gtest.h>

#include <set>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

TEST(OpenApiTest, DocumentMatchesTheRouteTable) {
  TestServer server({.demo_data = false});
  auto res = server.Anonymous()->Get("/api/v1/openapi.json");
  ASSERT_EQ(res.status, 200);
  auto doc = res.Json().as_object();
  EXPECT_EQ(doc.at("openapi").as_string(), "3.0.3");
  std::set<std::string> documented;
  for (const auto& [path, ops] : doc.at("paths").as_object()) {
    for (const auto& [method, op] : ops.as_object()) {
      documented.insert(std::string(method) + " " + std::string(path));
      EXPECT_FALSE(op.at("summary").as_string().empty()) << path;
    }
  }
  std::set<std::string> routed;
  const auto router = server.app().BuildRouter();
  for (const auto& r : router.routes()) {
    std::string m = r.method;
    for (auto& ch : m) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    routed.insert(m + " " + r.pattern);
  }
  EXPECT_EQ(documented, routed);
  auto people = doc.at("paths").at("/api/v1/people/{id}").at("get").as_object();
  EXPECT_EQ(people.at("parameters").as_array()[0].at("name").as_string(), "id");
  EXPECT_TRUE(doc.at("paths").at("/api/v1/auth/login").at("post").at("security").as_array().empty());
}

}  // namespace
}  // namespace tongxin::testing
