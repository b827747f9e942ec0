// Stocktake through the API: the count sheet of a store comes out as XLSX with the books,
// goes back filled in, is previewed as differences (rows it cannot read named), and posts
// one stocktake adjustment; a count made against books that have moved since is refused.
// Out-of-scope stores are refused on every route. On SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include "io/xlsx.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

const char* const kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

class StocktakeApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    office_ = server_.As("office");
    auto s = office_->Post("/api/v1/supplies/stores",
                           {{"unit_id", server_.UnitId("INTL")}, {"name_zh", "盘点测试柜"}, {"name_en", "Count cupboard"}});
    ASSERT_EQ(s.status, 201) << s.body;
    store_ = s.Json().at("id").as_int64();
    url_ = "/api/v1/supplies/stores/" + std::to_string(store_);
    rice_ = Item("T-RICE", "大米", false, 1);
    masks_ = Item("T-MASK", "口罩", true, 0);
    soap_ = Item("T-SOAP", "肥皂", false, 0);
    Receive(rice_, 50, "", "");
    Receive(masks_, 100, "B1", "2029-01-31");
    Receive(soap_, 10, "", "");
  }

  std::int64_t Item(const std::string& code, const std::string& zh, bool batched, int decimals) {
    auto r = office_->Post("/api/v1/supplies/items", {{"code", code}, {"name_zh", zh}, {"category", "other"},
                                                      {"unit_zh", "个"}, {"decimals", decimals}, {"batched", batched}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json().at("id").as_int64();
  }

  void Receive(std::int64_t item, double qty, const std::string& batch, const std::string& expiry) {
    object line{{"item_id", item}, {"quantity", qty}};
    if (!batch.empty()) line["batch"] = batch;
    if (!expiry.empty()) line["expiry"] = expiry;
    auto r = office_->Post("/api/v1/supplies/postings",
                           {{"kind", "receipt"}, {"source", "purchase"}, {"store_id", store_}, {"lines", array{line}}});
    ASSERT_EQ(r.status, 201) << r.body;
  }

  double OnHand(std::int64_t item) {
    double sum = 0;
    const auto body = office_->Get(url_ + "/stock").Json();
    for (const auto& r : body.at("items").as_array()) {
      if (r.at("item_id").as_int64() == item) sum += r.at("quantity").to_number<double>();
    }
    return sum;
  }

  TestServer server_;
  std::unique_ptr<HttpClient> office_;
  std::int64_t store_ = 0, rice_ = 0, masks_ = 0, soap_ = 0;
  std::string url_;
};

TEST_F(StocktakeApiTest, ACountSheetGoesOutComesBackFilledInAndPostsTheDifferencesOnce) {
  auto sheet = office_->Get(url_ + "/count-sheet");
  ASSERT_EQ(sheet.status, 200) << sheet.body;
  auto table = io::ReadXlsx(sheet.body);
  ASSERT_TRUE(table) << table.error().reason;
  ASSERT_EQ(table->size(), 4u);  // header and three rows on the books
  EXPECT_EQ((*table)[0][6], "Counted");
  // Fill it in: rice 48.5 (1.5 lost), masks 101, soap left blank; a stranger and a typo.
  io::Sheet filled{"Count sheet", (*table)[0], {}, {}};
  for (std::size_t i = 1; i < table->size(); ++i) {
    std::vector<io::Cell> row((*table)[i].begin(), (*table)[i].end());
    row.resize(7, io::Cell(""));
    if ((*table)[i][0] == "T-RICE") row[6] = io::Cell::Number(48.5);
    if ((*table)[i][0] == "T-MASK") row[6] = "101";
    filled.rows.push_back(row);
  }
  filled.rows.push_back({"NO-SUCH", "?", "", "", "", "", "3"});
  filled.rows.push_back({"T-SOAP", "肥皂", "", "", "", "", "ten"});
  const auto postings = server_.Count("supply_postings");
  auto bytes = io::WriteXlsx({filled});
  ASSERT_TRUE(bytes);
  auto preview = office_->Request("POST", url_ + "/stocktake/preview", *bytes, {{"Content-Type", kXlsx}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  const auto p = preview.Json();
  EXPECT_EQ(p.at("differences").as_int64(), 2);
  EXPECT_EQ(p.at("uncounted").as_int64(), 1);  // soap's row on the books left blank
  const auto& problems = p.at("problems").as_array();
  ASSERT_EQ(problems.size(), 2u) << preview.body;
  EXPECT_EQ(problems[0].at("row").as_int64(), 5);
  EXPECT_EQ(problems[0].at("reason").as_string(), "supplies.count_unknown_item");
  EXPECT_EQ(problems[1].at("column").as_string(), "counted");
  // Post what the preview read.
  array counts;
  for (const auto& c : p.at("counts").as_array()) {
    counts.push_back(object{{"item_id", c.at("item_id")}, {"batch", c.at("batch")}, {"books", c.at("books")},
                            {"counted", c.at("counted")}});
  }
  EXPECT_EQ(server_.Count("supply_postings"), postings);  // a preview writes nothing
  auto posted = office_->Post(url_ + "/stocktake", {{"reason", "月末盘点"}, {"counts", counts}});
  ASSERT_EQ(posted.status, 201) << posted.body;
  const auto posting = posted.Json();
  EXPECT_EQ(posting.at("kind").as_string(), "adjustment");
  EXPECT_EQ(posting.at("lines").as_array().size(), 2u);
  EXPECT_EQ(server_.Count("supply_postings"), postings + 1);
  EXPECT_DOUBLE_EQ(OnHand(rice_), 48.5);
  EXPECT_DOUBLE_EQ(OnHand(masks_), 101);
  EXPECT_DOUBLE_EQ(OnHand(soap_), 10);
  // The same counts again: the books have moved since, so they are refused.
  auto again = office_->Post(url_ + "/stocktake", {{"counts", counts}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.ErrorCode(), "supplies.books_changed");
  // Counts that match the books adjust nothing.
  auto same = office_->Post(url_ + "/stocktake",
                            {{"counts", array{object{{"item_id", rice_}, {"books", 48.5}, {"counted", 48.5}}}}});
  EXPECT_EQ(same.status, 400);
  EXPECT_EQ(same.ErrorCode(), "supplies.no_differences");
  EXPECT_EQ(server_.Count("supply_postings"), postings + 1);
  // Bad input names the field.
  auto bad = office_->Post(url_ + "/stocktake", {{"counts", array{object{{"item_id", rice_}, {"counted", -1}}}}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.ErrorField(), "counts[1].books");
  auto junk = office_->Request("POST", url_ + "/stocktake/preview", "not a workbook", {{"Content-Type", kXlsx}});
  EXPECT_EQ(junk.status, 400);
}

TEST_F(StocktakeApiTest, AStoreOutsideTheCallersUnitsIsRefusedOnEveryRoute) {
  auto hr = server_.As("hr");
  EXPECT_EQ(hr->Get(url_ + "/count-sheet").status, 403);
  auto sheet = office_->Get(url_ + "/count-sheet");
  EXPECT_EQ(hr->Request("POST", url_ + "/stocktake/preview", sheet.body, {{"Content-Type", kXlsx}}).status, 403);
  EXPECT_EQ(hr->Post(url_ + "/stocktake", {{"counts", array{object{{"item_id", rice_}, {"books", 50}, {"counted", 1}}}}})
                .status,
            403);
  EXPECT_DOUBLE_EQ(OnHand(rice_), 50);
  EXPECT_EQ(office_->Get("/api/v1/supplies/stores/999999/count-sheet").status, 404);
}

}  // namespace
}  // namespace tongxin::testing
