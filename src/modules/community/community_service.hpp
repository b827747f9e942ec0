// Communities (下沉社区), part 1: buildings with their lockdown state and history,
// households (rooms of a building or of one of its entrances) and their residents. Every
// unit, household and person a request names is checked against the caller's scope by
// the shared guard. Community staff (editors: admins, office, department accounts scoped
// to the community) change them; readers (also leaders and volunteers deployed there) see
// them. Residents' vulnerable flags are shown to staff only, and every read that shows
// them is audited. Thread-safe; blocks on the database.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/community/community_repo.hpp"
#include "modules/community/household.hpp"
#include "modules/people/people_service.hpp"
#include "storage/database.hpp"

namespace tongxin::community {

struct BuildingDetail {
  Building b;
  std::vector<LockdownEvent> history;
};

struct HouseholdDetail {
  Household h;
  std::vector<Resident> residents;
};

struct ListQuery {
  std::optional<std::int64_t> unit_id;  // under this unit (a community, compound or building)
  std::string state, flag, q;
};

class CommunityService {
 public:
  CommunityService(storage::Database& db, const core::Clock& clock, people::PeopleService& people,
                   std::string time_zone)
      : db_(db), clock_(clock), people_(people), time_zone_(std::move(time_zone)) {}

  // Who sees residents' vulnerable flags: staff (admins, office, department, leaders).
  static bool SeesFlags(const core::Principal& who);

  // Errors: auth.forbidden; unit_id units.not_found (400), auth.out_of_scope.
  core::Result<core::Page<Building>> Buildings(const core::Principal& who, const ListQuery& q,
                                               const core::PageRequest& page);
  // Errors: community.building_not_found (404), auth.out_of_scope.
  core::Result<BuildingDetail> GetBuilding(const core::Principal& who, std::int64_t id);
  // The building's lockdown state from now on (since: today when not given), with the change in its history (audited).
  core::Result<BuildingDetail> SetLockdown(const core::Principal& who, std::int64_t id, const LockdownInput& in,
                                           const auth::Actor& actor);

  core::Result<core::Page<Household>> Households(const core::Principal& who, const ListQuery& q,
                                                 const core::PageRequest& page);
  // With its residents; a read showing their flags is audited. Errors:
  // community.household_not_found (404), auth.out_of_scope.
  core::Result<HouseholdDetail> GetHousehold(const core::Principal& who, std::int64_t id, const auth::Actor& actor);
  // At unit_id + room, or at the address under community_id. Errors: field errors,
  // community.not_a_building (400 unit_id), community.no_such_address (400 address),
  // community.room_taken (409 room), auth.out_of_scope.
  core::Result<HouseholdDetail> CreateHousehold(const core::Principal& who, const HouseholdInput& in,
                                                const auth::Actor& actor);
  core::Result<HouseholdDetail> UpdateHousehold(const core::Principal& who, std::int64_t id,
                                                const HouseholdInput& in, const auth::Actor& actor);

  // A person in scope (person_id) or a new person of category resident, living there.
  // Errors: community.resident_elsewhere (409 person_id) when already in a household.
  core::Result<HouseholdDetail> AddResident(const core::Principal& who, std::int64_t household_id,
                                            const ResidentInput& in, const auth::Actor& actor);
  // Age band, flags, or a move to another household (household_id). Errors:
  // community.not_a_resident (404).
  core::Result<Resident> UpdateResident(const core::Principal& who, std::int64_t person_id, const ResidentInput& in,
                                        const auth::Actor& actor);
  core::Status RemoveResident(const core::Principal& who, std::int64_t person_id, const auth::Actor& actor);
  // Residents in scope (flag= needs staff); a list showing flags is audited.
  core::Result<core::Page<Resident>> Residents(const core::Principal& who, const ListQuery& q,
                                               const core::PageRequest& page, const auth::Actor& actor);
  // The writes above inside the caller's transaction (imports: every row or none). The
  // caller has checked the household's unit is in scope.
  core::Result<Household> CreateHouseholdOn(soci::session& sql, Household h, const auth::Actor& actor);
  core::Result<std::int64_t> AddResidentOn(soci::session& sql, const core::Principal& who, const Household& h,
                                           const ResidentInput& in, const auth::Actor& actor);
  core::Status UpdateResidentOn(soci::session& sql, const Resident& before, const ResidentInput& in,
                                const auth::Actor& actor);

  // Every household or resident matching, for a spreadsheet; the export is audited.
  core::Result<std::vector<Household>> AllHouseholds(const core::Principal& who, const ListQuery& q,
                                                     const auth::Actor& actor);
  core::Result<std::vector<Resident>> AllResidents(const core::Principal& who, const ListQuery& q,
                                                   const auth::Actor& actor);

  std::string Now() const { return core::FormatIso(clock_.Now()); }
  storage::Database& db() { return db_; }
  people::PeopleService& people() { return people_; }

 private:
  core::Result<repo::Filter> FilterFor(soci::session& sql, const core::Principal& who, const ListQuery& q);
  core::Result<Household> HouseholdInScope(soci::session& sql, const core::Principal& who, std::int64_t id,
                                           std::string_view field = "");
  core::Result<HouseholdDetail> Detail(soci::session& sql, std::int64_t id);

  storage::Database& db_;
  const core::Clock& clock_;
  people::PeopleService& people_;
  std::string time_zone_;  // the office's: the day a lockdown starts when none is given
};

}  // namespace tongxin::community
