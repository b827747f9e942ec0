// Letter templates and mass letters. Who may do what: office staff and admins (managers)
// keep the templates of their units and send mass letters to the contacts of the partners
// their units keep (routes; the guard checks each template, mailing and partner named).
// A mass letter is made in two steps: created (the filter chooses the partners, each
// active contact becomes one recipient in their language; a contact is never a recipient
// twice, nor an address twice), previewed letter by letter, then sent. The sending job
// makes each recipient's PDF, logs it in the correspondence with the PDF attached and
// queues one email with the PDF (the outbox's dedup key makes it once per contact, ever),
// all in one transaction per recipient: a failure fails that recipient only, and failed
// ones can be retried. A mass letter may instead address our own people (audience
// "people": foreign staff, by nationality or unit), merged per person in their language
// and delivered in-app and by email with the PDF. Every write is audited. Thread-safe;
// blocks on the database.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/notify/notify_service.hpp"
#include "modules/partners/letter_template.hpp"
#include "modules/partners/mailings_repo.hpp"
#include "storage/database.hpp"

namespace tongxin::partners {

class MailingsService {
 public:
  MailingsService(storage::Database& db, const core::Clock& clock, notify::NotifyService& notify);

  core::Result<std::vector<LetterTemplate>> Templates(const core::Principal& who, bool active_only);
  // Errors: partners.template_not_found, auth.out_of_scope.
  core::Result<LetterTemplate> Template(const core::Principal& who, std::int64_t id);
  // Errors: field errors (unit_id out of scope, texts as CheckTemplate).
  core::Result<LetterTemplate> CreateTemplate(const core::Principal& who, const TemplateInput& in,
                                              const auth::Actor& actor);
  core::Result<LetterTemplate> UpdateTemplate(const core::Principal& who, std::int64_t id, const TemplateInput& in,
                                              const auth::Actor& actor);
  // which: "signature" | "letterhead"; png "" removes it. Errors: files.type (415: PNG
  // only), files.too_large (413: 1 MiB).
  core::Result<LetterTemplate> SetImage(const core::Principal& who, std::int64_t id, const std::string& which,
                                        const std::string& png, const auth::Actor& actor);
  // A sample letter of the template (a made-up partner and contact) as PDF, in `lang`.
  core::Result<std::string> SamplePdf(const core::Principal& who, std::int64_t id, const std::string& lang);

  core::Result<core::Page<Mailing>> Mailings(const core::Principal& who, const core::PageRequest& page);
  core::Result<Mailing> Get(const core::Principal& who, std::int64_t id);
  // Errors: field errors: template_id (not found, out of scope, inactive), partner_ids[n]
  // (not found, out of scope), filter (partners.no_recipients when none is left).
  core::Result<Mailing> Create(const core::Principal& who, const MailingInput& in, const auth::Actor& actor);
  core::Result<core::Page<MailingRecipient>> Recipients(const core::Principal& who, std::int64_t id,
                                                        const repo::RecipientFilter& f,
                                                        const core::PageRequest& page);
  // One recipient's letter merged: its language, subject and body. Errors: partners.recipient_not_found.
  core::Result<LetterText> Preview(const core::Principal& who, std::int64_t id, std::int64_t recipient_id,
                                   std::string* lang = nullptr);
  core::Result<std::string> RecipientPdf(const core::Principal& who, std::int64_t id, std::int64_t recipient_id);
  // draft -> sending. Errors: partners.mailing_not_draft (409).
  core::Result<Mailing> Send(const core::Principal& who, std::int64_t id, const auth::Actor& actor);
  // Failed and no-email recipients again, and emails the outbox gave up on.
  core::Result<Mailing> Retry(const core::Principal& who, std::int64_t id, const auth::Actor& actor);

  // The sending job: works through pending recipients for up to `budget`. Returns the
  // recipients done.
  core::Result<int> Work(std::chrono::seconds budget = std::chrono::seconds(20));

 private:
  // A mailing and its template (with its images), read once per sending pass.
  struct Source {
    Mailing mailing;
    LetterTemplate tpl;
  };
  struct Letter {
    std::shared_ptr<const Source> source;
    Partner partner;  // for one of our people: their unit
    Contact contact;  // for one of our people: the person
    std::string lang;
    LetterText text;
    std::optional<std::int64_t> person_id;  // a letter to one of our people
  };
  core::Result<Mailing> CreateForPeople(soci::session& sql, const core::Principal& who, const LetterTemplate& t,
                                        const MailingInput& in, const auth::Actor& actor);
  // One of our people: the letter in-app and by email with its PDF, through the outbox
  // (their account's notice, their address); no_email when they have neither. `pdf` is
  // the letter rendered by WorkOn, as for a partner's contact.
  void DeliverToPerson(MailingRecipient& r, const Letter& l, const std::string& pdf, const std::string& now,
                       const auth::Actor& actor, const std::function<void(const std::string&, const std::string&)>& finish);
  core::Result<std::shared_ptr<const Source>> LoadSource(soci::session& sql, const Mailing& m);
  core::Result<Letter> Compose(soci::session& sql, std::shared_ptr<const Source> source, const MailingRecipient& r);
  core::Result<Mailing> Visible(soci::session& sql, const core::Principal& who, std::int64_t id);
  core::Result<LetterTemplate> TemplateInScope(soci::session& sql, const core::Principal& who, std::int64_t id,
                                               std::string_view field = "");
  // One recipient: compose, render and, in one transaction, log and queue.
  void WorkOn(MailingRecipient r, const core::Result<std::shared_ptr<const Source>>& source);
  std::string Now() const { return core::FormatIso(clock_.Now()); }

  storage::Database& db_;
  const core::Clock& clock_;
  notify::NotifyService& notify_;
};

}  // namespace tongxin::partners
