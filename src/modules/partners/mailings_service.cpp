// Letter templates and mass letters.
#include "modules/partners/mailings_service.hpp"

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>

#include "auth/guard.hpp"
#include "core/text.hpp"
#include "io/attachment.hpp"
#include "modules/partners/letter_pdf.hpp"
#include "modules/partners/partners_repo.hpp"

namespace tongxin::partners {
namespace {

constexpr std::size_t kMaxImageBytes = 1024 * 1024;
constexpr int kClaim = 20;  // recipients per claim

core::Error NotFoundOr(std::string_view field, const char* reason) {
  if (field.empty()) return core::NotFound(reason);
  return core::FieldInvalid(std::string(field), reason);
}

void Apply(LetterTemplate& t, const TemplateInput& in) {
  if (in.unit_id) t.unit_id = *in.unit_id;
  if (in.name) t.name = *in.name;
  for (auto [member, value] :
       std::initializer_list<std::pair<std::string LetterTemplate::*, const std::optional<std::string>*>>{
           {&LetterTemplate::subject_zh, &in.subject_zh},
           {&LetterTemplate::body_zh, &in.body_zh},
           {&LetterTemplate::subject_en, &in.subject_en},
           {&LetterTemplate::body_en, &in.body_en},
           {&LetterTemplate::third_lang, &in.third_lang},
           {&LetterTemplate::subject_third, &in.subject_third},
           {&LetterTemplate::body_third, &in.body_third},
           {&LetterTemplate::letterhead_zh, &in.letterhead_zh},
           {&LetterTemplate::letterhead_en, &in.letterhead_en},
           {&LetterTemplate::signer_name_zh, &in.signer_name_zh},
           {&LetterTemplate::signer_name_en, &in.signer_name_en},
           {&LetterTemplate::signer_title_zh, &in.signer_title_zh},
           {&LetterTemplate::signer_title_en, &in.signer_title_en},
       }) {
    if (*value) t.*member = **value;
  }
  if (in.active) t.active = *in.active;
}

std::string AuditJson(const LetterTemplate& t) {
  return boost::json::serialize(boost::json::object{{"unit_id", t.unit_id},
                                                    {"name", t.name},
                                                    {"languages", boost::json::value_from(TemplateLanguages(t))},
                                                    {"subject_zh", t.subject_zh},
                                                    {"subject_en", t.subject_en},
                                                    {"third_lang", t.third_lang},
                                                    {"signer_name_zh", t.signer_name_zh},
                                                    {"signer_name_en", t.signer_name_en},
                                                    {"active", t.active}});
}

std::string FilterJson(const MailingInput& in) {
  boost::json::object o;
  const auto& f = in.filter;
  if (!f.q.empty()) o["q"] = f.q;
  if (!f.kind.empty()) o["kind"] = f.kind;
  if (!f.country.empty()) o["country"] = f.country;
  if (!f.countries.empty()) o["countries"] = boost::json::value_from(f.countries);
  if (!f.tag.empty()) o["tag"] = f.tag;
  if (f.unit_id) o["unit_id"] = *f.unit_id;
  if (!in.partner_ids.empty()) o["partner_ids"] = boost::json::value_from(in.partner_ids);
  if (in.primary_only) o["primary_only"] = true;
  if (in.audience == "people") {
    boost::json::object pf{{"categories", boost::json::value_from(in.people.categories)}};
    if (!in.people.nationalities.empty()) pf["nationalities"] = boost::json::value_from(in.people.nationalities);
    if (in.people.unit_id) pf["unit_id"] = *in.people.unit_id;
    return boost::json::serialize(boost::json::object{{"people", std::move(pf)}});
  }
  return boost::json::serialize(o);
}

// At most `max` code points of valid UTF-8 text.
std::string Utf8Prefix(const std::string& s, std::size_t max) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == max) return s.substr(0, i);
  }
  return s;
}

std::string FileName(const Partner& p, const Contact& c, std::int64_t mailing_id) {
  std::string name = p.name_en.empty() ? p.name_zh : p.name_en;
  std::string out;
  for (unsigned char ch : name) out += (std::isalnum(ch) || ch >= 0x80) ? static_cast<char>(ch) : '-';
  return io::CleanFileName("letter-" + std::to_string(mailing_id) + "-" + out.substr(0, 60) + "-" +
                           std::to_string(c.id) + ".pdf");
}

// A person as the letter's "contact" and their unit as its "partner", so the templates'
// merge fields address our own people too: {{contact.name}} is the person, {{partner.name}}
// their unit. The person's language is theirs ("zh-CN" is Chinese).
void AsAddressee(const repo::PersonRecipient& pe, Partner& p, Contact& c) {
  p.name_zh = pe.unit_name_zh;
  p.name_en = pe.unit_name_en;
  p.languages = {};
  c.id = 0;
  c.name = pe.name_latin.empty() ? pe.name_zh : pe.name_latin;
  c.email = pe.email;
  c.language = pe.language.rfind("zh", 0) == 0 ? "zh" : pe.language.empty() ? "" : pe.language.substr(0, 2);
}

}  // namespace

MailingsService::MailingsService(storage::Database& db, const core::Clock& clock, notify::NotifyService& notify)
    : db_(db), clock_(clock), notify_(notify) {}

core::Result<LetterTemplate> MailingsService::TemplateInScope(soci::session& sql, const core::Principal& who,
                                                              std::int64_t id, std::string_view field) {
  auto t = repo::FindTemplate(sql, id);
  if (!t) return NotFoundOr(field, "partners.template_not_found");
  TX_CHECK(auth::guard::Path(who, t->unit_path));
  return std::move(*t);
}

core::Result<std::vector<LetterTemplate>> MailingsService::Templates(const core::Principal& who, bool active_only) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<LetterTemplate>> {
    return repo::ListTemplates(sql, who, active_only);
  });
}

core::Result<LetterTemplate> MailingsService::Template(const core::Principal& who, std::int64_t id) {
  return db_.WithSession(
      [&](soci::session& sql) -> core::Result<LetterTemplate> { return TemplateInScope(sql, who, id); });
}

core::Result<LetterTemplate> MailingsService::CreateTemplate(const core::Principal& who, const TemplateInput& in,
                                                             const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<LetterTemplate> {
    TX_CHECK(auth::guard::Unit(sql, who, *in.unit_id, "unit_id"));
    LetterTemplate t;
    Apply(t, in);
    TX_CHECK(CheckTemplate(t));
    t.created_by = actor.user_id;
    t.created_at = t.updated_at = Now();
    t.id = repo::InsertTemplate(sql, t);
    auth::RecordAudit(sql, actor, t.created_at, "create", "letter_template", std::to_string(t.id), "",
                      AuditJson(t));
    return std::move(*repo::FindTemplate(sql, t.id));
  });
}

core::Result<LetterTemplate> MailingsService::UpdateTemplate(const core::Principal& who, std::int64_t id,
                                                             const TemplateInput& in, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<LetterTemplate> {
    TX_TRY(before, TemplateInScope(sql, who, id));
    if (in.unit_id && *in.unit_id != before->unit_id) TX_CHECK(auth::guard::Unit(sql, who, *in.unit_id, "unit_id"));
    LetterTemplate t = *before;
    Apply(t, in);
    TX_CHECK(CheckTemplate(t));
    t.updated_at = Now();
    repo::UpdateTemplate(sql, t);
    auth::RecordAudit(sql, actor, t.updated_at, "update", "letter_template", std::to_string(id), AuditJson(*before),
                      AuditJson(t));
    return std::move(*repo::FindTemplate(sql, id));
  });
}

core::Result<LetterTemplate> MailingsService::SetImage(const core::Principal& who, std::int64_t id,
                                                       const std::string& which, const std::string& png,
                                                       const auth::Actor& actor) {
  if (png.size() > kMaxImageBytes) {
    return core::MakeError(core::Errc::kTooLarge, "files.too_large", {{"max_mb", "1"}});
  }
  if (!png.empty() && png.rfind("\x89PNG\r\n\x1a\n", 0) != 0) {
    return core::MakeError(core::Errc::kUnsupportedMedia, "files.type", {{"allowed", "PNG"}});
  }
  return db_.InTransaction([&](soci::session& sql) -> core::Result<LetterTemplate> {
    TX_CHECK(TemplateInScope(sql, who, id));
    const std::string now = Now();
    repo::SetTemplateImage(sql, id, which, png, now);
    auth::RecordAudit(sql, actor, now, png.empty() ? "remove_image" : "set_image", "letter_template",
                      std::to_string(id), "",
                      boost::json::serialize(boost::json::object{{"image", which},
                                                                 {"bytes", static_cast<std::int64_t>(png.size())},
                                                                 {"sha256", png.empty() ? "" : io::Sha256Hex(png)}}));
    return std::move(*repo::FindTemplate(sql, id));
  });
}

core::Result<std::string> MailingsService::SamplePdf(const core::Principal& who, std::int64_t id,
                                                     const std::string& lang) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::string> {
    TX_TRY(t, TemplateInScope(sql, who, id));
    const auto langs = TemplateLanguages(*t);
    if (std::find(langs.begin(), langs.end(), lang) == langs.end()) {
      return core::FieldInvalid("lang", "partners.template_lacks_language", {{"code", lang}});
    }
    Partner p;
    p.name_zh = "示例大学";
    p.name_en = "Example University";
    p.city = "Example City";
    Contact c;
    c.name = lang == "zh" ? "张三" : "Alex Example";
    c.title = lang == "zh" ? "校长" : "President";
    c.honorific = lang == "zh" ? "尊敬的" : "Professor";
    const std::string today = core::FormatIso(clock_.Now()).substr(0, 10);
    const auto values = LetterValues(*t, p, c, lang, today);
    const auto text = TemplateText(*t, lang);
    return RenderLetterPdf(*t, lang, MergeText(text.subject, values), MergeText(text.body, values), today);
  });
}

core::Result<core::Page<Mailing>> MailingsService::Mailings(const core::Principal& who,
                                                            const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<Mailing>> {
    return repo::ListMailings(sql, who, page);
  });
}

core::Result<Mailing> MailingsService::Visible(soci::session& sql, const core::Principal& who, std::int64_t id) {
  auto m = repo::FindMailing(sql, id);
  if (!m) return core::NotFound("partners.mailing_not_found");
  TX_CHECK(auth::guard::Path(who, m->unit_path));
  return std::move(*m);
}

core::Result<Mailing> MailingsService::Get(const core::Principal& who, std::int64_t id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<Mailing> { return Visible(sql, who, id); });
}

core::Result<Mailing> MailingsService::Create(const core::Principal& who, const MailingInput& in,
                                              const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Mailing> {
    TX_TRY(t, TemplateInScope(sql, who, in.template_id, "template_id"));
    if (!t->active) return core::FieldInvalid("template_id", "partners.template_inactive");
    if (TemplateLanguages(*t).empty()) return core::FieldInvalid("template_id", "partners.template_text_needed");
    if (in.audience == "people") return CreateForPeople(sql, who, *t, in, actor);
    if (in.filter.unit_id) TX_CHECK(auth::guard::Unit(sql, who, *in.filter.unit_id, "filter.unit_id"));
    // The partners: exactly those named, or those the filter finds; only partners whose
    // keeping unit is in scope (a department's assigned partners are not its to write to).
    std::vector<Partner> partners;
    if (!in.partner_ids.empty()) {
      for (std::size_t i = 0; i < in.partner_ids.size(); ++i) {
        const std::string field = "partner_ids[" + std::to_string(i) + "]";
        auto p = repo::FindPartner(sql, in.partner_ids[i]);
        if (!p || p->status != "active") return core::FieldInvalid(field, "partners.not_found");
        TX_CHECK(auth::guard::Path(who, p->unit_path));
        partners.push_back(std::move(*p));
      }
    } else {
      for (auto& p : repo::AllPartners(sql, who, in.filter)) {
        if (auth::guard::Path(who, p.unit_path)) partners.push_back(std::move(p));
      }
    }
    Mailing m;
    m.unit_id = t->unit_id;
    m.template_id = t->id;
    m.title = in.title;
    m.dated_on = in.dated_on;
    m.filter = FilterJson(in);
    m.created_by = actor.user_id;
    m.created_at = Now();
    m.id = repo::InsertMailing(sql, m);
    std::set<std::string> addresses;
    std::int64_t count = 0;
    for (const auto& p : partners) {
      for (const auto& c : p.contacts) {
        if (!c.active || (in.primary_only && !c.is_primary)) continue;
        // One letter per address: two contacts sharing one mailbox get it once.
        if (!c.email.empty() && !addresses.insert(core::ToLowerAscii(c.email)).second) continue;
        MailingRecipient r;
        r.mailing_id = m.id;
        r.partner_id = p.id;
        r.contact_id = c.id;
        r.lang = LetterLanguage(*t, c, p);
        count += repo::InsertRecipient(sql, r) ? 1 : 0;
      }
    }
    if (count == 0) return core::FieldInvalid("filter", "partners.no_recipients");
    auth::RecordAudit(sql, actor, m.created_at, "create", "mailing", std::to_string(m.id), "",
                      boost::json::serialize(boost::json::object{{"template_id", t->id},
                                                                 {"title", m.title},
                                                                 {"recipients", count},
                                                                 {"filter", boost::json::parse(m.filter)}}));
    return std::move(*repo::FindMailing(sql, m.id));
  });
}

core::Result<Mailing> MailingsService::CreateForPeople(soci::session& sql, const core::Principal& who,
                                                       const LetterTemplate& t, const MailingInput& in,
                                                       const auth::Actor& actor) {
  if (in.people.unit_id) TX_CHECK(auth::guard::Unit(sql, who, *in.people.unit_id, "people.unit_id"));
  Mailing m;
  m.unit_id = t.unit_id;
  m.template_id = t.id;
  m.audience = "people";
  m.title = in.title;
  m.dated_on = in.dated_on;
  m.filter = FilterJson(in);
  m.created_by = actor.user_id;
  m.created_at = Now();
  m.id = repo::InsertMailing(sql, m);
  std::int64_t count = 0;
  for (const auto& pe : repo::PeopleFor(sql, who, in.people)) {
    Partner unit;
    Contact person;
    AsAddressee(pe, unit, person);
    MailingRecipient r;
    r.mailing_id = m.id;
    r.person_id = pe.id;
    r.lang = LetterLanguage(t, person, unit);
    count += repo::InsertRecipient(sql, r) ? 1 : 0;
  }
  if (count == 0) return core::FieldInvalid("people", "partners.no_people");
  auth::RecordAudit(sql, actor, m.created_at, "create", "mailing", std::to_string(m.id), "",
                    boost::json::serialize(boost::json::object{{"template_id", t.id},
                                                               {"title", m.title},
                                                               {"audience", m.audience},
                                                               {"recipients", count},
                                                               {"filter", boost::json::parse(m.filter)}}));
  return std::move(*repo::FindMailing(sql, m.id));
}

core::Result<core::Page<MailingRecipient>> MailingsService::Recipients(const core::Principal& who, std::int64_t id,
                                                                       const repo::RecipientFilter& f,
                                                                       const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<MailingRecipient>> {
    TX_CHECK(Visible(sql, who, id));
    return repo::ListRecipients(sql, id, f, page);
  });
}

core::Result<std::shared_ptr<const MailingsService::Source>> MailingsService::LoadSource(soci::session& sql,
                                                                                        const Mailing& m) {
  auto t = repo::FindTemplate(sql, m.template_id);
  if (!t) return core::NotFound("partners.template_not_found");
  return std::make_shared<const Source>(Source{m, std::move(*t)});
}

core::Result<MailingsService::Letter> MailingsService::Compose(soci::session& sql,
                                                               std::shared_ptr<const Source> source,
                                                               const MailingRecipient& r) {
  Letter l{std::move(source), {}, {}, r.lang, {}};
  if (r.person_id) {
    auto pe = repo::FindPersonRecipient(sql, *r.person_id);
    if (!pe) return core::NotFound("partners.recipient_not_found");
    AsAddressee(*pe, l.partner, l.contact);
    l.person_id = pe->id;
  } else {
    auto p = repo::FindPartner(sql, r.partner_id);
    auto c = p ? repo::FindContact(sql, p->id, r.contact_id) : std::nullopt;
    if (!p || !c) return core::NotFound("partners.recipient_not_found");
    l.partner = std::move(*p);
    l.contact = std::move(*c);
  }
  const auto values = LetterValues(l.source->tpl, l.partner, l.contact, l.lang, l.source->mailing.dated_on);
  const auto text = TemplateText(l.source->tpl, l.lang);
  l.text = {MergeText(text.subject, values), MergeText(text.body, values)};
  if (l.person_id) {
    // Our people have no honorific: "Dear {{contact.honorific}} {{contact.name}}," reads
    // "Dear Oliver Bennett,", without the gap the empty field leaves.
    for (auto* t : {&l.text.subject, &l.text.body}) {
      for (auto pos = t->find("  "); pos != std::string::npos; pos = t->find("  ", pos)) t->erase(pos, 1);
      for (auto pos = t->find(" ,"); pos != std::string::npos; pos = t->find(" ,", pos)) t->erase(pos, 1);
    }
  }
  return l;
}

core::Result<LetterText> MailingsService::Preview(const core::Principal& who, std::int64_t id,
                                                  std::int64_t recipient_id, std::string* lang) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<LetterText> {
    TX_TRY(m, Visible(sql, who, id));
    auto r = repo::FindRecipient(sql, id, recipient_id);
    if (!r) return core::NotFound("partners.recipient_not_found");
    TX_TRY(source, LoadSource(sql, *m));
    TX_TRY(l, Compose(sql, *source, *r));
    if (lang) *lang = l->lang;
    return l->text;
  });
}

core::Result<std::string> MailingsService::RecipientPdf(const core::Principal& who, std::int64_t id,
                                                        std::int64_t recipient_id) {
  auto composed = db_.WithSession([&](soci::session& sql) -> core::Result<Letter> {
    TX_TRY(m, Visible(sql, who, id));
    auto r = repo::FindRecipient(sql, id, recipient_id);
    if (!r) return core::NotFound("partners.recipient_not_found");
    TX_TRY(source, LoadSource(sql, *m));
    return Compose(sql, *source, *r);
  });
  if (!composed) return composed.error();
  const Letter& l = *composed;
  return RenderLetterPdf(l.source->tpl, l.lang, l.text.subject, l.text.body, l.source->mailing.dated_on);
}

core::Result<Mailing> MailingsService::Send(const core::Principal& who, std::int64_t id, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Mailing> {
    TX_TRY(m, Visible(sql, who, id));
    const std::string now = Now();
    if (!repo::StartMailing(sql, id, now)) return core::Conflict("partners.mailing_not_draft");
    auth::RecordAudit(sql, actor, now, "send", "mailing", std::to_string(id), R"({"status":"draft"})",
                      R"({"status":"sending"})");
    return std::move(*repo::FindMailing(sql, id));
  });
}

core::Result<Mailing> MailingsService::Retry(const core::Principal& who, std::int64_t id, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Mailing> {
    TX_TRY(m, Visible(sql, who, id));
    if (m->status == "draft") return core::Conflict("partners.mailing_draft");
    const std::string now = Now();
    const auto n = repo::RetryFailed(sql, id, now);
    auth::RecordAudit(sql, actor, now, "retry", "mailing", std::to_string(id), "",
                      boost::json::serialize(boost::json::object{{"recipients", n.recipients}, {"emails", n.emails}}));
    return std::move(*repo::FindMailing(sql, id));
  });
}

void MailingsService::WorkOn(MailingRecipient r, const core::Result<std::shared_ptr<const Source>>& source) {
  auto composed = source ? db_.WithSession([&](soci::session& sql) -> core::Result<Letter> {
    return Compose(sql, source.value(), r);
  })
                         : core::Result<Letter>(source.error());
  auto finish = [&](const std::string& status, const std::string& error) {
    r.status = status;
    r.error = error;
    r.done_at = Now();
    auto st = db_.InTransaction([&](soci::session& sql) -> core::Status {
      repo::FinishRecipient(sql, r);
      return {};
    });
    if (!st) spdlog::error("mass letter recipient {}: {}", r.id, st.error().reason);
  };
  if (!composed) return finish("failed", composed.error().reason);
  const Letter& l = *composed;
  const Mailing& m = l.source->mailing;
  if (!l.person_id) {
    if (l.contact.email.empty()) return finish("no_email", "");
    if (!notify_.email_enabled()) return finish("failed", "notify.smtp_disabled");
  }
  std::string pdf;
  try {
    pdf = RenderLetterPdf(l.source->tpl, l.lang, l.text.subject, l.text.body, m.dated_on);
  } catch (const std::exception& e) {
    spdlog::error("mass letter recipient {}: rendering failed: {}", r.id, e.what());
    return finish("failed", "partners.render_failed");
  }
  const std::string now = Now();
  auth::Actor actor;
  actor.user_id = m.created_by;
  actor.username = "mailing";
  if (l.person_id) return DeliverToPerson(r, l, pdf, now, actor, finish);
  auto done = db_.InTransaction([&](soci::session& sql) -> core::Status {
    partners::Letter letter;
    letter.partner_id = l.partner.id;
    letter.contact_id = l.contact.id;
    letter.direction = "out";
    letter.channel = "email";
    letter.dated_on = m.dated_on;
    letter.subject = Utf8Prefix(l.text.subject, 300);
    letter.summary = Utf8Prefix(l.text.body, 10000);
    letter.language = l.lang;
    letter.handled_by = m.created_by;
    letter.created_by = m.created_by;
    letter.created_at = letter.updated_at = now;
    r.letter_id = repo::InsertLetter(sql, letter);
    const io::Attachment a = io::NewAttachment(FileName(l.partner, l.contact, m.id), "application/pdf", pdf,
                                               m.created_by, now);
    repo::InsertAttachment(sql, *r.letter_id, a);
    const core::Lang lang = l.lang == "zh" ? core::Lang::kZh : core::Lang::kEn;
    r.notification_id = notify_.QueueEmail(sql, l.contact.email, lang, "mass_letter",
                                           "mailing:" + std::to_string(m.id) + ":contact:" + std::to_string(l.contact.id),
                                           {l.text.subject, l.text.body}, {{a.filename, a.content_type, pdf}});
    r.status = "sent";
    r.error.clear();
    r.done_at = now;
    repo::FinishRecipient(sql, r);
    auth::RecordAudit(sql, actor, now, "mail", "correspondence", std::to_string(*r.letter_id), "",
                      boost::json::serialize(boost::json::object{{"mailing_id", m.id},
                                                                 {"partner_id", l.partner.id},
                                                                 {"contact_id", l.contact.id},
                                                                 {"language", l.lang},
                                                                 {"sha256", a.sha256}}));
    return {};
  });
  if (!done) {
    r.letter_id.reset();
    r.notification_id.reset();
    finish("failed", done.error().reason);
  }
}

void MailingsService::DeliverToPerson(MailingRecipient& r, const Letter& l, const std::string& pdf,
                                      const std::string& now, const auth::Actor& actor,
                                      const std::function<void(const std::string&, const std::string&)>& finish) {
  const Mailing& m = l.source->mailing;
  const std::string filename =
      io::CleanFileName("letter-" + std::to_string(m.id) + "-" + std::to_string(*l.person_id) + ".pdf");
  auto done = db_.InTransaction([&](soci::session& sql) -> core::Status {
    auto to = notify_.ForPerson(sql, *l.person_id);
    int queued = 0;
    if (to) {
      // In their language already: the same text whatever the account's language.
      const notify::Message msg{l.text.subject, l.text.body};
      queued = notify_.Queue(sql, *to, "staff_letter",
                             "mailing:" + std::to_string(m.id) + ":person:" + std::to_string(*l.person_id),
                             [&msg](core::Lang) { return msg; }, "/notices",
                             {{filename, "application/pdf", pdf}});
    }
    r.status = queued > 0 ? "sent" : "no_email";
    r.error.clear();
    r.done_at = now;
    repo::FinishRecipient(sql, r);
    auth::RecordAudit(sql, actor, now, "mail", "person", std::to_string(*l.person_id), "",
                      boost::json::serialize(boost::json::object{{"mailing_id", m.id},
                                                                 {"language", l.lang},
                                                                 {"notifications", queued},
                                                                 {"sha256", io::Sha256Hex(pdf)}}));
    return {};
  });
  if (!done) finish("failed", done.error().reason);
}

core::Result<int> MailingsService::Work(std::chrono::seconds budget) {
  const auto until = std::chrono::steady_clock::now() + budget;
  int done = 0;
  // Each mailing and its template are read once a pass, not once a letter.
  std::map<std::int64_t, core::Result<std::shared_ptr<const Source>>> sources;
  auto source_of = [&](std::int64_t mailing_id) -> const core::Result<std::shared_ptr<const Source>>& {
    auto it = sources.find(mailing_id);
    if (it == sources.end()) {
      auto loaded = db_.WithSession([&](soci::session& sql) -> core::Result<std::shared_ptr<const Source>> {
        auto m = repo::FindMailing(sql, mailing_id);
        if (!m) return core::NotFound("partners.mailing_not_found");
        return LoadSource(sql, *m);
      });
      it = sources.emplace(mailing_id, std::move(loaded)).first;
    }
    return it->second;
  };
  for (;;) {
    const core::TimePoint now_tp = clock_.Now();
    auto claimed = db_.InTransaction([&](soci::session& sql) -> core::Result<std::vector<MailingRecipient>> {
      repo::ReleaseStale(sql, core::FormatIso(now_tp - std::chrono::minutes(15)));
      return repo::ClaimRecipients(sql, core::FormatIso(now_tp), kClaim);
    });
    if (!claimed) return claimed.error();
    for (auto& r : *claimed) {
      const auto& source = source_of(r.mailing_id);
      WorkOn(std::move(r), source);
      ++done;
    }
    TX_CHECK(db_.InTransaction([&](soci::session& sql) -> core::Status {
      repo::FinishMailings(sql, Now());
      return {};
    }));
    if (claimed->empty() || std::chrono::steady_clock::now() >= until) return done;
  }
}

}  // namespace tongxin::partners
