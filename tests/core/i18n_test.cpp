#include "core/i18n.hpp"

#include <gtest/gtest.h>
#include <toml++/toml.h>

#include <regex>
#include <set>
#include <string>

#include "core/embedded_data.hpp"

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
  // An item of a list of values, within a nested object: the list's label and the item.
  EXPECT_EQ(FieldLabel("audience.nationalities[1]", Lang::kEn), "nationalities (item 1)");
  EXPECT_EQ(FieldLabel("audience.nationalities[1]", Lang::kZh), "国籍（第 1 项）");
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

std::set<std::string> Placeholders(const std::string& text) {
  std::set<std::string> out;
  static const std::regex kName(R"(\{([a-z_]+)\})");
  for (std::sregex_iterator it(text.begin(), text.end(), kName), end; it != end; ++it) out.insert((*it)[1]);
  return out;
}

// Every embedded catalogue loads, and each of its texts has a zh and an en version that
// use the same {placeholders}: a translation that drops {max} would show the user less.
TEST(I18nTest, EveryCatalogueLoadsWithMatchingTranslations) {
  int entries = 0, catalogues = 0;
  for (const auto& [file, text] : EmbeddedFiles()) {
    if (!file.ends_with("/messages")) continue;
    const std::string_view name = file.substr(0, file.size() - std::string_view("/messages").size());
    ++catalogues;
    SCOPED_TRACE(std::string(name));
    auto st = AddCatalogue(name);
    ASSERT_TRUE(st) << st.error().reason;
    EXPECT_TRUE(AddCatalogue(name));  // a second time changes nothing
    toml::table doc = toml::parse(text);
    for (auto&& [section, node] : doc) {
      for (auto&& [key, value] : *node.as_table()) {
        const std::string zh = (*value.as_table())["zh"].value_or(std::string());
        const std::string en = (*value.as_table())["en"].value_or(std::string());
        EXPECT_EQ(Placeholders(zh), Placeholders(en)) << key.str();
        if (section.str() == "messages") EXPECT_TRUE(HasMessage(key.str())) << key.str();
        ++entries;
      }
    }
  }
  EXPECT_GE(catalogues, 5);  // core and the four modules
  EXPECT_GT(entries, 150);
  EXPECT_TRUE(HasMessage("health.no_roster"));
  EXPECT_EQ(Message(MakeError(Errc::kNotFound, "incidents.not_found"), Lang::kEn).empty(), false);
}

TEST(I18nTest, UnknownCatalogueIsRefused) {
  auto st = AddCatalogue("no_such_module");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, Errc::kInternal);
  EXPECT_NE(st.error().reason.find("no_such_module"), std::string::npos);
}

}  // namespace
}  // namespace tongxin::core
