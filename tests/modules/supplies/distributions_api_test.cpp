// Distributions through the API: a weekly package to every foreign staff member,
// previewed with what is short and posted all-or-nothing; confirmation on the recipient's
// phone and by staff; an undelivered share back to stock; planned distributions; bad
// input and scope; the sign-off sheet with one readable QR code per recipient. On SQLite
// and on PostgreSQL.
#include <gtest/gtest.h>

#include <fstream>

#include "io/xlsx.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

class DistributionsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.clock().Set("2026-03-02T01:30:00Z");
    office_ = server_.As("office");
    foreign_ = server_.As("foreign");
    rice_ = Item("T-RICE", "大米", "Rice", "rice", "公斤", "kg", 1);
    oil_ = Item("T-OIL", "食用油", "Cooking oil", "oil", "升", "L", 1);
    auto s = office_->Post("/api/v1/supplies/stores",
                           {{"unit_id", server_.UnitId("INTL")}, {"name_zh", "测试发放柜"}, {"name_en", "Test cupboard"}});
    ASSERT_EQ(s.status, 201) << s.body;
    store_ = s.Json().at("id").as_int64();
    auto pkg = office_->Post("/api/v1/supplies/packages",
                             {{"name_zh", "外籍教师每周生活物资包"},
                              {"name_en", "Weekly living package"},
                              {"lines", array{object{{"item_id", rice_}, {"quantity", 5}},
                                              object{{"item_id", oil_}, {"quantity", 1.8}}}}});
    ASSERT_EQ(pkg.status, 201) << pkg.body;
    package_ = pkg.Json().at("id").as_int64();
    const auto people = office_->Get("/api/v1/people?category=foreign_staff&page_size=200").Json();
    foreign_count_ = people.at("total").as_int64();
    ASSERT_GT(foreign_count_, 3);
    const auto me = foreign_->Get("/api/v1/auth/me").Json();
    own_person_ = me.at("person_id").as_int64();
    for (const auto& p : people.at("items").as_array()) {
      if (p.at("id").as_int64() != own_person_) others_.push_back(p.at("id").as_int64());
    }
  }

  std::int64_t Item(const std::string& code, const std::string& zh, const std::string& en, const std::string& cat,
                    const std::string& unit_zh, const std::string& unit_en, int decimals) {
    auto r = office_->Post("/api/v1/supplies/items", {{"code", code}, {"name_zh", zh}, {"name_en", en},
                                                      {"category", cat}, {"unit_zh", unit_zh}, {"unit_en", unit_en},
                                                      {"decimals", decimals}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json().at("id").as_int64();
  }

  void Receive(std::int64_t item, double qty) {
    auto r = office_->Post("/api/v1/supplies/postings",
                           {{"kind", "receipt"}, {"source", "purchase"}, {"store_id", store_},
                            {"lines", array{object{{"item_id", item}, {"quantity", qty}}}}});
    ASSERT_EQ(r.status, 201) << r.body;
  }

  double OnHand(std::int64_t item) {
    double sum = 0;
    const auto body = office_->Get("/api/v1/supplies/stores/" + std::to_string(store_) + "/stock").Json();
    for (const auto& r : body.at("items").as_array()) {
      if (r.at("item_id").as_int64() == item) sum += r.at("quantity").to_number<double>();
    }
    return sum;
  }

  object ToForeignStaff() {
    return {{"store_id", store_},
            {"package_id", package_},
            {"title", "第 10 周生活物资"},
            {"recipients", object{{"unit_id", server_.UnitId("WHUT")}, {"category", "foreign_staff"}}}};
  }

  object ToPeople(std::vector<std::int64_t> ids, bool post = true) {
    return {{"store_id", store_},
            {"package_id", package_},
            {"title", "补发"},
            {"post", post},
            {"recipients", object{{"person_ids", array(ids.begin(), ids.end())}}}};
  }

  // The share of `person` in distribution `d` (its recipient row).
  object ShareOf(std::int64_t d, std::int64_t person) {
    const auto list =
        office_->Get("/api/v1/supplies/distributions/" + std::to_string(d) + "/recipients?page_size=200").Json();
    for (const auto& r : list.at("items").as_array()) {
      if (r.at("person_id").is_int64() && r.at("person_id").as_int64() == person) return r.as_object();
    }
    ADD_FAILURE() << "no share for person " << person;
    return {};
  }

  // The foreign staff member's own shares in distribution `d`, as /supplies/mine lists them.
  array MineIn(std::int64_t d) {
    auto res = foreign_->Get("/api/v1/supplies/mine");
    EXPECT_EQ(res.status, 200) << res.body;
    const auto body = res.Json();
    array out;
    for (const auto& s : body.at("items").as_array()) {
      if (s.at("distribution").at("id").as_int64() == d) out.push_back(s);
    }
    return out;
  }

  std::string Path(std::int64_t share, const std::string& action) {
    return "/api/v1/supplies/shares/" + std::to_string(share) + "/" + action;
  }

  TestServer server_;
  std::unique_ptr<HttpClient> office_, foreign_;
  std::int64_t rice_ = 0, oil_ = 0, store_ = 0, package_ = 0, foreign_count_ = 0, own_person_ = 0;
  std::vector<std::int64_t> others_;
};

TEST_F(DistributionsApiTest, WeeklyPackageToEveryForeignStaffMemberPreviewedThenPostedAllOrNothing) {
  const auto n = foreign_count_;
  Receive(rice_, 5.0 * (n - 1));  // one share short
  Receive(oil_, 100);
  auto preview = office_->Post("/api/v1/supplies/distributions/preview", ToForeignStaff());
  ASSERT_EQ(preview.status, 200) << preview.body;
  const auto p = preview.Json();
  EXPECT_EQ(p.at("recipient_count").as_int64(), n);
  EXPECT_FALSE(p.at("ok").as_bool());
  for (const auto& need : p.at("needs").as_array()) {
    if (need.at("item_id").as_int64() == rice_) {
      EXPECT_DOUBLE_EQ(need.at("total").to_number<double>(), 5.0 * n);
      EXPECT_DOUBLE_EQ(need.at("short").to_number<double>(), 5.0);
    } else {
      EXPECT_DOUBLE_EQ(need.at("short").to_number<double>(), 0);
    }
  }

  // Posting it is refused as a whole: no distribution, no posting, no stock moved.
  const auto postings = server_.Count("supply_postings");
  const auto dists = server_.Count("supply_distributions");
  auto refused = office_->Post("/api/v1/supplies/distributions", ToForeignStaff());
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.Json().at("error").at("code"), "supplies.shortfall");
  EXPECT_EQ(refused.Json().at("error").at("details").at("item_id").as_string(), std::to_string(rice_));
  EXPECT_EQ(server_.Count("supply_postings"), postings);
  EXPECT_EQ(server_.Count("supply_distributions"), dists);
  EXPECT_DOUBLE_EQ(OnHand(rice_), 5.0 * (n - 1));

  // With the missing rice received, one step gives every foreign staff member a share.
  Receive(rice_, 5);
  auto posted = office_->Post("/api/v1/supplies/distributions", ToForeignStaff());
  ASSERT_EQ(posted.status, 201) << posted.body;
  const auto d = posted.Json();
  EXPECT_EQ(d.at("status"), "posted");
  EXPECT_EQ(d.at("recipient_count").as_int64(), n);
  EXPECT_EQ(d.at("pending_count").as_int64(), n);
  EXPECT_DOUBLE_EQ(OnHand(rice_), 0);
  EXPECT_NEAR(OnHand(oil_), 100 - 1.8 * n, 1e-9);
  // One issue posting per recipient, so each share can be undone on its own.
  EXPECT_EQ(server_.Count("supply_postings"), postings + 1 + n);
  const auto id = d.at("id").as_int64();
  const auto recipients =
      office_->Get("/api/v1/supplies/distributions/" + std::to_string(id) + "/recipients?page_size=200").Json();
  ASSERT_EQ(recipients.at("total").as_int64(), n);
  for (const auto& r : recipients.at("items").as_array()) {
    EXPECT_TRUE(r.at("posting_id").is_int64());
    EXPECT_EQ(r.at("status"), "pending");
  }
  const auto one = office_->Get("/api/v1/supplies/postings/" +
                                std::to_string(recipients.at("items").at(0).at("posting_id").as_int64())).Json();
  EXPECT_EQ(one.at("kind"), "issue");
  EXPECT_EQ(one.at("reference").as_string(), "D-" + std::to_string(id));
  EXPECT_EQ(one.at("lines").as_array().size(), 2u);
  // Audited: the distribution made and posted, with its postings.
  const auto audit = server_.As("admin")->Get("/api/v1/audit?entity=supply_distribution&entity_id=" +
                                              std::to_string(id)).Json();
  EXPECT_EQ(audit.at("total").as_int64(), 2);
}

TEST_F(DistributionsApiTest, RecipientConfirmsOnTheirPhoneStaffRecordWhoTookTheRest) {
  Receive(rice_, 50);
  Receive(oil_, 50);
  auto posted = office_->Post("/api/v1/supplies/distributions", ToPeople({own_person_, others_[0]}));
  ASSERT_EQ(posted.status, 201) << posted.body;
  const auto id = posted.Json().at("id").as_int64();
  const auto mine_share = ShareOf(id, own_person_).at("id").as_int64();
  const auto other_share = ShareOf(id, others_[0]).at("id").as_int64();

  // The foreign staff member sees their share, in English, and confirms it in one tap.
  auto shares_audited = [&] {
    return server_.As("admin")->Get("/api/v1/audit?entity=supply_share").Json().at("total").as_int64();
  };
  const auto audited = shares_audited();
  const auto items = MineIn(id);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("status"), "pending");
  EXPECT_EQ(items[0].at("distribution").at("lines").at(0).at("item_name"), "Cooking oil");
  EXPECT_EQ(foreign_->Get("/api/v1/supplies/shares/" + std::to_string(mine_share)).status, 200);
  auto ok = foreign_->Post(Path(mine_share, "confirm"), object{});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.Json().at("status"), "received");
  EXPECT_EQ(ok.Json().at("received_by_name"), "");
  auto again = foreign_->Post(Path(mine_share, "confirm"), object{});
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.Json().at("error").at("code"), "supplies.already_received");

  // Someone else's share: neither readable nor confirmable by them.
  EXPECT_EQ(foreign_->Get("/api/v1/supplies/shares/" + std::to_string(other_share)).status, 403);
  EXPECT_EQ(foreign_->Post(Path(other_share, "confirm"), object{}).status, 403);
  EXPECT_EQ(foreign_->Post(Path(other_share, "return"), object{}).status, 403);

  // Staff record who took it; the name is required, in the caller's language.
  office_->SetLanguage("zh-CN");
  auto unnamed = office_->Post(Path(other_share, "confirm"), object{});
  ASSERT_EQ(unnamed.status, 400) << unnamed.body;
  EXPECT_EQ(unnamed.Json().at("error").at("details").at("field"), "received_by_name");
  EXPECT_NE(unnamed.Json().at("error").at("message").as_string().find("领取人姓名"), std::string::npos) << unnamed.body;
  auto named = office_->Post(Path(other_share, "confirm"), object{{"received_by_name", "同事代领：李娜"}});
  ASSERT_EQ(named.status, 200) << named.body;
  EXPECT_EQ(named.Json().at("received_by_name"), "同事代领：李娜");
  // A received share cannot go back to stock.
  auto back = office_->Post(Path(other_share, "return"), object{});
  EXPECT_EQ(back.status, 409) << back.body;
  const auto d = office_->Get("/api/v1/supplies/distributions/" + std::to_string(id)).Json();
  EXPECT_EQ(d.at("received_count").as_int64(), 2);
  EXPECT_EQ(d.at("pending_count").as_int64(), 0);
  EXPECT_EQ(shares_audited(), audited + 2);
}

TEST_F(DistributionsApiTest, AnUndeliveredShareGoesBackToStockByReversingItsPosting) {
  Receive(rice_, 10);
  Receive(oil_, 10);
  auto posted = office_->Post("/api/v1/supplies/distributions", ToPeople({others_[0], others_[1]}));
  ASSERT_EQ(posted.status, 201) << posted.body;
  const auto id = posted.Json().at("id").as_int64();
  EXPECT_DOUBLE_EQ(OnHand(rice_), 0);
  const auto share = ShareOf(id, others_[1]);
  auto back = office_->Post(Path(share.at("id").as_int64(), "return"), object{{"note", "回国未领"}});
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.Json().at("status"), "returned");
  EXPECT_DOUBLE_EQ(OnHand(rice_), 5);
  EXPECT_NEAR(OnHand(oil_), 10 - 1.8, 1e-9);
  const auto original = office_->Get("/api/v1/supplies/postings/" +
                                     std::to_string(share.at("posting_id").as_int64())).Json();
  EXPECT_EQ(original.at("reversed_by").as_int64(), back.Json().at("return_posting_id").as_int64());
  auto twice = office_->Post(Path(share.at("id").as_int64(), "return"), object{});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.Json().at("error").at("code"), "supplies.share_returned");
  auto confirm = office_->Post(Path(share.at("id").as_int64(), "confirm"), object{{"received_by_name", "x"}});
  EXPECT_EQ(confirm.Json().at("error").at("code"), "supplies.share_returned");
  EXPECT_EQ(office_->Get("/api/v1/supplies/distributions/" + std::to_string(id)).Json().at("returned_count").as_int64(), 1);
}

TEST_F(DistributionsApiTest, PlannedDistributionsShowToRecipientsAndPostOrCancelOnce) {
  Receive(rice_, 20);
  Receive(oil_, 20);
  auto planned = office_->Post("/api/v1/supplies/distributions", ToPeople({own_person_}, false));
  ASSERT_EQ(planned.status, 201) << planned.body;
  const auto id = planned.Json().at("id").as_int64();
  EXPECT_EQ(planned.Json().at("status"), "planned");
  EXPECT_DOUBLE_EQ(OnHand(rice_), 20);
  const auto mine = MineIn(id);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].at("distribution").at("status"), "planned");
  const auto share = mine[0].at("id").as_int64();
  auto early = foreign_->Post(Path(share, "confirm"), object{});
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.Json().at("error").at("code"), "supplies.distribution_not_posted");

  const std::string base = "/api/v1/supplies/distributions/" + std::to_string(id);
  auto post = office_->Post(base + "/post", object{});
  ASSERT_EQ(post.status, 200) << post.body;
  EXPECT_EQ(post.Json().at("status"), "posted");
  EXPECT_DOUBLE_EQ(OnHand(rice_), 15);
  EXPECT_EQ(office_->Post(base + "/post", object{}).status, 409);
  EXPECT_EQ(office_->Post(base + "/cancel", object{}).status, 409);
  EXPECT_EQ(foreign_->Post(Path(share, "confirm"), object{}).status, 200);

  auto other = office_->Post("/api/v1/supplies/distributions", ToPeople({own_person_}, false));
  const auto other_id = other.Json().at("id").as_int64();
  auto cancel = office_->Post("/api/v1/supplies/distributions/" + std::to_string(other_id) + "/cancel", object{});
  ASSERT_EQ(cancel.status, 200) << cancel.body;
  EXPECT_EQ(cancel.Json().at("status"), "cancelled");
  EXPECT_TRUE(MineIn(other_id).empty());  // a cancelled distribution is not theirs to expect
  EXPECT_EQ(MineIn(id).size(), 1u);
  EXPECT_DOUBLE_EQ(OnHand(rice_), 15);
}

TEST_F(DistributionsApiTest, BadInputAndRecipientsOutsideTheCallersUnitsAreRefusedWithNothingWritten) {
  Receive(rice_, 100);
  Receive(oil_, 100);
  const auto dists = server_.Count("supply_distributions");
  auto code = [](const HttpResponse& r) { return std::string(r.Json().at("error").at("code").as_string()); };
  auto field = [](const HttpResponse& r) {
    return std::string(r.Json().at("error").at("details").at("field").as_string());
  };
  auto body = ToPeople({others_[0]});
  body["package_id"] = 999999;
  auto r = office_->Post("/api/v1/supplies/distributions", body);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(field(r), "package_id");

  body = ToPeople({others_[0]});
  body.erase("package_id");
  body["lines"] = array{object{{"item_id", rice_}, {"quantity", 0}}};
  r = office_->Post("/api/v1/supplies/distributions", body);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(field(r), "lines[1].quantity");
  body["lines"] = array{object{{"item_id", rice_}, {"quantity", 1.25}}};
  r = office_->Post("/api/v1/supplies/distributions", body);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(code(r), "supplies.too_many_decimals");
  body["lines"] = array{object{{"item_id", rice_}, {"quantity", 1}, {"batch", "A"}}};
  r = office_->Post("/api/v1/supplies/distributions", body);
  EXPECT_EQ(field(r), "lines[1].batch");  // a share names no batch: first expiry first

  r = office_->Post("/api/v1/supplies/distributions", ToPeople({987654321}));
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(field(r), "recipients.person_ids");
  body = ToPeople({});
  body["recipients"] = object{};
  r = office_->Post("/api/v1/supplies/distributions", body);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(field(r), "recipients");
  body["recipients"] = object{{"unit_id", server_.UnitId("FINANCE")}, {"category", "foreign_staff"}};
  r = office_->Post("/api/v1/supplies/distributions", body);
  EXPECT_EQ(code(r), "supplies.no_recipients");
  body = ToForeignStaff();
  body.erase("title");
  r = office_->Post("/api/v1/supplies/distributions", body);
  EXPECT_EQ(field(r), "title");

  // Scope: hr sees only HR and three schools, not the office's store.
  auto hr = server_.As("hr");
  r = hr->Post("/api/v1/supplies/distributions", ToPeople({others_[0]}));
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.Json().at("error").at("code"), "auth.out_of_scope");
  auto users = server_.As("admin")->Get("/api/v1/admin/users?page_size=100").Json();
  std::int64_t hr_id = 0;
  for (const auto& u : users.at("items").as_array()) {
    if (u.at("username") == "hr") hr_id = u.at("id").as_int64();
  }
  auto hr_store = office_->Post("/api/v1/supplies/stores", {{"unit_id", server_.UnitId("HR")},
                                                              {"name_zh", "人事处测试柜"}, {"keeper_ids", array{hr_id}}});
  ASSERT_EQ(hr_store.status, 201) << hr_store.body;
  body = ToForeignStaff();
  body["store_id"] = hr_store.Json().at("id").as_int64();
  r = hr->Post("/api/v1/supplies/distributions", body);  // the whole university: outside hr's units
  EXPECT_EQ(r.status, 403) << r.body;
  const auto intl_staff =
      office_->Get("/api/v1/people?category=staff&unit_id=" + std::to_string(server_.UnitId("INTL"))).Json();
  ASSERT_GT(intl_staff.at("total").as_int64(), 0);
  body["recipients"] = object{{"person_ids", array{intl_staff.at("items").at(0).at("id").as_int64()}}};
  r = hr->Post("/api/v1/supplies/distributions", body);  // a person of the office: outside
  EXPECT_EQ(r.status, 403) << r.body;
  body["recipients"] = object{{"unit_ids", array{server_.UnitId("CLINIC")}}};
  r = hr->Post("/api/v1/supplies/distributions/preview", body);
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(server_.Count("supply_distributions"), dists);

  // Reads by id outside the caller's units.
  auto made = office_->Post("/api/v1/supplies/distributions", ToPeople({others_[0]}));
  ASSERT_EQ(made.status, 201) << made.body;
  const auto id = std::to_string(made.Json().at("id").as_int64());
  EXPECT_EQ(hr->Get("/api/v1/supplies/distributions/" + id).status, 403);
  EXPECT_EQ(hr->Get("/api/v1/supplies/distributions/" + id + "/recipients").status, 403);
  EXPECT_EQ(hr->Get("/api/v1/supplies/distributions/" + id + "/sheet.pdf").status, 403);
  const auto share = ShareOf(made.Json().at("id").as_int64(), others_[0]).at("id").as_int64();
  EXPECT_EQ(hr->Get("/api/v1/supplies/shares/" + std::to_string(share)).status, 403);
  EXPECT_EQ(hr->Post(Path(share, "confirm"), object{{"received_by_name", "x"}}).status, 403);
  EXPECT_EQ(hr->Post("/api/v1/supplies/distributions/" + id + "/cancel", object{}).status, 403);
  EXPECT_EQ(hr->Post(Path(share, "return"), object{}).status, 403);
  auto planned = office_->Post("/api/v1/supplies/distributions", ToPeople({others_[0]}, false));
  ASSERT_EQ(planned.status, 201) << planned.body;
  const auto planned_id = std::to_string(planned.Json().at("id").as_int64());
  EXPECT_EQ(hr->Post("/api/v1/supplies/distributions/" + planned_id + "/post", object{}).status, 403);
  EXPECT_EQ(office_->Get("/api/v1/supplies/distributions/" + planned_id).Json().at("status"), "planned");
}

TEST_F(DistributionsApiTest, SignoffSheetPrintsEveryRecipientWithAQrCodeOfTheirConfirmationPage) {
  Receive(rice_, 50);
  Receive(oil_, 50);
  auto posted = office_->Post("/api/v1/supplies/distributions", ToPeople({own_person_, others_[0], others_[1]}));
  ASSERT_EQ(posted.status, 201) << posted.body;
  const auto id = posted.Json().at("id").as_int64();
  office_->SetLanguage("zh-CN");
  auto pdf = office_->Get("/api/v1/supplies/distributions/" + std::to_string(id) + "/sheet.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  ASSERT_EQ(pdf.body.substr(0, 5), "%PDF-");
  const std::string dir = TempDir("tongxin-sheet");
  std::ofstream(dir + "/sheet.pdf", std::ios::binary) << pdf.body;
  const std::string text = Shell("pdftotext -enc UTF-8 '" + dir + "/sheet.pdf' -");
  EXPECT_NE(text.find("物资发放签收单"), std::string::npos) << text;
  EXPECT_NE(text.find("Oliver Bennett"), std::string::npos) << text;
  EXPECT_NE(text.find("食用油 1.8 升"), std::string::npos) << text;
  // Each code, read back from the printed page, opens that recipient's confirmation.
  Shell("pdftoppm -png -r 150 -f 1 -l 1 '" + dir + "/sheet.pdf' '" + dir + "/page'");
  const std::string codes = Shell("zbarimg --raw -q '" + dir + "/page-1.png'");
  const auto list =
      office_->Get("/api/v1/supplies/distributions/" + std::to_string(id) + "/recipients").Json();
  ASSERT_EQ(list.at("items").as_array().size(), 3u);
  for (const auto& r : list.at("items").as_array()) {
    const std::string url = server_.base() + "/supplies/receive/" + std::to_string(r.at("id").as_int64());
    EXPECT_NE(codes.find(url + "\n"), std::string::npos) << codes;
  }

  // The recipients as XLSX, in the caller's language, and the store's stock.
  auto xlsx = office_->Get("/api/v1/supplies/distributions/" + std::to_string(id) + "/recipients/export");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  auto table = io::ReadXlsx(xlsx.body);
  ASSERT_TRUE(table) << table.error().reason;
  ASSERT_EQ(table->size(), 4u);
  EXPECT_EQ((*table)[0][1], "领取人");
  EXPECT_EQ((*table)[1][3], "待确认");
  auto stock = office_->Get("/api/v1/supplies/stores/" + std::to_string(store_) + "/stock/export");
  ASSERT_EQ(stock.status, 200) << stock.body;
  auto sheet = io::ReadXlsx(stock.body);
  ASSERT_TRUE(sheet) << sheet.error().reason;
  ASSERT_EQ(sheet->size(), 3u);  // header, oil, rice
  EXPECT_EQ((*sheet)[2][1], "大米");
  EXPECT_EQ((*sheet)[2][4], "35");  // 50 - 3 x 5
  auto all = office_->Get("/api/v1/supplies/distributions/export?status=posted");
  ASSERT_EQ(all.status, 200) << all.body;
  auto listed = io::ReadXlsx(all.body);
  ASSERT_TRUE(listed) << listed.error().reason;
  bool found = false;
  for (const auto& row : *listed) {
    if (row[0] == "D-" + std::to_string(id)) {
      found = true;
      EXPECT_EQ(row[5], "食用油 1.8 升、大米 5 公斤");
      EXPECT_EQ(row[6], "3");
    }
  }
  EXPECT_TRUE(found);
  auto hr = server_.As("hr");
  EXPECT_EQ(hr->Get("/api/v1/supplies/distributions/" + std::to_string(id) + "/recipients/export").status, 403);
  EXPECT_EQ(hr->Get("/api/v1/supplies/stores/" + std::to_string(store_) + "/stock/export").status, 403);
}

}  // namespace
}  // namespace tongxin::testing
