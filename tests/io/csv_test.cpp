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
  EXPECT_EQ((*t)[2][0], "+86 138");  // a phone number stays as it is
}

}  // namespace
}  // namespace tongxin::io
