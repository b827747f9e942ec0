// The tongxin binary's commands, run as a user would run them.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "support/test_env.hpp"

namespace tongxin::testing {
namespace {

struct Run {
  int code;
  std::string out;
};

Run Tongxin(const std::string& args, const std::string& input = "") {
  std::string cmd = std::string(TONGXIN_BINARY) + " " + args + " 2>&1";
  if (!input.empty()) cmd = "printf '%s\\n' '" + input + "' | " + cmd;
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf{};
  while (std::size_t n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  int status = pclose(p);
  return {WEXITSTATUS(status), out};
}

TEST(CliTest, VersionAndHelp) {
  auto v = Tongxin("--version");
  EXPECT_EQ(v.code, 0);
  EXPECT_NE(v.out.find("tongxin "), std::string::npos);
  auto h = Tongxin("--help");
  EXPECT_EQ(h.code, 0);
  for (const char* word : {"serve", "migrate", "user", "import", "backup", "--db", "TONGXIN_DB"}) {
    EXPECT_NE(h.out.find(word), std::string::npos) << word;
  }
}

TEST(CliTest, MigrateUserImportAndBackup) {
  TestDb db;
  const std::string flag = "--db '" + db.url() + "' --log-level warn";
  auto m = Tongxin("migrate " + flag);
  ASSERT_EQ(m.code, 0) << m.out;
  auto u = Tongxin("user add Chief --role admin --password-stdin " + flag, "a-long-password");
  ASSERT_EQ(u.code, 0) << u.out;
  EXPECT_NE(u.out.find("created user chief (admin)"), std::string::npos);
  auto weak = Tongxin("user add weak --role admin --password short " + flag);
  EXPECT_NE(weak.code, 0);
  EXPECT_NE(weak.out.find("at least 10 characters"), std::string::npos) << weak.out;

  auto demo = Tongxin("demo " + flag);
  EXPECT_NE(demo.out.find("not loaded"), std::string::npos) << demo.out;  // users exist already

  const std::string dir = TempDir("tongxin_cli_");
  // Units come from a unit-less import default: create one through the demo-free path.
  std::ofstream(dir + "/bad.csv") << "外文姓名,类别,国籍\nNo Unit,外籍工作人员,ZZ\n";
  auto bad = Tongxin("import people " + dir + "/bad.csv " + flag);
  EXPECT_EQ(bad.code, 2) << bad.out;
  EXPECT_NE(bad.out.find("row 2"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("nothing imported"), std::string::npos);

  if (!db.postgres()) {
    auto b = Tongxin("backup " + dir + "/copy.db " + flag);
    ASSERT_EQ(b.code, 0) << b.out;
    auto again = Tongxin("user add other --role office --password another-long-one --db sqlite:" + dir + "/copy.db");
    EXPECT_EQ(again.code, 0) << again.out;  // the copy is a working database
  }
}

TEST(CliTest, DemoThenImportIntoAUnit) {
  TestDb db;
  const std::string flag = "--db '" + db.url() + "' --log-level warn";
  auto demo = Tongxin("demo " + flag);
  ASSERT_EQ(demo.code, 0) << demo.out;
  EXPECT_NE(demo.out.find("demo data loaded"), std::string::npos);
  const std::string dir = TempDir("tongxin_cli_");
  std::ofstream(dir + "/ok.csv") << "Latin name,Category,Nationality\nNew Teacher,foreign_staff,IE\n";
  auto ok = Tongxin("import people " + dir + "/ok.csv --unit SIE " + flag);
  EXPECT_EQ(ok.code, 0) << ok.out;
  EXPECT_NE(ok.out.find("imported 1 people"), std::string::npos) << ok.out;
}

TEST(CliTest, BadConfigurationFailsClearly) {
  auto r = Tongxin("migrate --db sqlite:/tmp/x.db --port 99999");
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.out.find("port"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace tongxin::testing
