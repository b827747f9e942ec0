// Scheduled incident work (safe on several instances, through the outbox's event keys):
// open an incident for every health alert that has none; remind each open step's owner
// before its deadline; tell the next level (office staff in scope and the assignee, or the
// leaders when the office owned the step) once it is late.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "modules/incidents/incidents_service.hpp"
#include "modules/notify/notify_service.hpp"
#include "storage/database.hpp"

namespace tongxin::incidents {

struct IncidentJobReport {
  int opened = 0, reminders = 0, escalations = 0;
};

class IncidentJobs {
 public:
  IncidentJobs(storage::Database& db, const core::Clock& clock, IncidentsService& incidents,
               notify::NotifyService& notify, int remind_before_minutes, int escalate_after_minutes = 0);
  core::Result<IncidentJobReport> Run();

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  IncidentsService& incidents_;
  notify::NotifyService& notify_;
  int remind_before_minutes_;
  int escalate_after_minutes_;  // a step this long past its deadline goes to the next level
};

}  // namespace tongxin::incidents
