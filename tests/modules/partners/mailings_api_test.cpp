// Letter templates and mass letters through the API, on SQLite and on PostgreSQL, with a
// real SMTP server: a template naming a merge field that does not exist is refused naming
// the text and the field, in the caller's language, and nothing is written; a signature
// must be a PNG; the bulletin's letter of sympathy goes to the partner universities of
// three countries, each contact in their language (French for Lyon), previewed, rendered
// as a PDF whose text is the merged letter, sent once per contact with the PDF attached
// and logged in the correspondence; sending twice sends nothing more; a contact without
// email is reported and, once given one, retried; an office outside the keeping unit is
// refused on every route that names a template or mass letter.
#include <gtest/gtest.h>

#include <fstream>

#include "io/attachment.hpp"
#include "support/smtp_listener.hpp"
#include "support/test_env.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

// A 1×1 PNG.
const std::string kPng = io::FromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

class MailingsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    office_ = server_.As("office");
    admin_ = server_.As("admin");
  }

  object Sympathy() {
    return {{"unit_id", server_.UnitId("INTL")},
            {"name", "Letter of sympathy"},
            {"subject_zh", "慰问信"},
            {"body_zh", "{{contact.honorific}}{{contact.name}}：\n\n值此疫情蔓延之际，谨代表{{signer.title}}向{{partner.name}}致以诚挚慰问。"},
            {"subject_en", "A letter of sympathy to {{partner.name}}"},
            {"body_en", "Dear {{contact.honorific}} {{contact.name}},\n\nAs the epidemic spreads, we send "
                        "{{partner.name}} our heartfelt sympathy and support.\n\n{{date}}"},
            {"third_lang", "fr"},
            {"subject_third", "Lettre de sympathie"},
            {"body_third", "{{contact.honorific}} {{contact.name}},\n\nNous adressons à {{partner.name}} notre "
                           "profonde sympathie."},
            {"signer_name_zh", "杨宗凯"},
            {"signer_name_en", "Yang Zongkai"},
            {"signer_title_zh", "校长"},
            {"signer_title_en", "President"},
            {"letterhead_en", "Wuhan University of Technology · International Office"}};
  }
  std::int64_t MakeTemplate() {
    auto r = office_->Post("/api/v1/partners/templates", Sympathy());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json().at("id").as_int64();
  }
  object Recipients(std::int64_t mailing, const std::string& query = "") {
    auto r = office_->Get("/api/v1/partners/mailings/" + std::to_string(mailing) + "/recipients" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json().as_object();
  }
  object RecipientOf(std::int64_t mailing, const std::string& contact_name) {
    const auto list = Recipients(mailing);
    for (const auto& r : list.at("items").as_array()) {
      if (r.at("contact_name").as_string() == contact_name) return r.as_object();
    }
    ADD_FAILURE() << "no recipient " << contact_name;
    return {};
  }
  std::string PdfText(const std::string& pdf) {
    const std::string dir = TempDir("tongxin-letter");
    std::ofstream(dir + "/letter.pdf", std::ios::binary) << pdf;
    return Shell("pdftotext -enc UTF-8 '" + dir + "/letter.pdf' -");
  }
  void RunJobs() { server_.app().scheduler().RunOnce(); }

  SmtpListener smtp_;
  // 07:30 in Shanghai, before the morning check-in reminders: the only email is the letters.
  TestServer server_{{.start_time = "2026-03-01T23:30:00Z", .smtp_url = smtp_.url()}};
  std::unique_ptr<HttpClient> office_, admin_;
};

TEST_F(MailingsApiTest, AnUnknownMergeFieldIsRefusedNamingItAndNothingIsWritten) {
  office_->SetLanguage("zh-CN");
  const auto before = server_.Count("letter_templates");
  auto body = Sympathy();
  body["body_en"] = "Dear {{contact.nmae}},";
  auto r = office_->Post("/api/v1/partners/templates", body);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.ErrorCode(), "partners.unknown_merge_field");
  EXPECT_EQ(r.ErrorField(), "body_en");
  EXPECT_NE(r.body.find("英文正文"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("contact.nmae"), std::string::npos) << r.body;
  body = Sympathy();
  body["subject_zh"] = "慰问 {{partner.name";
  EXPECT_EQ(office_->Post("/api/v1/partners/templates", body).ErrorCode(), "partners.unclosed_merge_field");
  body = Sympathy();
  body["third_lang"] = "xx";
  EXPECT_EQ(office_->Post("/api/v1/partners/templates", body).ErrorField(), "third_lang");
  body = Sympathy();
  body.erase("body_zh");
  EXPECT_EQ(office_->Post("/api/v1/partners/templates", body).ErrorField(), "body_zh");  // a subject without text
  EXPECT_EQ(office_->Post("/api/v1/partners/templates",
                          object{{"unit_id", server_.UnitId("INTL")}, {"name", "Empty"}})
                .ErrorCode(),
            "partners.template_text_needed");
  EXPECT_EQ(server_.Count("letter_templates"), before);
  // A change is checked the same way.
  const auto id = MakeTemplate();
  const std::string url = "/api/v1/partners/templates/" + std::to_string(id);
  EXPECT_EQ(office_->Patch(url, {{"body_zh", "{{donor.name}}"}}).ErrorCode(), "partners.unknown_merge_field");
  auto t = office_->Get(url).Json();
  EXPECT_EQ(t.at("languages").as_array().size(), 3u);
  EXPECT_EQ(t.at("body_zh").as_string(), Sympathy().at("body_zh").as_string());
  EXPECT_EQ(office_->Get("/api/v1/partners/templates").Json().at("merge_fields").as_array().size(), 10u);
}

TEST_F(MailingsApiTest, TheSignatureIsAPngAndTheSampleLetterRenders) {
  const auto id = MakeTemplate();
  const std::string url = "/api/v1/partners/templates/" + std::to_string(id);
  auto jpeg = office_->Request("PUT", url + "/signature", std::string("\xFF\xD8\xFF\xE0 not a png", 14),
                               {{"Content-Type", "image/jpeg"}});
  EXPECT_EQ(jpeg.status, 415) << jpeg.body;
  EXPECT_EQ(jpeg.ErrorCode(), "files.type");
  auto png = office_->Request("PUT", url + "/signature", kPng, {{"Content-Type", "image/png"}});
  ASSERT_EQ(png.status, 200) << png.body;
  EXPECT_EQ(png.Json().at("has_signature").as_bool(), true);
  auto sample = office_->Get(url + "/sample?lang=zh");
  ASSERT_EQ(sample.status, 200) << sample.body;
  ASSERT_EQ(sample.body.substr(0, 5), "%PDF-");
  const std::string text = PdfText(sample.body);
  EXPECT_NE(text.find("慰问信"), std::string::npos) << text;
  EXPECT_NE(text.find("杨宗凯"), std::string::npos) << text;
  EXPECT_NE(text.find("示例大学"), std::string::npos) << text;  // merged: the sample partner
  EXPECT_EQ(text.find("{{"), std::string::npos) << text;
  EXPECT_EQ(office_->Get(url + "/sample?lang=es").ErrorField(), "lang");
  EXPECT_EQ(office_->Delete(url + "/signature").Json().at("has_signature").as_bool(), false);
}

TEST_F(MailingsApiTest, TheLetterOfSympathyGoesToEachContactOnceInTheirLanguageAndIsLogged) {
  const auto tpl = MakeTemplate();
  const auto letters_before = server_.Count("correspondence");
  auto made = office_->Post("/api/v1/partners/mailings",
                            {{"template_id", tpl},
                             {"title", "Sympathy, March 2020"},
                             {"dated_on", "2020-03-12"},
                             {"filter", {{"kind", "university"}, {"countries", array{"FR", "GB", "JP"}}}}});
  ASSERT_EQ(made.status, 201) << made.body;
  const auto mailing = made.Json().at("id").as_int64();
  EXPECT_EQ(made.Json().at("status").as_string(), "draft");
  EXPECT_EQ(made.Json().at("total").as_int64(), 3);
  const std::string url = "/api/v1/partners/mailings/" + std::to_string(mailing);
  // Each contact in their language: French for Lyon, English for the others.
  const auto lyon = RecipientOf(mailing, "Claire Dubois");
  EXPECT_EQ(lyon.at("lang").as_string(), "fr");
  EXPECT_EQ(RecipientOf(mailing, "Medwin Hughes").at("lang").as_string(), "en");
  EXPECT_EQ(RecipientOf(mailing, "Tanaka Kenji").at("lang").as_string(), "en");
  EXPECT_NE(lyon.at("contact_email").as_string(), "presidence@utlyon.example");  // masked in the list
  const std::string lyon_url = url + "/recipients/" + std::to_string(lyon.at("id").as_int64());
  auto preview = office_->Get(lyon_url + "/preview").Json();
  EXPECT_EQ(preview.at("subject").as_string(), "Lettre de sympathie");
  EXPECT_NE(preview.at("body").as_string().find("Madame la Présidente Claire Dubois"), std::string::npos);
  EXPECT_NE(preview.at("body").as_string().find("Université de technologie de Lyon"), std::string::npos);
  const std::string pdf = PdfText(office_->Get(lyon_url + "/pdf").body);
  EXPECT_NE(pdf.find("Claire Dubois"), std::string::npos) << pdf;
  EXPECT_NE(pdf.find("Yang Zongkai"), std::string::npos) << pdf;
  EXPECT_EQ(smtp_.Messages().size(), 0u);  // nothing goes before /send
  RunJobs();
  EXPECT_EQ(smtp_.Messages().size(), 0u);

  auto sent = office_->Post(url + "/send", object{});
  ASSERT_EQ(sent.status, 202) << sent.body;
  EXPECT_EQ(sent.Json().at("status").as_string(), "sending");
  RunJobs();
  ASSERT_TRUE(smtp_.WaitFor(3));
  const auto mails = smtp_.Messages();
  ASSERT_EQ(mails.size(), 3u);
  bool lyon_seen = false;
  for (const auto& m : mails) {
    const auto files = m.Files();
    ASSERT_EQ(files.size(), 1u) << m.data.substr(0, 800);
    EXPECT_EQ(files[0].content_type, "application/pdf");
    EXPECT_EQ(files[0].bytes.substr(0, 5), "%PDF-");
    if (m.to[0] == "<presidence@utlyon.example>") {
      lyon_seen = true;
      EXPECT_EQ(m.Subject(), "Lettre de sympathie");
      EXPECT_NE(m.Body().find("Claire Dubois"), std::string::npos) << m.Body();
      EXPECT_NE(PdfText(files[0].bytes).find("Claire Dubois"), std::string::npos);
    }
  }
  EXPECT_TRUE(lyon_seen);
  auto done = office_->Get(url).Json();
  EXPECT_EQ(done.at("status").as_string(), "done");
  EXPECT_EQ(done.at("sent").as_int64(), 3);
  EXPECT_EQ(done.at("delivered").as_int64(), 3);
  // Logged in the correspondence, out by email, with the PDF attached.
  EXPECT_EQ(server_.Count("correspondence"), letters_before + 3);
  const auto lyon_id = std::to_string(lyon.at("partner_id").as_int64());
  auto logged = office_->Get("/api/v1/partners/letters?direction=out&partner_id=" + lyon_id).Json();
  ASSERT_GE(logged.at("total").as_int64(), 1);
  const auto& letter = logged.at("items").as_array()[0];
  EXPECT_EQ(letter.at("subject").as_string(), "Lettre de sympathie");
  EXPECT_EQ(letter.at("dated_on").as_string(), "2020-03-12");
  EXPECT_EQ(letter.at("attachment_count").as_int64(), 1);
  // Never twice: more passes and a second /send send nothing more.
  RunJobs();
  RunJobs();
  EXPECT_EQ(smtp_.Messages().size(), 3u);
  EXPECT_EQ(office_->Post(url + "/send", object{}).ErrorCode(), "partners.mailing_not_draft");
  EXPECT_EQ(server_.Count("correspondence"), letters_before + 3);
}

TEST_F(MailingsApiTest, AContactWithoutEmailIsReportedAndRetriedOnceItHasOne) {
  const auto tpl = MakeTemplate();
  auto p = office_->Post("/api/v1/partners", {{"unit_id", server_.UnitId("INTL")},
                                              {"kind", "embassy"},
                                              {"name_en", "Embassy of Egypt in China"},
                                              {"country", "EG"}});
  ASSERT_EQ(p.status, 201) << p.body;
  const auto partner = p.Json().at("id").as_int64();
  const std::string purl = "/api/v1/partners/" + std::to_string(partner);
  auto with = office_->Post(purl + "/contacts", {{"name", "Ahmed Farouk"}, {"email", "counsellor@eg.example"}});
  ASSERT_EQ(with.status, 201) << with.body;
  auto without = office_->Post(purl + "/contacts", {{"name", "Mona Said"}, {"language", "en"}});
  ASSERT_EQ(without.status, 201) << without.body;
  // The same mailbox twice gets one letter.
  ASSERT_EQ(office_->Post(purl + "/contacts", {{"name", "Front desk"}, {"email", "COUNSELLOR@eg.example"}}).status,
            201);
  auto made = office_->Post("/api/v1/partners/mailings",
                            {{"template_id", tpl}, {"title", "Egypt"}, {"dated_on", "2020-03-12"},
                             {"partner_ids", array{partner}}});
  ASSERT_EQ(made.status, 201) << made.body;
  const auto mailing = made.Json().at("id").as_int64();
  EXPECT_EQ(made.Json().at("total").as_int64(), 2);
  const std::string url = "/api/v1/partners/mailings/" + std::to_string(mailing);
  ASSERT_EQ(office_->Post(url + "/send", object{}).status, 202);
  RunJobs();
  ASSERT_TRUE(smtp_.WaitFor(1));
  auto m = office_->Get(url).Json();
  EXPECT_EQ(m.at("sent").as_int64(), 1);
  EXPECT_EQ(m.at("no_email").as_int64(), 1);
  EXPECT_EQ(m.at("status").as_string(), "done");
  const auto missing = Recipients(mailing, "?status=no_email").at("items").as_array();
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].at("contact_name").as_string(), "Mona Said");
  EXPECT_EQ(missing[0].at("has_email").as_bool(), false);
  // Given an address, the contact is retried; the one already sent is not sent again.
  const auto mona = std::to_string(missing[0].at("contact_id").as_int64());
  ASSERT_EQ(office_->Patch(purl + "/contacts/" + mona, {{"email", "mona@eg.example"}}).status, 200);
  auto retried = office_->Post(url + "/retry", object{});
  ASSERT_EQ(retried.status, 202) << retried.body;
  RunJobs();
  ASSERT_TRUE(smtp_.WaitFor(2));
  EXPECT_EQ(smtp_.Messages().size(), 2u);
  EXPECT_EQ(smtp_.Messages()[1].to[0], "<mona@eg.example>");
  m = office_->Get(url).Json();
  EXPECT_EQ(m.at("sent").as_int64(), 2);
  EXPECT_EQ(m.at("no_email").as_int64(), 0);
}

TEST_F(MailingsApiTest, BadInputIsNamedAndOutOfScopeIdsAreRefused) {
  const auto tpl = MakeTemplate();
  const auto mailings_before = server_.Count("mailings");  // the demo's draft
  EXPECT_EQ(office_->Post("/api/v1/partners/mailings", {{"template_id", tpl}, {"title", "X"}, {"dated_on", "2020-13-01"}})
                .ErrorField(),
            "dated_on");
  EXPECT_EQ(office_->Post("/api/v1/partners/mailings",
                          {{"template_id", tpl}, {"title", "X"}, {"dated_on", "2020-03-01"},
                           {"filter", {{"countries", array{"FR", "ZZ"}}}}})
                .ErrorField(),
            "filter.countries[1]");
  EXPECT_EQ(office_->Post("/api/v1/partners/mailings",
                          {{"template_id", tpl}, {"title", "X"}, {"dated_on", "2020-03-01"},
                           {"filter", {{"countries", array{"AQ"}}}}})
                .ErrorCode(),
            "partners.no_recipients");
  EXPECT_EQ(office_->Post("/api/v1/partners/mailings", {{"template_id", 999999}, {"title", "X"}, {"dated_on", "2020-03-01"}})
                .ErrorField(),
            "template_id");
  auto made = office_->Post("/api/v1/partners/mailings",
                            {{"template_id", tpl}, {"title", "All"}, {"dated_on", "2020-03-01"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string url = "/api/v1/partners/mailings/" + std::to_string(made.Json().at("id").as_int64());
  const auto rid = std::to_string(Recipients(made.Json().at("id").as_int64()).at("items").as_array()[0].at("id").as_int64());
  EXPECT_EQ(office_->Get(url + "/recipients?status=lost").ErrorField(), "status");

  // An office account of another unit: every id outside its scope is refused, nothing written.
  ASSERT_EQ(admin_->Post("/api/v1/admin/users", {{"username", "office_hr"},
                                                {"display_name", "HR office"},
                                                {"password", kPassword},
                                                {"role", "office"},
                                                {"unit_ids", array{server_.UnitId("HR")}}})
                .status,
            201);
  auto narrow = server_.As("office_hr");
  const std::string turl = "/api/v1/partners/templates/" + std::to_string(tpl);
  const auto audit_before = server_.Count("audit_log");
  EXPECT_EQ(narrow->Get("/api/v1/partners/templates").Json().at("items").as_array().size(), 0u);
  EXPECT_EQ(narrow->Get(turl).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Patch(turl, {{"name", "X"}}).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Request("PUT", turl + "/signature", kPng, {{"Content-Type", "image/png"}}).ErrorCode(),
            "auth.out_of_scope");
  EXPECT_EQ(narrow->Delete(turl + "/letterhead").ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Get(turl + "/sample?lang=en").ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Post("/api/v1/partners/templates", {{"unit_id", server_.UnitId("INTL")}, {"name", "X"},
                                                        {"subject_en", "S"}, {"body_en", "B"}})
                .ErrorCode(),
            "auth.out_of_scope");
  EXPECT_EQ(narrow->Post("/api/v1/partners/mailings", {{"template_id", tpl}, {"title", "X"}, {"dated_on", "2020-03-01"}})
                .ErrorCode(),
            "auth.out_of_scope");
  const auto uwtsd = office_->Get("/api/v1/partners?q=trinity").Json().at("items").as_array()[0].at("id").as_int64();
  EXPECT_EQ(narrow->Get("/api/v1/partners/mailings").Json().at("total").as_int64(), 0);  // none of HR's
  EXPECT_EQ(narrow->Get(url).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Get(url + "/recipients").ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Get(url + "/recipients/" + rid + "/preview").ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Get(url + "/recipients/" + rid + "/pdf").ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Post(url + "/send", object{}).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Post(url + "/retry", object{}).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(server_.Count("audit_log"), audit_before);
  // A partner assigned to HR but kept by INTL is not HR's to write to, even with HR's own template.
  auto own = narrow->Post("/api/v1/partners/templates", {{"unit_id", server_.UnitId("HR")}, {"name", "HR"},
                                                          {"subject_en", "S"}, {"body_en", "B"}});
  ASSERT_EQ(own.status, 201) << own.body;
  EXPECT_EQ(narrow->Post("/api/v1/partners/mailings", {{"template_id", own.Json().at("id").as_int64()}, {"title", "X"},
                                                       {"dated_on", "2020-03-01"}, {"partner_ids", array{uwtsd}}})
                .ErrorCode(),
            "auth.out_of_scope");
  EXPECT_EQ(narrow->Post("/api/v1/partners/mailings",
                         {{"template_id", own.Json().at("id").as_int64()}, {"title", "X"}, {"dated_on", "2020-03-01"},
                          {"filter", {{"unit_id", server_.UnitId("INTL")}}}})
                .ErrorCode(),
            "auth.out_of_scope");
  EXPECT_EQ(server_.Count("mailings"), mailings_before + 1);
}

TEST_F(MailingsApiTest, ALetterToOurForeignStaffReachesEachInTheirLanguageInAppAndByEmail) {
  const auto tpl = MakeTemplate();
  // A British colleague with neither email nor account, who reads Chinese.
  auto added = office_->Post("/api/v1/people", {{"unit_id", server_.UnitId("SIE")},
                                               {"name_zh", "莲恩"},
                                               {"name_latin", "Harriet Lane"},
                                               {"category", "foreign_staff"},
                                               {"nationality", "GB"},
                                               {"language", "zh-CN"}});
  ASSERT_EQ(added.status, 201) << added.body;
  const auto british = office_->Get("/api/v1/people?category=foreign_staff&nationality=GB").Json();
  const auto count = british.at("total").as_int64();
  ASSERT_EQ(count, 2);  // Oliver Bennett (demo, with an account) and Harriet Lane
  const auto letters_before = server_.Count("correspondence");
  auto made = office_->Post("/api/v1/partners/mailings", {{"template_id", tpl},
                                                         {"audience", "people"},
                                                         {"title", "To our British colleagues"},
                                                         {"dated_on", "2020-02-02"},
                                                         {"people", {{"nationalities", array{"GB"}}}}});
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.Json().at("audience").as_string(), "people");
  EXPECT_EQ(made.Json().at("total").as_int64(), count);
  const auto mailing = made.Json().at("id").as_int64();
  const std::string url = "/api/v1/partners/mailings/" + std::to_string(mailing);
  const auto oliver = RecipientOf(mailing, "Oliver Bennett");
  EXPECT_FALSE(oliver.at("person_id").is_null());
  EXPECT_EQ(oliver.at("lang").as_string(), "en");
  EXPECT_EQ(oliver.at("partner_name").as_string(), "School of International Education");  // their unit
  EXPECT_EQ(RecipientOf(mailing, "Harriet Lane").at("lang").as_string(), "zh");
  const std::string oliver_url = url + "/recipients/" + std::to_string(oliver.at("id").as_int64());
  const auto preview = office_->Get(oliver_url + "/preview").Json();
  EXPECT_NE(preview.at("body").as_string().find("Dear Oliver Bennett,"), std::string::npos) << preview;
  EXPECT_NE(preview.at("subject").as_string().find("School of International Education"), std::string::npos);
  EXPECT_NE(PdfText(office_->Get(oliver_url + "/pdf").body).find("Oliver Bennett"), std::string::npos);

  ASSERT_EQ(office_->Post(url + "/send", object{}).status, 202);
  RunJobs();
  ASSERT_TRUE(smtp_.WaitFor(1));
  const auto mails = smtp_.Messages();
  ASSERT_EQ(mails.size(), 1u);  // Harriet has no address
  const auto files = mails[0].Files();
  ASSERT_EQ(files.size(), 1u);
  EXPECT_NE(PdfText(files[0].bytes).find("Oliver Bennett"), std::string::npos);
  auto done = office_->Get(url).Json();
  EXPECT_EQ(done.at("status").as_string(), "done");
  EXPECT_EQ(done.at("sent").as_int64(), 1);
  EXPECT_EQ(done.at("no_email").as_int64(), 1);
  // In-app for the colleague with an account, in the letter's language.
  auto foreign = server_.As("foreign");
  const auto notices = foreign->Get("/api/v1/notices").Json();
  bool found = false;
  for (const auto& n : notices.at("items").as_array()) {
    found = found || std::string(n.at("subject").as_string()).find("A letter of sympathy") != std::string::npos;
  }
  EXPECT_TRUE(found) << notices;
  // Not partner correspondence; each delivery audited on the person.
  EXPECT_EQ(server_.Count("correspondence"), letters_before);
  EXPECT_EQ(admin_->Get("/api/v1/audit?entity=person&action=mail").Json().at("total").as_int64(), count);
  // Never twice.
  RunJobs();
  EXPECT_EQ(smtp_.Messages().size(), 1u);
}

TEST_F(MailingsApiTest, LettersToPeopleRefuseBadFiltersAndKeepToTheCallersScope) {
  const auto tpl = MakeTemplate();
  const auto mailings_before = server_.Count("mailings");
  object body{{"template_id", tpl}, {"audience", "people"}, {"title", "T"}, {"dated_on", "2020-02-02"}};
  auto bad = body;
  bad["people"] = {{"categories", array{"martians"}}, {"nationalities", array{"XX"}}};
  auto r = office_->Post("/api/v1/partners/mailings", bad);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.ErrorField(), "people.categories[0]");
  auto nobody = body;
  nobody["people"] = {{"nationalities", array{"AQ"}}};
  EXPECT_EQ(office_->Post("/api/v1/partners/mailings", nobody).ErrorCode(), "partners.no_people");
  auto audience = body;
  audience["audience"] = "everyone";
  EXPECT_EQ(office_->Post("/api/v1/partners/mailings", audience).ErrorField(), "audience");
  // An office covering only HR: a unit outside it is refused, and it reaches only the
  // people of its own units (no foreign staff work in HR).
  auto made = admin_->Post("/api/v1/admin/users", {{"username", "office_hr"},
                                                   {"display_name", "HR office"},
                                                   {"password", kPassword},
                                                   {"role", "office"},
                                                   {"unit_ids", array{server_.UnitId("HR")}}});
  ASSERT_EQ(made.status, 201) << made.body;
  auto narrow = server_.As("office_hr");
  auto own = narrow->Post("/api/v1/partners/templates", [&] {
    auto t = Sympathy();
    t["unit_id"] = server_.UnitId("HR");
    return t;
  }());
  ASSERT_EQ(own.status, 201) << own.body;
  auto mine = body;
  mine["template_id"] = own.Json().at("id").as_int64();
  auto outside = mine;
  outside["people"] = {{"unit_id", server_.UnitId("SIE")}};
  EXPECT_EQ(narrow->Post("/api/v1/partners/mailings", outside).ErrorCode(), "auth.out_of_scope");
  EXPECT_EQ(narrow->Post("/api/v1/partners/mailings", mine).ErrorCode(), "partners.no_people");
  EXPECT_EQ(server_.Count("mailings"), mailings_before);  // refused ones leave nothing
}

}  // namespace
}  // namespace tongxin::testing
