#include "app/module.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "support/test_env.hpp"

namespace tongxin::app {
namespace {

struct LaterService {
  int value = 7;
};

// A module that asks for a service no earlier module provides fails at startup with the
// type named, in release builds too (it used to be an assert, compiled out there).
TEST(AppContextTest, AServiceUsedBeforeItIsProvidedIsAClearWiringError) {
  Config config;
  auto db = storage::Database::Open("sqlite:" + testing::TempDir("tongxin_module_") + "/m.db", 1);
  ASSERT_TRUE(db) << db.error().reason;
  core::SystemClock clock;
  AppContext ctx(config, **db, clock);
  try {
    ctx.Get<LaterService>();
    FAIL() << "no error";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("LaterService"), std::string::npos) << e.what();
  }
  ctx.Provide(std::make_unique<LaterService>());
  EXPECT_EQ(ctx.Get<LaterService>().value, 7);
}

}  // namespace
}  // namespace tongxin::app
