// Volunteers, deployments and groups.
#include "modules/community/volunteers_service.hpp"

#include <boost/json.hpp>

#include "auth/guard.hpp"
#include "modules/community/access.hpp"
#include "modules/community/shifts_repo.hpp"
#include "core/local_time.hpp"
#include "core/text.hpp"
#include "modules/people/people_repo.hpp"

namespace tongxin::community {
namespace {

using access::CanEdit;
using access::CanRead;

std::string JoinSkills(const std::vector<std::string>& skills) {
  std::string out;
  for (const auto& s : skills) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::string VolunteerAudit(const Volunteer& v) {
  return boost::json::serialize(boost::json::object{
      {"skills", v.skills}, {"languages", v.languages}, {"availability", v.availability}, {"notes", v.notes}});
}

std::string DeploymentAudit(const Deployment& d) {
  return boost::json::serialize(boost::json::object{{"person_id", d.person_id},
                                                    {"community_id", d.community_id},
                                                    {"starts_on", d.starts_on},
                                                    {"ends_on", d.ends_on},
                                                    {"reports_to", d.reports_to},
                                                    {"duty", d.duty}});
}

std::string GroupAudit(const Group& g) {
  return boost::json::serialize(boost::json::object{{"community_id", g.community_id},
                                                    {"kind", g.kind},
                                                    {"name", g.name},
                                                    {"duties", g.duties},
                                                    {"chat_group", g.chat_group}});
}

// A community a deployment or group names. Errors: units.not_found (400 naming `field`),
// community.not_a_community (400).
core::Result<people::Unit> CommunityNamed(soci::session& sql, std::int64_t id, const char* field) {
  auto u = people::repo::FindUnit(sql, id);
  if (!u) return core::FieldInvalid(field, "units.not_found");
  if (u->kind != "community") return core::FieldInvalid(field, "community.not_a_community");
  return *u;
}

}  // namespace

std::string VolunteersService::Today() const { return core::LocalDay(clock_.Now(), time_zone_); }

void VolunteersService::FillCurrent(soci::session& sql, std::vector<Volunteer>& list) {
  std::vector<std::int64_t> ids;
  for (const auto& v : list) ids.push_back(v.person_id);
  const std::string today = Today();
  const auto deployments = repo::DeploymentsOf(sql, ids);
  const auto served = repo::MinutesServed(sql, ids, Now());
  for (auto& v : list) {
    if (auto m = served.find(v.person_id); m != served.end()) v.minutes_served = m->second;
    for (const auto& d : deployments) {  // latest first: the one running today
      if (d.person_id != v.person_id || d.starts_on > today || (!d.ends_on.empty() && d.ends_on < today)) continue;
      v.community_id = d.community_id;
      v.community_name_zh = d.community_name_zh;
      v.community_name_en = d.community_name_en;
      v.deployed_since = d.starts_on;
      break;
    }
  }
}

core::Result<Volunteer> VolunteersService::Visible(soci::session& sql, const core::Principal& who,
                                                   std::int64_t person_id) {
  auto v = repo::FindVolunteer(sql, person_id);
  if (!v) return core::NotFound("community.not_a_volunteer");
  if (auth::guard::Person(sql, who, person_id)) return *v;
  for (const auto& d : repo::DeploymentsOf(sql, {person_id})) {
    auto c = people::repo::FindUnit(sql, d.community_id);
    const bool may = auth::guard::IsStaff(who.role) || who.role == core::Role::kVolunteer;
    if (c && may && who.InScope(c->path)) return *v;
  }
  return core::Forbidden("auth.out_of_scope");
}

core::Result<VolunteerDetail> VolunteersService::Detail(soci::session& sql, const core::Principal& who,
                                                        std::int64_t person_id) {
  TX_TRY(v, Visible(sql, who, person_id));
  std::vector<Volunteer> one{*v};
  FillCurrent(sql, one);
  VolunteerDetail d{one.front(), repo::DeploymentsOf(sql, {person_id}), {}};
  for (const auto& g : repo::Groups(sql, who, "")) {
    for (const auto& m : repo::Members(sql, g.id)) {
      if (m.person_id == person_id) d.groups.push_back(g);
    }
  }
  return d;
}

core::Result<std::vector<repo::CommunityRef>> VolunteersService::Communities(const core::Principal& who) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.WithSession(
      [&](soci::session& sql) -> core::Result<std::vector<repo::CommunityRef>> { return repo::Communities(sql); });
}

core::Result<core::Page<Volunteer>> VolunteersService::List(const core::Principal& who, const VolunteerQuery& q,
                                                            const core::PageRequest& page) {
  if (!CanRead(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<Volunteer>> {
    repo::VolunteerFilter f;
    if (q.community_id) {
      TX_TRY(c, auth::guard::Unit(sql, who, *q.community_id, "community_id"));
      f.community_path = c->path;
    }
    f.skill = q.skill;
    f.q = q.q;
    auto list = repo::Volunteers(sql, who, f, page);
    FillCurrent(sql, list.items);
    return list;
  });
}

core::Result<VolunteerDetail> VolunteersService::Get(const core::Principal& who, std::int64_t person_id) {
  if (!CanRead(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) { return Detail(sql, who, person_id); });
}

core::Result<VolunteerDetail> VolunteersService::Create(const core::Principal& who, const VolunteerInput& in,
                                                        const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<VolunteerDetail> {
    TX_CHECK(auth::guard::Person(sql, who, *in.person_id, "person_id"));
    if (repo::FindVolunteer(sql, *in.person_id)) {
      return core::Conflict("community.already_volunteer", {{"field", "person_id"}});
    }
    Volunteer v;
    v.person_id = *in.person_id;
    v.skills = JoinSkills(in.skills.value_or(std::vector<std::string>{}));
    v.languages = core::Trim(in.languages.value_or(""));
    v.availability = core::Trim(in.availability.value_or(""));
    v.notes = in.notes.value_or("");
    v.created_at = v.updated_at = Now();
    repo::InsertVolunteer(sql, v);
    auth::RecordAudit(sql, actor, v.created_at, "create", "volunteer", std::to_string(v.person_id), "",
                      VolunteerAudit(v));
    return Detail(sql, who, v.person_id);
  });
}

core::Result<VolunteerDetail> VolunteersService::Update(const core::Principal& who, std::int64_t person_id,
                                                        const VolunteerInput& in, const auth::Actor& actor) {
  const bool own = who.person_id && *who.person_id == person_id;
  return db_.InTransaction([&](soci::session& sql) -> core::Result<VolunteerDetail> {
    auto before = repo::FindVolunteer(sql, person_id);
    if (!before) return core::NotFound("community.not_a_volunteer");
    if (!CanEdit(who) && !own) return core::Forbidden("auth.out_of_scope");  // someone else's profile
    TX_CHECK(auth::guard::Person(sql, who, person_id));
    Volunteer after = *before;
    if (in.skills) after.skills = JoinSkills(*in.skills);
    if (in.languages) after.languages = core::Trim(*in.languages);
    if (in.availability) after.availability = core::Trim(*in.availability);
    if (in.notes) after.notes = *in.notes;
    after.updated_at = Now();
    repo::UpdateVolunteer(sql, after);
    auth::RecordAudit(sql, actor, after.updated_at, "update", "volunteer", std::to_string(person_id),
                      VolunteerAudit(*before), VolunteerAudit(after));
    return Detail(sql, who, person_id);
  });
}

core::Result<VolunteerDetail> VolunteersService::Deploy(const core::Principal& who, std::int64_t person_id,
                                                        const DeploymentInput& in, const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<VolunteerDetail> {
    if (!repo::FindVolunteer(sql, person_id)) return core::NotFound("community.not_a_volunteer");
    TX_CHECK(auth::guard::Person(sql, who, person_id));
    TX_CHECK(CommunityNamed(sql, *in.community_id, "community_id"));
    Deployment d;
    d.person_id = person_id;
    d.community_id = *in.community_id;
    d.starts_on = *in.starts_on;
    d.ends_on = in.ends_on.value_or("");
    d.reports_to = core::Trim(in.reports_to.value_or(""));
    d.duty = in.duty.value_or("");
    if (auto other = repo::OverlappingDeployment(sql, person_id, d.starts_on, d.ends_on, 0)) {
      return core::Conflict("community.deployment_overlaps",
                            {{"field", "starts_on"}, {"community", other->community_name_zh},
                             {"starts_on", other->starts_on}});
    }
    d.created_at = d.updated_at = Now();
    d.id = repo::InsertDeployment(sql, d);
    auth::RecordAudit(sql, actor, d.created_at, "create", "deployment", std::to_string(d.id), "",
                      DeploymentAudit(d));
    return Detail(sql, who, person_id);
  });
}

core::Result<VolunteerDetail> VolunteersService::UpdateDeployment(const core::Principal& who, std::int64_t id,
                                                                  const DeploymentInput& in,
                                                                  const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<VolunteerDetail> {
    auto before = repo::FindDeployment(sql, id);
    if (!before) return core::NotFound("community.deployment_not_found");
    TX_CHECK(auth::guard::Person(sql, who, before->person_id));
    Deployment after = *before;
    if (in.starts_on) after.starts_on = *in.starts_on;
    if (in.ends_on) after.ends_on = *in.ends_on;
    if (in.reports_to) after.reports_to = core::Trim(*in.reports_to);
    if (in.duty) after.duty = *in.duty;
    if (!after.ends_on.empty() && after.ends_on < after.starts_on) {
      return core::FieldInvalid("ends_on", "validation.date_order");
    }
    if (auto other = repo::OverlappingDeployment(sql, after.person_id, after.starts_on, after.ends_on, id)) {
      return core::Conflict("community.deployment_overlaps",
                            {{"field", "starts_on"}, {"community", other->community_name_zh},
                             {"starts_on", other->starts_on}});
    }
    after.updated_at = Now();
    repo::UpdateDeployment(sql, after);
    auth::RecordAudit(sql, actor, after.updated_at, "update", "deployment", std::to_string(id),
                      DeploymentAudit(*before), DeploymentAudit(after));
    return Detail(sql, who, after.person_id);
  });
}

core::Status VolunteersService::RemoveDeployment(const core::Principal& who, std::int64_t id,
                                                 const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    auto d = repo::FindDeployment(sql, id);
    if (!d) return core::NotFound("community.deployment_not_found");
    TX_CHECK(auth::guard::Person(sql, who, d->person_id));
    repo::DeleteDeployment(sql, id);
    auth::RecordAudit(sql, actor, Now(), "delete", "deployment", std::to_string(id), DeploymentAudit(*d), "");
    return {};
  });
}

core::Result<std::vector<Group>> VolunteersService::Groups(const core::Principal& who,
                                                           std::optional<std::int64_t> community_id) {
  if (!CanRead(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<Group>> {
    std::string path;
    if (community_id) {
      TX_TRY(c, auth::guard::Unit(sql, who, *community_id, "community_id"));
      path = c->path;
    }
    return repo::Groups(sql, who, path);
  });
}

core::Result<Group> VolunteersService::GroupInScope(soci::session& sql, const core::Principal& who, std::int64_t id) {
  auto g = repo::FindGroup(sql, id);
  if (!g) return core::NotFound("community.group_not_found");
  TX_CHECK(auth::guard::Unit(sql, who, g->community_id));
  return *g;
}

core::Result<GroupDetail> VolunteersService::GetGroup(const core::Principal& who, std::int64_t id) {
  if (!CanRead(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<GroupDetail> {
    TX_TRY(g, GroupInScope(sql, who, id));
    return GroupDetail{*g, repo::Members(sql, id)};
  });
}

core::Result<GroupDetail> VolunteersService::CreateGroup(const core::Principal& who, const GroupInput& in,
                                                         const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<GroupDetail> {
    TX_CHECK(CommunityNamed(sql, *in.community_id, "community_id"));
    TX_CHECK(auth::guard::Unit(sql, who, *in.community_id, "community_id"));
    Group g;
    g.community_id = *in.community_id;
    g.kind = *in.kind;
    g.name = *in.name;
    g.duties = in.duties.value_or("");
    g.chat_group = core::Trim(in.chat_group.value_or(""));
    g.created_at = g.updated_at = Now();
    g.id = repo::InsertGroup(sql, g);
    auth::RecordAudit(sql, actor, g.created_at, "create", "volunteer_group", std::to_string(g.id), "",
                      GroupAudit(g));
    return GroupDetail{*repo::FindGroup(sql, g.id), {}};
  });
}

core::Result<GroupDetail> VolunteersService::UpdateGroup(const core::Principal& who, std::int64_t id,
                                                         const GroupInput& in, const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<GroupDetail> {
    TX_TRY(before, GroupInScope(sql, who, id));
    Group after = *before;
    if (in.kind) after.kind = *in.kind;
    if (in.name) after.name = *in.name;
    if (in.duties) after.duties = *in.duties;
    if (in.chat_group) after.chat_group = core::Trim(*in.chat_group);
    after.updated_at = Now();
    repo::UpdateGroup(sql, after);
    auth::RecordAudit(sql, actor, after.updated_at, "update", "volunteer_group", std::to_string(id),
                      GroupAudit(*before), GroupAudit(after));
    return GroupDetail{*repo::FindGroup(sql, id), repo::Members(sql, id)};
  });
}

core::Result<GroupDetail> VolunteersService::PutMember(const core::Principal& who, std::int64_t group_id,
                                                       const MemberInput& in, const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<GroupDetail> {
    TX_TRY(g, GroupInScope(sql, who, group_id));
    // The deployment to the group's community is what puts the volunteer in reach.
    if (!repo::FindVolunteer(sql, in.person_id) || !repo::DeployedTo(sql, in.person_id, g->community_id, Today())) {
      return core::FieldInvalid("person_id", "community.not_deployed_here");
    }
    GroupMember m{group_id, in.person_id, in.leader ? 1 : 0, Now()};
    repo::PutMember(sql, m);
    auth::RecordAudit(sql, actor, m.joined_at, "update", "volunteer_group_member", std::to_string(group_id), "",
                      boost::json::serialize(boost::json::object{{"person_id", in.person_id}, {"leader", in.leader}}));
    return GroupDetail{*repo::FindGroup(sql, group_id), repo::Members(sql, group_id)};
  });
}

core::Result<GroupDetail> VolunteersService::RemoveMember(const core::Principal& who, std::int64_t group_id,
                                                          std::int64_t person_id, const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<GroupDetail> {
    TX_CHECK(GroupInScope(sql, who, group_id));
    if (!repo::RemoveMember(sql, group_id, person_id)) return core::NotFound("community.not_a_member");
    auth::RecordAudit(sql, actor, Now(), "delete", "volunteer_group_member", std::to_string(group_id),
                      boost::json::serialize(boost::json::object{{"person_id", person_id}}), "");
    return GroupDetail{*repo::FindGroup(sql, group_id), repo::Members(sql, group_id)};
  });
}

}  // namespace tongxin::community
