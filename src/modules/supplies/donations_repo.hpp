// Donations storage: donors, exchange rates, donations with their goods lines and
// documents. Functions run on the caller's session; scope filters use the principal.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/supplies/donation.hpp"

namespace tongxin::supplies::repo {

// The path of the unit with this code, if any.
std::optional<std::string> UnitPathOf(soci::session& sql, const std::string& code);

core::Page<Donor> ListDonors(soci::session& sql, const core::Principal& who, const std::string& q,
                             const std::string& kind, const core::PageRequest& page);
std::optional<Donor> FindDonor(soci::session& sql, std::int64_t id);
std::int64_t InsertDonor(soci::session& sql, const Donor& d);
void UpdateDonor(soci::session& sql, const Donor& d);

std::vector<Rate> ListRates(soci::session& sql, const std::string& currency);
std::optional<Rate> FindRate(soci::session& sql, const std::string& currency, const std::string& valid_from);
void PutRate(soci::session& sql, const Rate& r, bool exists);
void DeleteRate(soci::session& sql, const std::string& currency, const std::string& valid_from);

core::Page<Donation> ListDonations(soci::session& sql, const core::Principal& who, const DonationFilter& f,
                                   const core::PageRequest& page);
// Every donation matching the filter (for totals and exports), with its lines.
std::vector<Donation> AllDonations(soci::session& sql, const core::Principal& who, const DonationFilter& f);
std::optional<Donation> FindDonation(soci::session& sql, std::int64_t id);
bool ReceiptTaken(soci::session& sql, const std::string& direction, const std::string& receipt_no,
                  std::int64_t except_id);
std::int64_t InsertDonation(soci::session& sql, const Donation& d);
void UpdateDonation(soci::session& sql, const Donation& d);
void InsertDonationLines(soci::session& sql, std::int64_t donation_id, const std::vector<DonationLine>& lines);

std::int64_t InsertDocument(soci::session& sql, std::int64_t donation_id, const io::Attachment& a);
std::optional<io::Attachment> FindDocument(soci::session& sql, std::int64_t donation_id, std::int64_t id);

}  // namespace tongxin::supplies::repo
