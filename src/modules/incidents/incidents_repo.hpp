// Incident storage: plans and their versions, incidents with steps, people and timeline.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/incidents/incident.hpp"
#include "modules/incidents/plan.hpp"

namespace tongxin::incidents {

// Types the service and the routes use as well as the repository.
struct IncidentFilter {
  std::string incident_type, status, from, to;  // from/to: opened_at day bounds
  std::int64_t unit_id = 0;                     // with its sub-units (0 = all in scope)
  std::string unit_path;                        // set from unit_id by the service
  std::optional<std::int64_t> person_id;        // only incidents about / involving this person
  bool open_only = false;                       // status open or in_progress
  std::int64_t alert_id = 0;                    // the incident opened for this health alert (0 = any)
};

struct AlertToOpen {
  std::int64_t alert_id = 0, person_id = 0;
  std::string kind, detail, day, slot_name;
};

}  // namespace tongxin::incidents

namespace tongxin::incidents::repo {
using incidents::IncidentFilter;
using incidents::AlertToOpen;

// Plans -------------------------------------------------------------------------------
std::vector<Plan> CurrentPlans(soci::session& sql);
std::optional<Plan> CurrentPlan(soci::session& sql, const std::string& type);
std::vector<Plan> PlanVersions(soci::session& sql, const std::string& type);
// Inserts p as the type's newest version (the previous one stops being current).
std::int64_t InsertPlanVersion(soci::session& sql, Plan& p);
std::int64_t CountPlans(soci::session& sql);

// Incidents ----------------------------------------------------------------------------
// Returns the new id, or nullopt when alert_id already has an incident.
std::optional<std::int64_t> InsertIncident(soci::session& sql, const Incident& i);
void InsertStep(soci::session& sql, std::int64_t incident_id, const IncidentStep& s);
// False when the person is on the incident already (nothing is written then).
bool AddPerson(soci::session& sql, std::int64_t incident_id, const IncidentPerson& p);
void SetObservationPlan(soci::session& sql, std::int64_t incident_id, std::int64_t person_id, std::int64_t plan_id);
void RemovePerson(soci::session& sql, std::int64_t incident_id, std::int64_t person_id);

// Retention: ids of incidents closed before `before` (ISO time), at most `limit`.
std::vector<std::int64_t> ClosedBefore(soci::session& sql, const std::string& before, int limit);
// Deletes an incident with its steps, people, timeline and attachments, and redacts the
// values the audit log holds of them (who did what stays). Returns rows deleted.
std::int64_t DeleteIncident(soci::session& sql, std::int64_t id);
void AddEvent(soci::session& sql, std::int64_t incident_id, const IncidentEvent& e);
std::optional<Incident> FindIncident(soci::session& sql, std::int64_t id, bool with_details);
// false when the version no longer matches
bool UpdateIncident(soci::session& sql, const Incident& i, int expected_version);
std::optional<IncidentStep> FindStep(soci::session& sql, std::int64_t incident_id, std::int64_t step_id);
void CompleteStep(soci::session& sql, std::int64_t step_id, const std::string& at, std::int64_t by,
                  const std::string& note);

std::int64_t InsertAttachment(soci::session& sql, std::int64_t incident_id, const Attachment& a);
// With its bytes.
std::optional<Attachment> FindAttachment(soci::session& sql, std::int64_t incident_id, std::int64_t id);

core::Page<Incident> ListIncidents(soci::session& sql, const core::Principal& who, const IncidentFilter& f,
                                   const core::PageRequest& page, const std::string& now);

// Jobs ---------------------------------------------------------------------------------
std::vector<AlertToOpen> AlertsWithoutIncident(soci::session& sql, int limit);

struct DueStep {
  std::int64_t step_id = 0, incident_id = 0;
  std::string title_zh, title_en, owner_role, owner_unit_code, due_at;
  std::string incident_title, incident_type, unit_path;
  std::optional<std::int64_t> assignee_id;
  std::optional<std::int64_t> person_id;
  std::string opened_at;  // the incident's
};
// Undone steps of open incidents due before `before`.
std::vector<DueStep> StepsDueBefore(soci::session& sql, const std::string& before);

// The path of the unit with this code ("" when there is none, or code is "").
std::string UnitPathByCode(soci::session& sql, const std::string& code);

}  // namespace tongxin::incidents::repo
