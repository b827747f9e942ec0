// Volunteers routes.
#include "modules/community/volunteers_routes.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "auth/actor.hpp"
#include "core/paging.hpp"
#include "core/pick.hpp"
#include "http/route_kit.hpp"
#include "modules/community/access.hpp"

namespace tongxin::community {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

// Phones in full to the university's side and to community staff, masked for volunteers.
bool FullPhones(const core::Principal& who) { return access::CanEdit(who); }

boost::json::object DetailJson(const VolunteerDetail& d, const Context& ctx) {
  boost::json::object o = VolunteerToJson(d.v, ctx.lang, FullPhones(ctx.User()));
  boost::json::array deployments, groups;
  for (const auto& x : d.deployments) deployments.push_back(DeploymentToJson(x, ctx.lang));
  for (const auto& g : d.groups) groups.push_back(GroupToJson(g, ctx.lang));
  o["deployments"] = std::move(deployments);
  o["groups"] = std::move(groups);
  return o;
}

boost::json::object GroupDetailJson(const GroupDetail& d, const Context& ctx) {
  boost::json::object o = GroupToJson(d.g, ctx.lang);
  boost::json::array members;
  for (const auto& m : d.members) members.push_back(MemberToJson(m, FullPhones(ctx.User())));
  o["member_list"] = std::move(members);
  return o;
}

core::Result<std::optional<std::int64_t>> OptionalId(const Context& ctx, const char* name) {
  const auto v = ctx.req.Query(name);
  if (v.empty()) return std::optional<std::int64_t>{};
  TX_TRY(id, core::ParseId(v, name));
  return std::optional<std::int64_t>{*id};
}

}  // namespace

void RegisterVolunteerRoutes(http::Router& router, VolunteersService& service) {
  const auto readers = Access::Roles(core::roles::kReaders);
  const auto editors = Access::Roles(core::roles::kEditors);
  const auto signed_in = Access::Roles(core::roles::kEveryone);

  router.Add({"GET", "/api/v1/community/communities", editors, "community",
              "Every community volunteers may be deployed to (id and name)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, service.Communities(ctx.User()));
                boost::json::array items;
                for (const auto& c : *list) {
                  items.push_back({{"id", c.id}, {"name", core::Pick(ctx.lang, c.name_zh, c.name_en)}});
                }
                return http::JsonResponse({{"items", std::move(items)}});
              }});
  router.Add({"GET", "/api/v1/community/volunteers", readers, "community",
              "Volunteers of my units or deployed to communities in my units, with the community each is deployed "
              "to today (community_id, skill, q); phones masked for volunteers",
              [&service](Context& ctx) -> core::Result<Response> {
                VolunteerQuery q;
                TX_TRY(cid, OptionalId(ctx, "community_id"));
                q.community_id = *cid;
                q.skill = ctx.req.Query("skill");
                if (!q.skill.empty() && std::none_of(std::begin(kSkills), std::end(kSkills),
                                                     [&](const char* s) { return q.skill == s; })) {
                  return core::FieldInvalid("skill", "validation.invalid_choice",
                                            {{"choices", "medical, driving, languages, data_entry, counselling, logistics"}});
                }
                q.q = ctx.req.Query("q");
                if (q.q.size() > 100) return core::FieldInvalid("q", "validation.too_long", {{"max", "100"}});
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(list, service.List(ctx.User(), q, *page));
                const bool full = FullPhones(ctx.User());
                return http::JsonResponse(http::PageJson(
                    *list, [&](const Volunteer& v) { return VolunteerToJson(v, ctx.lang, full); }));
              }});
  router.Add({"POST", "/api/v1/community/volunteers", editors, "community",
              "A person of my units becomes a volunteer: person_id, skills (medical, driving, languages, "
              "data_entry, counselling, logistics), spoken_languages, availability, notes",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseVolunteerInput, true));
                TX_TRY(d, service.Create(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(DetailJson(*d, ctx), 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/community/volunteers/{id}", readers, "community",
              "A volunteer (by person id) with their deployments and groups",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(d, service.Get(ctx.User(), *id));
                return http::JsonResponse(DetailJson(*d, ctx));
              }});
  router.Add({"PATCH", "/api/v1/community/volunteers/{id}", signed_in, "community",
              "Change a volunteer's skills, spoken_languages, availability or notes (the university's side, or the "
              "volunteer themself)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseVolunteerInput, false));
                TX_TRY(d, service.Update(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(DetailJson(*d, ctx));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/community/volunteers/{id}/deployments", editors, "community",
              "Deploy a volunteer to a community (下沉): community_id, starts_on, ends_on, reports_to, duty; one "
              "deployment at a time",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseDeploymentInput, true));
                TX_TRY(d, service.Deploy(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(DetailJson(*d, ctx), 201);
              },
              BodyKind::kJson});
  router.Add({"PATCH", "/api/v1/community/deployments/{id}", editors, "community",
              "Change a deployment's period (end it: ends_on), contact or duty",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseDeploymentInput, false));
                TX_TRY(d, service.UpdateDeployment(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(DetailJson(*d, ctx));
              },
              BodyKind::kJson});
  router.Add({"DELETE", "/api/v1/community/deployments/{id}", editors, "community",
              "Remove a deployment entered by mistake",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_CHECK(service.RemoveDeployment(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::NoContent();
              }});
  router.Add({"GET", "/api/v1/community/groups", readers, "community",
              "Temporary groups (临时党支部, 工作组) of the communities in my units (community_id)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(cid, OptionalId(ctx, "community_id"));
                TX_TRY(list, service.Groups(ctx.User(), *cid));
                boost::json::array items;
                for (const auto& g : *list) items.push_back(GroupToJson(g, ctx.lang));
                return http::JsonResponse({{"items", std::move(items)}});
              }});
  router.Add({"POST", "/api/v1/community/groups", editors, "community",
              "A temporary group: community_id, kind (party_branch, work_group), name, duties, chat_group",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseGroupInput, true));
                TX_TRY(d, service.CreateGroup(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(GroupDetailJson(*d, ctx), 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/community/groups/{id}", readers, "community", "A group with its members and leaders",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(d, service.GetGroup(ctx.User(), *id));
                return http::JsonResponse(GroupDetailJson(*d, ctx));
              }});
  router.Add({"PATCH", "/api/v1/community/groups/{id}", editors, "community",
              "Change a group's kind, name, duties or chat group",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseGroupInput, false));
                TX_TRY(d, service.UpdateGroup(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(GroupDetailJson(*d, ctx));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/community/groups/{id}/members", editors, "community",
              "A volunteer deployed to the group's community joins it, or becomes or stops being a leader: "
              "person_id, leader",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseMemberInput));
                TX_TRY(d, service.PutMember(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(GroupDetailJson(*d, ctx));
              },
              BodyKind::kJson});
  router.Add({"DELETE", "/api/v1/community/groups/{id}/members/{person_id}", editors, "community",
              "A member leaves the group",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(person, core::ParseId(ctx.req.params["person_id"], "person_id"));
                TX_TRY(d, service.RemoveMember(ctx.User(), *id, *person, auth::ActorFrom(ctx)));
                return http::JsonResponse(GroupDetailJson(*d, ctx));
              }});
}

}  // namespace tongxin::community
