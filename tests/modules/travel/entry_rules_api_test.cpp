// The entry-control register through the API, on SQLite and on PostgreSQL: measures by
// country, each change a new version with its diff; who a measure affects (people of the
// country's nationality, travellers there or going there) computed within the caller's
// scope; "notify affected" tells each of them once per version in their language and
// records who was told; a material change alerts the office of the travellers there; the
// CSV import and export (COBAP-like); bad input named by field; the office keeps the
// register, everyone reads it.
#include <gtest/gtest.h>

#include <set>

#include "modules/travel/entry_rules_import.hpp"
#include "support/smtp_listener.hpp"
#include "support/test_server.hpp"

namespace tongxin::testing {
namespace {

using boost::json::array;
using boost::json::object;

const std::map<std::string, std::string> kCsv = {{"Content-Type", "text/csv"}};

class EntryRulesApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    office_ = server_.As("office");
    foreign_ = server_.As("foreign");
  }
  static std::string Url(std::int64_t id) { return "/api/v1/entry-rules/" + std::to_string(id); }
  std::int64_t RuleOf(const std::string& country) {
    const auto list = office_->Get("/api/v1/entry-rules?country=" + country).Json();
    const auto& items = list.at("items").as_array();
    if (items.empty()) {
      ADD_FAILURE() << "no rule of " << country;
      return 0;
    }
    return items[0].at("id").as_int64();
  }
  static int NoticesAbout(HttpClient& c, const std::string& text) {
    const auto notices = c.Get("/api/v1/notices?page_size=200").Json();
    int n = 0;
    for (const auto& x : notices.at("items").as_array()) {
      n += std::string(x.at("subject").as_string()).find(text) != std::string::npos ? 1 : 0;
    }
    return n;
  }
  static std::set<std::string> Names(const boost::json::value& affected) {
    std::set<std::string> out;
    for (const auto& a : affected.at("items").as_array()) out.insert(std::string(a.at("name").as_string()));
    return out;
  }
  object GbBan() {
    return {{"country", "gb"},
            {"measure", "entry_ban"},
            {"summary_en", "Entry of foreign nationals arriving from China suspended."},
            {"summary_zh", "暂停自中国入境的外国公民入境。"},
            {"effective_from", "2020-04-02"},
            {"source_authority", "UK Home Office"},
            {"source_url", "https://www.gov.uk/"}};
  }

  // 10:00 in Wuhan on 1 April 2020 (before the check-in reminders of the afternoon).
  SmtpListener smtp_;
  TestServer server_{ServerOptions{.start_time = "2020-04-01T02:00:00Z", .smtp_url = smtp_.url()}};
  std::unique_ptr<HttpClient> office_, foreign_;
};

TEST_F(EntryRulesApiTest, EachChangeIsAVersionWithItsDiffAndAlertsTheOfficeOfTravellersThere) {
  // The demo register: South Korea's quarantine in two versions, the newest first.
  const auto kr = office_->Get(Url(RuleOf("KR"))).Json();
  EXPECT_EQ(kr.at("version").as_int64(), 2);
  EXPECT_EQ(kr.at("state").as_string(), "current");
  const auto& versions = kr.at("versions").as_array();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].at("version").as_int64(), 2);
  std::set<std::string> changed;
  for (const auto& c : versions[0].at("changes").as_array()) changed.insert(std::string(c.at("field").as_string()));
  EXPECT_EQ(changed, (std::set<std::string>{"summary_zh", "summary_en", "effective_from"}));
  EXPECT_EQ(office_->Get("/api/v1/entry-rules?state=upcoming").Json().at("total").as_int64(), 1);  // the UK's

  // A ban on the UK, where Oliver Bennett is stranded and Zhang Wei is going: the office hears of both.
  auto made = office_->Post("/api/v1/entry-rules", GbBan());
  ASSERT_EQ(made.status, 201) << made.body;
  const auto rule = made.Json();
  const std::int64_t id = rule.at("id").as_int64();
  EXPECT_EQ(rule.at("country").as_string(), "GB");
  EXPECT_EQ(rule.at("version").as_int64(), 1);
  EXPECT_EQ(rule.at("travellers_alerted").as_int64(), 2);
  EXPECT_EQ(NoticesAbout(*office_, "Oliver Bennett"), 1);
  EXPECT_EQ(NoticesAbout(*office_, "张伟"), 1);  // the office reads Chinese

  // A reworded source is a new version but no alert; the same values again are no version.
  auto reworded = office_->Patch(Url(id), {{"source_ref", "HO 2020/14"}}).Json();
  EXPECT_EQ(reworded.at("version").as_int64(), 2);
  EXPECT_EQ(reworded.at("travellers_alerted").as_int64(), 0);
  EXPECT_EQ(office_->Patch(Url(id), {{"source_ref", "HO 2020/14"}}).Json().at("version").as_int64(), 2);
  // An end date is material: alerted again, once.
  auto ended = office_->Patch(Url(id), {{"effective_to", "2020-05-31"}}).Json();
  EXPECT_EQ(ended.at("version").as_int64(), 3);
  EXPECT_EQ(ended.at("travellers_alerted").as_int64(), 2);
  EXPECT_EQ(NoticesAbout(*office_, "Oliver Bennett"), 2);
  const auto& v = ended.at("versions").as_array();
  ASSERT_EQ(v.size(), 3u);
  ASSERT_EQ(v[0].at("changes").as_array().size(), 1u);
  EXPECT_EQ(v[0].at("changes").as_array()[0].at("field").as_string(), "effective_to");
  EXPECT_EQ(v[0].at("changes").as_array()[0].at("before").as_string(), "");
  EXPECT_EQ(v[0].at("changes").as_array()[0].at("after").as_string(), "2020-05-31");
  EXPECT_EQ(v[1].at("changes").as_array()[0].at("before").as_string(), "");
  EXPECT_EQ(v[1].at("changes").as_array()[0].at("after").as_string(), "HO 2020/14");
  EXPECT_EQ(v[2].at("changes").as_array().size(), 7u);  // the fields set at first

  // Everyone reads the register, in their language; the audit log has each write.
  auto hr = server_.As("hr");
  const auto read = foreign_->Get(Url(id)).Json();
  EXPECT_EQ(read.at("summary").as_string(), "Entry of foreign nationals arriving from China suspended.");
  EXPECT_EQ(read.at("measure_label").as_string(), "Entry ban");
  EXPECT_EQ(hr->Get("/api/v1/entry-rules?country=GB&measure=entry_ban").Json().at("total").as_int64(), 1);
  EXPECT_EQ(hr->Get("/api/v1/entry-rules?q=home%20office").Json().at("total").as_int64(), 2);
  const auto audit = server_.As("admin")->Get("/api/v1/audit?entity=entry_rule&entity_id=" + std::to_string(id)).Json();
  EXPECT_EQ(audit.at("total").as_int64(), 3);
}

TEST_F(EntryRulesApiTest, NotifyAffectedTellsEachPersonOncePerVersionInTheirLanguage) {
  auto made = office_->Post("/api/v1/entry-rules", GbBan());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::int64_t id = made.Json().at("id").as_int64();
  // Oliver: British and stranded there; Zhang Wei: going there. Nobody told yet.
  const auto audit_before = server_.Count("audit_log");
  auto affected = office_->Get(Url(id) + "/affected").Json();
  EXPECT_EQ(server_.Count("audit_log"), audit_before + 1);  // a read of people
  EXPECT_EQ(Names(affected), (std::set<std::string>{"Oliver Bennett", "Zhang Wei"}));
  EXPECT_EQ(affected.at("told").as_int64(), 0);
  for (const auto& a : affected.at("items").as_array()) {
    if (a.at("name").as_string() == "Oliver Bennett") {
      EXPECT_EQ(a.at("reasons").as_array(), (array{"nationality", "traveller"}));
      EXPECT_EQ(a.at("trip_status").as_string(), "stranded");
    } else {
      EXPECT_EQ(a.at("reasons").as_array(), (array{"traveller"}));
      EXPECT_EQ(a.at("trip_status").as_string(), "planned");
    }
  }

  // Travellers only first: Oliver is told; Zhang Wei has neither an account nor an email.
  auto first = office_->Post(Url(id) + "/notify", {{"reasons", array{"traveller"}}}).Json();
  EXPECT_EQ(first.at("told").as_int64(), 1);
  EXPECT_EQ(first.at("unreachable").as_int64(), 1);
  // Once he has an email, everyone: he is told (in Chinese), Oliver not twice.
  const auto zhang = office_->Get("/api/v1/people?q=Zhang%20Wei").Json().at("items").as_array()[0];
  const std::string person = "/api/v1/people/" + std::to_string(zhang.at("id").as_int64());
  const auto version = office_->Get(person).Json().at("version");
  ASSERT_EQ(office_->Patch(person, {{"email", "zhang.wei@whut.edu.cn"}, {"version", version}}).status, 200);
  auto again = office_->Post(Url(id) + "/notify", object{}).Json();
  EXPECT_EQ(again.at("told").as_int64(), 1);
  EXPECT_EQ(again.at("already_told").as_int64(), 1);
  EXPECT_EQ(again.at("unreachable").as_int64(), 0);
  EXPECT_EQ(office_->Post(Url(id) + "/notify", object{}).Json().at("already_told").as_int64(), 2);
  EXPECT_EQ(server_.Count("entry_rule_notices"), 2);
  // Oliver reads it in English, on his phone; Zhang Wei's email is in Chinese.
  EXPECT_EQ(NoticesAbout(*foreign_, "Entry rules of GB: Entry ban"), 1);
  int zh_mails = 0;
  const auto outbox = server_.As("admin")->Get("/api/v1/admin/outbox?channel=email&page_size=200").Json();
  for (const auto& n : outbox.at("items").as_array()) {
    zh_mails += n.at("subject").as_string() == "GB 入境管制措施：禁止入境" ? 1 : 0;
  }
  EXPECT_EQ(zh_mails, 1);
  affected = office_->Get(Url(id) + "/affected").Json();
  EXPECT_EQ(affected.at("told").as_int64(), 2);
  for (const auto& a : affected.at("items").as_array()) {
    EXPECT_TRUE(a.at("told_current").as_bool());
    EXPECT_EQ(a.at("told_at").as_string(), "2020-04-01T02:00:00Z");
  }

  // A page at a time, counts over everyone; only those told, or not.
  const auto paged = office_->Get(Url(id) + "/affected?page_size=1&page=2").Json();
  ASSERT_EQ(paged.at("items").as_array().size(), 1u);
  EXPECT_EQ(paged.at("items").as_array()[0].at("person_id"), affected.at("items").as_array()[1].at("person_id"));
  EXPECT_EQ(paged.at("total").as_int64(), 2);
  EXPECT_EQ(paged.at("matching").as_int64(), 2);
  EXPECT_EQ(paged.at("told").as_int64(), 2);
  EXPECT_EQ(office_->Get(Url(id) + "/affected?told=false").Json().at("matching").as_int64(), 0);
  EXPECT_EQ(office_->Get(Url(id) + "/affected?told=true").Json().at("matching").as_int64(), 2);
  EXPECT_EQ(office_->Get(Url(id) + "/affected?told=maybe").ErrorField(), "told");

  // A new version: told again, of the new one.
  ASSERT_EQ(office_->Patch(Url(id), {{"effective_to", "2020-05-31"}}).status, 200);
  affected = office_->Get(Url(id) + "/affected").Json();
  EXPECT_EQ(affected.at("told").as_int64(), 0);
  EXPECT_EQ(affected.at("items").as_array()[0].at("told_version").as_int64(), 1);
  EXPECT_EQ(office_->Get(Url(id) + "/affected?told=false").Json().at("items").as_array().size(), 2u);
  EXPECT_EQ(office_->Post(Url(id) + "/notify", object{}).Json().at("told").as_int64(), 2);
  EXPECT_EQ(NoticesAbout(*foreign_, "Entry rules of GB"), 2);
  EXPECT_EQ(server_.Count("entry_rule_notices"), 4);
  // "Again" resends without a second record of the version.
  EXPECT_EQ(office_->Post(Url(id) + "/notify", {{"again", true}}).Json().at("told").as_int64(), 2);
  EXPECT_EQ(NoticesAbout(*foreign_, "Entry rules of GB"), 3);
  EXPECT_EQ(server_.Count("entry_rule_notices"), 4);
  const auto audit = server_.As("admin")->Get("/api/v1/audit?entity=entry_rule&action=notify").Json();
  EXPECT_EQ(audit.at("total").as_int64(), 5);
}

TEST_F(EntryRulesApiTest, BadInputIsNamedByFieldAndWritesNothing) {
  const auto rules_before = server_.Count("entry_rules");
  const auto versions_before = server_.Count("entry_rule_versions");
  const auto audit_before = server_.Count("audit_log");
  auto with = [&](const char* field, boost::json::value value) {
    object o = GbBan();
    o[field] = std::move(value);
    return office_->Post("/api/v1/entry-rules", o);
  };
  EXPECT_EQ(with("country", "XX").ErrorField(), "country");
  EXPECT_EQ(with("country", "XX").status, 400);
  EXPECT_EQ(with("measure", "curfew").ErrorField(), "measure");
  EXPECT_EQ(with("effective_from", "2020-02-30").ErrorField(), "effective_from");
  EXPECT_EQ(with("effective_to", "2020-03-01").ErrorCode(), "entry_rules.ends_before_start");
  EXPECT_EQ(with("effective_to", "2020-03-01").ErrorField(), "effective_to");
  EXPECT_EQ(with("measure", "quarantine").ErrorField(), "quarantine_days");
  EXPECT_EQ(with("source_url", "ftp://gov.uk/x").ErrorField(), "source_url");
  EXPECT_EQ(with("source_url", "javascript:alert(1)").ErrorCode(), "entry_rules.invalid_url");
  EXPECT_EQ(with("quarantine_days", "fourteen").ErrorField(), "quarantine_days");
  object empty = GbBan();
  empty.erase("summary_en");
  empty.erase("summary_zh");
  EXPECT_EQ(office_->Post("/api/v1/entry-rules", empty).ErrorField(), "summary_zh");
  // In the caller's language, naming the field.
  office_->SetLanguage("zh-CN");
  const auto zh = with("effective_to", "2020-03-01").Json();
  EXPECT_NE(std::string(zh.at("error").at("message").as_string()).find("失效日期"), std::string::npos) << zh;
  // A change that would end the rule before it starts, on the stored rule.
  const std::int64_t kr = RuleOf("KR");
  EXPECT_EQ(office_->Patch(Url(kr), {{"effective_to", "2020-01-01"}}).ErrorField(), "effective_to");
  EXPECT_EQ(office_->Patch(Url(kr), {{"quarantine_days", 0}}).ErrorField(), "quarantine_days");
  EXPECT_EQ(office_->Patch(Url(999999), {{"source_ref", "x"}}).status, 404);
  EXPECT_EQ(office_->Get(Url(999999) + "/affected").status, 404);
  EXPECT_EQ(office_->Post(Url(kr) + "/notify", {{"reasons", array{"friends"}}}).ErrorField(), "reasons[0]");
  EXPECT_EQ(office_->Get("/api/v1/entry-rules?country=XX").ErrorField(), "country");
  EXPECT_EQ(office_->Get("/api/v1/entry-rules?state=soon").ErrorField(), "state");
  EXPECT_EQ(server_.Count("entry_rules"), rules_before);
  EXPECT_EQ(server_.Count("entry_rule_versions"), versions_before);
  EXPECT_EQ(server_.Count("audit_log"), audit_before);
}

TEST_F(EntryRulesApiTest, OnlyTheOfficeKeepsTheRegisterAndSeesOnlyThePeopleInItsScope) {
  const std::int64_t it = RuleOf("IT");  // Li Na (International Office) is stranded in Italy; Giulia Rossi is Italian
  auto hr = server_.As("hr");
  EXPECT_EQ(hr->Post("/api/v1/entry-rules", GbBan()).status, 403);
  EXPECT_EQ(foreign_->Patch(Url(it), {{"source_ref", "x"}}).status, 403);
  EXPECT_EQ(hr->Get(Url(it) + "/affected").status, 403);
  EXPECT_EQ(foreign_->Post(Url(it) + "/notify", object{}).status, 403);
  EXPECT_EQ(server_.As("leader")->Get(Url(it)).status, 200);
  EXPECT_EQ(Names(office_->Get(Url(it) + "/affected").Json()), (std::set<std::string>{"Giulia Rossi", "Li Na"}));

  // An office whose unit is SIE only: Giulia, not Li Na, is in its scope.
  auto admin = server_.As("admin");
  ASSERT_EQ(admin->Post("/api/v1/admin/users", {{"username", "office_hr"},
                                                {"display_name", "HR office"},
                                                {"password", kPassword},
                                                {"role", "office"},
                                                {"unit_ids", array{server_.UnitId("SIE")}}})
                .status,
            201);
  auto narrow = server_.As("office_hr");
  EXPECT_EQ(Names(narrow->Get(Url(it) + "/affected").Json()), (std::set<std::string>{"Giulia Rossi"}));
  EXPECT_EQ(narrow->Post(Url(it) + "/notify", object{}).Json().at("told").as_int64(), 1);
  EXPECT_EQ(server_.Count("entry_rule_notices"), 1);
  const auto affected = office_->Get(Url(it) + "/affected").Json();
  EXPECT_EQ(affected.at("told").as_int64(), 1);  // Li Na is still to be told
  for (const auto& a : affected.at("items").as_array()) {
    EXPECT_EQ(a.at("told_current").as_bool(), a.at("name").as_string() == "Giulia Rossi");
  }

  // The export: everyone in scope (or those not told yet), why, and who was told; audited.
  const auto audit_before = server_.Count("audit_log");
  auto csv = office_->Get(Url(it) + "/affected/export?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("Person,Name (Chinese),Name (Latin),Nationality"), std::string::npos) << csv.body.substr(0, 120);
  EXPECT_NE(csv.body.find("Giulia Rossi"), std::string::npos);
  EXPECT_NE(csv.body.find("Li Na"), std::string::npos);
  EXPECT_NE(csv.body.find("Traveller"), std::string::npos);
  EXPECT_NE(csv.body.find("Stranded"), std::string::npos);
  auto untold = office_->Get(Url(it) + "/affected/export?format=csv&told=false").body;
  EXPECT_EQ(untold.find("Giulia Rossi"), std::string::npos);
  EXPECT_NE(untold.find("Li Na"), std::string::npos);
  auto narrow_csv = narrow->Get(Url(it) + "/affected/export?format=csv").body;
  EXPECT_NE(narrow_csv.find("Giulia Rossi"), std::string::npos);
  EXPECT_EQ(narrow_csv.find("Li Na"), std::string::npos);  // outside the narrow office's scope
  office_->SetLanguage("zh-CN");
  auto zh_csv = office_->Get(Url(it) + "/affected/export?format=csv").body;
  EXPECT_NE(zh_csv.find("姓名"), std::string::npos);
  EXPECT_NE(zh_csv.find("滞留"), std::string::npos);
  office_->SetLanguage("en");
  EXPECT_EQ(office_->Get(Url(it) + "/affected/export").body.substr(0, 2), "PK");  // XLSX by default
  EXPECT_EQ(server_.Count("audit_log"), audit_before + 5);
  EXPECT_EQ(hr->Get(Url(it) + "/affected/export").status, 403);
  EXPECT_EQ(office_->Get(Url(999999) + "/affected/export").status, 404);
  EXPECT_EQ(office_->Get(Url(it) + "/affected/export?told=maybe").ErrorField(), "told");
}

TEST_F(EntryRulesApiTest, ImportAndExportInACobapLikeCsv) {
  EXPECT_EQ(travel::RuleFieldForHeader("Policy type"), "measure");
  EXPECT_EQ(travel::RuleFieldForHeader("start_date"), "effective_from");
  EXPECT_EQ(travel::RuleFieldForHeader("生效日期"), "effective_from");
  EXPECT_EQ(travel::RuleFieldForHeader("Source"), "source_authority");
  EXPECT_EQ(travel::MeasureFromText("Complete border closure"), "entry_ban");
  EXPECT_EQ(travel::MeasureFromText("入境隔离"), "quarantine");
  EXPECT_EQ(travel::MeasureFromText("Flight-Restriction"), "flight_restriction");

  // The export reads back as nothing to do.
  auto exported = office_->Get("/api/v1/entry-rules/export?format=csv");
  ASSERT_EQ(exported.status, 200);
  EXPECT_EQ(exported.body.rfind("\xEF\xBB\xBF" "country,policy_type,start_date,end_date", 0) == 0 ||
                exported.body.rfind("country,policy_type,start_date,end_date", 0) == 0,
            true)
      << exported.body.substr(0, 80);
  auto back = office_->Request("POST", "/api/v1/entry-rules/imports", exported.body, kCsv);
  ASSERT_EQ(back.status, 201) << back.body;
  EXPECT_EQ(back.Json().at("summary").at("unchanged_rules").as_int64(), 5);
  EXPECT_EQ(back.Json().at("valid").as_int64(), 5);

  // Rows of COBAP's kind: a new rule, a change to South Korea's, and bad rows.
  const std::string csv =
      "country,policy_type,start_date,end_date,summary_en,quarantine_days,source,source_url\n"
      "FR,Partial border closure,2020/3/17,,Entry to the Schengen area closed to non-EU nationals.,,Élysée,"
      "https://www.elysee.fr/\n"
      "KR,quarantine,2020-03-24,2020-06-30,\"All arrivals, Korean nationals included, are quarantined for 14 "
      "days.\",14,Korea Disease Control and Prevention Agency,https://www.kdca.go.kr/\n"
      "ZZ,entry ban,2020-03-20,,Unknown,,,\n"
      "DE,curfew,2020-03-20,,Unknown measure,,,\n"
      "DE,entry ban,2020-03-20,2020-03-01,Ends first,,,\n"
      "FR,Partial border closure,2020-03-17,,The same as row 2,,,\n";
  auto bad = office_->Request("POST", "/api/v1/entry-rules/imports", csv, kCsv);
  ASSERT_EQ(bad.status, 201) << bad.body;
  const auto pv = bad.Json();
  EXPECT_EQ(pv.at("total").as_int64(), 6);
  EXPECT_EQ(pv.at("valid").as_int64(), 2);
  std::set<std::string> problems;
  for (const auto& is : pv.at("issues").as_array()) {
    problems.insert(std::to_string(is.at("row").as_int64()) + ":" + std::string(is.at("field").as_string()));
  }
  EXPECT_EQ(problems, (std::set<std::string>{"4:country", "5:measure", "6:effective_to", "7:effective_from"}));
  const std::string bad_id(pv.at("id").as_string());
  EXPECT_EQ(office_->Request("POST", "/api/v1/entry-rules/imports/" + bad_id + "/confirm").ErrorCode(),
            "imports.has_errors");
  EXPECT_EQ(server_.As("hr")->Request("POST", "/api/v1/entry-rules/imports", csv, kCsv).status, 403);

  // The good rows: one new rule, one new version; then nothing again.
  const std::string good = csv.substr(0, csv.find("ZZ,"));
  auto ok = office_->Request("POST", "/api/v1/entry-rules/imports", good, kCsv).Json();
  EXPECT_EQ(ok.at("summary").at("new_rules").as_int64(), 1);
  EXPECT_EQ(ok.at("summary").at("changed_rules").as_int64(), 1);
  const std::string ok_id(ok.at("id").as_string());
  EXPECT_EQ(office_->Get("/api/v1/entry-rules/imports/" + ok_id).Json().at("status").as_string(), "pending");
  EXPECT_EQ(server_.As("admin")->Get("/api/v1/entry-rules/imports/" + ok_id).ErrorCode(), "imports.not_found");
  auto done = office_->Request("POST", "/api/v1/entry-rules/imports/" + ok_id + "/confirm");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json().at("created").as_int64(), 1);
  EXPECT_EQ(done.Json().at("changed").as_int64(), 1);
  EXPECT_EQ(office_->Request("POST", "/api/v1/entry-rules/imports/" + ok_id + "/confirm").status, 409);
  const auto fr = office_->Get(Url(RuleOf("FR"))).Json();
  EXPECT_EQ(fr.at("measure").as_string(), "entry_ban");
  EXPECT_EQ(fr.at("effective_from").as_string(), "2020-03-17");
  const auto kr = office_->Get(Url(RuleOf("KR"))).Json();
  EXPECT_EQ(kr.at("version").as_int64(), 3);
  EXPECT_EQ(kr.at("effective_to").as_string(), "2020-06-30");
  EXPECT_EQ(kr.at("versions").as_array()[0].at("changes").as_array()[0].at("field").as_string(), "effective_to");
  auto twice = office_->Request("POST", "/api/v1/entry-rules/imports", good, kCsv).Json();
  EXPECT_EQ(twice.at("summary").at("unchanged_rules").as_int64(), 2);

  // XLSX too, filtered.
  auto xlsx = office_->Get("/api/v1/entry-rules/export?country=KR");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

}  // namespace
}  // namespace tongxin::testing
