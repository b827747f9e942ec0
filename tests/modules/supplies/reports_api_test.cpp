// Supplies reports through the API: a store's movements per item and kind over a date
// range (and day by day for one item), distributions by item with returns deducted and by
// recipient, their XLSX/CSV exports, the catalogue and an item's movements exported; bad
// ranges and out-of-scope stores refused. On SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include "io/xlsx.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

class ReportsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.clock().Set("2026-03-02T01:30:00Z");  // 09:30 in Shanghai
    office_ = server_.As("office");
    store_ = Store("报表测试柜", "Report cupboard");
    other_ = Store("报表调入柜", "Receiving cupboard");
    auto r = office_->Post("/api/v1/supplies/items", {{"code", "T-RICE"}, {"name_zh", "大米"}, {"name_en", "Rice"},
                                                      {"category", "rice"}, {"unit_zh", "公斤"}, {"unit_en", "kg"},
                                                      {"decimals", 1}});
    ASSERT_EQ(r.status, 201) << r.body;
    rice_ = r.Json().at("id").as_int64();
    Post({{"kind", "receipt"}, {"source", "purchase"}, {"reference", "R-1"}}, 50);
    Post({{"kind", "issue"}}, 5);
    Post({{"kind", "loss"}, {"reason", "damaged"}}, 1.5);
    Post({{"kind", "transfer"}, {"to_store_id", other_}}, 10);
  }

  std::int64_t Store(const std::string& zh, const std::string& en) {
    auto s = office_->Post("/api/v1/supplies/stores", {{"unit_id", server_.UnitId("INTL")}, {"name_zh", zh}, {"name_en", en}});
    EXPECT_EQ(s.status, 201) << s.body;
    return s.Json().at("id").as_int64();
  }

  void Post(object body, double qty) {
    body["store_id"] = store_;
    body["lines"] = array{object{{"item_id", rice_}, {"quantity", qty}}};
    auto r = office_->Post("/api/v1/supplies/postings", body);
    ASSERT_EQ(r.status, 201) << r.body;
  }

  TestServer server_;
  std::unique_ptr<HttpClient> office_;
  std::int64_t store_ = 0, other_ = 0, rice_ = 0;
};

TEST_F(ReportsApiTest, MovementsOfAStoreAddUpPerKindAndDayByDayForOneItem) {
  const std::string q = "/api/v1/supplies/reports/movements?store_id=" + std::to_string(store_);
  const auto r = office_->Get(q).Json();
  EXPECT_EQ(r.at("to").as_string(), "2026-03-02");
  EXPECT_EQ(r.at("from").as_string(), "2026-02-01");
  ASSERT_EQ(r.at("items").as_array().size(), 1u);
  const auto& m = r.at("items").as_array()[0];
  EXPECT_EQ(m.at("receipt").to_number<double>(), 50);
  EXPECT_EQ(m.at("issue").to_number<double>(), 5);
  EXPECT_EQ(m.at("loss").to_number<double>(), 1.5);
  EXPECT_EQ(m.at("transfer_out").to_number<double>(), 10);
  EXPECT_EQ(m.at("in").to_number<double>(), 50);
  EXPECT_EQ(m.at("out").to_number<double>(), 16.5);
  // Every store in scope: the transfer shows on both sides.
  const auto all = office_->Get("/api/v1/supplies/reports/movements?item_id=" + std::to_string(rice_)).Json();
  const auto& a = all.at("items").as_array()[0];
  EXPECT_EQ(a.at("transfer_in").to_number<double>(), 10);
  EXPECT_EQ(a.at("transfer_out").to_number<double>(), 10);
  // Day by day, in local days: all of it today, none the day before.
  const auto& days = all.at("days").as_array();
  ASSERT_EQ(days.size(), 30u);
  EXPECT_EQ(days.back().at("day").as_string(), "2026-03-02");
  EXPECT_EQ(days.back().at("in").to_number<double>(), 60);
  EXPECT_EQ(days[days.size() - 2].at("in").to_number<double>(), 0);
  // A range that ends before today leaves today's postings out.
  const auto before = office_->Get(q + "&from=2026-02-01&to=2026-03-01").Json();
  EXPECT_TRUE(before.at("items").as_array().empty());
  // Exports.
  auto csv = office_->Get("/api/v1/supplies/reports/movements/export?format=csv&store_id=" + std::to_string(store_));
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("T-RICE"), std::string::npos);
  auto xlsx = office_->Get("/api/v1/supplies/reports/movements/export?store_id=" + std::to_string(store_));
  ASSERT_EQ(xlsx.status, 200);
  auto table = io::ReadXlsx(xlsx.body);
  ASSERT_TRUE(table);
  ASSERT_EQ(table->size(), 2u);
  EXPECT_EQ((*table)[1][0], "T-RICE");
  auto history = office_->Get("/api/v1/supplies/items/" + std::to_string(rice_) + "/movements/export?format=csv");
  ASSERT_EQ(history.status, 200);
  EXPECT_NE(history.body.find("R-1"), std::string::npos);
  auto catalogue = server_.As("volunteer")->Get("/api/v1/supplies/items/export?format=csv");
  ASSERT_EQ(catalogue.status, 200);
  EXPECT_NE(catalogue.body.find("KN95"), std::string::npos);
  EXPECT_NE(catalogue.body.find("T-RICE"), std::string::npos);
}

TEST_F(ReportsApiTest, DistributionsCountWhatWentOutAndStayedOutPerItemAndRecipient) {
  const auto people = office_->Get("/api/v1/people?category=foreign_staff&page_size=3").Json();
  array ids;
  for (const auto& p : people.at("items").as_array()) ids.push_back(p.at("id"));
  ASSERT_EQ(ids.size(), 3u);
  auto d = office_->Post("/api/v1/supplies/distributions",
                         {{"store_id", store_},
                          {"title", "报表测试发放"},
                          {"lines", array{object{{"item_id", rice_}, {"quantity", 2}}}},
                          {"recipients", object{{"person_ids", ids}}}});
  ASSERT_EQ(d.status, 201) << d.body;
  const auto did = d.Json().at("id").as_int64();
  const auto shares =
      office_->Get("/api/v1/supplies/distributions/" + std::to_string(did) + "/recipients").Json();
  const auto share = shares.at("items").as_array()[0].at("id").as_int64();
  ASSERT_EQ(office_->Post("/api/v1/supplies/shares/" + std::to_string(share) + "/return", object{}).status, 200);
  const auto r =
      office_->Get("/api/v1/supplies/reports/distributions?store_id=" + std::to_string(store_)).Json();
  EXPECT_EQ(r.at("distributions").as_int64(), 1);
  ASSERT_EQ(r.at("items").as_array().size(), 1u);
  EXPECT_EQ(r.at("items").as_array()[0].at("quantity").to_number<double>(), 4);  // 3 shares of 2 kg, one returned
  std::int64_t total = 0, returned = 0;
  for (const auto& x : r.at("recipients").as_array()) {
    total += x.at("shares").as_int64();
    returned += x.at("returned").as_int64();
  }
  EXPECT_EQ(total, 3);
  EXPECT_EQ(returned, 1);
  EXPECT_FALSE(r.at("units").as_array().empty());
  auto csv = office_->Get("/api/v1/supplies/reports/distributions/export?format=csv&store_id=" + std::to_string(store_));
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("Rice"), std::string::npos);
}

TEST_F(ReportsApiTest, BadRangesAndStoresOutsideTheCallersUnitsAreRefused) {
  auto backwards = office_->Get("/api/v1/supplies/reports/movements?from=2026-03-02&to=2026-03-01");
  EXPECT_EQ(backwards.status, 400);
  EXPECT_EQ(backwards.ErrorField(), "to");
  EXPECT_EQ(office_->Get("/api/v1/supplies/reports/movements?from=2024-01-01&to=2026-03-01").status, 400);
  EXPECT_EQ(office_->Get("/api/v1/supplies/reports/movements?from=2026-02-30").ErrorField(), "from");
  auto hr = server_.As("hr");
  const std::string s = std::to_string(store_);
  EXPECT_EQ(hr->Get("/api/v1/supplies/reports/movements?store_id=" + s).status, 403);
  EXPECT_EQ(hr->Get("/api/v1/supplies/reports/movements/export?store_id=" + s).status, 403);
  EXPECT_EQ(hr->Get("/api/v1/supplies/reports/distributions?store_id=" + s).status, 403);
  EXPECT_EQ(hr->Get("/api/v1/supplies/reports/distributions/export?store_id=" + s).status, 403);
  EXPECT_EQ(hr->Get("/api/v1/supplies/items/" + std::to_string(rice_) + "/movements/export?store_id=" + s).status, 403);
  // Without a store, hr's report holds nothing of the office's store.
  const auto mine = hr->Get("/api/v1/supplies/reports/movements?item_id=" + std::to_string(rice_)).Json();
  EXPECT_TRUE(mine.at("items").as_array().empty());
}

}  // namespace
}  // namespace tongxin::testing
