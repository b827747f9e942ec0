// Importing partners and contacts through the API, on SQLite and on PostgreSQL: headers
// in Chinese or English; rows naming one partner become one partner with its contacts; a
// partner that exists (by English name in any case, or Chinese name) gets only the
// contacts it lacks; every invalid row named by row and field; nothing written until
// confirmed, then all or nothing; the export of the partners imports back as a no-op;
// a partner kept outside the caller's scope and a unit outside it are refused.
#include <gtest/gtest.h>

#include <set>

#include "io/xlsx.hpp"
#include "modules/partners/partners_import.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

const std::map<std::string, std::string> kXlsx = {
    {"Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
const std::map<std::string, std::string> kCsv = {{"Content-Type", "text/csv"}};

class PartnersImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    office_ = server_.As("office");
    admin_ = server_.As("admin");
  }
  std::string Intl() { return "?unit_id=" + std::to_string(server_.UnitId("INTL")); }
  HttpResponse Upload(HttpClient& c, const std::string& bytes, const std::map<std::string, std::string>& type,
                      const std::string& query = "") {
    return c.Request("POST", "/api/v1/partners/imports" + (query.empty() ? Intl() : query), bytes, type);
  }
  static std::set<std::string> Problems(const boost::json::value& pv) {
    std::set<std::string> out;
    for (const auto& is : pv.at("issues").as_array()) {
      out.insert(std::to_string(is.at("row").as_int64()) + ":" + std::string(is.at("field").as_string()) + ":" +
                 std::string(is.at("code").as_string()));
    }
    return out;
  }
  object Partner(const std::string& q) {
    const auto list = office_->Get("/api/v1/partners?q=" + q).Json();
    if (list.at("items").as_array().empty()) return {};
    const auto id = list.at("items").as_array()[0].at("id").as_int64();
    return office_->Get("/api/v1/partners/" + std::to_string(id)).Json().as_object();
  }

  TestServer server_;
  std::unique_ptr<HttpClient> office_, admin_;
};

TEST_F(PartnersImportTest, HeadersInChineseAndEnglish) {
  EXPECT_EQ(partners::PartnerFieldForHeader("英文名称"), "name_en");
  EXPECT_EQ(partners::PartnerFieldForHeader(" English name "), "name_en");
  EXPECT_EQ(partners::PartnerFieldForHeader("信函语言"), "languages");
  EXPECT_EQ(partners::PartnerFieldForHeader("Contact language"), "contact.language");
  EXPECT_EQ(partners::PartnerFieldForHeader("邮箱"), "contact.email");
  EXPECT_EQ(partners::PartnerFieldForHeader("No."), "");
}

TEST_F(PartnersImportTest, APreviewNamesEveryBadRowThenAGoodFileImportsOnConfirm) {
  const auto partners_before = server_.Count("partners");
  const auto contacts_before = server_.Count("partner_contacts");
  io::Sheet bad;
  bad.headers = {"中文名称", "英文名称", "类型", "国家", "城市", "信函语言", "标签", "联系人", "职务", "邮箱", "联系人语言"};
  bad.rows = {
      {"米尼奥大学", "Universidade do Minho", "高校", "pt", "Braga", "pt，en", "MoU、Europe", "Rita Costa", "Reitora",
       "reitoria@uminho.example", "pt"},
      {"", "Universidade do Minho", "", "", "", "", "", "João Silva", "Vice-Reitor", "not-an-email", ""},
      {"", "Nowhere Institute", "university", "XX", "", "english", "", "", "", "", ""},
      {"", "Kind Of Thing", "spaceship", "DE", "", "de", "", "", "", "", ""},
      {"", "Universidade do Minho", "", "", "", "", "", "Rita Costa again", "", "REITORIA@uminho.example", ""},
  };
  auto bytes = io::WriteXlsx({bad});
  ASSERT_TRUE(bytes);
  auto res = Upload(*office_, *bytes, kXlsx);
  ASSERT_EQ(res.status, 201) << res.body;
  const auto pv = res.Json();
  EXPECT_EQ(pv.at("total").as_int64(), 5);
  EXPECT_EQ(pv.at("valid").as_int64(), 1);
  const auto problems = Problems(pv);
  EXPECT_TRUE(problems.count("3:contact.email:validation.invalid_email")) << res.body;
  EXPECT_TRUE(problems.count("4:country:validation.invalid_country")) << res.body;
  EXPECT_TRUE(problems.count("4:languages[0]:partners.language_unknown")) << res.body;
  EXPECT_TRUE(problems.count("5:kind:validation.invalid_choice")) << res.body;
  EXPECT_TRUE(problems.count("6:contact.email:partners.import_contact_repeats")) << res.body;
  for (const auto& is : pv.at("issues").as_array()) EXPECT_FALSE(is.at("message").as_string().empty());
  // The messages are in the caller's language and name the field.
  office_->SetLanguage("zh-CN");
  const auto zh = office_->Get("/api/v1/partners/imports/" + std::string(pv.at("id").as_string())).Json();
  bool named = false;
  for (const auto& is : zh.at("issues").as_array()) {
    named = named || std::string(is.at("message").as_string()).find("联系人邮箱") != std::string::npos;
  }
  EXPECT_TRUE(named) << boost::json::serialize(zh);
  auto refused = office_->Request("POST", "/api/v1/partners/imports/" + std::string(pv.at("id").as_string()) + "/confirm");
  EXPECT_EQ(refused.ErrorCode(), "imports.has_errors");
  EXPECT_EQ(server_.Count("partners"), partners_before);  // a preview writes nothing

  // A good file: a new partner with two contacts, and the Welsh partner (named in lower
  // case) with its known contact and a new one.
  const std::string csv =
      "Chinese name,English name,Kind,Country,City,Letter languages,Tags,Contact,Title,Honorific,Email,Contact language\n"
      "米尼奥大学,Universidade do Minho,university,PT,Braga,\"pt, en\",\"MoU, Europe\",Rita Costa,Reitora,Professora,"
      "reitoria@uminho.example,pt\n"
      ",Universidade do Minho,,,,,,João Silva,Vice-Reitor,Professor,vice@uminho.example,en\n"
      ",university of wales trinity saint david,,,,,,Medwin Hughes,,,vc@uwtsd.example,\n"
      ",university of wales trinity saint david,,,,,,Gwen Evans,International Officer,Ms,gwen@uwtsd.example,en\n";
  auto good = Upload(*office_, csv, kCsv);
  ASSERT_EQ(good.status, 201) << good.body;
  const auto gp = good.Json();
  EXPECT_EQ(gp.at("valid").as_int64(), 4) << good.body;
  EXPECT_TRUE(gp.at("issues").as_array().empty()) << good.body;
  EXPECT_EQ(gp.at("summary").at("new_partners").as_int64(), 1);
  EXPECT_EQ(gp.at("summary").at("existing_partners").as_int64(), 1);
  EXPECT_EQ(gp.at("summary").at("new_contacts").as_int64(), 3);
  EXPECT_EQ(gp.at("summary").at("existing_contacts").as_int64(), 1);
  const std::string id(gp.at("id").as_string());
  auto done = office_->Request("POST", "/api/v1/partners/imports/" + id + "/confirm");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json().at("partners_created").as_int64(), 1);
  EXPECT_EQ(done.Json().at("contacts_added").as_int64(), 3);
  EXPECT_EQ(done.Json().at("contacts_skipped").as_int64(), 1);
  EXPECT_EQ(server_.Count("partners"), partners_before + 1);
  EXPECT_EQ(server_.Count("partner_contacts"), contacts_before + 3);
  EXPECT_EQ(office_->Request("POST", "/api/v1/partners/imports/" + id + "/confirm").ErrorCode(), "imports.already_done");
  // Found by the search index, with what the file said.
  const auto minho = Partner("minho");
  ASSERT_FALSE(minho.empty());
  EXPECT_EQ(minho.at("country").as_string(), "PT");
  EXPECT_EQ(minho.at("languages").as_array().size(), 2u);
  EXPECT_EQ(minho.at("tags").as_array()[0].as_string(), "MoU");
  EXPECT_EQ(minho.at("contacts").as_array().size(), 2u);
  EXPECT_EQ(Partner("%E7%B1%B3%E5%B0%BC%E5%A5%A5").at("id").as_int64(), minho.at("id").as_int64());  // 米尼奥
  EXPECT_EQ(Partner("gwen%20evans").at("name_en").as_string(), "University of Wales Trinity Saint David");
  EXPECT_EQ(admin_->Get("/api/v1/audit?entity=import&action=import").Json().at("total").as_int64(), 1);
  // Someone else's import is not theirs to read.
  EXPECT_EQ(admin_->Get("/api/v1/partners/imports/" + id).status, 404);
}

TEST_F(PartnersImportTest, ThePartnersExportImportsBackAsNothingNew) {
  auto xlsx = office_->Get("/api/v1/partners/export");
  ASSERT_EQ(xlsx.status, 200);
  auto res = Upload(*office_, xlsx.body, kXlsx);
  ASSERT_EQ(res.status, 201) << res.body;
  const auto pv = res.Json();
  EXPECT_TRUE(pv.at("issues").as_array().empty()) << res.body;
  EXPECT_EQ(pv.at("summary").at("new_partners").as_int64(), 0) << res.body;
  EXPECT_EQ(pv.at("summary").at("existing_partners").as_int64(), 11);
  EXPECT_EQ(pv.at("summary").at("new_contacts").as_int64(), 0);
  const auto contacts = server_.Count("partner_contacts");
  ASSERT_EQ(office_->Request("POST", "/api/v1/partners/imports/" + std::string(pv.at("id").as_string()) + "/confirm")
                .status,
            200);
  EXPECT_EQ(server_.Count("partner_contacts"), contacts);
}

TEST_F(PartnersImportTest, ConfirmIsAllOrNothing) {
  const std::string csv =
      "English name,Kind,Country,Contact,Email\n"
      "Polytechnic of Porto,university,PT,Ana Lima,ana@pporto.example\n"
      "Great Lakes Institute of Technology,,,New Person,new@glit.example\n";
  auto res = Upload(*office_, csv, kCsv);
  ASSERT_EQ(res.status, 201) << res.body;
  ASSERT_EQ(res.Json().at("valid").as_int64(), 2) << res.body;
  // Between preview and confirm, the existing partner is merged into another.
  const auto glit = Partner("great%20lakes").at("id").as_int64();
  const auto into = Partner("kansai").at("id").as_int64();
  ASSERT_EQ(office_->Post("/api/v1/partners/" + std::to_string(glit) + "/merge", {{"into_id", into}}).status, 200);
  const auto before = server_.Count("partners");
  auto confirm = office_->Request("POST", "/api/v1/partners/imports/" + std::string(res.Json().at("id").as_string()) +
                                              "/confirm");
  EXPECT_EQ(confirm.status, 409) << confirm.body;
  EXPECT_EQ(confirm.ErrorCode(), "partners.merged");
  EXPECT_EQ(confirm.Json().at("error").at("details").at("row").as_string(), "3");
  EXPECT_EQ(server_.Count("partners"), before);  // Porto was rolled back too
  EXPECT_TRUE(Partner("porto").empty());
}

TEST_F(PartnersImportTest, BadFilesAndScopeAreRefusedClearly) {
  EXPECT_EQ(Upload(*office_, "a,b\n1,2\n", kCsv).ErrorCode(), "imports.missing_column");
  EXPECT_EQ(Upload(*office_, "English name,Country\n", kCsv).ErrorCode(), "imports.no_rows");
  EXPECT_EQ(Upload(*office_, "PK\x03\x04garbage", kXlsx).ErrorCode(), "imports.bad_file");
  EXPECT_EQ(Upload(*office_, "English name\nX\n", {{"Content-Type", "image/png"}}).status, 415);
  // Without a unit column or unit_id, each row says it needs one.
  auto no_unit = Upload(*office_, "English name,Kind,Country\nX U,university,GB\n", kCsv, "?");
  ASSERT_EQ(no_unit.status, 201) << no_unit.body;
  EXPECT_TRUE(Problems(no_unit.Json()).count("2:unit:validation.required"));
  // An office covering only HR: INTL as the default unit is out of its scope, the unit
  // column may not name it, and a partner kept by INTL cannot take its contacts.
  auto made = admin_->Post("/api/v1/admin/users", {{"username", "office_hr"},
                                                   {"display_name", "HR office"},
                                                   {"password", kPassword},
                                                   {"role", "office"},
                                                   {"unit_ids", array{server_.UnitId("HR")}}});
  ASSERT_EQ(made.status, 201) << made.body;
  auto narrow = server_.As("office_hr");
  EXPECT_EQ(Upload(*narrow, "English name,Kind,Country\nX U,university,GB\n", kCsv).ErrorCode(), "auth.out_of_scope");
  auto rows = Upload(*narrow,
                     "English name,Kind,Country,Unit,Contact\n"
                     "Y U,university,GB,INTL,\n"
                     "University of Wales Trinity Saint David,,,HR,Someone\n",
                     kCsv, "?");
  ASSERT_EQ(rows.status, 201) << rows.body;
  const auto problems = Problems(rows.Json());
  EXPECT_TRUE(problems.count("2:unit:imports.unknown_unit")) << rows.body;
  EXPECT_TRUE(problems.count("3:name_en:auth.out_of_scope")) << rows.body;
  // Department staff and foreign staff may not import.
  EXPECT_EQ(Upload(*server_.As("hr"), "English name\nX\n", kCsv).status, 403);
  EXPECT_EQ(Upload(*server_.As("foreign"), "English name\nX\n", kCsv).status, 403);
}

}  // namespace
}  // namespace tongxin::testing
