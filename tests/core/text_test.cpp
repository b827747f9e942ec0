#include "core/text.hpp"

#include <gtest/gtest.h>

namespace tongxin::core {
namespace {

TEST(TextTest, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("hello 同心 🙂"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));  // beyond U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_EQ(Utf8Length("同心ab"), 4u);
}

TEST(TextTest, Masking) {
  EXPECT_EQ(MaskIdentifier("E12345678"), "E1*****78");
  EXPECT_EQ(MaskIdentifier("1234"), "****");
  EXPECT_EQ(MaskIdentifier(""), "");
  // Characters, not bytes: a Chinese name is never cut inside a character.
  EXPECT_EQ(MaskIdentifier("李强"), "****");
  EXPECT_EQ(MaskIdentifier("欧阳娜娜丽"), "欧阳*娜丽");
  EXPECT_EQ(MaskPhone("13800138000"), "138****8000");
  EXPECT_EQ(MaskEmail("oliver.bennett@example.org"), "o***t@example.org");
  EXPECT_EQ(MaskEmail("ab@x.cn"), "**@x.cn");
  EXPECT_EQ(MaskEmail("nobody"), "no**dy");
}

TEST(TextTest, Formats) {
  EXPECT_TRUE(IsValidDate("2024-02-29"));
  EXPECT_FALSE(IsValidDate("2023-02-29"));
  EXPECT_FALSE(IsValidDate("2023-13-01"));
  EXPECT_FALSE(IsValidDate("2023-1-01"));
  EXPECT_TRUE(IsValidEmail("a.b@whut.edu.cn"));
  EXPECT_FALSE(IsValidEmail("a@b"));
  EXPECT_FALSE(IsValidEmail("a b@c.d"));
  EXPECT_TRUE(IsCountryCode("GB"));
  EXPECT_FALSE(IsCountryCode("UK"));
  EXPECT_FALSE(IsCountryCode("gb"));
  EXPECT_TRUE(IsValidPhone("+86 138-0013-8000"));
  EXPECT_FALSE(IsValidPhone("call me"));
  EXPECT_EQ(EscapeLike("50%_a\\"), "50\\%\\_a\\\\");
}

TEST(TextTest, ListsAndSecrets) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> lists = {
      {"", {}}, {"10.0.0.1", {"10.0.0.1"}}, {" 10.0.0.1 , ::1,,", {"10.0.0.1", "::1"}}, {",", {}}};
  for (const auto& [in, want] : lists) EXPECT_EQ(SplitList(in), want) << in;
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
}

}  // namespace
}  // namespace tongxin::core
