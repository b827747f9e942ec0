// Letter templates and mass letters storage: templates of the units in scope, mailings
// with their recipients' counts, recipients claimed for work by the sending job (two
// instances never claim the same one), their results, and retrying failed ones. SQL only;
// runs on the caller's session.
#pragma once

#include <boost/describe/class.hpp>
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/partners/letter_template.hpp"

namespace tongxin::partners::repo {

std::vector<LetterTemplate> ListTemplates(soci::session& sql, const core::Principal& who, bool active_only);
// With its images.
std::optional<LetterTemplate> FindTemplate(soci::session& sql, std::int64_t id);
std::int64_t InsertTemplate(soci::session& sql, const LetterTemplate& t);
void UpdateTemplate(soci::session& sql, const LetterTemplate& t);
// which: "signature" | "letterhead"; png "" removes it.
void SetTemplateImage(soci::session& sql, std::int64_t id, const std::string& which, const std::string& png,
                      const std::string& now);

core::Page<Mailing> ListMailings(soci::session& sql, const core::Principal& who, const core::PageRequest& page);
std::optional<Mailing> FindMailing(soci::session& sql, std::int64_t id);
std::int64_t InsertMailing(soci::session& sql, const Mailing& m);
// draft -> sending; false when it was not a draft.
bool StartMailing(soci::session& sql, std::int64_t id, const std::string& now);
// Mailings still sending with nothing left to do become done.
void FinishMailings(soci::session& sql, const std::string& now);

// One of our people as a letter's recipient.
struct PersonRecipient {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string name_zh, name_latin, email, language, nationality, category;
  std::string unit_name_zh, unit_name_en;  // read with it
};
BOOST_DESCRIBE_STRUCT(PersonRecipient, (), (id, unit_id, name_zh, name_latin, email, language, nationality, category,
                                            unit_name_zh, unit_name_en))
// The active people in who's scope the filter chooses, by name.
std::vector<PersonRecipient> PeopleFor(soci::session& sql, const core::Principal& who, const PeopleFilter& f);
std::optional<PersonRecipient> FindPersonRecipient(soci::session& sql, std::int64_t person_id);

// Inserts unless the contact (or the person) is a recipient already. Returns whether inserted.
bool InsertRecipient(soci::session& sql, const MailingRecipient& r);
struct RecipientFilter {
  std::string status;  // "" = all
};
core::Page<MailingRecipient> ListRecipients(soci::session& sql, std::int64_t mailing_id, const RecipientFilter& f,
                                            const core::PageRequest& page);
std::optional<MailingRecipient> FindRecipient(soci::session& sql, std::int64_t mailing_id, std::int64_t id);
// Claims up to `limit` pending recipients of sending mailings (pending -> working).
std::vector<MailingRecipient> ClaimRecipients(soci::session& sql, const std::string& now, int limit);
// Recipients left working since before `cutoff` (a worker died) go back to pending: the
// outbox's dedup key keeps their email from going twice.
int ReleaseStale(soci::session& sql, const std::string& cutoff);
void FinishRecipient(soci::session& sql, const MailingRecipient& r);
// Failed recipients and those that had no email go back to pending; emails the outbox
// gave up on ("failed", never "unknown": those may have arrived) are queued again.
// Returns the recipients and the emails retried.
struct RetryCounts {
  std::int64_t recipients = 0, emails = 0;
};
RetryCounts RetryFailed(soci::session& sql, std::int64_t mailing_id, const std::string& now);

}  // namespace tongxin::partners::repo
