// Partners rules.
#include "modules/partners/partners_service.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "auth/guard.hpp"
#include "core/local_time.hpp"
#include "core/pick.hpp"
#include "modules/partners/history_repo.hpp"

namespace tongxin::partners {
namespace {

std::string AuditJson(const Partner& p) {
  boost::json::array units;
  for (const auto& u : p.units) units.push_back(u.id);
  return boost::json::serialize(boost::json::object{{"unit_id", p.unit_id},
                                                    {"kind", p.kind},
                                                    {"name_zh", p.name_zh},
                                                    {"name_en", p.name_en},
                                                    {"country", p.country},
                                                    {"city", p.city},
                                                    {"languages", boost::json::value_from(p.languages)},
                                                    {"tags", boost::json::value_from(p.tags)},
                                                    {"units", std::move(units)},
                                                    {"status", p.status}});
}

std::string AuditJson(const Contact& c) {
  return boost::json::serialize(boost::json::object{{"partner_id", c.partner_id},
                                                    {"name", c.name},
                                                    {"title", c.title},
                                                    {"honorific", c.honorific},
                                                    {"email", c.email},
                                                    {"phone", c.phone},
                                                    {"language", c.language},
                                                    {"is_primary", c.is_primary},
                                                    {"active", c.active}});
}

std::string AuditJson(const Letter& l) {
  return boost::json::serialize(boost::json::object{{"partner_id", l.partner_id},
                                                    {"contact_id", l.contact_id ? boost::json::value(*l.contact_id)
                                                                                : boost::json::value(nullptr)},
                                                    {"direction", l.direction},
                                                    {"channel", l.channel},
                                                    {"dated_on", l.dated_on},
                                                    {"subject", l.subject},
                                                    {"language", l.language},
                                                    {"reply_to", l.reply_to ? boost::json::value(*l.reply_to)
                                                                            : boost::json::value(nullptr)},
                                                    {"answer_needed", l.answer_needed},
                                                    {"answer_by", l.answer_by}});
}

core::Error NotFoundOr(std::string_view field, const char* reason) {
  if (field.empty()) return core::NotFound(reason);
  return core::FieldInvalid(std::string(field), reason);
}

void Apply(Partner& p, const PartnerInput& in) {
  if (in.unit_id) p.unit_id = *in.unit_id;
  if (in.kind) p.kind = *in.kind;
  if (in.name_zh) p.name_zh = *in.name_zh;
  if (in.name_en) p.name_en = *in.name_en;
  if (in.country) p.country = *in.country;
  if (in.city) p.city = *in.city;
  if (in.languages) p.languages = *in.languages;
  if (in.tags) p.tags = *in.tags;
  if (in.website) p.website = *in.website;
  if (in.address) p.address = *in.address;
  if (in.note) p.note = *in.note;
}

void Apply(Contact& c, const ContactInput& in) {
  if (in.name) c.name = *in.name;
  if (in.title) c.title = *in.title;
  if (in.honorific) c.honorific = *in.honorific;
  if (in.email) c.email = *in.email;
  if (in.phone) c.phone = *in.phone;
  if (in.language) c.language = *in.language;
  if (in.note) c.note = *in.note;
  if (in.is_primary) c.is_primary = *in.is_primary;
  if (in.active) c.active = *in.active;
}

}  // namespace

PartnersService::PartnersService(storage::Database& db, const core::Clock& clock, notify::NotifyService& notify,
                                 std::string time_zone, int reminder_days)
    : db_(db), clock_(clock), notify_(notify), time_zone_(std::move(time_zone)), reminder_days_(reminder_days) {}

std::string PartnersService::Today() const { return core::LocalDay(clock_.Now(), time_zone_); }
std::string PartnersService::LocalNow() const { return core::LocalText(clock_.Now(), time_zone_); }

core::Result<Partner> PartnersService::Readable(soci::session& sql, const core::Principal& who, std::int64_t id,
                                                std::string_view field) {
  auto p = repo::FindPartner(sql, id);
  if (!p) return NotFoundOr(field, "partners.not_found");
  auto keeper = auth::guard::Path(who, p->unit_path);
  if (keeper) return std::move(*p);
  for (const auto& u : p->units) {
    if (auth::guard::Path(who, u.path)) return std::move(*p);
  }
  return keeper.error();
}

core::Result<Partner> PartnersService::Writable(soci::session& sql, const core::Principal& who, std::int64_t id,
                                                std::string_view field) {
  auto p = repo::FindPartner(sql, id);
  if (!p) return NotFoundOr(field, "partners.not_found");
  TX_CHECK(auth::guard::Path(who, p->unit_path));
  if (p->status == "merged") {
    return core::Conflict("partners.merged", {{"into", std::to_string(p->merged_into.value_or(0))}});
  }
  return std::move(*p);
}

core::Status PartnersService::CheckUnits(soci::session& sql, const core::Principal& who,
                                         const std::vector<std::int64_t>& ids) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    TX_CHECK(auth::guard::Unit(sql, who, ids[i], "unit_ids[" + std::to_string(i) + "]"));
  }
  return {};
}

// ---- partners ----

core::Result<core::Page<Partner>> PartnersService::List(const core::Principal& who, const PartnerFilter& f,
                                                        const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<Partner>> {
    if (f.unit_id) TX_CHECK(auth::guard::Unit(sql, who, *f.unit_id, "unit_id"));
    return repo::ListPartners(sql, who, f, page);
  });
}

core::Result<std::vector<Partner>> PartnersService::Export(const core::Principal& who, const PartnerFilter& f,
                                                           const auth::Actor& actor) {
  return db_.ReadThenRecord(
      [&](soci::session& sql) -> core::Result<std::vector<Partner>> {
        if (f.unit_id) TX_CHECK(auth::guard::Unit(sql, who, *f.unit_id, "unit_id"));
        return repo::AllPartners(sql, who, f);
      },
      [&](soci::session& sql, const std::vector<Partner>& all) -> core::Status {
        std::int64_t contacts = 0;
        for (const auto& p : all) contacts += static_cast<std::int64_t>(p.contacts.size());
        auth::RecordAudit(sql, actor, Now(), "export", "partner", "", "",
                          boost::json::serialize(boost::json::object{{"rows", static_cast<std::int64_t>(all.size())},
                                                                     {"contacts", contacts},
                                                                     {"q", f.q},
                                                                     {"country", f.country},
                                                                     {"kind", f.kind}}));
        return {};
      });
}

core::Result<Partner> PartnersService::Get(const core::Principal& who, std::int64_t id, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Partner> {
    TX_TRY(p, Readable(sql, who, id));
    auth::RecordAudit(sql, actor, Now(), "read", "partner", std::to_string(id), "", "");
    return std::move(*p);
  });
}

core::Result<PartnerHistory> PartnersService::History(const core::Principal& who, std::int64_t id, bool for_pdf,
                                                      const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<PartnerHistory> {
    TX_TRY(p, Readable(sql, who, id));
    PartnerHistory h;
    h.partner = std::move(*p);
    repo::ReadHistory(sql, who, id, kHistoryLimit, h);
    boost::json::object detail{{"entries", static_cast<std::int64_t>(h.entries.size())},
                               {"contacts", static_cast<std::int64_t>(h.partner.contacts.size())}};
    detail["history"] = for_pdf ? "pdf" : "page";
    auth::RecordAudit(sql, actor, Now(), for_pdf ? "export" : "read", "partner", std::to_string(id), "",
                      boost::json::serialize(detail));
    return h;
  });
}

core::Result<Partner> PartnersService::Create(const core::Principal& who, const PartnerInput& in,
                                              const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) { return CreateOn(sql, who, in, actor); });
}

core::Result<Partner> PartnersService::CreateOn(soci::session& sql, const core::Principal& who,
                                                const PartnerInput& in, const auth::Actor& actor) {
  TX_CHECK(auth::guard::Unit(sql, who, *in.unit_id, "unit_id"));
  if (in.unit_ids) TX_CHECK(CheckUnits(sql, who, *in.unit_ids));
  Partner p;
  p.languages = {"en"};
  Apply(p, in);
  p.status = "active";
  p.created_at = p.updated_at = Now();
  p.id = repo::InsertPartner(sql, p);
  if (in.unit_ids) repo::SetPartnerUnits(sql, p.id, *in.unit_ids);
  repo::RefreshSearch(sql, p.id);
  auto saved = repo::FindPartner(sql, p.id);
  auth::RecordAudit(sql, actor, p.created_at, "create", "partner", std::to_string(p.id), "", AuditJson(*saved));
  return std::move(*saved);
}

core::Result<Partner> PartnersService::Update(const core::Principal& who, std::int64_t id, const PartnerInput& in,
                                              const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Partner> {
    TX_TRY(before, Writable(sql, who, id));
    if (in.unit_id) TX_CHECK(auth::guard::Unit(sql, who, *in.unit_id, "unit_id"));
    if (in.unit_ids) TX_CHECK(CheckUnits(sql, who, *in.unit_ids));
    Partner p = *before;
    Apply(p, in);
    if (p.name_zh.empty() && p.name_en.empty()) return core::FieldInvalid("name_zh", "partners.name_required");
    p.updated_at = Now();
    repo::UpdatePartner(sql, p);
    if (in.unit_ids) repo::SetPartnerUnits(sql, id, *in.unit_ids);
    repo::RefreshSearch(sql, id);
    auto saved = repo::FindPartner(sql, id);
    auth::RecordAudit(sql, actor, p.updated_at, "update", "partner", std::to_string(id), AuditJson(*before),
                      AuditJson(*saved));
    return std::move(*saved);
  });
}

core::Result<Partner> PartnersService::Merge(const core::Principal& who, std::int64_t from, std::int64_t into,
                                             const auth::Actor& actor) {
  if (from == into) return core::FieldInvalid("into_id", "partners.merge_self");
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Partner> {
    TX_TRY(source, Writable(sql, who, from));
    TX_TRY(target, Writable(sql, who, into, "into_id"));
    const std::string now = Now();
    const auto moved = repo::Merge(sql, from, into, now);
    // Names and tags the target lacks come over from the duplicate.
    Partner t = *target;
    if (t.name_zh.empty()) t.name_zh = source->name_zh;
    if (t.name_en.empty()) t.name_en = source->name_en;
    if (t.city.empty()) t.city = source->city;
    for (const auto& tag : source->tags) {
      if (std::find(t.tags.begin(), t.tags.end(), tag) == t.tags.end()) t.tags.push_back(tag);
    }
    t.updated_at = now;
    repo::UpdatePartner(sql, t);
    repo::RefreshSearch(sql, into);
    repo::RefreshSearch(sql, from);
    auth::RecordAudit(sql, actor, now, "merge", "partner", std::to_string(from), AuditJson(*source),
                      boost::json::serialize(boost::json::object{{"into", into},
                                                                 {"contacts", moved.contacts},
                                                                 {"letters", moved.letters},
                                                                 {"donors", moved.donors}}));
    return std::move(*repo::FindPartner(sql, into));
  });
}

// ---- contacts ----

core::Result<Partner> PartnersService::AddContact(const core::Principal& who, std::int64_t partner_id,
                                                  const ContactInput& in, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) { return AddContactOn(sql, who, partner_id, in, actor); });
}

core::Result<Partner> PartnersService::AddContactOn(soci::session& sql, const core::Principal& who,
                                                    std::int64_t partner_id, const ContactInput& in,
                                                    const auth::Actor& actor) {
  TX_TRY(p, Writable(sql, who, partner_id));
  Contact c;
  c.partner_id = partner_id;
  Apply(c, in);
  if (p->contacts.empty()) c.is_primary = true;  // the first contact is the one letters go to
  c.created_at = c.updated_at = Now();
  c.id = repo::InsertContact(sql, c);
  if (c.is_primary) repo::ClearPrimary(sql, partner_id, c.id);
  repo::RefreshSearch(sql, partner_id);
  auth::RecordAudit(sql, actor, c.created_at, "create", "partner_contact", std::to_string(c.id), "", AuditJson(c));
  return std::move(*repo::FindPartner(sql, partner_id));
}

core::Result<Partner> PartnersService::UpdateContact(const core::Principal& who, std::int64_t partner_id,
                                                     std::int64_t contact_id, const ContactInput& in,
                                                     const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Partner> {
    TX_TRY(p, Writable(sql, who, partner_id));
    auto before = repo::FindContact(sql, partner_id, contact_id);
    if (!before) return core::NotFound("partners.contact_not_found");
    Contact c = *before;
    Apply(c, in);
    c.updated_at = Now();
    repo::UpdateContact(sql, c);
    if (c.is_primary) repo::ClearPrimary(sql, partner_id, c.id);
    repo::RefreshSearch(sql, partner_id);
    auth::RecordAudit(sql, actor, c.updated_at, "update", "partner_contact", std::to_string(c.id), AuditJson(*before),
                      AuditJson(c));
    return std::move(*repo::FindPartner(sql, partner_id));
  });
}

// ---- donors ----

core::Result<std::vector<repo::LinkedDonor>> PartnersService::Donors(const core::Principal& who,
                                                                     std::int64_t partner_id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<repo::LinkedDonor>> {
    TX_TRY(p, Readable(sql, who, partner_id));
    return repo::DonorsOf(sql, partner_id);
  });
}

core::Status PartnersService::LinkDonor(const core::Principal& who, std::int64_t partner_id, std::int64_t donor_id,
                                        bool link, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    TX_TRY(p, Writable(sql, who, partner_id));
    auto path = repo::DonorUnitPath(sql, donor_id);
    if (!path) return core::FieldInvalid("donor_id", "supplies.donor_not_found");
    TX_CHECK(auth::guard::Path(who, *path));
    if (!link) {
      bool linked = false;
      for (const auto& d : repo::DonorsOf(sql, partner_id)) linked = linked || d.id == donor_id;
      if (!linked) return core::NotFound("partners.donor_not_linked");
    }
    repo::LinkDonor(sql, donor_id, link ? std::optional<std::int64_t>(partner_id) : std::nullopt);
    auth::RecordAudit(sql, actor, Now(), link ? "link" : "unlink", "donor", std::to_string(donor_id), "",
                      boost::json::serialize(boost::json::object{{"partner_id", partner_id}}));
    return {};
  });
}

// ---- correspondence ----

core::Result<Letter> PartnersService::ReadableLetter(soci::session& sql, const core::Principal& who,
                                                     std::int64_t id) {
  auto l = repo::FindLetter(sql, id);
  if (!l) return core::NotFound("partners.letter_not_found");
  TX_CHECK(Readable(sql, who, l->partner_id));
  return std::move(*l);
}

core::Result<core::Page<Letter>> PartnersService::Letters(const core::Principal& who, LetterFilter f,
                                                          const core::PageRequest& page) {
  f.today = Today();
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<Letter>> {
    if (f.partner_id) TX_CHECK(Readable(sql, who, *f.partner_id, "partner_id"));
    return repo::ListLetters(sql, who, f, page);
  });
}

core::Result<Letter> PartnersService::GetLetter(const core::Principal& who, std::int64_t id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<Letter> { return ReadableLetter(sql, who, id); });
}

namespace {

// Contact, reply and handler of a letter: each must belong with the letter's partner.
core::Status CheckRefs(soci::session& sql, const Partner& p, const LetterInput& in) {
  if (in.contact_id && !repo::FindContact(sql, p.id, *in.contact_id)) {
    return core::FieldInvalid("contact_id", "partners.contact_not_of_partner");
  }
  if (in.handled_by) TX_CHECK(auth::guard::AccountCovers(sql, *in.handled_by, p.unit_path, "handled_by"));
  return {};
}

}  // namespace

core::Result<Letter> PartnersService::LogLetter(const core::Principal& who, const LetterInput& in,
                                                const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Letter> {
    TX_TRY(p, Writable(sql, who, *in.partner_id, "partner_id"));
    TX_CHECK(CheckRefs(sql, *p, in));
    Letter l;
    l.partner_id = p->id;
    l.contact_id = in.contact_id;
    l.direction = *in.direction;
    l.channel = *in.channel;
    l.dated_on = *in.dated_on;
    l.subject = *in.subject;
    l.summary = in.summary.value_or("");
    l.language = in.language.value_or("");
    if (l.language.empty() && !p->languages.empty()) l.language = p->languages.front();
    l.answer_needed = in.answer_needed.value_or(false);
    l.answer_by = l.answer_needed ? in.answer_by.value_or("") : "";
    l.handled_by = in.handled_by ? in.handled_by : (who.user_id ? std::optional<std::int64_t>(who.user_id)
                                                                : std::nullopt);
    if (who.user_id) l.created_by = who.user_id;
    if (in.reply_to) {
      auto parent = repo::FindLetter(sql, *in.reply_to);
      if (!parent) return core::FieldInvalid("reply_to", "partners.letter_not_found");
      if (parent->partner_id != p->id) return core::FieldInvalid("reply_to", "partners.reply_other_partner");
      l.reply_to = parent->id;
      l.thread_id = parent->thread_id ? parent->thread_id : std::optional<std::int64_t>(parent->id);
    }
    l.created_at = l.updated_at = Now();
    l.id = repo::InsertLetter(sql, l);
    // A reply in the other direction answers the letter it replies to.
    if (l.reply_to) {
      auto parent = repo::FindLetter(sql, *l.reply_to);
      if (parent && parent->direction != l.direction) repo::MarkAnswered(sql, parent->id, l.created_at);
    }
    auth::RecordAudit(sql, actor, l.created_at, "create", "correspondence", std::to_string(l.id), "", AuditJson(l));
    return std::move(*repo::FindLetter(sql, l.id));
  });
}

core::Result<Letter> PartnersService::UpdateLetter(const core::Principal& who, std::int64_t id, const LetterInput& in,
                                                   const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Letter> {
    auto before = repo::FindLetter(sql, id);
    if (!before) return core::NotFound("partners.letter_not_found");
    TX_TRY(p, Writable(sql, who, before->partner_id));
    TX_CHECK(CheckRefs(sql, *p, in));
    if (in.reply_to) return core::FieldInvalid("reply_to", "partners.reply_fixed");
    Letter l = *before;
    if (in.contact_id) l.contact_id = in.contact_id;
    if (in.direction) l.direction = *in.direction;
    if (in.channel) l.channel = *in.channel;
    if (in.dated_on) l.dated_on = *in.dated_on;
    if (in.subject) l.subject = *in.subject;
    if (in.summary) l.summary = *in.summary;
    if (in.language) l.language = *in.language;
    if (in.answer_needed) l.answer_needed = *in.answer_needed;
    if (in.answer_by) l.answer_by = *in.answer_by;
    if (in.handled_by) l.handled_by = in.handled_by;
    if (l.answer_needed && l.answer_by.empty()) return core::FieldInvalid("answer_by", "partners.answer_by_needed");
    if (!l.answer_needed) l.answer_by.clear();
    l.updated_at = Now();
    repo::UpdateLetter(sql, l);
    auth::RecordAudit(sql, actor, l.updated_at, "update", "correspondence", std::to_string(id), AuditJson(*before),
                      AuditJson(l));
    return std::move(*repo::FindLetter(sql, id));
  });
}

core::Result<Letter> PartnersService::AddAttachment(const core::Principal& who, std::int64_t letter_id,
                                                    const std::string& filename, std::string bytes,
                                                    const auth::Actor& actor) {
  TX_TRY(type, io::CheckAttachment(bytes));
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Letter> {
    auto l = repo::FindLetter(sql, letter_id);
    if (!l) return core::NotFound("partners.letter_not_found");
    TX_CHECK(Writable(sql, who, l->partner_id));
    io::Attachment a = io::NewAttachment(filename, *type, std::move(bytes), who.user_id, Now());
    a.id = repo::InsertAttachment(sql, letter_id, a);
    auth::RecordAudit(sql, actor, a.uploaded_at, "create", "correspondence_attachment", std::to_string(a.id), "",
                      io::AttachmentAuditJson(a, "letter_id", letter_id));
    return std::move(*repo::FindLetter(sql, letter_id));
  });
}

core::Result<io::Attachment> PartnersService::GetAttachment(const core::Principal& who, std::int64_t letter_id,
                                                            std::int64_t attachment_id, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<io::Attachment> {
    TX_CHECK(ReadableLetter(sql, who, letter_id));
    auto a = repo::FindAttachment(sql, letter_id, attachment_id);
    if (!a) return core::NotFound("partners.attachment_not_found");
    auth::RecordAudit(sql, actor, Now(), "read", "correspondence_attachment", std::to_string(attachment_id), "", "");
    return std::move(*a);
  });
}

core::Result<int> PartnersService::RemindAnswers() {
  if (reminder_days_ < 0) return 0;
  const std::string until = core::AddDays(Today(), reminder_days_);
  return db_.InTransaction([&](soci::session& sql) -> core::Result<int> {
    int queued = 0;
    const auto staff = notify_.Staff(sql, {"admin", "office", "department"});
    for (const auto& l : repo::AnswersDue(sql, until)) {
      const auto who = l.handled_by ? l.handled_by : l.created_by;
      const std::string key = "answer_due:" + std::to_string(l.id);
      for (const auto& m : staff) {
        if (!who || !m.to.user_id || *m.to.user_id != *who) continue;
        queued += notify_.Queue(
            sql, m.to, "answer_due", key,
            [&](core::Lang lang) {
              const std::string partner = core::Pick(lang, l.partner_name_zh, l.partner_name_en);
              if (lang == core::Lang::kEn) {
                return notify::Message{"Answer due by " + l.answer_by + ": " + l.subject,
                                       partner + " wrote on " + l.dated_on + " (\"" + l.subject +
                                           "\"); an answer is due by " + l.answer_by + "."};
              }
              return notify::Message{"待回复（" + l.answer_by + " 前）：" + l.subject,
                                     partner + "于 " + l.dated_on + " 来函（“" + l.subject + "”），请于 " +
                                         l.answer_by + " 前回复。"};
            },
            "/partners/letters/" + std::to_string(l.id));
      }
      repo::MarkReminded(sql, l.id, Now());
    }
    return queued;
  });
}

}  // namespace tongxin::partners
