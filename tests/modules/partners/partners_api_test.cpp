// Partners and correspondence through the API, on SQLite and on PostgreSQL: the bulletin's
// partners (demo data) found by Chinese and Latin substrings on the trigram index; bad
// input named by field in the caller's language; who sees what (office keeps, leaders
// read, department staff see assigned partners only, foreign staff and volunteers none);
// every id route called with an id outside the caller's scope; letters with threads,
// answers due, reminders and attachments; merging duplicates; donors linked; export audited.
#include <gtest/gtest.h>

#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

class PartnersApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    office_ = server_.As("office");
    admin_ = server_.As("admin");
  }

  object Find(HttpClient& c, const std::string& q) {
    auto r = c.Get("/api/v1/partners?q=" + q);
    EXPECT_EQ(r.status, 200) << r.body;
    const auto body = r.Json();
    if (body.at("items").as_array().empty()) {
      ADD_FAILURE() << "no partner matches " << q;
      return {};
    }
    return body.at("items").as_array()[0].as_object();
  }
  std::int64_t Total(HttpClient& c, const std::string& query) {
    auto r = c.Get("/api/v1/partners?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json().at("total").as_int64();
  }
  std::int64_t Audited(const std::string& query) {
    return admin_->Get("/api/v1/audit?" + query).Json().at("total").as_int64();
  }
  object NewPartner(const std::string& en, const std::string& country = "GB") {
    return {{"unit_id", server_.UnitId("INTL")}, {"kind", "university"}, {"name_en", en},
            {"country", country},                {"languages", array{"en"}}};
  }
  object Letter(std::int64_t partner, const std::string& subject) {
    return {{"partner_id", partner}, {"direction", "in"}, {"channel", "email"},
            {"dated_on", "2026-03-01"}, {"subject", subject}};
  }

  TestServer server_;
  std::unique_ptr<HttpClient> office_, admin_;
};

TEST_F(PartnersApiTest, TheBulletinsPartnersAreFoundByChineseAndLatinSubstrings) {
  EXPECT_EQ(Total(*office_, ""), 11);
  // Latin, any case, in the middle of a name (trigram index); Chinese of three characters
  // (index) and of two (scanned); a contact's name; a tag.
  EXPECT_EQ(Find(*office_, "trinity%20saint").at("country").as_string(), "GB");
  EXPECT_EQ(Find(*office_, "%E5%A8%81%E5%B0%94%E5%A3%AB").at("name_en").as_string(),  // 威尔士
            "University of Wales Trinity Saint David");
  EXPECT_EQ(Find(*office_, "%E4%BD%BF%E9%A6%86").at("kind").as_string(), "embassy");  // 使馆
  EXPECT_EQ(Total(*office_, "q=%E4%BD%BF%E9%A6%86"), 2);
  EXPECT_EQ(Find(*office_, "junaid").at("country").as_string(), "PK");
  EXPECT_EQ(Total(*office_, "tag=embassy"), 2);
  EXPECT_EQ(Total(*office_, "country=FR"), 1);
  EXPECT_EQ(Total(*office_, "q=no%20such%20partner"), 0);
  // Lists mask the contacts' email; the partner's page shows it, and that read is audited.
  const auto uwtsd = Find(*office_, "trinity");
  const auto& listed = uwtsd.at("contacts").as_array()[0];
  EXPECT_EQ(listed.at("masked").as_bool(), true);
  EXPECT_NE(listed.at("email").as_string(), "vc@uwtsd.example");
  const std::string url = "/api/v1/partners/" + std::to_string(uwtsd.at("id").as_int64());
  const auto before = Audited("entity=partner&action=read");
  auto page = office_->Get(url);
  ASSERT_EQ(page.status, 200) << page.body;
  const auto full = page.Json();
  EXPECT_EQ(full.at("contacts").as_array()[0].at("email").as_string(), "vc@uwtsd.example");
  EXPECT_EQ(full.at("contacts").as_array()[0].at("honorific").as_string(), "Professor");
  EXPECT_EQ(full.at("languages").as_array()[1].as_string(), "cy");
  EXPECT_EQ(Audited("entity=partner&action=read"), before + 1);
  // The Welsh partner is the donor of the 20,000 GBP.
  const auto donors = office_->Get(url + "/donors").Json();
  ASSERT_EQ(donors.at("items").as_array().size(), 1u);
  EXPECT_EQ(donors.at("items").as_array()[0].at("donation_count").as_int64(), 1);
  // Its letters: the one in and our thanks, in one thread.
  const auto letters =
      office_->Get("/api/v1/partners/letters?partner_id=" + std::to_string(uwtsd.at("id").as_int64())).Json();
  ASSERT_EQ(letters.at("total").as_int64(), 2);
  const auto& thanks = letters.at("items").as_array()[0];
  const auto& incoming = letters.at("items").as_array()[1];
  EXPECT_EQ(thanks.at("direction").as_string(), "out");
  EXPECT_EQ(thanks.at("thread_id").as_int64(), incoming.at("id").as_int64());
  EXPECT_NE(incoming.at("answered_at").as_string(), "");  // the thanks answered it
  // Search over letters: subject and summary.
  EXPECT_EQ(office_->Get("/api/v1/partners/letters?q=soutien").Json().at("total").as_int64(), 1);
}

TEST_F(PartnersApiTest, BadInputIsRefusedNamingTheFieldInTheCallersLanguage) {
  const auto before = server_.Count("partners");
  office_->SetLanguage("zh-CN");
  auto country = office_->Post("/api/v1/partners", NewPartner("X", "UK"));
  EXPECT_EQ(country.status, 400);
  EXPECT_EQ(country.ErrorField(), "country");
  EXPECT_NE(country.body.find("ISO 3166"), std::string::npos) << country.body;
  auto lang = NewPartner("X");
  lang["languages"] = array{"en", "english"};
  auto bad_lang = office_->Post("/api/v1/partners", lang);
  EXPECT_EQ(bad_lang.status, 400);
  EXPECT_EQ(bad_lang.ErrorField(), "languages[1]");
  EXPECT_NE(bad_lang.body.find("ISO 639-1"), std::string::npos) << bad_lang.body;
  office_->SetLanguage("en");
  auto no_name = NewPartner("");
  no_name.erase("name_en");
  EXPECT_EQ(office_->Post("/api/v1/partners", no_name).ErrorField(), "name_zh");
  auto unknown_unit = NewPartner("X");
  unknown_unit["unit_ids"] = array{999999};
  auto u = office_->Post("/api/v1/partners", unknown_unit);
  EXPECT_EQ(u.status, 400);
  EXPECT_EQ(u.ErrorField(), "unit_ids[0]");
  EXPECT_EQ(server_.Count("partners"), before);  // nothing written
  // A contact's email and language; a letter's channel and due day.
  const auto p = office_->Post("/api/v1/partners", NewPartner("Bad Input University"));
  ASSERT_EQ(p.status, 201) << p.body;
  const std::string url = "/api/v1/partners/" + std::to_string(p.Json().at("id").as_int64());
  EXPECT_EQ(office_->Post(url + "/contacts", {{"name", "A"}, {"email", "a@"}}).ErrorField(), "email");
  EXPECT_EQ(office_->Post(url + "/contacts", {{"name", "A"}, {"language", "xx"}}).ErrorField(), "language");
  auto letter = Letter(p.Json().at("id").as_int64(), "S");
  letter["answer_needed"] = true;
  EXPECT_EQ(office_->Post("/api/v1/partners/letters", letter).ErrorField(), "answer_by");
  letter["answer_by"] = "2026-02-30";
  EXPECT_EQ(office_->Post("/api/v1/partners/letters", letter).ErrorField(), "answer_by");
  EXPECT_EQ(office_->Get("/api/v1/partners?country=ZZ").ErrorField(), "country");
  EXPECT_EQ(office_->Get("/api/v1/partners/letters?state=late").ErrorField(), "state");
}

TEST_F(PartnersApiTest, OfficeKeepsLeadersReadDepartmentsSeeAssignedOnlyForeignStaffNone) {
  auto leader = server_.As("leader");
  auto hr = server_.As("hr");
  EXPECT_EQ(Total(*leader, ""), 11);
  EXPECT_EQ(leader->Post("/api/v1/partners", NewPartner("Leader U")).status, 403);
  // HR sees the three partners assigned to it, and none of the others, by any route.
  EXPECT_EQ(Total(*hr, ""), 3);
  const auto pakistan = Find(*office_, "junaid");
  const auto pak_id = std::to_string(pakistan.at("id").as_int64());
  EXPECT_EQ(hr->Get("/api/v1/partners/" + pak_id).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(hr->Get("/api/v1/partners/" + pak_id + "/donors").ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(hr->Get("/api/v1/partners/letters?partner_id=" + pak_id).ErrorCode(), "auth.out_of_scope");
  const auto pak_letters = office_->Get("/api/v1/partners/letters?partner_id=" + pak_id).Json();
  const auto letter_id = std::to_string(pak_letters.at("items").as_array()[0].at("id").as_int64());
  EXPECT_EQ(hr->Get("/api/v1/partners/letters/" + letter_id).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(hr->Get("/api/v1/partners/letters/" + letter_id + "/attachments/1").ErrorCode(), "auth.out_of_scope");
  const auto hr_letters = hr->Get("/api/v1/partners/letters").Json();
  for (const auto& l : hr_letters.at("items").as_array()) {
    EXPECT_NE(l.at("partner_id").as_int64(), pakistan.at("id").as_int64());
  }
  const auto uwtsd = Find(*hr, "trinity");
  EXPECT_EQ(hr->Get("/api/v1/partners/" + std::to_string(uwtsd.at("id").as_int64())).status, 200);
  // Department staff read but do not keep partners or letters.
  EXPECT_EQ(hr->Patch("/api/v1/partners/" + std::to_string(uwtsd.at("id").as_int64()), {{"city", "X"}}).status, 403);
  EXPECT_EQ(hr->Post("/api/v1/partners/letters", Letter(uwtsd.at("id").as_int64(), "S")).status, 403);
  // Foreign staff and volunteers see none of it.
  for (const char* who : {"foreign", "volunteer"}) {
    auto c = server_.As(who);
    EXPECT_EQ(c->Get("/api/v1/partners").status, 403) << who;
    EXPECT_EQ(c->Get("/api/v1/partners/" + pak_id).status, 403) << who;
    EXPECT_EQ(c->Get("/api/v1/partners/letters").status, 403) << who;
  }
  // A unit outside the caller's scope in a body: HR's own partner cannot be kept by HR,
  // and an office account cannot assign a unit it does not cover (admin scope is all).
  auto out = NewPartner("Scope U");
  out["unit_id"] = server_.UnitId("HR");
  EXPECT_EQ(admin_->Post("/api/v1/partners", out).status, 201);
}

TEST_F(PartnersApiTest, LettersThreadAnswersRemindAndCarryCheckedAttachments) {
  const auto pakistan = Find(*office_, "junaid");
  const auto pid = pakistan.at("id").as_int64();
  // An incoming note needing an answer in two days; its handler is the office account.
  auto in = Letter(pid, "Request for a visit");
  in["channel"] = "diplomatic_note";
  in["answer_needed"] = true;
  in["answer_by"] = server_.app().partners().Today();
  in["contact_id"] = pakistan.at("contacts").as_array()[0].at("id").as_int64();
  auto logged = office_->Post("/api/v1/partners/letters", in);
  ASSERT_EQ(logged.status, 201) << logged.body;
  const auto letter = logged.Json();
  const std::string url = "/api/v1/partners/letters/" + std::to_string(letter.at("id").as_int64());
  EXPECT_EQ(letter.at("thread_id").as_int64(), letter.at("id").as_int64());
  EXPECT_EQ(letter.at("language").as_string(), "en");  // the partner's first language
  EXPECT_EQ(Audited("entity=correspondence&action=create&entity_id=" + std::to_string(letter.at("id").as_int64())),
            1);
  EXPECT_GE(office_->Get("/api/v1/partners/letters?state=awaiting").Json().at("total").as_int64(), 1);
  // The scheduler reminds the handler once.
  auto reminders = [&] {
    int n = 0;
    const auto list = office_->Get("/api/v1/notices?page_size=100").Json();
    for (const auto& i : list.at("items").as_array()) {
      if (i.at("kind").as_string() == "answer_due" && i.at("link").as_string() == "/partners/letters/" +
                                                          std::to_string(letter.at("id").as_int64())) {
        ++n;
      }
    }
    return n;
  };
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(reminders(), 1);
  server_.app().scheduler().RunOnce();
  EXPECT_EQ(reminders(), 1);
  // A contact of another partner, a reply across partners: refused, naming the field.
  const auto uwtsd = Find(*office_, "trinity");
  auto wrong_contact = Letter(pid, "S");
  wrong_contact["contact_id"] = uwtsd.at("contacts").as_array()[0].at("id").as_int64();
  EXPECT_EQ(office_->Post("/api/v1/partners/letters", wrong_contact).ErrorField(), "contact_id");
  auto wrong_reply = Letter(uwtsd.at("id").as_int64(), "S");
  wrong_reply["reply_to"] = letter.at("id").as_int64();
  EXPECT_EQ(office_->Post("/api/v1/partners/letters", wrong_reply).ErrorField(), "reply_to");
  // Our answer joins the thread and answers the note.
  auto reply = Letter(pid, "Re: Request for a visit");
  reply["direction"] = "out";
  reply["reply_to"] = letter.at("id").as_int64();
  auto answered = office_->Post("/api/v1/partners/letters", reply);
  ASSERT_EQ(answered.status, 201) << answered.body;
  EXPECT_EQ(answered.Json().at("thread_id").as_int64(), letter.at("id").as_int64());
  EXPECT_NE(office_->Get(url).Json().at("answered_at").as_string(), "");
  EXPECT_EQ(office_->Get("/api/v1/partners/letters?thread_id=" + std::to_string(letter.at("id").as_int64()))
                .Json()
                .at("total")
                .as_int64(),
            2);
  // The scanned note: type from the content, size limit; download audited.
  const std::string pdf = "%PDF-1.4 note verbale";
  auto att = office_->Request("POST", url + "/attachments?filename=note.pdf", pdf, {{"Content-Type", "application/pdf"}});
  ASSERT_EQ(att.status, 201) << att.body;
  const auto att_id = att.Json().at("attachments").as_array()[0].at("id").as_int64();
  EXPECT_EQ(office_->Request("POST", url + "/attachments?filename=x.pdf", "plain text",
                             {{"Content-Type", "application/pdf"}})
                .status,
            415);
  EXPECT_EQ(office_->Request("POST", url + "/attachments?filename=big.pdf", "%PDF" + std::string(6 * 1024 * 1024, 'x'),
                             {{"Content-Type", "application/pdf"}})
                .status,
            413);
  auto got = server_.As("leader")->Get(url + "/attachments/" + std::to_string(att_id));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, pdf);
  EXPECT_EQ(Audited("entity=correspondence_attachment&action=read"), 1);
  EXPECT_EQ(office_->Get(url + "/attachments/999999").status, 404);
}

TEST_F(PartnersApiTest, MergingADuplicateMovesItsContactsLettersAndDonors) {
  const auto uwtsd = Find(*office_, "trinity");
  const auto keep = uwtsd.at("id").as_int64();
  auto dup = NewPartner("UWTSD (duplicate)");
  dup["name_zh"] = "三一圣大卫";
  dup["tags"] = array{"Wales"};
  auto made = office_->Post("/api/v1/partners", dup);
  ASSERT_EQ(made.status, 201) << made.body;
  const auto dup_id = made.Json().at("id").as_int64();
  const std::string dup_url = "/api/v1/partners/" + std::to_string(dup_id);
  ASSERT_EQ(office_->Post(dup_url + "/contacts", {{"name", "Registrar"}, {"email", "reg@uwtsd.example"}}).status, 201);
  ASSERT_EQ(office_->Post("/api/v1/partners/letters", Letter(dup_id, "Exchange students")).status, 201);
  EXPECT_EQ(office_->Post(dup_url + "/merge", {{"into_id", dup_id}}).ErrorField(), "into_id");
  EXPECT_EQ(office_->Post(dup_url + "/merge", {{"into_id", 999999}}).ErrorField(), "into_id");
  auto merged = office_->Post(dup_url + "/merge", {{"into_id", keep}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  const auto into = merged.Json();
  EXPECT_EQ(into.at("contacts").as_array().size(), 2u);
  EXPECT_EQ(into.at("letter_count").as_int64(), 3);
  bool wales = false;
  for (const auto& t : into.at("tags").as_array()) wales = wales || t.as_string() == "Wales";
  EXPECT_TRUE(wales);
  EXPECT_EQ(Total(*office_, "q=duplicate"), 0);  // merged partners leave the list
  EXPECT_EQ(Total(*office_, "q=duplicate&status=merged"), 1);
  EXPECT_EQ(office_->Patch(dup_url, {{"city", "X"}}).ErrorCode(), "partners.merged");
  EXPECT_EQ(Audited("entity=partner&action=merge&entity_id=" + std::to_string(dup_id)), 1);
  // The registrar is now found under the partner kept.
  EXPECT_EQ(Find(*office_, "registrar").at("id").as_int64(), keep);
}

TEST_F(PartnersApiTest, DonorsLinkWithinScopeAndTheExportIsAudited) {
  const auto pakistan = Find(*office_, "junaid");
  const std::string url = "/api/v1/partners/" + std::to_string(pakistan.at("id").as_int64());
  auto listed = office_->Get("/api/v1/supplies/donors?q=Alumni");
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto donor = listed.Json().at("items").as_array()[0].at("id").as_int64();
  EXPECT_EQ(office_->Post(url + "/donors", {{"donor_id", 999999}}).ErrorField(), "donor_id");
  ASSERT_EQ(office_->Post(url + "/donors", {{"donor_id", donor}}).status, 201);
  EXPECT_EQ(office_->Get(url + "/donors").Json().at("items").as_array().size(), 1u);
  ASSERT_EQ(office_->Delete(url + "/donors/" + std::to_string(donor)).status, 200);
  EXPECT_EQ(office_->Delete(url + "/donors/" + std::to_string(donor)).status, 404);
  EXPECT_EQ(Audited("entity=donor&action=link"), 2);  // the demo's and this one
  // The export carries the contacts unmasked, so it is audited.
  auto xlsx = office_->Get("/api/v1/partners/export?country=PK");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");  // a zip
  auto csv = office_->Get("/api/v1/partners/export?format=csv&country=PK");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("junaid@pakembassy.example"), std::string::npos);
  EXPECT_EQ(Audited("entity=partner&action=export"), 2);
}

TEST_F(PartnersApiTest, AManagerOutsideThePartnersKeepingUnitCannotChangeItByAnyRoute) {
  // An office account covering only HR's units: it may read the partners assigned to HR,
  // but every write naming a partner kept by the International Office is out of its scope.
  auto made = admin_->Post("/api/v1/admin/users", {{"username", "office_hr"},
                                                   {"display_name", "HR office"},
                                                   {"password", kPassword},
                                                   {"role", "office"},
                                                   {"unit_ids", array{server_.UnitId("HR")}}});
  ASSERT_EQ(made.status, 201) << made.body;
  auto narrow = server_.As("office_hr");
  const auto uwtsd = Find(*office_, "trinity");  // assigned to HR, kept by INTL
  const auto id = uwtsd.at("id").as_int64();
  const std::string url = "/api/v1/partners/" + std::to_string(id);
  const auto contact = std::to_string(uwtsd.at("contacts").as_array()[0].at("id").as_int64());
  const auto letters = office_->Get("/api/v1/partners/letters?partner_id=" + std::to_string(id)).Json();
  const std::string letter = "/api/v1/partners/letters/" +
                             std::to_string(letters.at("items").as_array()[0].at("id").as_int64());
  const auto donor = office_->Get(url + "/donors").Json().at("items").as_array()[0].at("id").as_int64();
  const auto other = Find(*office_, "junaid").at("id").as_int64();
  EXPECT_EQ(narrow->Get(url).status, 200);
  const auto audit_before = server_.Count("audit_log");
  EXPECT_EQ(narrow->Patch(url, {{"city", "X"}}).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Post(url + "/merge", {{"into_id", other}}).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Post(url + "/contacts", {{"name", "X"}}).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Patch(url + "/contacts/" + contact, {{"title", "X"}}).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Post(url + "/donors", {{"donor_id", donor}}).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Delete(url + "/donors/" + std::to_string(donor)).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Post("/api/v1/partners/letters", Letter(id, "S")).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Patch(letter, {{"subject", "X"}}).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Request("POST", letter + "/attachments?filename=a.pdf", "%PDF-1.4 x",
                            {{"Content-Type", "application/pdf"}})
                .ErrorCode(),
            "auth.out_of_scope");
  // Units in a body: keeping unit and assigned units must lie in its scope too.
  EXPECT_EQ(narrow->Post("/api/v1/partners", NewPartner("Narrow U")).ErrorCode(), "auth.out_of_scope");
  auto assigned = NewPartner("Narrow U");
  assigned["unit_id"] = server_.UnitId("HR");
  assigned["unit_ids"] = array{server_.UnitId("INTL")};
  EXPECT_EQ(narrow->Post("/api/v1/partners", assigned).ErrorCode(), "auth.out_of_scope");
  // A unit named in the list's filter: its own is served, another refused (also for the export).
  EXPECT_EQ(Total(*narrow, "unit_id=" + std::to_string(server_.UnitId("HR"))), 3);
  EXPECT_EQ(narrow->Get("/api/v1/partners?unit_id=" + std::to_string(server_.UnitId("INTL"))).ErrorCode(),
            "auth.out_of_scope");
  EXPECT_EQ(narrow->Get("/api/v1/partners/export?unit_id=" + std::to_string(server_.UnitId("INTL"))).ErrorCode(),
            "auth.out_of_scope");
  EXPECT_EQ(server_.Count("audit_log"), audit_before);  // nothing written
  // Into a partner it cannot change: refused naming into_id's partner's scope.
  auto own = NewPartner("HR's own partner");
  own["unit_id"] = server_.UnitId("HR");
  auto mine = narrow->Post("/api/v1/partners", own);
  ASSERT_EQ(mine.status, 201) << mine.body;
  EXPECT_EQ(narrow->Post("/api/v1/partners/" + std::to_string(mine.Json().at("id").as_int64()) + "/merge",
                         {{"into_id", other}})
                .ErrorCode(),
            "auth.out_of_scope");
}

}  // namespace
}  // namespace tongxin::testing
