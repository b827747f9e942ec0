// Volunteers and their deployments (下沉) and temporary groups. The university's side
// (admins, office, departments with the person in scope) keeps a volunteer's profile and
// deploys them to a community — any unit of kind community, since deploying shows nothing
// of the community's own records; the community's side (accounts with the community in
// scope) sees who is deployed there and forms groups of them, with leaders. A volunteer
// keeps their own profile (skills, languages, availability). Phone numbers are masked in
// lists. Every write is audited. Thread-safe; blocks on the database.
#pragma once

#include <string>
#include <vector>

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/community/volunteer.hpp"
#include "modules/community/volunteers_repo.hpp"
#include "storage/database.hpp"

namespace tongxin::community {

struct VolunteerDetail {
  Volunteer v;
  std::vector<Deployment> deployments;
  std::vector<Group> groups;
};

struct GroupDetail {
  Group g;
  std::vector<GroupMember> members;
};

struct VolunteerQuery {
  std::optional<std::int64_t> community_id;
  std::string skill, q;
};

class VolunteersService {
 public:
  VolunteersService(storage::Database& db, const core::Clock& clock, std::string time_zone)
      : db_(db), clock_(clock), time_zone_(std::move(time_zone)) {}

  // The communities volunteers may be deployed to (editors).
  core::Result<std::vector<repo::CommunityRef>> Communities(const core::Principal& who);
  // Errors: community_id units.not_found (400), auth.out_of_scope.
  core::Result<core::Page<Volunteer>> List(const core::Principal& who, const VolunteerQuery& q,
                                           const core::PageRequest& page);
  // Errors: community.not_a_volunteer (404), auth.out_of_scope.
  core::Result<VolunteerDetail> Get(const core::Principal& who, std::int64_t person_id);
  // A person in scope becomes a volunteer. Errors: person_id people.not_found (400),
  // auth.out_of_scope, community.already_volunteer (409).
  core::Result<VolunteerDetail> Create(const core::Principal& who, const VolunteerInput& in,
                                       const auth::Actor& actor);
  // By the university's side, or the volunteer themself.
  core::Result<VolunteerDetail> Update(const core::Principal& who, std::int64_t person_id, const VolunteerInput& in,
                                       const auth::Actor& actor);

  // Errors: community_id units.not_found / community.not_a_community (400);
  // community.deployment_overlaps (409 starts_on) when another deployment meets the period.
  core::Result<VolunteerDetail> Deploy(const core::Principal& who, std::int64_t person_id, const DeploymentInput& in,
                                       const auth::Actor& actor);
  // Period, contact or duty (ending a deployment: ends_on). Errors: community.deployment_not_found (404).
  core::Result<VolunteerDetail> UpdateDeployment(const core::Principal& who, std::int64_t id,
                                                 const DeploymentInput& in, const auth::Actor& actor);
  core::Status RemoveDeployment(const core::Principal& who, std::int64_t id, const auth::Actor& actor);

  // Groups of communities in scope (community_id: under it).
  core::Result<std::vector<Group>> Groups(const core::Principal& who, std::optional<std::int64_t> community_id);
  // Errors: community.group_not_found (404), auth.out_of_scope.
  core::Result<GroupDetail> GetGroup(const core::Principal& who, std::int64_t id);
  core::Result<GroupDetail> CreateGroup(const core::Principal& who, const GroupInput& in, const auth::Actor& actor);
  core::Result<GroupDetail> UpdateGroup(const core::Principal& who, std::int64_t id, const GroupInput& in,
                                        const auth::Actor& actor);
  // A volunteer deployed to the group's community joins it (or becomes / stops being a
  // leader). Errors: person_id community.not_deployed_here (400).
  core::Result<GroupDetail> PutMember(const core::Principal& who, std::int64_t group_id, const MemberInput& in,
                                      const auth::Actor& actor);
  core::Result<GroupDetail> RemoveMember(const core::Principal& who, std::int64_t group_id, std::int64_t person_id,
                                         const auth::Actor& actor);

  std::string Today() const;

 private:
  std::string Now() const { return core::FormatIso(clock_.Now()); }
  // The volunteer, if the caller may see them: the person in scope, or deployed to a
  // community in scope (or the caller's own record).
  core::Result<Volunteer> Visible(soci::session& sql, const core::Principal& who, std::int64_t person_id);
  core::Result<VolunteerDetail> Detail(soci::session& sql, const core::Principal& who, std::int64_t person_id);
  core::Result<Group> GroupInScope(soci::session& sql, const core::Principal& who, std::int64_t id);
  void FillCurrent(soci::session& sql, std::vector<Volunteer>& list);

  storage::Database& db_;
  const core::Clock& clock_;
  std::string time_zone_;
};

}  // namespace tongxin::community
