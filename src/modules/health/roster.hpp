// The roster: who is expected to report in which slot of a day, built from the plans.
// One plan applies per person and day: an observation plan that lists them, else a group
// plan that lists them, else the group plan of their nearest unit, else one for their
// category.
#pragma once

#include <soci/soci.h>

#include <map>
#include <string>
#include <vector>

#include "modules/health/health_repo.hpp"

namespace tongxin::health {

// The plan for one person on one day, or nullptr.
const ReportPlan* PlanFor(const std::vector<ReportPlan>& plans, const repo::RosterPerson& person,
                          const std::map<std::int64_t, std::string>& unit_paths);

// Roster rows for a day from plans and people; rows whose (slot, person) key is in `skip`
// are left out (used when refreshing a day that already has reports).
// `only`: build the rows of these people alone (after a change to them).
std::vector<RosterRow> BuildRoster(soci::session& sql, const std::string& day,
                                         const std::vector<std::pair<int, std::int64_t>>& skip,
                                         const std::vector<std::int64_t>* only = nullptr);

}  // namespace tongxin::health
