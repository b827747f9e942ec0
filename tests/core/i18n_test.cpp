#include "core/i18n.hpp"

#include <gtest/gtest.h>

namespace tongxin::core {
namespace {

TEST(I18nTest, AcceptLanguagePicksBestSupported) {
  struct Case {
    const char* header;
    Lang want;
  } cases[] = {
      {"", Lang::kZh},
      {"en", Lang::kEn},
      {"en-US,en;q=0.9", Lang::kEn},
      {"zh-CN,zh;q=0.9,en;q=0.8", Lang::kZh},
      {"fr-FR,en;q=0.5,zh;q=0.9", Lang::kZh},
      {"de, en;q=0.7", Lang::kEn},
      {"de", Lang::kZh},
  };
  for (const auto& c : cases) EXPECT_EQ(FromAcceptLanguage(c.header), c.want) << c.header;
}

TEST(I18nTest, MessagesSubstituteDetailsInBothLanguages) {
  Error e = MakeError(Errc::kConflict, "users.username_taken", {{"username", "wang"}});
  EXPECT_EQ(Message(e, Lang::kEn), "The username wang is taken");
  EXPECT_EQ(Message(e, Lang::kZh), "用户名 wang 已被使用");
}

TEST(I18nTest, FieldErrorsNameTheFieldInTheCallersLanguage) {
  Error e = FieldInvalid("id_number", "validation.too_long", {{"max", "32"}});
  EXPECT_EQ(Message(e, Lang::kEn), "ID number must be at most 32 characters");
  EXPECT_EQ(Message(e, Lang::kZh), "证件号码 最多 32 个字符");
  EXPECT_EQ(e.details.at("field"), "id_number");
}

TEST(I18nTest, UnknownReasonFallsBackToGenericText) {
  Error e = MakeError(Errc::kNotFound, "no.such.reason");
  EXPECT_EQ(Message(e, Lang::kEn), "Not found");
  EXPECT_EQ(Message(e, Lang::kZh), "找不到该记录");
  EXPECT_FALSE(HasMessage("no.such.reason"));
  EXPECT_TRUE(HasMessage("auth.csrf"));
}

TEST(I18nTest, SeveralFieldErrorsAreSummarised) {
  Error e;
  e.code = Errc::kInvalid;
  e.reason = "validation.failed";
  e.fields = {{"email", "validation.invalid_email", {}}, {"category", "validation.required", {}}};
  EXPECT_EQ(Message(e, Lang::kEn), "Invalid input: email is not a valid email address; category is required");
}

}  // namespace
}  // namespace tongxin::core
