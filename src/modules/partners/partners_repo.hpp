// Partners storage: partners with their assigned units and contacts, the correspondence
// log and its attachments, donors linked to partners. SQL only; runs on the caller's
// session. A partner is in a principal's scope when its keeping unit or one of its
// assigned units is.
#pragma once

#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/partners/partner.hpp"
#include "storage/query.hpp"

namespace tongxin::partners::repo {

// " AND (<alias> kept by or assigned to a unit in who's scope)"; nothing for all_units.
void AppendPartnerScope(storage::Query& q, const core::Principal& who, const std::string& partner_alias);

core::Page<Partner> ListPartners(soci::session& sql, const core::Principal& who, const PartnerFilter& f,
                                 const core::PageRequest& page);
// Every partner matching the filter (exports, mass letters), with contacts.
std::vector<Partner> AllPartners(soci::session& sql, const core::Principal& who, const PartnerFilter& f);
// With its units and contacts.
std::optional<Partner> FindPartner(soci::session& sql, std::int64_t id);
// The active partner with this English name (any ASCII case) or this Chinese name (imports).
std::optional<std::int64_t> FindPartnerByName(soci::session& sql, const std::string& name_zh,
                                              const std::string& name_en);
// The units in who's scope by code and by both names, lower-cased (imports name units so).
std::map<std::string, std::int64_t> UnitsByName(soci::session& sql, const core::Principal& who);
std::int64_t InsertPartner(soci::session& sql, const Partner& p);
void UpdatePartner(soci::session& sql, const Partner& p);
void SetPartnerUnits(soci::session& sql, std::int64_t partner_id, const std::vector<std::int64_t>& unit_ids);
// Recomputes search_text from the partner and its contacts.
void RefreshSearch(soci::session& sql, std::int64_t partner_id);

std::optional<Contact> FindContact(soci::session& sql, std::int64_t partner_id, std::int64_t id);
std::int64_t InsertContact(soci::session& sql, const Contact& c);
void UpdateContact(soci::session& sql, const Contact& c);
// Clears is_primary on the partner's other contacts.
void ClearPrimary(soci::session& sql, std::int64_t partner_id, std::int64_t except_id);

// Moves contacts, letters, assigned units and donors from `from` to `into`, and marks
// `from` merged into `into`. Returns the rows moved (contacts, letters, donors).
struct MergeCounts {
  std::int64_t contacts = 0, letters = 0, donors = 0;
};
MergeCounts Merge(soci::session& sql, std::int64_t from, std::int64_t into, const std::string& now);

core::Page<Letter> ListLetters(soci::session& sql, const core::Principal& who, const LetterFilter& f,
                               const core::PageRequest& page);
std::optional<Letter> FindLetter(soci::session& sql, std::int64_t id);
std::int64_t InsertLetter(soci::session& sql, const Letter& l);
void UpdateLetter(soci::session& sql, const Letter& l);
// Marks the letter answered (answered_at) when it awaited an answer.
void MarkAnswered(soci::session& sql, std::int64_t id, const std::string& at);
// Letters awaiting an answer due on or before `until`, not reminded yet.
std::vector<Letter> AnswersDue(soci::session& sql, const std::string& until);
void MarkReminded(soci::session& sql, std::int64_t id, const std::string& at);

std::int64_t InsertAttachment(soci::session& sql, std::int64_t letter_id, const io::Attachment& a);
std::vector<io::Attachment> ListAttachments(soci::session& sql, std::int64_t letter_id);
std::optional<io::Attachment> FindAttachment(soci::session& sql, std::int64_t letter_id, std::int64_t id);

// Donors linked to the partner: id, names, donation count.
struct LinkedDonor {
  std::int64_t id = 0;
  std::string name_zh, name_en;
  std::int64_t donation_count = 0;
};
std::vector<LinkedDonor> DonorsOf(soci::session& sql, std::int64_t partner_id);
// Links a donor to a partner (or unlinks with nullopt); false when there is no such donor.
bool LinkDonor(soci::session& sql, std::int64_t donor_id, std::optional<std::int64_t> partner_id);
// The donor's keeping unit path, if the donor exists.
std::optional<std::string> DonorUnitPath(soci::session& sql, std::int64_t donor_id);

}  // namespace tongxin::partners::repo
