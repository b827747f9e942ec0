#include "app/config.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "support/test_env.hpp"

namespace tongxin::app {
namespace {

TEST(ConfigTest, PrecedenceIsFlagsThenEnvironmentThenFileThenDefaults) {
  const std::string path = testing::TempDir("tongxin_cfg_") + "/tongxin.toml";
  std::ofstream(path) << "port = 9001\nhost = \"0.0.0.0\"\nworkers = 3\nsecure_cookies = true\n";
  Config c;
  ASSERT_TRUE(ApplyTomlFile(c, path));
  EXPECT_EQ(c.port, 9001);
  EXPECT_TRUE(c.secure_cookies);
  std::map<std::string, std::string> env = {{"TONGXIN_PORT", "9002"}, {"TONGXIN_WORKERS", "5"}};
  ASSERT_TRUE(ApplyEnvironment(c, [&](const char* n) -> const char* {
    auto it = env.find(n);
    return it == env.end() ? nullptr : it->second.c_str();
  }));
  ASSERT_TRUE(ApplyValues(c, {{"port", "9003"}}));
  EXPECT_EQ(c.port, 9003);           // flag
  EXPECT_EQ(c.workers, 5);           // environment
  EXPECT_EQ(c.host, "0.0.0.0");      // file
  EXPECT_EQ(c.io_threads, 2);        // default
}

TEST(ConfigTest, BadValuesNameTheSetting) {
  Config c;
  auto st = ApplyValues(c, {{"port", "70000"}});
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().details.at("field"), "port");
  EXPECT_FALSE(ApplyValues(c, {{"no_such", "1"}}));
  EXPECT_FALSE(ApplyValues(c, {{"secure_cookies", "maybe"}}));
  const std::string path = testing::TempDir("tongxin_cfg_") + "/bad.toml";
  std::ofstream(path) << "port = [1, 2]\n";
  EXPECT_FALSE(ApplyTomlFile(c, path));
  std::ofstream(path) << "this is not toml\n";
  EXPECT_FALSE(ApplyTomlFile(c, path));
}

// A module's settings live in its section: [health] in TOML, TONGXIN_HEALTH_* in the
// environment, --health-* as flags; a key outside any module's section is refused.
TEST(ConfigTest, ModuleSectionsComeFromTablesVariablesAndFlags) {
  const std::string path = testing::TempDir("tongxin_cfg_") + "/sections.toml";
  std::ofstream(path) << "port = 9001\n[health]\nfever_tenths = 380\nretention_days = 30\n"
                         "[notify]\nsmtp_from = \"office@example.edu\"\n";
  Config c;
  ASSERT_TRUE(ApplyTomlFile(c, path));
  EXPECT_EQ(c.health.fever_tenths, 380);
  EXPECT_EQ(c.health.retention_days, 30);
  EXPECT_EQ(c.notify.smtp_from, "office@example.edu");
  EXPECT_EQ(c.incidents.step_remind_minutes, 30);  // default
  std::map<std::string, std::string> env = {{"TONGXIN_INCIDENTS_STEP_REMIND_MINUTES", "45"}};
  ASSERT_TRUE(ApplyEnvironment(c, [&](const char* n) -> const char* {
    auto it = env.find(n);
    return it == env.end() ? nullptr : it->second.c_str();
  }));
  EXPECT_EQ(c.incidents.step_remind_minutes, 45);
  ASSERT_TRUE(ApplyValues(c, {{"auth.session_idle_minutes", "15"}}));
  EXPECT_EQ(c.auth.session_idle_minutes, 15);

  auto st = ApplyValues(c, {{"health.fever_tenths", "300"}});
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().details.at("field"), "health.fever_tenths");
  std::ofstream(path) << "[health]\nno_such_key = 1\n";
  st = ApplyTomlFile(c, path);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().details.at("field"), "health.no_such_key");
  EXPECT_FALSE(ApplyValues(c, {{"fever_tenths", "380"}}));  // not at the top level
  ASSERT_TRUE(ApplyValues(c, {{"answer_reminder_days", "0"}}));
  EXPECT_EQ(c.answer_reminder_days, 0);
  EXPECT_FALSE(ApplyValues(c, {{"answer_reminder_days", "-1"}}));
  ASSERT_TRUE(ApplyValues(c, {{"expiry_notice_days", "14"}}));
  EXPECT_EQ(c.expiry_notice_days, 14);
  st = ApplyValues(c, {{"expiry_notice_days", "0"}});
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().details.at("field"), "expiry_notice_days");

  bool flag_found = false;
  for (const auto& s : Settings()) {
    if (s.key == "health.fever_tenths") {
      flag_found = true;
      EXPECT_EQ(FlagName(s), "--health-fever-tenths");
      EXPECT_EQ(EnvName(s), "TONGXIN_HEALTH_FEVER_TENTHS");
    }
  }
  EXPECT_TRUE(flag_found);
}

TEST(ConfigTest, DescribeHidesPasswords) {
  Config c;
  c.db = "postgresql://tongxin:s3cret@db.internal:5432/tongxin";
  c.notify.smtp_password = "m4ilpass";
  c.notify.smtp_url = "smtp://robot:urlpass@mail.internal:25";
  const std::string d = Describe(c);
  EXPECT_EQ(d.find("s3cret"), std::string::npos);
  EXPECT_EQ(d.find("m4ilpass"), std::string::npos);
  EXPECT_EQ(d.find("urlpass"), std::string::npos);
  EXPECT_NE(d.find("notify.smtp_password=***"), std::string::npos);
  EXPECT_NE(d.find("mail.internal"), std::string::npos);
  EXPECT_NE(d.find("db.internal"), std::string::npos);
  EXPECT_NE(d.find("port=8080"), std::string::npos);
}

}  // namespace
}  // namespace tongxin::app
