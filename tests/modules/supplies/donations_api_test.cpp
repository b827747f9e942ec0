// Donations through the API: the partner university's 20,000 GBP with its CNY value and
// thank-you status; money in minor units of its ISO 4217 currency (JPY refuses fractions);
// the dated exchange-rate table kept by finance; amounts for office and finance only;
// goods received into a store and given from stock or by a third party; the totals that
// reproduce the bulletin's sentence; documents; audited reads of donor details; bad input
// and scope. On SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

class DonationsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    office_ = server_.As("office");
    admin_ = server_.As("admin");
    auto d = office_->Post("/api/v1/supplies/donors", {{"unit_id", server_.UnitId("INTL")},
                                                        {"kind", "institution"},
                                                        {"name_zh", "测试合作大学"},
                                                        {"name_en", "Test Partner University"},
                                                        {"country", "JP"},
                                                        {"contact_name", "Sato Hiroshi"},
                                                        {"email", "sato@partner.example"}});
    ASSERT_EQ(d.status, 201) << d.body;
    donor_ = d.Json().at("id").as_int64();
  }

  object Money(const std::string& currency, const boost::json::value& amount) {
    return {{"direction", "in"},         {"kind", "money"},  {"unit_id", server_.UnitId("INTL")},
            {"donor_id", donor_},        {"currency", currency}, {"amount", amount},
            {"donated_on", "2026-03-01"}, {"purpose", "抗疫支持"}};
  }

  std::int64_t Audited(const std::string& query) {
    return admin_->Get("/api/v1/audit?" + query).Json().at("total").as_int64();
  }

  object FindDonation(HttpClient& c, const std::string& receipt_no) {
    const auto list = c.Get("/api/v1/supplies/donations?page_size=200").Json();
    for (const auto& d : list.at("items").as_array()) {
      if (d.at("receipt_no").as_string() == receipt_no) return d.as_object();
    }
    ADD_FAILURE() << "no donation " << receipt_no;
    return {};
  }

  std::int64_t Store(const std::string& unit) {
    auto s = office_->Post("/api/v1/supplies/stores",
                           {{"unit_id", server_.UnitId(unit)}, {"name_zh", "捐赠物资库"}, {"name_en", "Donations store"}});
    EXPECT_EQ(s.status, 201) << s.body;
    return s.Json().at("id").as_int64();
  }

  object ItemByCode(const std::string& code) {
    const auto items = office_->Get("/api/v1/supplies/items").Json();
    for (const auto& i : items.at("items").as_array()) {
      if (i.at("code").as_string() == code) return i.as_object();
    }
    ADD_FAILURE() << "no item " << code;
    return {};
  }

  double OnHand(std::int64_t store, std::int64_t item) {
    double sum = 0;
    const auto body = office_->Get("/api/v1/supplies/stores/" + std::to_string(store) + "/stock").Json();
    for (const auto& r : body.at("items").as_array()) {
      if (r.at("item_id").as_int64() == item) sum += r.at("quantity").to_number<double>();
    }
    return sum;
  }

  TestServer server_;
  std::unique_ptr<HttpClient> office_, admin_;
  std::int64_t donor_ = 0;
};

TEST_F(DonationsApiTest, ThePartnerUniversitysGbpShowsWithItsCnyValueAndThankYouStatus) {
  const auto gift = FindDonation(*office_, "JZ-002");
  EXPECT_EQ(gift.at("currency").as_string(), "GBP");
  EXPECT_EQ(gift.at("amount").as_string(), "20000.00");
  EXPECT_EQ(gift.at("amount_minor").as_int64(), 2000000);
  EXPECT_EQ(gift.at("cny").as_string(), "177490.00");  // 20,000 x 8.8745
  EXPECT_EQ(gift.at("cny_per_unit").as_string(), "8.874500");
  EXPECT_EQ(gift.at("thanks").as_string(), "letter_sent");
  EXPECT_EQ(gift.at("donor_name").as_string(), "University of Wales Trinity Saint David");
  const std::string url = "/api/v1/supplies/donations/" + std::to_string(gift.at("id").as_int64());
  // Thanks move forward only, and only for donations received.
  auto ack = office_->Post(url + "/thanks", {{"status", "acknowledged"}});
  ASSERT_EQ(ack.status, 200) << ack.body;
  EXPECT_EQ(ack.Json().at("thanks").as_string(), "acknowledged");
  auto back = office_->Post(url + "/thanks", {{"status", "to_thank"}});
  EXPECT_EQ(back.status, 409);
  EXPECT_EQ(back.ErrorCode(), "supplies.thanks_backwards");
  EXPECT_EQ(Audited("entity=donation&action=update&entity_id=" + std::to_string(gift.at("id").as_int64())), 2);
  // Totals by currency carry the CNY equivalent.
  const auto totals = office_->Get("/api/v1/supplies/donations/totals?direction=in&kind=money").Json();
  ASSERT_EQ(totals.at("money").as_array().size(), 1u);
  EXPECT_EQ(totals.at("money").as_array()[0].at("amount").as_string(), "20000.00");
  EXPECT_EQ(totals.at("cny").as_string(), "177490.00");
}

TEST_F(DonationsApiTest, MoneyIsKeptInMinorUnitsOfItsCurrencyAndValuedAtTheRateInForce) {
  const auto before = server_.Count("donations");
  // JPY has no minor unit: a fraction is refused, naming the field, in the caller's language.
  office_->SetLanguage("zh-CN");
  auto frac = office_->Post("/api/v1/supplies/donations", Money("JPY", 1000.5));
  EXPECT_EQ(frac.status, 400);
  EXPECT_EQ(frac.ErrorField(), "amount");
  EXPECT_NE(frac.body.find("JPY 最多 0 位小数"), std::string::npos) << frac.body;
  office_->SetLanguage("en");
  auto gbp3 = office_->Post("/api/v1/supplies/donations", Money("GBP", "10.005"));
  EXPECT_EQ(gbp3.status, 400);
  EXPECT_EQ(gbp3.ErrorField(), "amount");
  auto unknown = office_->Post("/api/v1/supplies/donations", Money("GBX", 10));
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.ErrorField(), "currency");
  EXPECT_NE(unknown.body.find("GBX is not an ISO 4217 currency code"), std::string::npos) << unknown.body;
  auto negative = office_->Post("/api/v1/supplies/donations", Money("GBP", -5));
  EXPECT_EQ(negative.status, 400);
  auto zero = office_->Post("/api/v1/supplies/donations", Money("GBP", "0.00"));
  EXPECT_EQ(zero.status, 400);
  EXPECT_EQ(server_.Count("donations"), before);

  // 500,000 JPY, a whole number of yen, with no rate yet.
  auto jpy = office_->Post("/api/v1/supplies/donations", Money("JPY", 500000));
  ASSERT_EQ(jpy.status, 201) << jpy.body;
  const auto made = jpy.Json();
  EXPECT_EQ(made.at("amount").as_string(), "500000");
  EXPECT_EQ(made.at("thanks").as_string(), "to_thank");
  EXPECT_TRUE(made.at("cny").is_null());
  const std::string url = "/api/v1/supplies/donations/" + std::to_string(made.at("id").as_int64());
  // Finance keeps the table; office staff may not.
  auto finance = server_.As("finance");
  auto denied = office_->Put("/api/v1/supplies/rates", {{"currency", "JPY"}, {"valid_from", "2026-02-01"},
                                                        {"cny_per_unit", "0.0651"}});
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(denied.ErrorCode(), "supplies.not_finance");
  auto seven = finance->Put("/api/v1/supplies/rates",
                            {{"currency", "JPY"}, {"valid_from", "2026-02-01"}, {"cny_per_unit", "0.0651234"}});
  EXPECT_EQ(seven.status, 400);
  EXPECT_EQ(seven.ErrorField(), "cny_per_unit");
  ASSERT_EQ(finance->Put("/api/v1/supplies/rates",
                         {{"currency", "JPY"}, {"valid_from", "2026-02-01"}, {"cny_per_unit", "0.0651"}})
                .status,
            200);
  // A later rate does not change a donation made before it.
  ASSERT_EQ(finance->Put("/api/v1/supplies/rates",
                         {{"currency", "JPY"}, {"valid_from", "2026-03-02"}, {"cny_per_unit", 0.07}})
                .status,
            200);
  auto valued = office_->Get(url).Json();
  EXPECT_EQ(valued.at("cny").as_string(), "32550.00");  // 500,000 x 0.0651
  EXPECT_EQ(valued.at("rate_from").as_string(), "2026-02-01");
  EXPECT_EQ(Audited("entity=exchange_rate"), 3);  // the demo's GBP rate and these two
  // The amount can be corrected, exactly, by office or finance.
  auto fix = office_->Patch(url, {{"amount", "499999"}});
  ASSERT_EQ(fix.status, 200) << fix.body;
  EXPECT_EQ(fix.Json().at("amount_minor").as_int64(), 499999);
  EXPECT_EQ(office_->Patch(url, {{"amount", "1.5"}}).status, 400);
  // Deleting the rate in force leaves the donation without a CNY value.
  EXPECT_EQ(finance->Delete("/api/v1/supplies/rates?currency=JPY&valid_from=2026-02-01").status, 200);
  EXPECT_TRUE(office_->Get(url).Json().at("rate_missing").as_bool());
  EXPECT_EQ(finance->Delete("/api/v1/supplies/rates?currency=JPY&valid_from=2026-02-01").status, 404);
}

TEST_F(DonationsApiTest, AmountsAreForOfficeAndFinanceOnlyAndDonorDetailsAreMaskedInListsAndAuditedInFull) {
  const auto gift = FindDonation(*office_, "JZ-002");
  const std::string url = "/api/v1/supplies/donations/" + std::to_string(gift.at("id").as_int64());
  auto leader = server_.As("leader");
  const auto seen = leader->Get(url).Json();
  EXPECT_TRUE(seen.at("amount_hidden").as_bool());
  EXPECT_FALSE(seen.as_object().contains("amount"));
  EXPECT_FALSE(seen.as_object().contains("cny"));
  const auto leader_list = leader->Get("/api/v1/supplies/donations").Json();
  EXPECT_FALSE(leader_list.at("amounts").as_bool());
  EXPECT_TRUE(leader->Get("/api/v1/supplies/donations/totals").Json().at("amount_hidden").as_bool());
  // Finance reads every unit's donations with their amounts, and changes only its own units'.
  auto finance = server_.As("finance");
  EXPECT_EQ(finance->Get(url).Json().at("amount").as_string(), "20000.00");
  EXPECT_TRUE(finance->Get("/api/v1/supplies/donations").Json().at("amounts").as_bool());
  EXPECT_EQ(finance->Post(url + "/thanks", {{"status", "acknowledged"}}).status, 403);
  // A department member outside finance may not record money; in their units they may record goods.
  auto hr = server_.As("hr");
  auto money = hr->Post("/api/v1/supplies/donations", {{"direction", "in"},
                                                         {"kind", "money"},
                                                         {"unit_id", server_.UnitId("HR")},
                                                         {"currency", "CNY"},
                                                         {"amount", 100},
                                                         {"donor_id", donor_},
                                                         {"donated_on", "2026-03-01"}});
  EXPECT_EQ(money.status, 403) << money.body;
  EXPECT_EQ(money.ErrorCode(), "supplies.amounts_restricted");
  // Lists mask the donor's contacts; reading one donor in full is audited.
  const auto donors = office_->Get("/api/v1/supplies/donors?q=Test%20Partner").Json();
  ASSERT_EQ(donors.at("total").as_int64(), 1);
  const auto& listed = donors.at("items").as_array()[0];
  EXPECT_NE(listed.at("email").as_string(), "sato@partner.example");
  EXPECT_TRUE(listed.at("masked").as_bool());
  const auto reads = Audited("entity=donor&action=read");
  auto full = office_->Get("/api/v1/supplies/donors/" + std::to_string(donor_));
  ASSERT_EQ(full.status, 200);
  EXPECT_EQ(full.Json().at("email").as_string(), "sato@partner.example");
  EXPECT_EQ(Audited("entity=donor&action=read"), reads + 1);
  // Exports are audited too, and carry amounts only for those who see them.
  const auto exports = Audited("entity=donation&action=export");
  auto csv = leader->Get("/api/v1/supplies/donations/export?format=csv&kind=money");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("University of Wales Trinity Saint David"), std::string::npos);
  EXPECT_EQ(csv.body.find("20000.00"), std::string::npos);
  auto office_csv = office_->Get("/api/v1/supplies/donations/export?format=csv&kind=money");
  EXPECT_NE(office_csv.body.find("20000.00"), std::string::npos);
  EXPECT_NE(office_csv.body.find("177490.00"), std::string::npos);
  EXPECT_EQ(Audited("entity=donation&action=export"), exports + 2);
}

TEST_F(DonationsApiTest, TotalsOfTheDonationsGivenReproduceTheBulletinsSentence) {
  const auto t = office_->Get("/api/v1/supplies/donations/totals?direction=out").Json();
  std::map<std::string, double> qty;
  for (const auto& g : t.at("goods").as_array()) qty[std::string(g.at("item_code").as_string())] = g.at("quantity").to_number<double>();
  EXPECT_GE(qty["KN95"], 40000);
  EXPECT_GE(qty["SUIT"], 1100);
  EXPECT_EQ(qty["DISINF"], 300);  // 12 barrels of 25 L
  const std::string text(t.at("goods_text").as_string());
  EXPECT_NE(text.find("KN95 mask 40,500 pieces"), std::string::npos) << text;
  EXPECT_NE(text.find("Protective suit 1,120 suits"), std::string::npos) << text;
  EXPECT_NE(text.find("Disinfectant (84) 12 barrels"), std::string::npos) << text;
  office_->SetLanguage("zh-CN");
  const auto zh = office_->Get("/api/v1/supplies/donations/totals?direction=out").Json();
  const std::string zh_text(zh.at("goods_text").as_string());
  EXPECT_NE(zh_text.find("KN95 口罩 40,500 只"), std::string::npos) << zh_text;
  EXPECT_NE(zh_text.find("84 消毒液 12 桶"), std::string::npos) << zh_text;
  // By recipient: the first hospital got masks, suits and the disinfectant.
  bool found = false;
  for (const auto& r : zh.at("recipients").as_array()) {
    if (r.at("name").as_string() == "武汉市第一医院") {
      found = true;
      EXPECT_NE(std::string(r.at("goods_text").as_string()).find("30,000"), std::string::npos);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(DonationsApiTest, GoodsReceivedPostIntoAStoreAndGoodsGivenComeFromStockOrAThirdParty) {
  const std::int64_t store = Store("INTL");
  const auto kn95 = ItemByCode("KN95");
  const std::int64_t item = kn95.at("id").as_int64();
  const std::int64_t box = kn95.at("packs").as_array()[0].at("id").as_int64();
  // Masks received in boxes: a receipt of 50 masks a box.
  auto in = office_->Post("/api/v1/supplies/donations",
                          {{"direction", "in"}, {"kind", "goods"}, {"unit_id", server_.UnitId("INTL")},
                           {"donor_id", donor_}, {"store_id", store}, {"donated_on", "2026-03-01"},
                           {"receipt_no", "T-IN-1"},
                           {"lines", array{object{{"item_id", item}, {"quantity", 10}, {"pack_id", box},
                                                  {"batch", "T-B1"}, {"expiry", "2029-01-31"}}}}});
  ASSERT_EQ(in.status, 201) << in.body;
  const auto received = in.Json();
  ASSERT_TRUE(received.at("posting_id").is_int64());
  EXPECT_EQ(OnHand(store, item), 500);
  const auto posting = office_->Get("/api/v1/supplies/postings/" +
                                    std::to_string(received.at("posting_id").as_int64())).Json();
  EXPECT_EQ(posting.at("source").as_string(), "donation");
  EXPECT_EQ(posting.at("reference").as_string(), "T-IN-1");
  // A receipt number is used once per direction.
  auto again = office_->Post("/api/v1/supplies/donations",
                             {{"direction", "in"}, {"kind", "goods"}, {"unit_id", server_.UnitId("INTL")},
                              {"donor_id", donor_}, {"store_id", store}, {"donated_on", "2026-03-01"},
                              {"receipt_no", "T-IN-1"},
                              {"lines", array{object{{"item_id", item}, {"quantity", 1}, {"batch", "T-B1"}}}}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(OnHand(store, item), 500);  // nothing partial: no receipt either

  // Given from our stock: more than there is is refused, and nothing is written.
  const auto donations = server_.Count("donations");
  object out{{"direction", "out"},
             {"kind", "goods"},
             {"unit_id", server_.UnitId("INTL")},
             {"store_id", store},
             {"recipient_kind", "hospital"},
             {"recipient_name", "测试医院"},
             {"donated_on", "2026-03-02"},
             {"lines", array{object{{"item_id", item}, {"quantity", 600}}}}};
  auto short_out = office_->Post("/api/v1/supplies/donations", out);
  EXPECT_EQ(short_out.status, 409);
  EXPECT_EQ(short_out.ErrorCode(), "supplies.shortfall");
  EXPECT_EQ(server_.Count("donations"), donations);
  out["lines"] = array{object{{"item_id", item}, {"quantity", 200}}};
  auto given = office_->Post("/api/v1/supplies/donations", out);
  ASSERT_EQ(given.status, 201) << given.body;
  EXPECT_EQ(OnHand(store, item), 300);
  const auto g = given.Json();
  EXPECT_EQ(g.at("delivery").as_string(), "pending");
  // Arranged from a third party: no stock moves, and the third party must be named.
  object third = out;
  third.erase("store_id");
  third["recipient_name"] = "测试社区";
  third["recipient_kind"] = "community";
  auto nobody = office_->Post("/api/v1/supplies/donations", third);
  EXPECT_EQ(nobody.status, 400);
  EXPECT_EQ(nobody.ErrorField(), "donor_id");
  third["donor_id"] = donor_;
  auto arranged = office_->Post("/api/v1/supplies/donations", third);
  ASSERT_EQ(arranged.status, 201) << arranged.body;
  EXPECT_TRUE(arranged.Json().at("posting_id").is_null());
  EXPECT_EQ(OnHand(store, item), 300);
  // Delivery is confirmed once.
  const std::string url = "/api/v1/supplies/donations/" + std::to_string(g.at("id").as_int64());
  auto done = office_->Post(url + "/delivered", {{"delivered_on", "2026-03-03"}, {"delivered_to", "张医生"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json().at("delivery").as_string(), "delivered");
  EXPECT_EQ(office_->Post(url + "/delivered", {{"delivered_on", "2026-03-03"}, {"delivered_to", "张医生"}}).status,
            409);
  EXPECT_EQ(office_->Post(url + "/thanks", {{"status", "letter_sent"}}).ErrorCode(), "supplies.thanks_for_in_only");
  // A delivery note attached and downloaded (audited); the type comes from the content.
  const std::string pdf = "%PDF-1.4 delivery note";
  auto doc = office_->Request("POST", url + "/documents?filename=%E7%AD%BE%E6%94%B6%E5%8D%95.pdf", pdf,
                              {{"Content-Type", "application/pdf"}});
  ASSERT_EQ(doc.status, 201) << doc.body;
  const auto doc_body = doc.Json();
  const auto& file = doc_body.at("documents").as_array()[0];
  EXPECT_EQ(file.at("filename").as_string(), "签收单.pdf");
  EXPECT_EQ(office_->Request("POST", url + "/documents?filename=x.pdf", "text", {{"Content-Type", "application/pdf"}})
                .status,
            415);
  auto got = server_.As("leader")->Get(url + "/documents/" + std::to_string(file.at("id").as_int64()));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, pdf);
  EXPECT_EQ(Audited("entity=donation_document&action=read"), 1);
}

TEST_F(DonationsApiTest, BadInputIsRefusedNamingTheFieldAndObjectsOutsideTheCallersScopeAreRefused) {
  const auto before = server_.Count("donations");
  auto missing = office_->Post("/api/v1/supplies/donations", {{"direction", "out"}, {"kind", "goods"}});
  EXPECT_EQ(missing.status, 400);
  const std::string errors = missing.body;
  for (const char* f : {"unit_id", "recipient_name", "recipient_kind", "donated_on", "lines"}) {
    EXPECT_NE(errors.find(std::string("\"") + f + "\""), std::string::npos) << f << " in " << errors;
  }
  auto no_donor = office_->Post("/api/v1/supplies/donations",
                                {{"direction", "in"}, {"kind", "money"}, {"unit_id", server_.UnitId("INTL")},
                                 {"currency", "GBP"}, {"amount", 5}, {"donated_on", "2026-03-01"}});
  EXPECT_EQ(no_donor.ErrorField(), "donor_id");
  auto bad_donor = office_->Post("/api/v1/supplies/donations", [&] {
    auto m = Money("GBP", 5);
    m["donor_id"] = 999999;
    return m;
  }());
  EXPECT_EQ(bad_donor.status, 400);
  EXPECT_EQ(bad_donor.ErrorField(), "donor_id");
  auto goods_with_amount = office_->Post("/api/v1/supplies/donations", [&] {
    auto m = Money("GBP", 5);
    m["kind"] = "goods";
    return m;
  }());
  EXPECT_EQ(goods_with_amount.status, 400);
  auto bad_rate = server_.As("finance")->Put("/api/v1/supplies/rates",
                                             {{"currency", "CNY"}, {"valid_from", "2026-02-30"}, {"cny_per_unit", 1}});
  EXPECT_EQ(bad_rate.status, 400);
  EXPECT_EQ(server_.Count("donations"), before);

  // hr's units (HR and three schools) do not cover the International Office's records.
  auto hr = server_.As("hr");
  const auto gift = FindDonation(*office_, "JZ-002");
  const std::string url = "/api/v1/supplies/donations/" + std::to_string(gift.at("id").as_int64());
  EXPECT_EQ(hr->Get(url).status, 403);
  EXPECT_EQ(hr->Patch(url, {{"purpose", "x"}}).status, 403);
  EXPECT_EQ(hr->Post(url + "/thanks", {{"status", "acknowledged"}}).status, 403);
  EXPECT_EQ(hr->Post(url + "/delivered", {{"delivered_on", "2026-03-03"}, {"delivered_to", "x"}}).status, 403);
  EXPECT_EQ(hr->Request("POST", url + "/documents?filename=a.pdf", "%PDF-1.4", {{"Content-Type", "application/pdf"}})
                .status,
            403);
  EXPECT_EQ(hr->Get(url + "/documents/1").status, 403);
  const std::string donor_url = "/api/v1/supplies/donors/" + std::to_string(donor_);
  EXPECT_EQ(hr->Get(donor_url).status, 403);
  EXPECT_EQ(hr->Patch(donor_url, {{"note", "x"}}).status, 403);
  EXPECT_EQ(hr->Get("/api/v1/supplies/donations").Json().at("total").as_int64(), 0);
  EXPECT_EQ(hr->Get("/api/v1/supplies/donors").Json().at("total").as_int64(), 0);
  // Naming an out-of-scope donor, unit or store in a body is refused too.
  const std::int64_t hr_store = Store("HR");
  object goods{{"direction", "in"},     {"kind", "goods"},          {"unit_id", server_.UnitId("HR")},
               {"donor_id", donor_},    {"store_id", hr_store},     {"donated_on", "2026-03-01"},
               {"lines", array{object{{"item_id", ItemByCode("GOGGLES").at("id").as_int64()}, {"quantity", 1}}}}};
  EXPECT_EQ(hr->Post("/api/v1/supplies/donations", goods).ErrorCode(), "auth.out_of_scope");  // donor of INTL
  goods["unit_id"] = server_.UnitId("INTL");
  goods.erase("donor_id");
  auto hr_donor = hr->Post("/api/v1/supplies/donors",
                           {{"unit_id", server_.UnitId("HR")}, {"kind", "person"}, {"name_zh", "张三"}});
  ASSERT_EQ(hr_donor.status, 201) << hr_donor.body;
  goods["donor_id"] = hr_donor.Json().at("id").as_int64();
  EXPECT_EQ(hr->Post("/api/v1/supplies/donations", goods).ErrorCode(), "auth.out_of_scope");  // unit INTL
  goods["unit_id"] = server_.UnitId("HR");
  goods["store_id"] = Store("INTL");
  EXPECT_EQ(hr->Post("/api/v1/supplies/donations", goods).ErrorCode(), "auth.out_of_scope");  // store of INTL
  EXPECT_EQ(server_.Count("donations"), before);
  EXPECT_EQ(hr->Post("/api/v1/supplies/donors", {{"unit_id", server_.UnitId("INTL")}, {"kind", "person"},
                                                  {"name_zh", "李四"}})
                .status,
            403);
}

}  // namespace
}  // namespace tongxin::testing
