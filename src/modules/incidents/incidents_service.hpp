// Incident rules: plans and their versions, opening incidents by hand or from health
// alerts (once per alert), the checklist, the timeline, status and outcome, people
// involved (a close contact starts an observation plan), and who may see what: incident
// details are health data, so every view is audited and foreign staff see only their
// own. Thread-safe; blocks on the database.
#pragma once

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/health/health_service.hpp"
#include "modules/incidents/incidents_repo.hpp"
#include "storage/database.hpp"

namespace tongxin::incidents {

class IncidentsService {
 public:
  IncidentsService(storage::Database& db, const core::Clock& clock, health::HealthService& health);

  // Writes the default plans when there are none (first start).
  core::Status EnsureDefaultPlans();
  core::Result<std::vector<Plan>> CurrentPlans();
  core::Result<std::vector<Plan>> PlanVersions(const std::string& type);
  // Saves a new version of a type's plan. Errors: field errors, incidents.unknown_type.
  core::Result<Plan> SavePlan(const core::Principal& who, const std::string& type, Plan content,
                              const auth::Actor& actor);

  // Errors: field errors, people.not_found, units.not_found, auth.out_of_scope,
  // incidents.no_plan.
  core::Result<Incident> Open(const core::Principal& who, const OpenInput& in, const auth::Actor& actor);
  // Opens the incident for a health alert unless it has one. Returns whether it opened.
  core::Result<bool> OpenFromAlert(const AlertToOpen& alert);

  // Errors: incidents.not_found, auth.out_of_scope. Audited (health data).
  core::Result<Incident> Get(const core::Principal& who, std::int64_t id, const auth::Actor& actor);
  // What the caller may see of an incident they can load (staff, or the person concerned
  // or a close contact among foreign staff).
  Viewer ViewOf(const core::Principal& who, const Incident& i) const;
  core::Result<core::Page<Incident>> List(const core::Principal& who, IncidentFilter f,
                                          const core::PageRequest& page);
  // Every incident of the filtered list, oldest-first paging hidden (export). Audited.
  core::Result<std::int64_t> Export(const core::Principal& who, IncidentFilter f, const auth::Actor& actor,
                                    const std::function<void(const Incident&)>& sink);
  // Errors: incidents.stale (409), incidents.outcome_required, users.not_found,
  // auth.assignee_out_of_scope (the account does not cover the incident's unit).
  core::Result<Incident> Update(const core::Principal& who, std::int64_t id, const UpdateInput& in,
                                const auth::Actor& actor);
  // Errors: incidents.step_not_found, incidents.step_done.
  core::Result<Incident> CompleteStep(const core::Principal& who, std::int64_t id, std::int64_t step_id,
                                      const std::string& note, const auth::Actor& actor);
  core::Result<Incident> AddNote(const core::Principal& who, std::int64_t id, const std::string& text,
                                 const auth::Actor& actor);
  // role: concerned or contact. A contact starts an observation plan of `observation_days`
  // with three daily slots. The person is checked against the caller's scope.
  // Errors: incidents.person_already_added, people.not_found (400 person_id), auth.out_of_scope.
  core::Result<Incident> AddPerson(const core::Principal& who, std::int64_t id, std::int64_t person_id,
                                   const std::string& role, int observation_days, const auth::Actor& actor);

  // Takes a person added by mistake off the incident. Their observation plan ends when
  // end_observation, else it runs on; either way the choice is audited and on the
  // timeline. Errors: incidents.person_not_found, incidents.person_is_case (409: the
  // person the incident is about stays).
  core::Result<Incident> RemovePerson(const core::Principal& who, std::int64_t id, std::int64_t person_id,
                                      bool end_observation, const auth::Actor& actor);

  struct Assignee {
    std::int64_t id = 0;
    std::string name, role;
  };
  // Who may be made responsible: active admin, office and department accounts whose
  // units cover the incident's.
  core::Result<std::vector<Assignee>> Assignees(const core::Principal& who, std::int64_t id);
  // Errors: files.type (415), files.too_large (413).
  core::Result<Incident> AddAttachment(const core::Principal& who, std::int64_t id, const std::string& filename,
                                       std::string bytes, const auth::Actor& actor);
  // Errors: incidents.attachment_not_found. Audited.
  core::Result<Attachment> GetAttachment(const core::Principal& who, std::int64_t id, std::int64_t attachment_id,
                                         const auth::Actor& actor);

  // Retention: deletes incidents closed more than `days` days ago, with everything they
  // hold (attachments included), in batches; one audit entry says how many went.
  core::Result<std::int64_t> PurgeClosed(int days, const auth::Actor& actor);

  std::string Now() const { return core::FormatIso(clock_.Now()); }
  // The office's local day (the health module's time zone).
  std::string Today() const { return health_.Today(); }
  const std::string& TimeZone() const { return health_.settings().time_zone; }
  const std::string& time_zone() const { return health_.settings().time_zone; }

 private:
  core::Result<Incident> LoadInScope(soci::session& sql, const core::Principal& who, std::int64_t id);
  std::int64_t OpenIn(soci::session& sql, Incident& i, const Plan& plan, const auth::Actor& actor);

  storage::Database& db_;
  const core::Clock& clock_;
  health::HealthService& health_;
};

}  // namespace tongxin::incidents
