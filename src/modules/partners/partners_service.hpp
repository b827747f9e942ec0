// Partners rules. Who may do what:
// - office staff and admins (managers) keep partners, their contacts and the
//   correspondence of the partners their units keep;
// - leaders read them; department staff read the partners assigned to their units; the
//   foreign staff and volunteers see none of it (routes);
// - contacts are personal data: lists mask email and phone; reading one partner in full
//   and exporting contacts are audited;
// - a donor (supplies) may be linked to a partner; the partner's page then lists it;
// - letters awaiting an answer remind their handler through the outbox when the answer is
//   due within reminder_days. Every write is audited in its transaction.
// Thread-safe; blocks on the database.
#pragma once

#include <string>
#include <vector>

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/notify/notify_service.hpp"
#include "modules/partners/partner.hpp"
#include "modules/partners/partner_history.hpp"
#include "modules/partners/partners_repo.hpp"
#include "storage/database.hpp"

namespace tongxin::partners {

class PartnersService {
 public:
  PartnersService(storage::Database& db, const core::Clock& clock, notify::NotifyService& notify,
                  std::string time_zone, int reminder_days = 2);

  core::Result<core::Page<Partner>> List(const core::Principal& who, const PartnerFilter& f,
                                         const core::PageRequest& page);
  // Every matching partner with its contacts unmasked (audited: personal data leaves).
  core::Result<std::vector<Partner>> Export(const core::Principal& who, const PartnerFilter& f,
                                            const auth::Actor& actor);
  // The partner with contacts unmasked (audited). Errors: partners.not_found, auth.out_of_scope.
  core::Result<Partner> Get(const core::Principal& who, std::int64_t id, const auth::Actor& actor);
  // Errors: field errors (unit_id, unit_ids[n] out of scope or unknown).
  core::Result<Partner> Create(const core::Principal& who, const PartnerInput& in, const auth::Actor& actor);
  // Errors: as Create; partners.merged (409) for a merged partner.
  core::Result<Partner> Update(const core::Principal& who, std::int64_t id, const PartnerInput& in,
                               const auth::Actor& actor);
  // Moves everything of `from` to `into` and marks `from` merged. Errors: partners.merge_self
  // (400 into_id), partners.merged (409), not found / out of scope for either (into_id named).
  core::Result<Partner> Merge(const core::Principal& who, std::int64_t from, std::int64_t into,
                              const auth::Actor& actor);

  // The partner's history with its contacts unmasked: letters, visits and the donations
  // (kept in scope) of its linked donors. Audited as a read, or as an export for the PDF.
  core::Result<PartnerHistory> History(const core::Principal& who, std::int64_t id, bool for_pdf,
                                       const auth::Actor& actor);

  core::Result<Partner> AddContact(const core::Principal& who, std::int64_t partner_id, const ContactInput& in,
                                   const auth::Actor& actor);
  // Errors: partners.contact_not_found.
  core::Result<Partner> UpdateContact(const core::Principal& who, std::int64_t partner_id, std::int64_t contact_id,
                                      const ContactInput& in, const auth::Actor& actor);

  core::Result<std::vector<repo::LinkedDonor>> Donors(const core::Principal& who, std::int64_t partner_id);
  // Links the donor (kept by a unit in scope) to the partner. Errors: supplies.donor_not_found (400 donor_id).
  core::Status LinkDonor(const core::Principal& who, std::int64_t partner_id, std::int64_t donor_id, bool link,
                         const auth::Actor& actor);

  core::Result<core::Page<Letter>> Letters(const core::Principal& who, LetterFilter f,
                                           const core::PageRequest& page);
  // With its attachments (without bytes). Errors: partners.letter_not_found, auth.out_of_scope.
  core::Result<Letter> GetLetter(const core::Principal& who, std::int64_t id);
  // Errors: field errors: partner_id (not found, out of scope, merged), contact_id
  // (partners.contact_not_of_partner), reply_to (partners.reply_other_partner), handled_by
  // (an account covering the partner's unit).
  core::Result<Letter> LogLetter(const core::Principal& who, const LetterInput& in, const auth::Actor& actor);
  core::Result<Letter> UpdateLetter(const core::Principal& who, std::int64_t id, const LetterInput& in,
                                    const auth::Actor& actor);
  // Errors: files.type (415), files.too_large (413).
  core::Result<Letter> AddAttachment(const core::Principal& who, std::int64_t letter_id, const std::string& filename,
                                     std::string bytes, const auth::Actor& actor);
  // Audited. Errors: partners.attachment_not_found.
  core::Result<io::Attachment> GetAttachment(const core::Principal& who, std::int64_t letter_id,
                                             std::int64_t attachment_id, const auth::Actor& actor);

  // The scheduler's job: reminds the handler (or whoever logged it) of each letter whose
  // answer is due within reminder_days, once. Returns the notifications queued.
  core::Result<int> RemindAnswers();

  std::string Now() const { return core::FormatIso(clock_.Now()); }
  std::string Today() const;
  std::string LocalNow() const;  // "2020-02-03 09:30" in the office's time zone

  // The partner guards, shared with the module's other services (visits) on their session:
  // the partner when the caller may read it (keeper or an assigned unit in scope), and
  // when the caller may change it (its keeping unit in scope, not merged).
  core::Result<Partner> Readable(soci::session& sql, const core::Principal& who, std::int64_t id,
                                 std::string_view field = "");
  core::Result<Partner> Writable(soci::session& sql, const core::Principal& who, std::int64_t id,
                                 std::string_view field = "");
  // Create and AddContact on the caller's transaction (imports).
  core::Result<Partner> CreateOn(soci::session& sql, const core::Principal& who, const PartnerInput& in,
                                 const auth::Actor& actor);
  core::Result<Partner> AddContactOn(soci::session& sql, const core::Principal& who, std::int64_t partner_id,
                                     const ContactInput& in, const auth::Actor& actor);
  storage::Database& db() { return db_; }

 private:
  core::Result<Letter> ReadableLetter(soci::session& sql, const core::Principal& who, std::int64_t id);
  core::Status CheckUnits(soci::session& sql, const core::Principal& who, const std::vector<std::int64_t>& ids);

  storage::Database& db_;
  const core::Clock& clock_;
  notify::NotifyService& notify_;
  std::string time_zone_;
  int reminder_days_;
};

}  // namespace tongxin::partners
