// Serving the built web app: caching, compression, the SPA fallback and no way out of the root.
#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

void Write(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  static std::string MakeRoot() {
    const std::string root = TempDir("tongxin_web_") + "/dist";
    Write(root + "/index.html", "<!doctype html><title>Tongxin</title>");
    Write(root + "/assets/app-abc123.js", "console.log('app')");
    Write(root + "/assets/app-abc123.js.gz", "GZIPPED");
    Write(root + "/favicon.svg", "<svg/>");
    Write(std::filesystem::path(root).parent_path() / "secret.txt", "TOP SECRET");
    return root;
  }
  TestServer server_{{.demo_data = false, .web_root = MakeRoot()}};
};

TEST_F(StaticFilesTest, ServesFilesWithCacheHeaders) {
  auto c = server_.Anonymous();
  auto index = c->Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("Tongxin"), std::string::npos);
  EXPECT_EQ(index.Header("cache-control"), "no-cache");
  EXPECT_NE(index.Header("content-security-policy").find("default-src 'self'"), std::string::npos);
  auto js = c->Get("/assets/app-abc123.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log('app')");
  EXPECT_NE(js.Header("cache-control").find("immutable"), std::string::npos);
  EXPECT_NE(js.Header("content-type").find("javascript"), std::string::npos);
}

TEST_F(StaticFilesTest, EtagGivesNotModified) {
  auto c = server_.Anonymous();
  auto first = c->Get("/favicon.svg");
  const std::string etag = first.Header("etag");
  ASSERT_FALSE(etag.empty());
  auto again = c->Request("GET", "/favicon.svg", "", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST_F(StaticFilesTest, PrecompressedVariantWhenAccepted) {
  auto c = server_.Anonymous();
  auto gz = c->Request("GET", "/assets/app-abc123.js", "", {{"Accept-Encoding", "gzip, br"}});
  EXPECT_EQ(gz.Header("content-encoding"), "gzip");
  EXPECT_EQ(gz.body, "GZIPPED");
  EXPECT_EQ(gz.Header("vary"), "Accept-Encoding");
}

TEST_F(StaticFilesTest, AppRoutesFallBackToIndexButMissingAssetsAre404) {
  auto c = server_.Anonymous();
  auto route = c->Get("/people/list");
  EXPECT_EQ(route.status, 200);
  EXPECT_NE(route.body.find("Tongxin"), std::string::npos);
  EXPECT_EQ(c->Get("/assets/missing.js").status, 404);
  EXPECT_EQ(c->Get("/api/v1/unknown").status, 404);  // the API never falls back
}

TEST_F(StaticFilesTest, TraversalNeverLeavesTheRoot) {
  auto c = server_.Anonymous();
  // Each way out of the root, as sent (the client does not tidy "/../"), and exactly what
  // it gets: a dot-dot segment in any spelling is a bad path; "...." is just a name that
  // is not there.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/../secret.txt", "request.bad_path"},
      {"/assets/../../secret.txt", "request.bad_path"},
      {"/%2e%2e/secret.txt", "request.bad_path"},
      {"/assets/%2e%2e/%2e%2e/secret.txt", "request.bad_path"},
      {"/..%2fsecret.txt", "request.bad_path"},
      {"/%2e%2e%5csecret.txt", "request.bad_path"},
      {"/assets/..%00/secret.txt", "request.bad_path"},
      {"/....//secret.txt", "request.not_found"},
  };
  for (const auto& [path, code] : cases) {
    auto res = c->Get(path);
    EXPECT_EQ(res.body.find("TOP SECRET"), std::string::npos) << path;
    EXPECT_EQ(res.status, code == "request.bad_path" ? 400 : 404) << path;
    EXPECT_EQ(res.ErrorCode(), code) << path;
  }
}

TEST(SafeRelativeTest, Table) {
  using http::StaticFiles;
  EXPECT_EQ(StaticFiles::SafeRelative("/a/b.js")->string(), "a/b.js");
  EXPECT_EQ(StaticFiles::SafeRelative("/a/./b.js")->string(), "a/b.js");
  EXPECT_FALSE(StaticFiles::SafeRelative("/a/../b.js"));
  EXPECT_FALSE(StaticFiles::SafeRelative("/a\\..\\b"));
  EXPECT_FALSE(StaticFiles::SafeRelative("relative"));
  EXPECT_FALSE(StaticFiles::SafeRelative(std::string("/a\0b", 4)));
}

}  // namespace
}  // namespace tongxin::testing
