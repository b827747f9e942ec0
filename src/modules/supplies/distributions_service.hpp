// Distributions rules: package templates; batch distributions previewed (what the list
// needs against the store's unexpired stock), then posted all-or-nothing as one issue
// posting per recipient, first expiry first; confirmation of receipt by the recipient or
// by staff naming who took the goods; an undelivered share returned by reversing its
// posting; each person's own shares; the printable sign-off sheet. Who may distribute:
// whoever may post in the store (SuppliesService::PostableStore). Thread-safe; blocks on
// the database.
#pragma once

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/supplies/distribution.hpp"
#include "modules/supplies/supplies_service.hpp"
#include "storage/database.hpp"

namespace tongxin::supplies {

class DistributionsService {
 public:
  DistributionsService(storage::Database& db, SuppliesService& supplies);

  core::Result<std::vector<Package>> ListPackages(bool active_only);
  // Errors: field errors (lines[n].item_id, .quantity, .pack_id).
  core::Result<Package> CreatePackage(const PackageInput& in, const auth::Actor& actor);
  core::Result<Package> UpdatePackage(std::int64_t id, const PackageInput& in, const auth::Actor& actor);

  // What a distribution would need. Errors: as Create, without the shortfall.
  core::Result<Preview> PreviewOf(const core::Principal& who, const DistributionInput& in);
  // Saves a distribution, posted at once unless in.post is false. Errors: field errors,
  // supplies.store_not_found / auth.out_of_scope / supplies.not_keeper (store_id),
  // people.not_found / units.not_found (recipients.*), auth.out_of_scope (a recipient
  // outside the caller's units), supplies.no_recipients, supplies.too_many_recipients,
  // supplies.shortfall (409, nothing written).
  core::Result<Distribution> Create(const core::Principal& who, const DistributionInput& in, const auth::Actor& actor);
  // Posts a planned distribution. Errors: supplies.distribution_not_found,
  // supplies.distribution_not_planned (409), supplies.shortfall (409).
  core::Result<Distribution> PostPlanned(const core::Principal& who, std::int64_t id, const auth::Actor& actor);
  core::Result<Distribution> Cancel(const core::Principal& who, std::int64_t id, const auth::Actor& actor);
  core::Result<Distribution> Get(const core::Principal& who, std::int64_t id);
  core::Result<core::Page<Distribution>> List(const core::Principal& who, const std::string& status,
                                              const core::PageRequest& page);
  core::Result<core::Page<Recipient>> RecipientsOf(const core::Principal& who, std::int64_t id,
                                                   const std::string& status, const core::PageRequest& page);

  // Every recipient, for the XLSX export (audited as an export of the distribution).
  core::Result<std::pair<Distribution, std::vector<Recipient>>> ExportRecipients(const core::Principal& who,
                                                                                 std::int64_t id,
                                                                                 const auth::Actor& actor);

  // A share as its recipient or staff of the store see it.
  core::Result<std::pair<Recipient, Distribution>> Share(const core::Principal& who, std::int64_t recipient_id);
  // The recipient confirms (no name needed), or staff who may post in the store record who
  // took the goods (received_by_name required). Errors: supplies.share_not_found,
  // auth.out_of_scope, supplies.distribution_not_posted (409), supplies.already_received
  // (409), supplies.share_returned (409).
  core::Result<Recipient> Confirm(const core::Principal& who, std::int64_t recipient_id, const ConfirmInput& in,
                                  const auth::Actor& actor);
  // Puts an undelivered share back into the store by reversing its posting.
  core::Result<Recipient> Return(const core::Principal& who, std::int64_t recipient_id, const std::string& note,
                                 const auth::Actor& actor);
  // The caller's own shares (their linked person), newest first.
  core::Result<std::vector<std::pair<Recipient, Distribution>>> Mine(const core::Principal& who);

  // The sign-off sheet: one line per recipient with a QR code that opens
  // `<base_url>/supplies/receive/<recipient id>`.
  core::Result<std::string> SignoffSheet(const core::Principal& who, std::int64_t id, core::Lang lang,
                                         const std::string& base_url);

 private:
  core::Result<std::vector<PackageLine>> ShareLines(soci::session& sql, const DistributionInput& in);
  core::Result<std::vector<PackageLine>> ResolveLines(soci::session& sql, const std::vector<LineInput>& lines,
                                                      const std::string& prefix);
  core::Result<std::vector<Recipient>> ResolveRecipients(soci::session& sql, const core::Principal& who,
                                                         const RecipientsInput& in);
  std::vector<Need> Needs(soci::session& sql, std::int64_t store_id, const std::vector<PackageLine>& share,
                          std::int64_t count);
  // Posts one issue per recipient; the distribution must be saved with its recipients.
  core::Status PostShares(soci::session& sql, const core::Principal& who, const Distribution& d,
                          const auth::Actor& actor);
  core::Result<Distribution> ReadableDistribution(soci::session& sql, const core::Principal& who, std::int64_t id);

  storage::Database& db_;
  SuppliesService& supplies_;
};

}  // namespace tongxin::supplies
