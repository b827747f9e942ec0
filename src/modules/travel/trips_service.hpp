// Trips rules. Who may do what: office staff and admins keep the trips of the people in
// their units; department staff and leaders read them; a traveller reads their own trips
// and reports where they are and what they need. Moving to observation (arrival home)
// starts an observation plan in health monitoring for the traveller (days and slots from
// the [travel] settings); its end brings the trip home. Travellers away past their planned
// return remind the office staff covering their unit, once per planned day. Every write
// is audited, and so is each read of a trip by staff. Thread-safe; blocks on the database.
#pragma once

#include <map>
#include <vector>

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/health/health_service.hpp"
#include "modules/health/slot_time.hpp"
#include "modules/notify/notify_service.hpp"
#include "modules/travel/trip.hpp"
#include "storage/database.hpp"

namespace tongxin::travel {

struct TravelSettings {
  int observation_days = 14;
  std::vector<health::SlotDef> observation_slots;  // empty = health's defaults
};

struct TripList {
  core::Page<Trip> page;
  std::map<std::string, std::int64_t> counts;  // by status, over the filter without statuses
};

struct JobReport {
  int overdue_alerts = 0, brought_home = 0;
};

class TripsService {
 public:
  TripsService(storage::Database& db, const core::Clock& clock, health::HealthService& health,
               notify::NotifyService& notify, TravelSettings settings);

  core::Result<TripList> List(const core::Principal& who, TripFilter f, const core::PageRequest& page);
  // Every matching trip, for XLSX/CSV (audited as an export).
  core::Result<std::vector<Trip>> Export(const core::Principal& who, TripFilter f, const auth::Actor& actor);
  // Errors: travel.not_found, auth.out_of_scope.
  core::Result<Trip> Get(const core::Principal& who, std::int64_t id, const auth::Actor& actor);
  // Errors: person_id (not found, out of scope).
  core::Result<Trip> Create(const core::Principal& who, const TripInput& in, const auth::Actor& actor);
  // Errors: return_on travel.return_before_departure (against the stored day).
  core::Result<Trip> Update(const core::Principal& who, std::int64_t id, const TripInput& in,
                            const auth::Actor& actor);
  // Errors: travel.bad_transition (409) naming the statuses it may move to.
  core::Result<Trip> Move(const core::Principal& who, std::int64_t id, const StatusInput& in,
                          const auth::Actor& actor);
  // The traveller's own report, or the office's for them. Errors: travel.trip_closed (409).
  core::Result<Trip> ReportPosition(const core::Principal& who, std::int64_t id, const PositionInput& in,
                                    const auth::Actor& actor);
  core::Result<Trip> Assist(const core::Principal& who, std::int64_t id, const AssistInput& in,
                            const auth::Actor& actor);

  // The scheduler's job: overdue-return alerts, and trips whose observation ended, home.
  core::Result<JobReport> RunJobs();

 private:
  core::Result<Trip> Readable(soci::session& sql, const core::Principal& who, std::int64_t id);
  core::Result<Trip> Writable(soci::session& sql, const core::Principal& who, std::int64_t id);
  core::Result<std::int64_t> StartObservation(soci::session& sql, const Trip& t, const std::string& arrived_on,
                                              const auth::Actor& actor);
  std::string Now() const { return core::FormatIso(clock_.Now()); }

  storage::Database& db_;
  const core::Clock& clock_;
  health::HealthService& health_;
  notify::NotifyService& notify_;
  TravelSettings settings_;
};

}  // namespace tongxin::travel
