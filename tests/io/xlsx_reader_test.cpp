// XLSX reading under hostile input: archives that expand past a bound are refused while
// they are read (entries, inflated bytes, rows, columns), and random corruption of a
// real workbook never crashes the reader (a fuzz-style loop over byte mutations).
#include <gtest/gtest.h>
#include <zip.h>

#include <random>

#include "io/xlsx.hpp"

namespace tongxin::io {
namespace {

// An in-memory zip of the given parts (deflated), as an upload would arrive.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buf = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(buf);
  zip_t* z = zip_open_from_source(buf, ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, body] : parts) {
    zip_source_t* s = zip_source_buffer(z, body.data(), body.size(), 0);
    zip_int64_t idx = zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 9);
  }
  EXPECT_EQ(zip_close(z), 0);
  zip_source_open(buf);
  zip_source_seek(buf, 0, SEEK_END);
  const auto size = zip_source_tell(buf);
  zip_source_seek(buf, 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(size), '\0');
  zip_source_read(buf, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(buf);
  zip_source_free(buf);
  return out;
}

std::string SheetXml(const std::string& rows) {
  return "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<sheetData>" + rows + "</sheetData></worksheet>";
}

std::string LimitOf(const core::Result<Table>& t) {
  if (t) return "ok";
  EXPECT_EQ(t.error().code, core::Errc::kTooLarge) << t.error().reason;
  auto it = t.error().details.find("limit");
  return it == t.error().details.end() ? t.error().reason : it->second;
}

TEST(XlsxReaderTest, AnArchiveThatInflatesPastTheBoundIsRefusedWhileReading) {
  // 64 MiB of blanks inside the worksheet deflate to a few tens of KB.
  const std::string bomb = Zip({{"xl/worksheets/sheet1.xml", SheetXml("") + std::string(64u << 20, ' ')}});
  EXPECT_LT(bomb.size(), 200u * 1024);
  XlsxLimits limits;
  limits.max_uncompressed = 8u << 20;
  EXPECT_EQ(LimitOf(ReadXlsx(bomb, limits)), "uncompressed_bytes");
  // Shared strings count against the same budget as the sheet.
  const std::string strings = Zip({{"xl/sharedStrings.xml", "<sst>" + std::string(6u << 20, ' ') + "</sst>"},
                                   {"xl/worksheets/sheet1.xml", SheetXml("") + std::string(3u << 20, ' ')}});
  EXPECT_EQ(LimitOf(ReadXlsx(strings, limits)), "uncompressed_bytes");
}

TEST(XlsxReaderTest, TooManyEntriesRowsOrColumnsAreRefused) {
  std::vector<std::pair<std::string, std::string>> many;
  for (int i = 0; i < 2100; ++i) many.emplace_back("x/" + std::to_string(i), "");
  EXPECT_EQ(LimitOf(ReadXlsx(Zip(many))), "entries");
  // One cell at the last row or column would have padded a huge table.
  EXPECT_EQ(LimitOf(ReadXlsx(Zip({{"xl/worksheets/sheet1.xml", SheetXml("<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row>")}}))),
            "rows");
  EXPECT_EQ(LimitOf(ReadXlsx(Zip({{"xl/worksheets/sheet1.xml", SheetXml("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>")}}))),
            "columns");
  EXPECT_EQ(LimitOf(ReadXlsx(Zip({{"xl/worksheets/sheet1.xml", SheetXml("<row r=\"1\"><c r=\"ZZZZZZZZZZZZ1\"><v>1</v></c></row>")}}))),
            "columns");
  std::string rows;
  for (int i = 1; i <= 301; ++i) rows += "<row><c><v>" + std::to_string(i) + "</v></c></row>";
  XlsxLimits limits;
  limits.max_rows = 300;
  EXPECT_EQ(LimitOf(ReadXlsx(Zip({{"xl/worksheets/sheet1.xml", SheetXml(rows)}}), limits)), "rows");
  limits.max_rows = 301;
  auto fits = ReadXlsx(Zip({{"xl/worksheets/sheet1.xml", SheetXml(rows)}}), limits);
  ASSERT_TRUE(fits);
  EXPECT_EQ(fits->size(), 301u);
}

TEST(XlsxReaderTest, RandomCorruptionNeverCrashes) {
  Sheet s;
  s.headers = {"中文姓名", "Latin name", "n"};
  for (int i = 0; i < 50; ++i) s.rows.push_back({"王伟" + std::to_string(i), "Wang Wei", Cell::Number(i)});
  auto good = WriteXlsx({s});
  ASSERT_TRUE(good);
  std::mt19937 rng(20200226);
  int refused = 0;
  for (int round = 0; round < 400; ++round) {
    std::string bytes = *good;
    const int flips = 1 + static_cast<int>(rng() % 8);
    for (int f = 0; f < flips; ++f) bytes[rng() % bytes.size()] = static_cast<char>(rng() % 256);
    if (round % 7 == 0) bytes.resize(rng() % bytes.size());  // truncated uploads too
    auto t = ReadXlsx(bytes);
    if (!t) {
      ++refused;
      EXPECT_TRUE(t.error().code == core::Errc::kInvalid || t.error().code == core::Errc::kTooLarge);
    }
  }
  EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace tongxin::io
