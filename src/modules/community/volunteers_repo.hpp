// Volunteers, deployments and groups storage. A volunteer is in a caller's scope when their
// person's unit is (the university's side) or when they were ever deployed to a community
// in it (the community's side); a group when its community is.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/community/volunteer.hpp"

namespace tongxin::community::repo {

struct VolunteerFilter {
  std::string community_path;  // deployed (at any time) to a community under this path ("" = any)
  std::string skill;           // has this skill ("" = any)
  std::string q;               // name
};

core::Page<Volunteer> Volunteers(soci::session& sql, const core::Principal& who, const VolunteerFilter& f,
                                 const core::PageRequest& page);
std::optional<Volunteer> FindVolunteer(soci::session& sql, std::int64_t person_id);
void InsertVolunteer(soci::session& sql, const Volunteer& v);
void UpdateVolunteer(soci::session& sql, const Volunteer& v);

// Deployments of these people, latest first.
std::vector<Deployment> DeploymentsOf(soci::session& sql, const std::vector<std::int64_t>& person_ids);
// Deployments to communities under the path, latest first.
std::vector<Deployment> DeploymentsTo(soci::session& sql, const std::string& community_path);
std::optional<Deployment> FindDeployment(soci::session& sql, std::int64_t id);
// Another deployment of the person whose period meets [starts_on, ends_on] ("" = open).
std::optional<Deployment> OverlappingDeployment(soci::session& sql, std::int64_t person_id,
                                                const std::string& starts_on, const std::string& ends_on,
                                                std::int64_t except_id);
// True when the person has a deployment to the community that has not ended before `day`.
bool DeployedTo(soci::session& sql, std::int64_t person_id, std::int64_t community_id, const std::string& day);
std::int64_t InsertDeployment(soci::session& sql, const Deployment& d);
void UpdateDeployment(soci::session& sql, const Deployment& d);
void DeleteDeployment(soci::session& sql, std::int64_t id);

std::vector<Group> Groups(soci::session& sql, const core::Principal& who, const std::string& community_path);
std::optional<Group> FindGroup(soci::session& sql, std::int64_t id);
std::int64_t InsertGroup(soci::session& sql, const Group& g);
void UpdateGroup(soci::session& sql, const Group& g);
std::vector<GroupMember> Members(soci::session& sql, std::int64_t group_id);
// Adds the member, or changes whether they lead.
void PutMember(soci::session& sql, const GroupMember& m);
bool RemoveMember(soci::session& sql, std::int64_t group_id, std::int64_t person_id);

struct CommunityRef {
  std::int64_t id = 0;
  std::string name_zh, name_en;
};
// Every community (unit of kind community), for choosing where to deploy.
std::vector<CommunityRef> Communities(soci::session& sql);

}  // namespace tongxin::community::repo
