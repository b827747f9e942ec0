// Duty shift routes.
#include "modules/community/shifts_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/json_reader.hpp"
#include "core/local_time.hpp"
#include "core/paging.hpp"
#include "core/text.hpp"
#include "http/route_kit.hpp"

namespace tongxin::community {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

core::Result<std::optional<std::int64_t>> OptionalId(const Context& ctx, const char* name) {
  const auto v = ctx.req.Query(name);
  if (v.empty()) return std::optional<std::int64_t>{};
  TX_TRY(id, core::ParseId(v, name));
  return std::optional<std::int64_t>{*id};
}

boost::json::object RosterJson(const Roster& r, const std::string& tz, const std::string& day) {
  boost::json::array shifts;
  for (const auto& s : r.shifts) {
    boost::json::object o = ShiftToJson(s, tz, r.mine.count(s.id) > 0);
    boost::json::array people;
    for (const auto& su : r.signups) {
      if (su.shift_id == s.id) {
        people.push_back({{"person_id", su.person_id}, {"name", su.name_zh.empty() ? su.name_latin : su.name_zh}});
      }
    }
    o["people"] = std::move(people);
    o["unfilled"] = s.taken < s.capacity;
    shifts.push_back(std::move(o));
  }
  return {{"from", day}, {"to", core::AddDays(day, 6)}, {"items", std::move(shifts)}};
}

}  // namespace

void RegisterShiftRoutes(http::Router& router, ShiftsService& service) {
  const auto readers = Access::Roles(core::roles::kReaders);
  const auto editors = Access::Roles(core::roles::kEditors);
  const auto signed_in = Access::Roles(core::roles::kEveryone);

  router.Add({"GET", "/api/v1/community/posts", readers, "community",
              "Duty posts (gate, entrance, distribution point) of the communities in my units (community_id)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(cid, OptionalId(ctx, "community_id"));
                TX_TRY(list, service.Posts(ctx.User(), *cid));
                boost::json::array items;
                for (const auto& p : *list) items.push_back(PostToJson(p, ctx.lang));
                return http::JsonResponse({{"items", std::move(items)}});
              }});
  router.Add({"POST", "/api/v1/community/posts", editors, "community",
              "A duty post: community_id, kind (gate, entrance, distribution, other), name, location, group_id (the "
              "group whose leaders oversee it)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParsePostInput, true));
                TX_TRY(p, service.CreatePost(ctx.User(), *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(PostToJson(*p, ctx.lang), 201);
              },
              BodyKind::kJson});
  router.Add({"PATCH", "/api/v1/community/posts/{id}", editors, "community",
              "Change a post's kind, name, location or group",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParsePostInput, false));
                TX_TRY(p, service.UpdatePost(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse(PostToJson(*p, ctx.lang));
              },
              BodyKind::kJson});
  router.Add({"POST", "/api/v1/community/posts/{id}/shifts", editors, "community",
              "Shifts for a post on every day from `from` to `to` (at most 31) at each of `times` "
              "([{start: \"08:00\", end: \"12:00\"}], the office's time), with capacity and the skill needed",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseShiftsInput));
                TX_TRY(r, service.AddShifts(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return http::JsonResponse({{"created", r->created}, {"existing", r->existing}}, 201);
              },
              BodyKind::kJson});
  router.Add({"GET", "/api/v1/community/shifts", readers, "community",
              "The roster of the seven days from `from` (default today): shifts of one post (post_id) or of the "
              "communities in my units (community_id), with who is on each, unfilled ones flagged and mine marked",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(pid, OptionalId(ctx, "post_id"));
                TX_TRY(cid, OptionalId(ctx, "community_id"));
                std::string day = ctx.req.Query("from");
                if (day.empty()) day = service.Today();
                if (!core::IsValidDate(day)) return core::FieldInvalid("from", "validation.invalid_date");
                TX_TRY(r, service.Week(ctx.User(), *pid, *cid, day));
                return http::JsonResponse(RosterJson(*r, service.time_zone(), day));
              }});
  router.Add({"GET", "/api/v1/community/shifts/mine", signed_in, "community", "My shifts, latest first",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, service.Mine(ctx.User()));
                boost::json::array items;
                for (const auto& s : *list) items.push_back(ShiftToJson(s, service.time_zone(), true));
                return http::JsonResponse({{"items", std::move(items)}});
              }});
  router.Add({"DELETE", "/api/v1/community/shifts/{id}", editors, "community", "Remove a shift nobody signed up for",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_CHECK(service.DeleteShift(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::NoContent();
              }});
  router.Add({"POST", "/api/v1/community/shifts/{id}/signups", signed_in, "community",
              "Sign up for a shift (a volunteer deployed to its community; staff may give person_id): no two shifts "
              "at once (409 naming the other), not over capacity, only with the skill it needs",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                std::optional<std::int64_t> person;
                if (!ctx.req.body.empty()) {
                  TX_TRY(body, ctx.Body([](const boost::json::object& o) -> core::Result<std::optional<std::int64_t>> {
                    core::JsonReader r(o, {"person_id"});
                    auto p = r.Int("person_id", false, 1, INT64_MAX);
                    TX_CHECK(r.Finish());
                    return p;
                  }));
                  person = *body;
                }
                TX_TRY(s, service.SignUp(ctx.User(), *id, person, auth::ActorFrom(ctx)));
                return http::JsonResponse(ShiftToJson(*s, service.time_zone(), !person), 201);
              },
              BodyKind::kJson});
  router.Add({"DELETE", "/api/v1/community/shifts/{id}/signups/{person_id}", signed_in, "community",
              "Take a sign-up off a shift that has not started (one's own, or staff)",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(person, core::ParseId(ctx.req.params["person_id"], "person_id"));
                TX_CHECK(service.Cancel(ctx.User(), *id, *person, auth::ActorFrom(ctx)));
                return http::NoContent();
              }});
  router.Add({"POST", "/api/v1/community/volunteers/{id}/calendar", signed_in, "community",
              "A new secret iCalendar address of the volunteer's shifts (the old one stops working); shown once",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(token, service.NewFeed(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::JsonResponse({{"path", "/api/v1/public/calendar/" + *token + ".ics"}}, 201);
              }});
  router.Add({"DELETE", "/api/v1/community/volunteers/{id}/calendar", signed_in, "community",
              "Revoke the volunteer's calendar address",
              [&service](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_CHECK(service.RevokeFeed(ctx.User(), *id, auth::ActorFrom(ctx)));
                return http::NoContent();
              }});
  router.Add({"GET", "/api/v1/public/calendar/{token}", Access::Public(), "community",
              "A volunteer's shifts as an iCalendar feed (RFC 5545) at its secret address",
              [&service](Context& ctx) -> core::Result<Response> {
                std::string token = ctx.req.params["token"];
                if (token.size() > 4 && token.ends_with(".ics")) token.resize(token.size() - 4);
                TX_TRY(ics, service.Calendar(token));
                Response res;
                res.body = std::move(*ics);
                res.SetHeader("Content-Type", "text/calendar; charset=utf-8");
                res.SetHeader("Cache-Control", "no-store");
                return res;
              }});
}

}  // namespace tongxin::community
