#include "io/csv.hpp"

#include <gtest/gtest.h>

namespace tongxin::io {
namespace {

TEST(CsvTest, ParsesQuotesNewlinesAndBom) {
  auto t = ParseCsv("\xEF\xBB\xBF" "name,notes\r\n\"Wang, Wei\",\"said \"\"hi\"\"\nthen left\"\r\n\r\nLi,x\n");
  ASSERT_TRUE(t);
  ASSERT_EQ(t->size(), 4u);
  EXPECT_EQ((*t)[1][0], "Wang, Wei");
  EXPECT_EQ((*t)[1][1], "said \"hi\"\nthen left");
  EXPECT_EQ((*t)[2], Row{""});  // the blank line keeps its place
  EXPECT_EQ((*t)[3][0], "Li");
}

TEST(CsvTest, SemicolonSeparatedFiles) {
  auto t = ParseCsv("姓名;国籍\n王伟;CN\n");
  ASSERT_TRUE(t);
  EXPECT_EQ((*t)[1][1], "CN");
}

TEST(CsvTest, RejectsBrokenInput) {
  EXPECT_EQ(ParseCsv("a,\"b\n").error().reason, "imports.bad_file");
  EXPECT_EQ(ParseCsv("a,\xFF\n").error().reason, "imports.bad_file");
}

TEST(CsvTest, WriteRoundTripsAndDefusesFormulas) {
  Sheet s;
  s.headers = {"名称", "值"};
  s.rows = {{"=HYPERLINK(\"x\")", "a,b"}, {"+86 138", "-"}};
  std::string out = WriteCsv(s);
  auto t = ParseCsv(out);
  ASSERT_TRUE(t);
  EXPECT_EQ((*t)[0][0], "名称");
  EXPECT_EQ((*t)[1][0], "'=HYPERLINK(\"x\")");
  EXPECT_EQ((*t)[1][1], "a,b");
  EXPECT_EQ((*t)[2][0], "'+86 138");  // text with a leading sign, even a phone number
  EXPECT_EQ((*t)[2][1], "'-");
}

TEST(CsvTest, EveryFormulaLookingCellIsNeutralisedAndNumbersStayNumbers) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"=1+1", "'=1+1"},
      {"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
      {"-2+3", "'-2+3"},
      {"@SUM(A1:A2)", "'@SUM(A1:A2)"},
      {"\tleading tab", "'\tleading tab"},
      {"\rleading return", "'\rleading return"},
      {"\xEF\xBC\x9D" "1+1", "'\xEF\xBC\x9D" "1+1"},  // full-width equals sign
      {"王芳", "王芳"},
      {"a=b", "a=b"},
      {"", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(NeutraliseFormula(in), want) << in;
  Sheet s;
  s.headers = {"=header", "n"};
  s.rows = {{"@x", Cell::Number(-12.5)}};
  auto t = ParseCsv(WriteCsv(s));
  ASSERT_TRUE(t);
  EXPECT_EQ((*t)[0][0], "'=header");
  EXPECT_EQ((*t)[1][0], "'@x");
  EXPECT_EQ((*t)[1][1], "-12.5");  // a number, written as one
}

}  // namespace
}  // namespace tongxin::io
