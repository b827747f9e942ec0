// Scheduled health work, run by the scheduler every tick and safe to run on several
// instances at once (every notification has an event key; the outbox queues it once):
// - reminders to people still missing a report some minutes after their slot opened;
// - the missing list sent to each unit's staff some minutes later (escalation);
// - staff told of new alerts, and the person asked to re-check;
// - open alerts whose re-check is overdue escalated, and staff told of escalations.
#pragma once

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/roles.hpp"
#include "core/result.hpp"
#include "modules/health/health_service.hpp"
#include "modules/notify/notify_service.hpp"
#include "storage/database.hpp"

namespace tongxin::health {

struct JobSettings {
  int remind_after_minutes = 60;     // after a slot opens, remind who has not reported
  int escalate_after_minutes = 120;  // after a slot opens, tell unit staff who is still missing
};

struct JobReport {
  int reminders = 0;        // notifications queued
  int missing_lists = 0;
  int alert_notices = 0;
  int overdue = 0;          // alerts escalated for an overdue re-check
  int escalation_notices = 0;
};

class HealthJobs {
 public:
  HealthJobs(storage::Database& db, const core::Clock& clock, HealthService& health, notify::NotifyService& notify,
             JobSettings settings);
  core::Result<JobReport> Run();

  // "Remind now" from the missing list: reminds everyone in the caller's scope (under
  // unit_id when given) still missing a report of the day's slot, while it accepts
  // reports. Once per person and slot in any ten minutes (a second click queues nothing).
  // Audited. Returns the reminders queued. Errors: units.not_found, auth.out_of_scope,
  // health.no_roster (no such slot that day), health.slot_closed (409).
  core::Result<int> RemindNow(const core::Principal& who, const std::string& day, int slot, std::int64_t unit_id,
                              const auth::Actor& actor);

 private:
  core::Status Slots(JobReport& report);
  core::Status Alerts(JobReport& report);

  storage::Database& db_;
  const core::Clock& clock_;
  HealthService& health_;
  notify::NotifyService& notify_;
  JobSettings settings_;
};

}  // namespace tongxin::health
