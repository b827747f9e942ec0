// The supplies ledger through the API: receipts in boxes, first-expiry-first issues,
// shortfalls, expired batches, transfers, reversals, adjustments, bad input, keepers and
// scope, and two keepers racing for the last box. On SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

class LedgerApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.clock().Set("2026-03-02T01:30:00Z");
    office_ = server_.As("office");
    hr_ = server_.As("hr");
    auto users = server_.As("admin")->Get("/api/v1/admin/users?page_size=100").Json();
    for (const auto& u : users.at("items").as_array()) {
      if (u.at("username") == "hr") hr_id_ = u.at("id").as_int64();
    }
    ASSERT_NE(hr_id_, 0);
    auto masks = office_->Post("/api/v1/supplies/items",
                               {{"code", "T-KN95"}, {"name_zh", "KN95 口罩"}, {"name_en", "KN95 mask"},
                                {"category", "mask_n95"}, {"unit_zh", "只"}, {"unit_en", "piece"}, {"batched", true},
                                {"packs", array{object{{"name_zh", "盒"}, {"name_en", "box"}, {"factor", 50}}}}});
    ASSERT_EQ(masks.status, 201) << masks.body;
    const auto m = masks.Json();
    masks_ = m.at("id").as_int64();
    box_ = m.at("packs").at(0).at("id").as_int64();
    auto rice = office_->Post("/api/v1/supplies/items", {{"code", "T-RICE"}, {"name_zh", "大米"}, {"name_en", "Rice"},
                                                         {"category", "rice"}, {"unit_zh", "公斤"}, {"unit_en", "kg"},
                                                         {"decimals", 1}});
    ASSERT_EQ(rice.status, 201) << rice.body;
    rice_ = rice.Json().at("id").as_int64();
    store_ = Store("HR", "人事处物资柜", {hr_id_});
    other_ = Store("HR", "人事处二号柜", {hr_id_});
    audited_ = server_.As("admin")->Get("/api/v1/audit?entity=supply_posting").Json().at("total").as_int64();
  }

  std::int64_t Store(const std::string& unit, const std::string& name, const std::vector<std::int64_t>& keepers) {
    array k(keepers.begin(), keepers.end());
    auto s = office_->Post("/api/v1/supplies/stores",
                           {{"unit_id", server_.UnitId(unit)}, {"name_zh", name}, {"keeper_ids", k}});
    EXPECT_EQ(s.status, 201) << s.body;
    return s.Json().at("id").as_int64();
  }

  HttpResponse Post(HttpClient& c, const std::string& kind, std::int64_t store, array lines, object extra = {}) {
    object body{{"kind", kind}, {"store_id", store}, {"lines", std::move(lines)}};
    if (kind == "receipt" && !extra.contains("source")) body["source"] = "purchase";
    for (auto& [k, v] : extra) body[k] = v;
    return c.Post("/api/v1/supplies/postings", body);
  }

  // Stock of an item in a store, per batch ("" for none), in base units.
  std::map<std::string, double> Stock(std::int64_t store, std::int64_t item) {
    std::map<std::string, double> out;
    const auto body = office_->Get("/api/v1/supplies/stores/" + std::to_string(store) + "/stock").Json();
    for (const auto& r : body.at("items").as_array()) {
      if (r.at("item_id").as_int64() == item) out[std::string(r.at("batch").as_string())] = r.at("quantity").to_number<double>();
    }
    return out;
  }

  std::string Field(const HttpResponse& r) {
    return std::string(r.Json().at("error").at("details").at("field").as_string());
  }

  TestServer server_;
  std::unique_ptr<HttpClient> office_, hr_;
  std::int64_t audited_ = 0, hr_id_ = 0, masks_ = 0, box_ = 0, rice_ = 0, store_ = 0, other_ = 0;
};

TEST_F(LedgerApiTest, ReceiptsInBoxesAndIssuesFirstExpiryFirstNeverBelowZero) {
  // A keeper receives a donation of 3 boxes (150 masks) and 100 loose masks of an earlier batch.
  auto in = Post(*hr_, "receipt", store_,
                 array{object{{"item_id", masks_}, {"quantity", 3}, {"pack_id", box_}, {"batch", "A"}, {"expiry", "2026-06-30"}},
                       object{{"item_id", masks_}, {"quantity", 100}, {"batch", "B"}, {"expiry", "2026-04-30"}}},
                 {{"source", "donation"}, {"reference", "JZ-2026-001"}});
  ASSERT_EQ(in.status, 201) << in.body;
  EXPECT_EQ(in.Json().at("lines").at(0).at("quantity").to_number<double>(), 150);
  EXPECT_EQ(in.Json().at("lines").at(0).at("pack_count").as_int64(), 3);
  EXPECT_EQ((Stock(store_, masks_)), (std::map<std::string, double>{{"A", 150}, {"B", 100}}));

  // 120 out: the 100 of batch B (expires first), then 20 of A.
  auto out = Post(*hr_, "issue", store_, array{object{{"item_id", masks_}, {"quantity", 120}}});
  ASSERT_EQ(out.status, 201) << out.body;
  const auto lines = out.Json().at("lines").as_array();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].at("batch"), "B");
  EXPECT_EQ(lines[0].at("quantity").to_number<double>(), -100);
  EXPECT_EQ(lines[1].at("batch"), "A");
  EXPECT_EQ(lines[1].at("quantity").to_number<double>(), -20);
  EXPECT_EQ((Stock(store_, masks_)), (std::map<std::string, double>{{"A", 130}}));

  // 131 more: refused, naming the shortfall; nothing changes.
  const auto postings = server_.Count("supply_postings");
  auto short_ = Post(*hr_, "issue", store_, array{object{{"item_id", masks_}, {"quantity", 131}}});
  ASSERT_EQ(short_.status, 409) << short_.body;
  const auto err = short_.Json().at("error");
  EXPECT_EQ(err.at("code"), "supplies.shortfall");
  EXPECT_EQ(err.at("details").at("field"), "lines[1].quantity");
  EXPECT_EQ(err.at("details").at("available_zh"), "130 只");
  EXPECT_EQ(err.at("details").at("available_en"), "130 pieces");
  EXPECT_NE(err.at("message").as_string().find("Not enough KN95 mask: 131 pieces needed"), std::string::npos) << short_.body;
  EXPECT_EQ(server_.Count("supply_postings"), postings);
  EXPECT_EQ((Stock(store_, masks_)), (std::map<std::string, double>{{"A", 130}}));

  // The item's history, newest first, and every posting audited.
  auto history = office_->Get("/api/v1/supplies/items/" + std::to_string(masks_) + "/movements?store_id=" +
                              std::to_string(store_)).Json();
  EXPECT_EQ(history.at("total").as_int64(), 4);
  EXPECT_EQ(history.at("items").at(0).at("kind"), "issue");
  EXPECT_EQ(history.at("items").at(3).at("reference"), "JZ-2026-001");
  EXPECT_EQ(audited_ + 2, server_.As("admin")->Get("/api/v1/audit?entity=supply_posting").Json().at("total").as_int64());
}

TEST_F(LedgerApiTest, ExpiredBatchesAreFlaggedAndIssuedOnlyWithTheOverride) {
  ASSERT_EQ(Post(*hr_, "receipt", store_,
                 array{object{{"item_id", masks_}, {"quantity", 10}, {"batch", "OLD"}, {"expiry", "2026-03-01"}}})
                .status,
            201);
  const auto stock = office_->Get("/api/v1/supplies/stores/" + std::to_string(store_) + "/stock").Json();
  EXPECT_TRUE(stock.at("items").at(0).at("expired").as_bool());
  auto named = Post(*hr_, "issue", store_, array{object{{"item_id", masks_}, {"quantity", 5}, {"batch", "OLD"}}});
  EXPECT_EQ(named.status, 400) << named.body;
  EXPECT_EQ(Field(named), "lines[1].batch");
  auto fefo = Post(*hr_, "issue", store_, array{object{{"item_id", masks_}, {"quantity", 5}}});
  EXPECT_EQ(fefo.status, 409) << fefo.body;  // no stock that has not expired
  auto forced = Post(*hr_, "issue", store_, array{object{{"item_id", masks_}, {"quantity", 5}}}, {{"allow_expired", true}});
  EXPECT_EQ(forced.status, 201) << forced.body;
  auto written_off = Post(*hr_, "loss", store_, array{object{{"item_id", masks_}, {"quantity", 5}, {"batch", "OLD"}}},
                          {{"reason", "expired"}});
  EXPECT_EQ(written_off.status, 201) << written_off.body;
  EXPECT_TRUE(Stock(store_, masks_).empty());
}

TEST_F(LedgerApiTest, TransfersReversalsAndStocktakeAdjustments) {
  ASSERT_EQ(Post(*hr_, "receipt", store_, array{object{{"item_id", rice_}, {"quantity", 50.5}}}).status, 201);
  auto same = Post(*hr_, "transfer", store_, array{object{{"item_id", rice_}, {"quantity", 10}}}, {{"to_store_id", store_}});
  EXPECT_EQ(same.status, 400);
  EXPECT_EQ(Field(same), "to_store_id");
  auto moved = Post(*hr_, "transfer", store_, array{object{{"item_id", rice_}, {"quantity", 20}}}, {{"to_store_id", other_}});
  ASSERT_EQ(moved.status, 201) << moved.body;
  EXPECT_EQ(Stock(store_, rice_)[""], 30.5);
  EXPECT_EQ(Stock(other_, rice_)[""], 20);

  // The receiving store issues 15 of the 20; the transfer can no longer be undone.
  ASSERT_EQ(Post(*hr_, "issue", other_, array{object{{"item_id", rice_}, {"quantity", 15}}}).status, 201);
  const std::string transfer = "/api/v1/supplies/postings/" + std::to_string(moved.Json().at("id").as_int64());
  auto blocked = hr_->Post(transfer + "/reverse", object{{"note", "wrong store"}});
  EXPECT_EQ(blocked.status, 409) << blocked.body;
  EXPECT_EQ(blocked.Json().at("error").at("code"), "supplies.shortfall");
  EXPECT_EQ(Stock(store_, rice_)[""], 30.5);  // nothing half-done
  EXPECT_EQ(Stock(other_, rice_)[""], 5);

  // A receipt reversed: stock back, once; a reversal is never reversed.
  auto extra = Post(*hr_, "receipt", store_, array{object{{"item_id", rice_}, {"quantity", 9.5}}});
  ASSERT_EQ(extra.status, 201);
  const std::string receipt = "/api/v1/supplies/postings/" + std::to_string(extra.Json().at("id").as_int64());
  auto undone = hr_->Post(receipt + "/reverse", object{{"note", "typed twice"}});
  ASSERT_EQ(undone.status, 201) << undone.body;
  EXPECT_EQ(undone.Json().at("kind"), "reversal");
  EXPECT_EQ(Stock(store_, rice_)[""], 30.5);
  EXPECT_EQ(hr_->Post(receipt + "/reverse", object{}).Json().at("error").at("code"), "supplies.already_reversed");
  const std::string reversal = "/api/v1/supplies/postings/" + std::to_string(undone.Json().at("id").as_int64());
  auto twice = hr_->Post(reversal + "/reverse", object{});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.Json().at("error").at("code"), "supplies.reversal_of_reversal");
  EXPECT_FALSE(office_->Get(receipt).Json().at("reversed_by").is_null());

  // Stocktake: counted 29.5 kg, the books say 30.5: an adjustment with a reason.
  auto no_reason = Post(*hr_, "adjustment", store_, array{object{{"item_id", rice_}, {"quantity", -1}}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(Field(no_reason), "reason");
  auto counted = Post(*hr_, "adjustment", store_, array{object{{"item_id", rice_}, {"quantity", -1}}},
                      {{"reason", "stocktake 2026-03"}});
  ASSERT_EQ(counted.status, 201) << counted.body;
  EXPECT_EQ(Stock(store_, rice_)[""], 29.5);
  auto below = Post(*hr_, "adjustment", store_, array{object{{"item_id", rice_}, {"quantity", -30}}}, {{"reason", "x"}});
  EXPECT_EQ(below.status, 409);
}

TEST_F(LedgerApiTest, BadInputNamesTheFieldInTheCallersLanguageAndWritesNothing) {
  const auto before = server_.Count("supply_posting_lines");
  struct Case {
    object line;
    std::string field;
  };
  const std::vector<Case> cases = {
      {{{"item_id", rice_}, {"quantity", 0}}, "lines[1].quantity"},
      {{{"item_id", rice_}, {"quantity", -2}}, "lines[1].quantity"},
      {{{"item_id", rice_}, {"quantity", 1.25}}, "lines[1].quantity"},  // rice is counted to 0.1 kg
      {{{"item_id", rice_}, {"quantity", 1}, {"pack_id", box_}}, "lines[1].pack_id"},  // a box of masks
      {{{"item_id", masks_}, {"quantity", 1.5}, {"pack_id", box_}, {"batch", "A"}, {"expiry", "2026-06-30"}},
       "lines[1].quantity"},
      {{{"item_id", masks_}, {"quantity", 5}}, "lines[1].batch"},  // a batched item needs its batch
      {{{"item_id", masks_}, {"quantity", 5}, {"batch", "A"}}, "lines[1].expiry"},
      {{{"item_id", rice_}, {"quantity", 5}, {"batch", "A"}}, "lines[1].batch"},  // rice has no batches
      {{{"item_id", 999999}, {"quantity", 5}}, "lines[1].item_id"},
      {{{"item_id", rice_}, {"quantity", "five"}}, "lines[1].quantity"},
  };
  for (const auto& c : cases) {
    auto r = Post(*hr_, "receipt", store_, array{object{{"item_id", rice_}, {"quantity", 1}}, c.line});
    // The first, good line is not written either.
    EXPECT_EQ(r.status, 400) << boost::json::serialize(c.line) << " " << r.body;
    const std::string want = "lines[2]" + c.field.substr(8);
    EXPECT_EQ(Field(r), want) << boost::json::serialize(c.line);
  }
  EXPECT_EQ(server_.Count("supply_posting_lines"), before);
  auto chinese = server_.As("office");
  chinese->SetLanguage("zh-CN");
  auto zh = Post(*chinese, "receipt", store_, array{object{{"item_id", rice_}, {"quantity", 1.25}}});
  EXPECT_NE(zh.body.find("数量（第 1 行） 最多 1 位小数"), std::string::npos) << zh.body;
  auto english = server_.Anonymous();
  english->SetLanguage("en");
  ASSERT_EQ(english->Login("leader", kPassword).status, 200);
  auto en = english->Get("/api/v1/supplies/items/" + std::to_string(rice_) + "/movements?store_id=x");
  EXPECT_EQ(en.status, 400);
  EXPECT_EQ(Field(en), "store_id");
  EXPECT_NE(en.body.find("store"), std::string::npos) << en.body;
  auto decimals = Post(*office_, "receipt", store_, array{object{{"item_id", rice_}, {"quantity", 1.25}}});
  EXPECT_NE(decimals.body.find("quantity (row 1) may have at most 1 decimals"), std::string::npos) << decimals.body;
  // Items: an unknown category, a taken code.
  auto cat = office_->Post("/api/v1/supplies/items", {{"code", "X"}, {"name_zh", "x"}, {"category", "gold"}, {"unit_zh", "个"}});
  EXPECT_EQ(cat.status, 400);
  EXPECT_EQ(Field(cat), "category");
  auto taken = office_->Post("/api/v1/supplies/items", {{"code", "T-RICE"}, {"name_zh", "x"}, {"category", "rice"}, {"unit_zh", "个"}});
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(Field(taken), "code");
}

TEST_F(LedgerApiTest, KeepersPostInTheirStoresAndNobodyOutsideTheUnitSeesThem) {
  // The clinic's store: outside the HR account's units.
  const auto clinic = Store("CLINIC", "校医院药房", {});
  const std::string stock = "/api/v1/supplies/stores/" + std::to_string(clinic) + "/stock";
  EXPECT_EQ(hr_->Get(stock).status, 403);
  auto r = Post(*hr_, "receipt", clinic, array{object{{"item_id", rice_}, {"quantity", 1}}});
  EXPECT_EQ(r.status, 403) << r.body;
  bool listed = false;
  const auto stores = hr_->Get("/api/v1/supplies/stores").Json();
  for (const auto& s : stores.at("items").as_array()) {
    listed = listed || s.at("id").as_int64() == clinic;
  }
  EXPECT_FALSE(listed);
  // A transfer into it names the field.
  auto to = Post(*hr_, "transfer", store_, array{object{{"item_id", rice_}, {"quantity", 1}}}, {{"to_store_id", clinic}});
  EXPECT_EQ(to.status, 403) << to.body;
  // HR is not a keeper of the clinic's store and cannot be made one (it does not cover the clinic).
  auto keeper = office_->Patch("/api/v1/supplies/stores/" + std::to_string(clinic), {{"keeper_ids", array{hr_id_}}});
  EXPECT_EQ(keeper.status, 400) << keeper.body;
  EXPECT_EQ(Field(keeper), "keeper_ids");
  // In their own unit, a store they do not keep: refused; office staff post anywhere in scope.
  const auto unkept = Store("HR", "人事处档案室", {});
  auto not_keeper = Post(*hr_, "receipt", unkept, array{object{{"item_id", rice_}, {"quantity", 1}}});
  EXPECT_EQ(not_keeper.status, 403);
  EXPECT_EQ(not_keeper.Json().at("error").at("code"), "supplies.not_keeper");
  EXPECT_EQ(Post(*office_, "receipt", unkept, array{object{{"item_id", rice_}, {"quantity", 1}}}).status, 201);
  // Leaders read stock but cannot post; a posting outside scope is not shown.
  auto leader = server_.As("leader");
  EXPECT_EQ(leader->Get(stock).status, 200);
  EXPECT_EQ(Post(*leader, "receipt", clinic, array{object{{"item_id", rice_}, {"quantity", 1}}}).status, 403);
  auto clinic_in = Post(*office_, "receipt", clinic, array{object{{"item_id", rice_}, {"quantity", 2}}});
  ASSERT_EQ(clinic_in.status, 201);
  const std::string posting = "/api/v1/supplies/postings/" + std::to_string(clinic_in.Json().at("id").as_int64());
  EXPECT_EQ(hr_->Get(posting).status, 403);
  EXPECT_EQ(hr_->Post(posting + "/reverse", object{}).status, 403);
  auto moves = hr_->Get("/api/v1/supplies/items/" + std::to_string(rice_) + "/movements").Json();
  for (const auto& m : moves.at("items").as_array()) EXPECT_NE(m.at("store_id").as_int64(), clinic);
  EXPECT_EQ(hr_->Get("/api/v1/supplies/items/" + std::to_string(rice_) + "/movements?store_id=" + std::to_string(clinic))
                .status,
            403);
  auto foreign = server_.As("foreign");
  EXPECT_EQ(foreign->Get(stock).status, 403);
}

TEST_F(LedgerApiTest, OfficeStaffCannotOpenNorChangeStoresOutsideTheirUnits) {
  // The community lies outside the university the office account covers.
  auto outside = office_->Post("/api/v1/supplies/stores", {{"unit_id", server_.UnitId("COMM")}, {"name_zh", "社区站"}});
  EXPECT_EQ(outside.status, 403) << outside.body;
  auto admin = server_.As("admin");
  auto made = admin->Post("/api/v1/supplies/stores", {{"unit_id", server_.UnitId("COMM")}, {"name_zh", "马房山社区物资站"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string store = "/api/v1/supplies/stores/" + std::to_string(made.Json().at("id").as_int64());
  EXPECT_EQ(office_->Patch(store, {{"name_zh", "改名"}}).status, 403);
  EXPECT_EQ(office_->Get(store + "/stock").status, 403);
  // Nor move one of theirs out of their units.
  auto moved = office_->Patch("/api/v1/supplies/stores/" + std::to_string(store_), {{"unit_id", server_.UnitId("COMM")}});
  EXPECT_EQ(moved.status, 403) << moved.body;
  EXPECT_EQ(admin->Get(store + "/stock").status, 200);
}

TEST_F(LedgerApiTest, TwoKeepersRacingForTheLastBoxExactlyOneWins) {
  auto office2 = server_.As("office");
  for (int round = 0; round < 8; ++round) {
    ASSERT_EQ(Post(*hr_, "receipt", store_, array{object{{"item_id", rice_}, {"quantity", 1}}}).status, 201);
    std::atomic<int> won{0}, refused{0}, other{0};
    std::atomic<bool> go{false};
    auto race = [&](HttpClient& c) {
      while (!go.load()) std::this_thread::yield();
      const int status = Post(c, "issue", store_, array{object{{"item_id", rice_}, {"quantity", 1}}}).status;
      (status == 201 ? won : status == 409 ? refused : other)++;
    };
    std::thread a(race, std::ref(*hr_));
    std::thread b(race, std::ref(*office2));
    go = true;
    a.join();
    b.join();
    EXPECT_EQ(won.load(), 1) << "round " << round;
    EXPECT_EQ(refused.load(), 1) << "round " << round;
    EXPECT_EQ(other.load(), 0) << "round " << round;
    EXPECT_TRUE(Stock(store_, rice_).empty());
  }
}

TEST_F(LedgerApiTest, LowStockAndExpirySoonNotifyTheKeepersOncePerCrossing) {
  // hr's notices about this store, by kind.
  auto notices = [&](const std::string& kind) {
    int n = 0;
    const auto list = hr_->Get("/api/v1/notices?page_size=100").Json();
    for (const auto& i : list.at("items").as_array()) {
      if (i.at("kind").as_string() == kind && i.at("link").as_string().find("store=" + std::to_string(store_)) !=
                                                  std::string::npos) {
        ++n;
      }
    }
    return n;
  };
  ASSERT_EQ(Post(*hr_, "receipt", store_,
                 array{object{{"item_id", masks_}, {"quantity", 100}, {"batch", "A"}, {"expiry", "2027-01-31"}}})
                .status,
            201);
  const std::string path = "/api/v1/supplies/stores/" + std::to_string(store_) + "/thresholds";
  auto set = hr_->Put(path, {{"item_id", masks_}, {"low", 60}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(hr_->Get(path).Json().at("items").at(0).at("low").to_number<double>(), 60);
  auto issue = [&](int q) {
    auto r = Post(*hr_, "issue", store_, array{object{{"item_id", masks_}, {"quantity", q}}});
    EXPECT_EQ(r.status, 201) << r.body;
  };
  issue(30);  // 70: above
  EXPECT_EQ(notices("low_stock"), 0);
  issue(20);  // 50: crossed
  EXPECT_EQ(notices("low_stock"), 1);
  issue(5);  // 45: still below, no new notice
  EXPECT_EQ(notices("low_stock"), 1);
  ASSERT_EQ(Post(*hr_, "receipt", store_, array{object{{"item_id", masks_}, {"quantity", 50}, {"batch", "A"}}}).status, 201);
  issue(40);  // 95 -> 55: crossed again
  EXPECT_EQ(notices("low_stock"), 2);
  const auto list = hr_->Get("/api/v1/notices?page_size=5").Json();
  EXPECT_NE(list.at("items").at(0).at("body").as_string().find("现有 55 只"), std::string::npos) << list;
  // A receipt lifts it above; its reversal takes it back down: crossed again.
  auto lift = Post(*hr_, "receipt", store_, array{object{{"item_id", masks_}, {"quantity", 50}, {"batch", "A"}}});
  ASSERT_EQ(lift.status, 201);
  const auto lifted = std::to_string(lift.Json().at("id").as_int64());
  EXPECT_EQ(notices("low_stock"), 2);
  auto undo = hr_->Post("/api/v1/supplies/postings/" + lifted + "/reverse", object{{"note", "wrong store"}});
  ASSERT_EQ(undo.status, 201) << undo.body;
  EXPECT_EQ(notices("low_stock"), 3);

  // A batch expiring within 30 days: announced once by the scheduler.
  ASSERT_EQ(Post(*hr_, "receipt", store_,
                 array{object{{"item_id", masks_}, {"quantity", 10}, {"batch", "SOON"}, {"expiry", "2026-03-20"}}})
                .status,
            201);
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(notices("expiry_soon"), 1);
  server_.clock().Advance(std::chrono::hours(24));
  hr_ = server_.As("hr");  // the jump ends the old session
  office_ = server_.As("office");
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(notices("expiry_soon"), 1);

  // Bad input and scope.
  auto fine = hr_->Put(path, {{"item_id", masks_}, {"low", 1.5}});
  EXPECT_EQ(fine.status, 400) << fine.body;
  EXPECT_EQ(Field(fine), "low");
  auto intl = office_->Post("/api/v1/supplies/stores", {{"unit_id", server_.UnitId("INTL")}, {"name_zh", "国际处二号柜"}});
  const auto other = std::to_string(intl.Json().at("id").as_int64());
  EXPECT_EQ(hr_->Put("/api/v1/supplies/stores/" + other + "/thresholds", {{"item_id", masks_}, {"low", 1}}).status, 403);
  EXPECT_EQ(hr_->Get("/api/v1/supplies/stores/" + other + "/thresholds").status, 403);
  EXPECT_EQ(hr_->Put(path, {{"item_id", masks_}, {"low", 0}}).status, 200);  // cleared
  EXPECT_TRUE(hr_->Get(path).Json().at("items").as_array().empty());
}

}  // namespace
}  // namespace tongxin::testing
