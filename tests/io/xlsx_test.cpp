#include "io/xlsx.hpp"

#include <gtest/gtest.h>

namespace tongxin::io {
namespace {

TEST(XlsxTest, WrittenWorkbookReadsBack) {
  Sheet s;
  s.name = "人员";
  s.headers = {"中文姓名", "Latin name", "编号"};
  s.rows.push_back({"王伟", "Wang Wei", Cell::Number(7)});
  Cell hot("37.9");
  hot.highlight = true;
  s.rows.push_back({"", "Sophie Martin", hot});
  auto bytes = WriteXlsx({s});
  ASSERT_TRUE(bytes);
  EXPECT_EQ(bytes->substr(0, 2), "PK");
  auto t = ReadXlsx(*bytes);
  ASSERT_TRUE(t) << t.error().reason;
  ASSERT_EQ(t->size(), 3u);
  EXPECT_EQ((*t)[0][0], "中文姓名");
  EXPECT_EQ((*t)[1][0], "王伟");
  EXPECT_EQ((*t)[1][2], "7");
  EXPECT_EQ((*t)[2][1], "Sophie Martin");
  EXPECT_EQ((*t)[2][0], "");  // empty cells keep column positions
}

TEST(XlsxTest, FormulaLookingTextIsNeutralised) {
  Sheet s;
  s.headers = {"=cmd", "n"};
  s.rows.push_back({"+1+1", Cell::Number(-3)});
  auto bytes = WriteXlsx({s});
  ASSERT_TRUE(bytes);
  auto t = ReadXlsx(*bytes);
  ASSERT_TRUE(t) << t.error().reason;
  EXPECT_EQ((*t)[0][0], "'=cmd");
  EXPECT_EQ((*t)[1][0], "'+1+1");
  EXPECT_EQ((*t)[1][1], "-3");
}

TEST(XlsxTest, GarbageIsABadFile) {
  EXPECT_EQ(ReadXlsx("PK\x03\x04 not really a zip").error().reason, "imports.bad_file");
  EXPECT_EQ(ReadXlsx("").error().reason, "imports.bad_file");
}

TEST(XlsxTest, ExcelSerialDates) {
  EXPECT_EQ(ExcelSerialToDate("43891"), "2020-03-01");
  EXPECT_EQ(ExcelSerialToDate("abc"), "");
}

}  // namespace
}  // namespace tongxin::io
