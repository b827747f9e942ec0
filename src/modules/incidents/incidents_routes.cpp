// Incident routes: parse, call the service, reply.
#include "modules/incidents/incidents_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/json_reader.hpp"
#include "core/paging.hpp"
#include "core/text.hpp"
#include "http/json_body.hpp"

namespace tongxin::incidents {
namespace {

using core::Role;
using http::Access;
using http::BodyKind;
using http::Context;
using http::Response;

Response Detail(Context& ctx, IncidentsService& s, const Incident& i, int status = 200) {
  return http::JsonResponse(IncidentToJson(i, ctx.lang, true, s.OwnView(ctx.User(), i), s.Now()), status);
}

}  // namespace

void RegisterIncidentRoutes(http::Router& router, IncidentsService& incidents) {
  const auto readers = Access::Roles({Role::kAdmin, Role::kOffice, Role::kDepartment, Role::kLeader, Role::kForeignStaff});
  const auto handlers = Access::Roles({Role::kAdmin, Role::kOffice, Role::kDepartment});
  const auto staff = Access::Roles({Role::kAdmin, Role::kOffice, Role::kDepartment, Role::kLeader});
  const auto managers = Access::Roles({Role::kAdmin, Role::kOffice});

  router.Add({"GET", "/api/v1/incident-plans", staff, "incidents", "The current emergency plan of every incident type",
              [&incidents](Context&) -> core::Result<Response> {
                auto list = incidents.CurrentPlans();
                if (!list) return list.error();
                boost::json::array items;
                for (const auto& p : *list) items.push_back(PlanToJson(p));
                return http::JsonResponse({{"items", std::move(items)}});
              }});

  router.Add({"GET", "/api/v1/incident-plans/{type}", staff, "incidents", "Every version of one type's plan, newest first",
              [&incidents](Context& ctx) -> core::Result<Response> {
                auto list = incidents.PlanVersions(ctx.req.params["type"]);
                if (!list) return list.error();
                boost::json::array items;
                for (const auto& p : *list) items.push_back(PlanToJson(p));
                return http::JsonResponse({{"items", std::move(items)}});
              }});

  router.Add({"PUT", "/api/v1/incident-plans/{type}", managers, "incidents",
              "Save a new version of a type's plan (open incidents keep theirs)",
              [&incidents](Context& ctx) -> core::Result<Response> {
                auto body = http::ParseJsonObject(ctx.req);
                if (!body) return body.error();
                auto plan = ParsePlanBody(*body);
                if (!plan) return plan.error();
                auto saved = incidents.SavePlan(ctx.User(), ctx.req.params["type"], std::move(*plan), auth::ActorFrom(ctx));
                if (!saved) return saved.error();
                return http::JsonResponse(PlanToJson(*saved));
              },
              BodyKind::kJson, 256 * 1024});

  router.Add({"GET", "/api/v1/incidents", readers, "incidents",
              "Incidents in scope (type, status, open=1, unit_id, from, to); foreign staff: their own",
              [&incidents](Context& ctx) -> core::Result<Response> {
                auto page = core::ParsePage(ctx.req.query);
                if (!page) return page.error();
                repo::IncidentFilter f;
                f.incident_type = ctx.req.Query("type");
                f.status = ctx.req.Query("status");
                f.open_only = ctx.req.Query("open") == "1";
                f.from = ctx.req.Query("from");
                f.to = ctx.req.Query("to");
                if (!f.incident_type.empty() && !IsIncidentType(f.incident_type)) {
                  return core::FieldInvalid("type", "validation.invalid_choice", {{"choices", "fever, suspected_case, ..."}});
                }
                if (!f.status.empty() && f.status != "open" && f.status != "in_progress" && f.status != "resolved" &&
                    f.status != "closed") {
                  return core::FieldInvalid("status", "validation.invalid_choice",
                                            {{"choices", "open, in_progress, resolved, closed"}});
                }
                for (const auto* d : {&f.from, &f.to}) {
                  if (!d->empty() && !core::IsValidDate(*d)) {
                    return core::FieldInvalid(d == &f.from ? "from" : "to", "validation.invalid_date");
                  }
                }
                const std::string unit = ctx.req.Query("unit_id");
                if (!unit.empty()) {
                  auto id = core::ParseId(unit, "unit_id");
                  if (!id) return id.error();
                  f.unit_id = *id;
                }
                auto list = incidents.List(ctx.User(), f, *page);
                if (!list) return list.error();
                boost::json::array items;
                const bool own = ctx.User().role == Role::kForeignStaff;
                for (const auto& i : list->items) items.push_back(IncidentToJson(i, ctx.lang, false, own));
                return http::JsonResponse({{"items", std::move(items)}, {"total", list->total},
                                           {"page", page->page}, {"page_size", page->page_size}});
              }});

  router.Add({"POST", "/api/v1/incidents", handlers, "incidents", "Open an incident (the type's current plan applies)",
              [&incidents](Context& ctx) -> core::Result<Response> {
                auto body = http::ParseJsonObject(ctx.req);
                if (!body) return body.error();
                auto in = ParseOpenInput(*body);
                if (!in) return in.error();
                auto made = incidents.Open(ctx.User(), *in, auth::ActorFrom(ctx));
                if (!made) return made.error();
                return Detail(ctx, incidents, *made, 201);
              },
              BodyKind::kJson});

  router.Add({"GET", "/api/v1/incidents/{id}", readers, "incidents",
              "One incident with its checklist, people and timeline (audited)",
              [&incidents](Context& ctx) -> core::Result<Response> {
                auto id = core::ParseId(ctx.req.params["id"], "id");
                if (!id) return id.error();
                auto i = incidents.Get(ctx.User(), *id, auth::ActorFrom(ctx));
                if (!i) return i.error();
                return Detail(ctx, incidents, *i);
              }});

  router.Add({"PATCH", "/api/v1/incidents/{id}", handlers, "incidents",
              "Change status (resolved and closed need an outcome), severity, assignee, title, location",
              [&incidents](Context& ctx) -> core::Result<Response> {
                auto id = core::ParseId(ctx.req.params["id"], "id");
                if (!id) return id.error();
                auto body = http::ParseJsonObject(ctx.req);
                if (!body) return body.error();
                auto in = ParseUpdateInput(*body);
                if (!in) return in.error();
                auto i = incidents.Update(ctx.User(), *id, *in, auth::ActorFrom(ctx));
                if (!i) return i.error();
                return Detail(ctx, incidents, *i);
              },
              BodyKind::kJson});

  router.Add({"POST", "/api/v1/incidents/{id}/steps/{step_id}/done", handlers, "incidents",
              "Tick a checklist step, with an optional note",
              [&incidents](Context& ctx) -> core::Result<Response> {
                auto id = core::ParseId(ctx.req.params["id"], "id");
                if (!id) return id.error();
                auto step = core::ParseId(ctx.req.params["step_id"], "step_id");
                if (!step) return step.error();
                auto body = http::ParseJsonObject(ctx.req);
                if (!body) return body.error();
                core::JsonReader r(*body, {"note"});
                auto note = r.String("note", false, 2000, true);
                if (auto st = r.Finish(); !st) return st.error();
                auto i = incidents.CompleteStep(ctx.User(), *id, *step, note.value_or(""), auth::ActorFrom(ctx));
                if (!i) return i.error();
                return Detail(ctx, incidents, *i);
              },
              BodyKind::kJson});

  router.Add({"POST", "/api/v1/incidents/{id}/notes", handlers, "incidents", "Add a note to the timeline",
              [&incidents](Context& ctx) -> core::Result<Response> {
                auto id = core::ParseId(ctx.req.params["id"], "id");
                if (!id) return id.error();
                auto body = http::ParseJsonObject(ctx.req);
                if (!body) return body.error();
                core::JsonReader r(*body, {"text"});
                auto text = r.String("text", true, 4000, true);
                if (auto st = r.Finish(); !st) return st.error();
                auto i = incidents.AddNote(ctx.User(), *id, *text, auth::ActorFrom(ctx));
                if (!i) return i.error();
                return Detail(ctx, incidents, *i, 201);
              },
              BodyKind::kJson});

  router.Add({"POST", "/api/v1/incidents/{id}/people", handlers, "incidents",
              "Add a person concerned or a close contact (contact: an observation plan of observation_days, "
              "default 14, three checks a day)",
              [&incidents](Context& ctx) -> core::Result<Response> {
                auto id = core::ParseId(ctx.req.params["id"], "id");
                if (!id) return id.error();
                auto body = http::ParseJsonObject(ctx.req);
                if (!body) return body.error();
                core::JsonReader r(*body, {"person_id", "role", "observation_days"});
                auto person = r.Int("person_id", true, 1, INT64_MAX);
                auto role = r.Choice("role", true, {"concerned", "contact"});
                auto days = r.Int("observation_days", false, 1, 60);
                if (auto st = r.Finish(); !st) return st.error();
                auto i = incidents.AddPerson(ctx.User(), *id, *person, *role, static_cast<int>(days.value_or(14)),
                                             auth::ActorFrom(ctx));
                if (!i) return i.error();
                return Detail(ctx, incidents, *i, 201);
              },
              BodyKind::kJson});
}

}  // namespace tongxin::incidents
