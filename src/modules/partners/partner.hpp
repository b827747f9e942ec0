// Partners (国际合作与交流): institutions the university corresponds with, their contacts and
// the departments they are assigned to; and the correspondence log (letters and emails in
// and out, with threads, scanned attachments and answers due). Plain structs, request
// parsing and JSON.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "io/attachment.hpp"

namespace tongxin::partners {

struct Contact {
  std::int64_t id = 0;
  std::int64_t partner_id = 0;
  std::string name, title, honorific, email, phone, language;  // personal data
  bool is_primary = false;
  bool active = true;
  std::string note, created_at, updated_at;
};
BOOST_DESCRIBE_STRUCT(Contact, (), (id, partner_id, name, title, honorific, email, phone, language, is_primary, active,
                                    note, created_at, updated_at))

struct AssignedUnit {
  std::int64_t id = 0;
  std::string path, name_zh, name_en;
};
BOOST_DESCRIBE_STRUCT(AssignedUnit, (), (id, path, name_zh, name_en))

struct Partner {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string kind, name_zh, name_en, country, city;
  std::vector<std::string> languages, tags;
  std::string website, address, note, status;
  std::optional<std::int64_t> merged_into;
  std::string created_at, updated_at;
  // Read with the partner.
  std::string unit_path;
  std::vector<AssignedUnit> units;   // departments assigned (their staff see it)
  std::vector<Contact> contacts;     // on the partner's page
  std::int64_t letter_count = 0, contact_count = 0;
  std::string last_letter_on;
};
BOOST_DESCRIBE_STRUCT(Partner, (), (id, unit_id, kind, name_zh, name_en, country, city, languages, tags, website,
                                    address, note, status, merged_into, created_at, updated_at, unit_path, units,
                                    contacts, letter_count, contact_count, last_letter_on))

struct Letter {
  std::int64_t id = 0;
  std::int64_t partner_id = 0;
  std::optional<std::int64_t> contact_id;
  std::string direction, channel, dated_on, subject, summary, language;
  std::optional<std::int64_t> thread_id, reply_to;
  bool answer_needed = false;
  std::string answer_by, answered_at, reminded_at;
  std::optional<std::int64_t> handled_by, created_by;
  std::string created_at, updated_at;
  // Read with the letter.
  std::string partner_name_zh, partner_name_en, partner_country, contact_name, handler_name;
  std::int64_t attachment_count = 0;
  std::vector<io::Attachment> attachments;  // without their bytes, on the letter's page
};
BOOST_DESCRIBE_STRUCT(Letter, (), (id, partner_id, contact_id, direction, channel, dated_on, subject, summary,
                                   language, thread_id, reply_to, answer_needed, answer_by, answered_at, reminded_at,
                                   handled_by, created_by, created_at, updated_at, partner_name_zh, partner_name_en,
                                   partner_country, contact_name, handler_name, attachment_count,
                                   attachments))

// ---- input ----

struct PartnerInput {
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> kind, name_zh, name_en, country, city, website, address, note;
  std::optional<std::vector<std::string>> languages, tags;
  std::optional<std::vector<std::int64_t>> unit_ids;  // departments assigned
};
// Errors (field errors): kind (a choice), country validation.invalid_country, languages[n]
// partners.language_unknown, name_zh partners.name_required (neither name), tags[n] too long.
core::Result<PartnerInput> ParsePartnerInput(const boost::json::object& body, bool create);

struct ContactInput {
  std::optional<std::string> name, title, honorific, email, phone, language, note;
  std::optional<bool> is_primary, active;
};
// Errors: email validation.invalid_email, language partners.language_unknown.
core::Result<ContactInput> ParseContactInput(const boost::json::object& body, bool create);

struct LetterInput {
  std::optional<std::int64_t> partner_id, contact_id, reply_to, handled_by;
  std::optional<std::string> direction, channel, dated_on, subject, summary, language, answer_by;
  std::optional<bool> answer_needed;
};
// Errors: field errors; answer_by partners.answer_by_needed when answer_needed without a day.
core::Result<LetterInput> ParseLetterInput(const boost::json::object& body, bool create);

struct PartnerFilter {
  std::string q, kind, country, tag, status = "active";
  std::vector<std::string> countries;   // any of these (mass letters: countries with an outbreak)
  std::optional<std::int64_t> unit_id;  // assigned to this unit (or its subtree)
};
struct LetterFilter {
  std::string q, direction, channel, from, to;
  std::optional<std::int64_t> partner_id, thread_id;
  bool awaiting = false;  // answer needed and not yet answered
  bool overdue = false;   // awaiting and past answer_by (needs `today`)
  std::string today;
};

// "en" and the other ISO 639-1 codes. Names come from the browser's Intl data.
bool IsLanguageCode(const std::string& code);
// Lower-case text the search index matches: names, city, tags and contact names.
std::string PartnerSearchText(const Partner& p, const std::vector<Contact>& contacts);
std::string LetterSearchText(const Letter& l);

// Contacts' email and phone masked unless `contacts` (reading one partner in full).
boost::json::object PartnerToJson(const Partner& p, core::Lang lang, bool contacts);
boost::json::object ContactToJson(const Contact& c, bool full);
boost::json::object LetterToJson(const Letter& l, core::Lang lang);

}  // namespace tongxin::partners
