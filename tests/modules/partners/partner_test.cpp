// Partner entity rules: language codes, the parsers' field errors, the search text.
#include "modules/partners/partner.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace tongxin::partners {
namespace {

std::string FirstField(const core::Error& e) {
  auto it = e.details.find("field");
  return it == e.details.end() ? "" : it->second;
}

TEST(PartnerTest, LanguageCodesAreIso639Part1) {
  for (const char* ok : {"en", "zh", "fr", "cy", "ar", "ja", "zu", "aa"}) EXPECT_TRUE(IsLanguageCode(ok)) << ok;
  for (const char* bad : {"", "e", "EN", "eng", "xx", "zz", "en-GB"}) EXPECT_FALSE(IsLanguageCode(bad)) << bad;
}

TEST(PartnerTest, ParsersNameTheFieldThatIsWrong) {
  struct Case {
    const char* body;
    const char* field;
  };
  const Case cases[] = {
      {R"({"unit_id":1,"kind":"university","name_en":"X","country":"XX"})", "country"},
      {R"({"unit_id":1,"kind":"university","name_en":"X","country":"GB","languages":["en","xx"]})", "languages[1]"},
      {R"({"unit_id":1,"kind":"university","name_en":"X","country":"GB","languages":"en"})", "languages"},
      {R"({"unit_id":1,"kind":"university","name_en":"X","country":"GB","languages":[]})", "languages"},
      {R"({"unit_id":1,"kind":"university","country":"GB"})", "name_zh"},
      {R"({"unit_id":1,"kind":"school","name_en":"X","country":"GB"})", "kind"},
      {R"({"unit_id":1,"kind":"university","name_en":"X","country":"GB","tags":["a,b"]})", "tags[0]"},
  };
  for (const auto& c : cases) {
    auto r = ParsePartnerInput(boost::json::parse(c.body).as_object(), true);
    ASSERT_FALSE(r) << c.body;
    EXPECT_EQ(FirstField(r.error()), c.field) << c.body;
  }
  auto ok = ParsePartnerInput(
      boost::json::parse(R"({"unit_id":1,"kind":"embassy","name_zh":"使馆","country":"KM","languages":["fr","ar","fr"]})")
          .as_object(),
      true);
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok->languages, (std::vector<std::string>{"fr", "ar"}));  // duplicates dropped

  auto contact = ParseContactInput(boost::json::parse(R"({"name":"A","email":"not-an-email"})").as_object(), true);
  ASSERT_FALSE(contact);
  EXPECT_EQ(FirstField(contact.error()), "email");
  auto lang = ParseContactInput(boost::json::parse(R"({"name":"A","language":"xx"})").as_object(), true);
  ASSERT_FALSE(lang);
  EXPECT_EQ(FirstField(lang.error()), "language");

  auto due = ParseLetterInput(boost::json::parse(R"({"partner_id":1,"direction":"in","channel":"post",)"
                                                 R"("dated_on":"2026-03-01","subject":"S","answer_needed":true})")
                                  .as_object(),
                              true);
  ASSERT_FALSE(due);
  EXPECT_EQ(FirstField(due.error()), "answer_by");
  auto channel = ParseLetterInput(boost::json::parse(R"({"partner_id":1,"direction":"in","channel":"fax",)"
                                                     R"("dated_on":"2026-03-01","subject":"S"})")
                                      .as_object(),
                                  true);
  ASSERT_FALSE(channel);
  EXPECT_EQ(FirstField(channel.error()), "channel");
}

TEST(PartnerTest, SearchTextHoldsNamesCityTagsAndContactsInLowerCase) {
  Partner p;
  p.name_zh = "英国威尔士三一圣大卫大学";
  p.name_en = "University of Wales Trinity Saint David";
  p.city = "Carmarthen";
  p.country = "GB";
  p.tags = {"MoU"};
  Contact c;
  c.name = "Medwin Hughes";
  const std::string s = PartnerSearchText(p, {c});
  EXPECT_NE(s.find("威尔士"), std::string::npos);
  EXPECT_NE(s.find("trinity saint david"), std::string::npos);
  EXPECT_NE(s.find("carmarthen"), std::string::npos);
  EXPECT_NE(s.find("mou"), std::string::npos);
  EXPECT_NE(s.find("medwin hughes"), std::string::npos);
}

}  // namespace
}  // namespace tongxin::partners
