// Letter templates and mass letters: a template's texts in Chinese and English (and an
// optional third language) with merge fields ({{partner.name}}, {{contact.honorific}},
// {{signer.name}}, {{date}}...), its letterhead and signature; a mass letter (mailing) and
// its recipients, one per contact. Plain structs, request parsing, merging and JSON.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "modules/partners/partner.hpp"

namespace tongxin::partners {

struct LetterTemplate {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string name;
  std::string subject_zh, body_zh, subject_en, body_en;
  std::string third_lang, subject_third, body_third;
  std::string letterhead_zh, letterhead_en;
  std::string signer_name_zh, signer_name_en, signer_title_zh, signer_title_en;
  std::string signature_png, letterhead_png;  // PNG bytes (not base64), "" = none
  bool active = true;
  std::optional<std::int64_t> created_by;
  std::string created_at, updated_at;
  std::string unit_path;  // read with it
};
BOOST_DESCRIBE_STRUCT(LetterTemplate, (), (id, unit_id, name, subject_zh, body_zh, subject_en, body_en, third_lang,
                                           subject_third, body_third, letterhead_zh, letterhead_en, signer_name_zh,
                                           signer_name_en, signer_title_zh, signer_title_en, signature_png,
                                           letterhead_png, active, created_by, created_at, updated_at, unit_path))

struct TemplateInput {
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> name, subject_zh, body_zh, subject_en, body_en, third_lang, subject_third, body_third,
      letterhead_zh, letterhead_en, signer_name_zh, signer_name_en, signer_title_zh, signer_title_en;
  std::optional<bool> active;
};
// Errors: field errors; a text naming a merge field that does not exist is refused
// naming the text and the field (partners.unknown_merge_field, details.name), as is an
// unclosed "{{" (partners.unclosed_merge_field); third_lang partners.language_unknown.
core::Result<TemplateInput> ParseTemplateInput(const boost::json::object& body, bool create);
// A template must have a subject and body in Chinese or English (or both); when it has a
// third language it needs its texts too. Errors: field errors (body_zh, body_third).
core::Status CheckTemplate(const LetterTemplate& t);

// The merge fields a template may use, and merging them into a text.
const std::vector<std::string>& MergeFields();
using MergeValues = std::map<std::string, std::string>;
std::string MergeText(const std::string& text, const MergeValues& values);

// The languages the template is written in ("zh", "en", its third language).
std::vector<std::string> TemplateLanguages(const LetterTemplate& t);
// The language to write to a contact in: theirs when the template has it, else the
// partner's first letter language the template has, else English, else Chinese.
std::string LetterLanguage(const LetterTemplate& t, const Contact& c, const Partner& p);
// The day in the letter's language: "2020年2月2日", "2 February 2020"; other languages ISO.
std::string LetterDate(const std::string& iso_day, const std::string& lang);
// The merge values for one letter.
MergeValues LetterValues(const LetterTemplate& t, const Partner& p, const Contact& c, const std::string& lang,
                         const std::string& dated_on);
// The subject and body in `lang`.
struct LetterText {
  std::string subject, body;
};
LetterText TemplateText(const LetterTemplate& t, const std::string& lang);

boost::json::object TemplateToJson(const LetterTemplate& t);

// ---- mailings ----

struct Mailing {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::int64_t template_id = 0;
  std::string audience = "partners";  // partners (their contacts) or people (ours: foreign staff...)
  std::string title, dated_on, filter, status;
  std::optional<std::int64_t> created_by;
  std::string created_at, started_at, finished_at;
  // Read with it.
  std::string template_name, unit_path;
  std::int64_t total = 0, pending = 0, sent = 0, no_email = 0, failed = 0, delivered = 0, undeliverable = 0;
};
BOOST_DESCRIBE_STRUCT(Mailing, (), (id, unit_id, template_id, audience, title, dated_on, filter, status, created_by, created_at,
                                    started_at, finished_at, template_name, unit_path, total, pending, sent,
                                    no_email, failed, delivered, undeliverable))

// A partner's contact, or one of our people (person_id; then partner_* names their unit and
// contact_* the person).
struct MailingRecipient {
  std::int64_t id = 0;
  std::int64_t mailing_id = 0;
  std::int64_t partner_id = 0;
  std::int64_t contact_id = 0;
  std::optional<std::int64_t> person_id;
  std::string lang, status, error;
  std::optional<std::int64_t> letter_id, notification_id;
  std::string claimed_at, done_at;
  // Read with it.
  std::string partner_name_zh, partner_name_en, partner_country, contact_name, contact_email;
  std::string email_status;  // the outbox row's: pending, sending, sent, failed, unknown
};
BOOST_DESCRIBE_STRUCT(MailingRecipient, (), (id, mailing_id, partner_id, contact_id, person_id, lang, status, error, letter_id,
                                             notification_id, claimed_at, done_at, partner_name_zh, partner_name_en,
                                             partner_country, contact_name, contact_email, email_status))

// Our own people a letter goes to: active people of these categories (foreign staff by
// default), of any of these nationalities, in this unit's subtree.
struct PeopleFilter {
  std::vector<std::string> categories{"foreign_staff"};
  std::vector<std::string> nationalities;
  std::optional<std::int64_t> unit_id;
};

struct MailingInput {
  std::int64_t template_id = 0;
  std::string audience = "partners";
  std::string title, dated_on;
  PartnerFilter filter;
  PeopleFilter people;  // audience "people"
  bool primary_only = false;  // only each partner's primary contact
  std::vector<std::int64_t> partner_ids;  // or exactly these partners
};
// Errors: field errors: template_id, dated_on, filter.kind / filter.countries[n] /
// filter.country, partner_ids[n], audience, people.categories[n] / people.nationalities[n].
core::Result<MailingInput> ParseMailingInput(const boost::json::object& body);

boost::json::object MailingToJson(const Mailing& m);
// The contact's email masked in lists.
boost::json::object RecipientToJson(const MailingRecipient& r, core::Lang lang);

}  // namespace tongxin::partners
