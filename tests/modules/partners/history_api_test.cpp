// A partner's history through the API, on SQLite and on PostgreSQL: the Welsh partner's
// letter of support, the 20,000 GBP its staff and students raised (supplies, through the
// linked donor) and the letter of thanks, newest first, with a visit recorded here; the
// briefing PDF in both languages, read back with pdftotext; both reads audited; donations
// kept outside a department reader's scope left out; ids outside the caller's scope refused.
#include <gtest/gtest.h>

#include <fstream>

#include "support/test_env.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

class HistoryApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    office_ = server_.As("office");
    admin_ = server_.As("admin");
  }
  std::int64_t PartnerId(const std::string& q) {
    auto r = office_->Get("/api/v1/partners?q=" + q).Json();
    return r.at("items").as_array()[0].at("id").as_int64();
  }
  std::int64_t Audited(const std::string& query) {
    return admin_->Get("/api/v1/audit?" + query).Json().at("total").as_int64();
  }
  std::string PdfText(const std::string& pdf) {
    const std::string dir = TempDir("tongxin-history");
    std::ofstream(dir + "/history.pdf", std::ios::binary) << pdf;
    return Shell("pdftotext -enc UTF-8 '" + dir + "/history.pdf' -");
  }
  std::vector<std::string> Kinds(const object& h) {
    std::vector<std::string> kinds;
    for (const auto& e : h.at("entries").as_array()) kinds.emplace_back(e.at("kind").as_string());
    return kinds;
  }

  TestServer server_;
  std::unique_ptr<HttpClient> office_, admin_;
};

TEST_F(HistoryApiTest, TheWelshPartnersLettersDonationAndVisitAreOneTimelineNewestFirst) {
  const auto id = PartnerId("trinity");
  const std::string url = "/api/v1/partners/" + std::to_string(id);
  auto visit = office_->Post("/api/v1/partners/visits",
                             {{"partner_id", id},
                              {"direction", "outgoing"},
                              {"visited_on", "2099-01-10"},
                              {"place", "Carmarthen"},
                              {"purpose", "Renewal of the MoU"},
                              {"visitors", array{object{{"name", "Wang Fang"}}}}});
  ASSERT_EQ(visit.status, 201) << visit.body;
  const auto reads = Audited("entity=partner&action=read");
  auto r = office_->Get(url + "/history");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto h = r.Json().as_object();
  EXPECT_EQ(Audited("entity=partner&action=read"), reads + 1);
  // The visit (dated last), the letter of thanks, the donation, the letter of support.
  EXPECT_EQ(Kinds(h), (std::vector<std::string>{"visit", "letter", "donation", "letter"}));
  const auto& e = h.at("entries").as_array();
  EXPECT_EQ(e[0].at("direction").as_string(), "out");
  EXPECT_EQ(e[0].at("title").as_string(), "Renewal of the MoU");
  EXPECT_EQ(e[0].at("count").as_int64(), 1);  // one visitor
  EXPECT_EQ(e[1].at("direction").as_string(), "out");
  EXPECT_EQ(e[2].at("amount").as_string(), "GBP 20000.00");
  EXPECT_EQ(e[2].at("direction").as_string(), "in");
  EXPECT_EQ(e[3].at("direction").as_string(), "in");
  EXPECT_EQ(e[3].at("who").as_string(), "Medwin Hughes");
  for (std::size_t i = 1; i < e.size(); ++i) {
    EXPECT_GE(e[i - 1].at("on").as_string(), e[i].at("on").as_string());
  }
  EXPECT_EQ(h.at("letters_in").as_int64(), 1);
  EXPECT_EQ(h.at("letters_out").as_int64(), 1);
  EXPECT_EQ(h.at("visits").as_int64(), 1);
  EXPECT_EQ(h.at("donations").as_int64(), 1);
  EXPECT_FALSE(h.at("truncated").as_bool());
  // The partner with its contacts in full (the read above is audited for that).
  EXPECT_EQ(h.at("partner").at("contacts").as_array()[0].at("email").as_string(), "vc@uwtsd.example");

  // The briefing PDF, in English and in Chinese, audited as an export.
  const auto exports = Audited("entity=partner&action=export");
  auto pdf = office_->Get(url + "/history.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  const std::string en = PdfText(pdf.body);
  for (const char* want : {"Partner briefing", "University of Wales Trinity Saint David", "vc@uwtsd.example",
                           "Renewal of the MoU", "Letter of thanks", "GBP 20000.00", "Donation received",
                           "1 letters in, 1 letters out, 1 visits, 1 donations", "MoU, Europe"}) {
    EXPECT_NE(en.find(want), std::string::npos) << want << "\n" << en;
  }
  office_->SetLanguage("zh-CN");
  const std::string zh = PdfText(office_->Get(url + "/history.pdf").body);
  for (const char* want : {"合作伙伴交往情况", "英国威尔士三一圣大卫大学", "受赠", "去函", "出访"}) {
    EXPECT_NE(zh.find(want), std::string::npos) << want << "\n" << zh;
  }
  EXPECT_EQ(Audited("entity=partner&action=export"), exports + 2);
}

TEST_F(HistoryApiTest, DepartmentReadersSeeNoDonationsOutsideTheirScopeAndOtherIdsAreRefused) {
  auto hr = server_.As("hr");
  const auto uwtsd = PartnerId("trinity");  // assigned to HR; its donation is kept by INTL
  auto r = hr->Get("/api/v1/partners/" + std::to_string(uwtsd) + "/history");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto h = r.Json().as_object();
  EXPECT_EQ(Kinds(h), (std::vector<std::string>{"letter", "letter"}));
  EXPECT_EQ(h.at("donations").as_int64(), 0);
  // Not assigned to HR, not existing, not for foreign staff.
  const auto pakistan = std::to_string(PartnerId("junaid"));
  EXPECT_EQ(hr->Get("/api/v1/partners/" + pakistan + "/history").ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(hr->Get("/api/v1/partners/" + pakistan + "/history.pdf").ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(office_->Get("/api/v1/partners/999999/history").status, 404);
  EXPECT_EQ(server_.As("foreign")->Get("/api/v1/partners/" + pakistan + "/history").status, 403);
  // The embassy's history holds the visit of the demo with the Pakistani people visited.
  const auto embassy = office_->Get("/api/v1/partners/" + pakistan + "/history").Json();
  bool visit = false;
  for (const auto& e : embassy.at("entries").as_array()) {
    if (e.at("kind").as_string() == "visit") {
      visit = true;
      EXPECT_GT(e.at("extra").as_int64(), 0);  // people visited
    }
  }
  EXPECT_TRUE(visit);
}

}  // namespace
}  // namespace tongxin::testing
