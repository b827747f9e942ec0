// Incident routes: parse, call the service, reply.
#include "modules/incidents/incidents_routes.hpp"

#include <boost/json.hpp>

#include "auth/actor.hpp"
#include "core/json_reader.hpp"
#include "core/paging.hpp"
#include "core/text.hpp"
#include "http/json_body.hpp"
#include "http/spreadsheet.hpp"
#include "modules/incidents/incident_report.hpp"
#include "modules/incidents/labels.hpp"
#include "http/route_kit.hpp"


namespace tongxin::incidents {
namespace {

using namespace http::kit;  // NOLINT(google-build-using-namespace)

Response Detail(Context& ctx, IncidentsService& s, const Incident& i, int status = 200) {
  return http::JsonResponse(IncidentToJson(i, ctx.lang, true, s.ViewOf(ctx.User(), i), s.Now()), status);
}

core::Result<IncidentFilter> FilterFrom(const http::Request& req) {
  IncidentFilter f;
  f.incident_type = req.Query("type");
  f.status = req.Query("status");
  f.open_only = req.Query("open") == "1";
  f.from = req.Query("from");
  f.to = req.Query("to");
  if (!f.incident_type.empty() && !IsIncidentType(f.incident_type)) {
    std::string choices;
    for (const auto& t : IncidentTypes()) choices += (choices.empty() ? "" : ", ") + t;
    return core::FieldInvalid("type", "validation.invalid_choice", {{"choices", choices}});
  }
  if (!f.status.empty() && f.status != "open" && f.status != "in_progress" && f.status != "resolved" &&
      f.status != "closed") {
    return core::FieldInvalid("status", "validation.invalid_choice", {{"choices", "open, in_progress, resolved, closed"}});
  }
  if (!f.from.empty() && !core::IsValidDate(f.from)) return core::FieldInvalid("from", "validation.invalid_date");
  if (!f.to.empty() && !core::IsValidDate(f.to)) return core::FieldInvalid("to", "validation.invalid_date");
  const std::string unit = req.Query("unit_id");
  if (!unit.empty()) {
    TX_TRY(id, core::ParseId(unit, "unit_id"));
    f.unit_id = *id;
  }
  if (const std::string alert = req.Query("alert_id"); !alert.empty()) {
    TX_TRY(id, core::ParseId(alert, "alert_id"));
    f.alert_id = *id;
  }
  return f;
}


}  // namespace

void RegisterIncidentRoutes(http::Router& router, IncidentsService& incidents) {
  const auto readers = Access::Roles(core::roles::kIncidentReaders);
  const auto handlers = Access::Roles(core::roles::kEditors);
  const auto staff = Access::Roles(core::roles::kStaff);
  const auto managers = Access::Roles(core::roles::kManagers);

  router.Add({"GET", "/api/v1/incident-plans", staff, "incidents", "The current emergency plan of every incident type",
              [&incidents](Context&) -> core::Result<Response> {
                TX_TRY(list, incidents.CurrentPlans());
                boost::json::array items;
                for (const auto& p : *list) items.push_back(PlanToJson(p));
                return http::JsonResponse({{"items", std::move(items)}});
              }});

  router.Add({"GET", "/api/v1/incident-plans/{type}", staff, "incidents", "Every version of one type's plan, newest first",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(list, incidents.PlanVersions(ctx.req.params["type"]));
                boost::json::array items;
                for (const auto& p : *list) items.push_back(PlanToJson(p));
                return http::JsonResponse({{"items", std::move(items)}});
              }});

  router.Add({"PUT", "/api/v1/incident-plans/{type}", managers, "incidents",
              "Save a new version of a type's plan (open incidents keep theirs)",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(plan, ctx.Body(ParsePlanBody));
                TX_TRY(saved, incidents.SavePlan(ctx.User(), ctx.req.params["type"], std::move(*plan), auth::ActorFrom(ctx)));
                return http::JsonResponse(PlanToJson(*saved));
              },
              BodyKind::kJson, 256 * 1024});

  router.Add({"GET", "/api/v1/incidents", readers, "incidents",
              "Incidents in scope (type, status, open=1, unit_id, from, to); foreign staff: their own",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(page, core::ParsePage(ctx.req.query));
                TX_TRY(f, FilterFrom(ctx.req));
                TX_TRY(list, incidents.List(ctx.User(), *f, *page));
                boost::json::array items;
                for (const auto& i : list->items) {
                  items.push_back(IncidentToJson(i, ctx.lang, false, incidents.ViewOf(ctx.User(), i)));
                }
                return http::JsonResponse({{"items", std::move(items)}, {"total", list->total},
                                           {"page", page->page}, {"page_size", page->page_size}});
              }});

  router.Add({"GET", "/api/v1/incidents/export", staff, "incidents",
              "Export the filtered list as XLSX (format=xlsx) or CSV (format=csv); audited",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(f, FilterFrom(ctx.req));
                const bool zh = ctx.lang == core::Lang::kZh;
                const std::string base = (zh ? "事件列表-" : "incidents-") + incidents.Today();
                return http::SpreadsheetResponse(
                    ctx.req, base, [&](const http::BeginSheet& begin, const http::AddRow& add) -> core::Result<std::int64_t> {
                      begin({zh ? "事件" : "Incidents",
                             zh ? std::vector<std::string>{"编号", "类型", "严重程度", "状态", "标题", "人员", "单位",
                                                           "开始时间", "关闭时间", "已完成步骤", "逾期步骤", "处置结果"}
                                : std::vector<std::string>{"No.", "Type", "Severity", "Status", "Title", "Person", "Unit",
                                                           "Opened", "Closed", "Steps done", "Steps overdue", "Outcome"},
                             {8, 14, 10, 10, 36, 20, 24, 20, 20, 12, 12, 40}});
                      auto n = incidents.Export(ctx.User(), *f, auth::ActorFrom(ctx), [&](const Incident& i) {
                        io::Cell overdue = io::Cell::Number(i.steps_overdue);
                        overdue.highlight = i.steps_overdue > 0;
                        add({io::Cell::Number(static_cast<double>(i.id)), Label(i.incident_type, ctx.lang),
                             Label(i.severity, ctx.lang), Label(i.status, ctx.lang), i.title,
                             Pick(ctx.lang, i.person_name_zh, i.person_name_latin),
                             Pick(ctx.lang, i.unit_name_zh, i.unit_name_en), i.opened_at, i.closed_at,
                             std::to_string(i.steps_done) + "/" + std::to_string(i.steps_total), overdue, i.outcome});
                      });
                      return n;
                    });
              }});

  router.Add({"POST", "/api/v1/incidents", handlers, "incidents", "Open an incident (the type's current plan applies)",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(in, ctx.Body(ParseOpenInput));
                TX_TRY(made, incidents.Open(ctx.User(), *in, auth::ActorFrom(ctx)));
                return Detail(ctx, incidents, *made, 201);
              },
              BodyKind::kJson});

  router.Add({"GET", "/api/v1/incidents/{id}", readers, "incidents",
              "One incident with its checklist, people and timeline (audited)",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(i, incidents.Get(ctx.User(), *id, auth::ActorFrom(ctx)));
                return Detail(ctx, incidents, *i);
              }});

  router.Add({"GET", "/api/v1/incidents/{id}/report.pdf", staff, "incidents",
              "The incident as a printable PDF report in the caller's language (audited)",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(i, incidents.Get(ctx.User(), *id, auth::ActorFrom(ctx)));
                auto pdf = IncidentReportPdf(*i, ctx.lang, incidents.time_zone(), incidents.Now());
                const std::string name = (ctx.lang == core::Lang::kZh ? "事件报告-" : "incident-") + std::to_string(*id) + ".pdf";
                return http::FileResponse(std::move(pdf), "application/pdf", name);
              }});

  router.Add({"PATCH", "/api/v1/incidents/{id}", handlers, "incidents",
              "Change status (resolved and closed need an outcome), severity, assignee, title, location",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(in, ctx.Body(ParseUpdateInput));
                TX_TRY(i, incidents.Update(ctx.User(), *id, *in, auth::ActorFrom(ctx)));
                return Detail(ctx, incidents, *i);
              },
              BodyKind::kJson});

  router.Add({"POST", "/api/v1/incidents/{id}/steps/{step_id}/done", handlers, "incidents",
              "Tick a checklist step, with an optional note",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(step, ctx.Id("step_id"));
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                core::JsonReader r(*body, {"note"});
                auto note = r.String("note", false, 2000, true);
                TX_CHECK(r.Finish());
                TX_TRY(i, incidents.CompleteStep(ctx.User(), *id, *step, note.value_or(""), auth::ActorFrom(ctx)));
                return Detail(ctx, incidents, *i);
              },
              BodyKind::kJson});

  router.Add({"POST", "/api/v1/incidents/{id}/notes", handlers, "incidents", "Add a note to the timeline",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                core::JsonReader r(*body, {"text"});
                auto text = r.String("text", true, 4000, true);
                TX_CHECK(r.Finish());
                TX_TRY(i, incidents.AddNote(ctx.User(), *id, *text, auth::ActorFrom(ctx)));
                return Detail(ctx, incidents, *i, 201);
              },
              BodyKind::kJson});

  router.Add({"GET", "/api/v1/incidents/{id}/assignees", handlers, "incidents",
              "Accounts that may be made responsible for the incident",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(list, incidents.Assignees(ctx.User(), *id));
                boost::json::array items;
                for (const auto& a : *list) items.push_back({{"id", a.id}, {"name", a.name}, {"role", a.role}});
                return http::JsonResponse({{"items", std::move(items)}});
              }});

  router.Add({"POST", "/api/v1/incidents/{id}/attachments", handlers, "incidents",
              "Attach a file (PDF, PNG or JPEG, at most 5 MiB) sent as the raw body; ?filename=",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(i, incidents.AddAttachment(ctx.User(), *id, ctx.req.Query("filename", "file"),
                                                 std::move(ctx.req.body), auth::ActorFrom(ctx)));
                return Detail(ctx, incidents, *i, 201);
              },
              BodyKind::kFile, kMaxAttachmentBytes + 1});

  router.Add({"GET", "/api/v1/incidents/{id}/attachments/{attachment_id}", staff, "incidents",
              "Download an attachment (audited)",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(aid, ctx.Id("attachment_id"));
                TX_TRY(a, incidents.GetAttachment(ctx.User(), *id, *aid, auth::ActorFrom(ctx)));
                return http::FileResponse(std::move(a->bytes), a->content_type, a->filename);
              }});

  router.Add({"POST", "/api/v1/incidents/{id}/people", handlers, "incidents",
              "Add a person concerned or a close contact (contact: an observation plan of observation_days, "
              "default 14, three checks a day)",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                core::JsonReader r(*body, {"person_id", "role", "observation_days"});
                auto person = r.Int("person_id", true, 1, INT64_MAX);
                auto role = r.Choice("role", true, {"concerned", "contact"});
                auto days = r.Int("observation_days", false, 1, 60);
                TX_CHECK(r.Finish());
                TX_TRY(i, incidents.AddPerson(ctx.User(), *id, *person, *role, static_cast<int>(days.value_or(14)),
                                             auth::ActorFrom(ctx)));
                return Detail(ctx, incidents, *i, 201);
              },
              BodyKind::kJson});

  router.Add({"DELETE", "/api/v1/incidents/{id}/people/{person_id}", handlers, "incidents",
              "Take a person added by mistake off the incident; end_observation=1 also ends the observation "
              "plan their adding started (audited)",
              [&incidents](Context& ctx) -> core::Result<Response> {
                TX_TRY(id, ctx.Id());
                TX_TRY(person, ctx.Id("person_id"));
                const std::string end = ctx.req.Query("end_observation", "0");
                if (end != "0" && end != "1") return core::FieldInvalid("end_observation", "validation.invalid_choice",
                                                                        {{"choices", "0, 1"}});
                TX_TRY(i, incidents.RemovePerson(ctx.User(), *id, *person, end == "1", auth::ActorFrom(ctx)));
                return Detail(ctx, incidents, *i);
              }});

  router.AuditReads("GET", "/api/v1/incidents", "incident_list");
}

}  // namespace tongxin::incidents
