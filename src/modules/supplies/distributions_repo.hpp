// Distributions storage: packages and their lines, distributions, their shares and
// recipients. Plain statements on the caller's session; the service owns transactions.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/supplies/distribution.hpp"

namespace tongxin::supplies::repo {

std::vector<Package> ListPackages(soci::session& sql, bool active_only);
std::optional<Package> FindPackage(soci::session& sql, std::int64_t id);
std::int64_t InsertPackage(soci::session& sql, const Package& p);
void UpdatePackage(soci::session& sql, const Package& p);
void SetPackageLines(soci::session& sql, std::int64_t package_id, const std::vector<PackageLine>& lines);

// Recipients to be: active people by id (with their unit path; ids not found are left
// out), the active people of a unit's subtree (of one category when given), units by id.
std::vector<Recipient> PeopleByIds(soci::session& sql, const std::vector<std::int64_t>& ids);
std::vector<Recipient> PeopleOfSubtree(soci::session& sql, const std::string& unit_path, const std::string& category);
std::vector<Recipient> UnitsByIds(soci::session& sql, const std::vector<std::int64_t>& ids);

std::int64_t InsertDistribution(soci::session& sql, const Distribution& d);
void SetDistributionLines(soci::session& sql, std::int64_t distribution_id, const std::vector<PackageLine>& lines);
void InsertRecipients(soci::session& sql, std::int64_t distribution_id, const std::vector<Recipient>& rs);
// Marks a planned distribution posted (or cancelled); false when it was not planned.
bool SetDistributionStatus(soci::session& sql, std::int64_t id, const std::string& status,
                           std::optional<std::int64_t> by, const std::string& at);
std::optional<Distribution> FindDistribution(soci::session& sql, std::int64_t id);
// Distributions of the stores in who's scope, newest first.
core::Page<Distribution> ListDistributions(soci::session& sql, const core::Principal& who, const std::string& status,
                                           const core::PageRequest& page);

// A distribution's recipients in sign-off order (by id); status filters when not "".
core::Page<Recipient> Recipients(soci::session& sql, std::int64_t distribution_id, const std::string& status,
                                 const core::PageRequest& page);
std::vector<Recipient> AllRecipients(soci::session& sql, std::int64_t distribution_id);
std::optional<Recipient> FindRecipient(soci::session& sql, std::int64_t id);
// Records each recipient's posting (pairs of recipient id and posting id).
void SetRecipientPostings(soci::session& sql, const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs);
// pending -> received; false when the recipient was not pending.
bool MarkReceived(soci::session& sql, std::int64_t id, std::optional<std::int64_t> by_user, const std::string& by_name,
                  const std::string& at);
// pending -> returned; false when the recipient was not pending.
bool MarkReturned(soci::session& sql, std::int64_t id, std::int64_t posting_id, const std::string& at);
// A person's shares in distributions planned or posted, newest first.
std::vector<std::pair<Recipient, Distribution>> SharesOf(soci::session& sql, std::int64_t person_id, int limit);

}  // namespace tongxin::supplies::repo
