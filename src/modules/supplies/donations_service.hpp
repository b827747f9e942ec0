// Donations rules. Who may do what:
// - donors and donations belong to a unit; staff whose units cover it read them, editors
//   (admins, office, department staff) in scope record them;
// - amounts (and CNY equivalents, money totals) are shown to admins, office staff and
//   finance (department staff whose units cover the finance unit) only; only they record
//   or change money donations; others see amount_hidden. Finance staff read the donations
//   of every unit (they keep the books) and change only those of their own units;
// - the exchange-rate table is kept by finance (and admins); staff read it;
// - a donor's contact details are personal data: lists mask them, reading one donor in
//   full is audited;
// - goods received post a receipt (source donation) into a store the caller may post in;
//   goods given from our stock post an issue; goods arranged from a third party move no
//   stock. Every write is audited, in the same transaction as the posting.
// Thread-safe; blocks on the database.
#pragma once

#include "auth/audit.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/supplies/donation.hpp"
#include "modules/supplies/supplies_service.hpp"
#include "storage/database.hpp"

namespace tongxin::supplies {

class DonationsService {
 public:
  // finance_unit: the code of the finance unit ("FINANCE").
  DonationsService(storage::Database& db, SuppliesService& supplies, std::string finance_unit);

  // True when the caller may see donation amounts.
  core::Result<bool> SeesAmounts(const core::Principal& who);

  core::Result<core::Page<Donor>> ListDonors(const core::Principal& who, const std::string& q, const std::string& kind,
                                             const core::PageRequest& page);
  // The donor with their contact details, audited. Errors: supplies.donor_not_found, auth.out_of_scope.
  core::Result<Donor> GetDonor(const core::Principal& who, std::int64_t id, const auth::Actor& actor);
  core::Result<Donor> CreateDonor(const core::Principal& who, const DonorInput& in, const auth::Actor& actor);
  core::Result<Donor> UpdateDonor(const core::Principal& who, std::int64_t id, const DonorInput& in,
                                  const auth::Actor& actor);

  core::Result<std::vector<Rate>> ListRates(const std::string& currency);
  // Errors: supplies.not_finance (403).
  core::Result<Rate> SetRate(const core::Principal& who, const RateInput& in, const auth::Actor& actor);
  // Errors: supplies.not_finance, supplies.rate_not_found.
  core::Status DeleteRate(const core::Principal& who, const std::string& currency, const std::string& valid_from,
                          const auth::Actor& actor);

  struct Listed {
    core::Page<Donation> page;
    bool amounts = false;
  };
  core::Result<Listed> List(const core::Principal& who, const DonationFilter& f, const core::PageRequest& page);
  struct All {
    std::vector<Donation> items;
    bool amounts = false;
  };
  // Every matching donation, for exports (audited: donor names and amounts leave the system).
  core::Result<All> Export(const core::Principal& who, const DonationFilter& f, const auth::Actor& actor);
  // Errors: supplies.donation_not_found, auth.out_of_scope.
  core::Result<std::pair<Donation, bool>> Get(const core::Principal& who, std::int64_t id);
  // Errors: field errors (unit_id, donor_id, store_id, lines[n]...), supplies.amounts_restricted (403),
  // supplies.receipt_taken (409), supplies.third_party_donor (400 donor_id), posting errors.
  core::Result<Donation> Create(const core::Principal& who, const DonationInput& in, const auth::Actor& actor);
  core::Result<Donation> Update(const core::Principal& who, std::int64_t id, const DonationPatch& in,
                                const auth::Actor& actor);
  // Errors: supplies.thanks_for_in_only (409), supplies.thanks_backwards (409).
  core::Result<Donation> SetThanks(const core::Principal& who, std::int64_t id, const std::string& status,
                                   const auth::Actor& actor);
  // Errors: supplies.delivery_for_out_only (409), supplies.already_delivered (409).
  core::Result<Donation> Deliver(const core::Principal& who, std::int64_t id, const StatusInput& in,
                                 const auth::Actor& actor);
  // Errors: files.type (415), files.too_large (413).
  core::Result<Donation> AddDocument(const core::Principal& who, std::int64_t id, const std::string& filename,
                                     std::string bytes, const auth::Actor& actor);
  // Audited. Errors: supplies.document_not_found.
  core::Result<io::Attachment> GetDocument(const core::Principal& who, std::int64_t id, std::int64_t document_id,
                                           const auth::Actor& actor);
  core::Result<std::pair<Totals, bool>> Summary(const core::Principal& who, const DonationFilter& f);

 private:
  bool SeesAmountsOn(soci::session& sql, const core::Principal& who);
  bool KeepsRates(soci::session& sql, const core::Principal& who);
  // Who reads donations: finance staff read those of every unit (they keep the books).
  core::Principal Reader(soci::session& sql, const core::Principal& who);
  core::Result<Donation> InScope(soci::session& sql, const core::Principal& who, std::int64_t id);
  core::Result<Donation> Save(soci::session& sql, const Donation& before, Donation after, const auth::Actor& actor);

  storage::Database& db_;
  SuppliesService& supplies_;
  std::string finance_unit_;
};

}  // namespace tongxin::supplies
