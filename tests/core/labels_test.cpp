#include "core/labels.hpp"

#include <gtest/gtest.h>

namespace tongxin::core {
namespace {

TEST(LabelTableTest, GivesTheReadersWordAndTheKeyItDoesNotKnow) {
  const LabelTable words = {{"abroad", {"在境外", "Abroad"}}, {"status.home", {"已回国", "Home"}}};
  EXPECT_EQ(words("abroad", Lang::kZh), "在境外");
  EXPECT_EQ(words("abroad", Lang::kEn), "Abroad");
  EXPECT_EQ(words("status", "home", Lang::kEn), "Home");
  EXPECT_EQ(words("status", "home", Lang::kZh), "已回国");
  // Unknown: the key itself, without its group, so a new value still shows.
  EXPECT_EQ(words("stranded", Lang::kZh), "stranded");
  EXPECT_EQ(words("status", "stranded", Lang::kEn), "stranded");
  EXPECT_EQ(words("home", Lang::kEn), "home");  // a grouped key is not found without its group
}

}  // namespace
}  // namespace tongxin::core
