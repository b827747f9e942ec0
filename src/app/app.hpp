// Wiring: opens the database, applies migrations, builds the services and the router
// (one Register*Routes call per module) and runs the HTTP server.
#pragma once

#include <memory>

#include "app/config.hpp"
#include "app/scheduler.hpp"
#include "auth/auth_service.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "http/dispatcher.hpp"
#include "http/server.hpp"
#include "modules/health/health_jobs.hpp"
#include "modules/health/health_service.hpp"
#include "modules/incidents/incidents_jobs.hpp"
#include "modules/incidents/incidents_service.hpp"
#include "modules/notify/notify_service.hpp"
#include "modules/people/people_import.hpp"
#include "modules/people/people_service.hpp"
#include "storage/database.hpp"

namespace tongxin::app {

class App {
 public:
  // Opens and migrates the database. Errors: kUnavailable (database), kInvalid (config).
  static core::Result<std::unique_ptr<App>> Create(const Config& config,
                                                   std::unique_ptr<core::Clock> clock = nullptr);
  ~App();

  // Builds the router and starts listening (config.port 0 picks a free port).
  core::Status Start();
  void WaitForSignal();
  void Stop();
  unsigned short port() const;

  const Config& config() const { return config_; }
  storage::Database& db() { return *db_; }
  auth::AuthService& auth() { return *auth_; }
  people::PeopleService& people() { return *people_; }
  people::PeopleImporter& importer() { return *importer_; }
  health::HealthService& health() { return *health_; }
  notify::NotifyService& notify() { return *notify_; }
  incidents::IncidentsService& incidents() { return *incidents_; }
  // Background jobs; started with the server unless jobs_interval_seconds is 0.
  Scheduler& scheduler() { return *scheduler_; }
  const core::Clock& clock() const { return *clock_; }
  http::Router BuildRouter();
  // Once a day (scheduler): deletes health data and notifications past their retention.
  void RunRetention();

 private:
  App() = default;
  Config config_;
  std::unique_ptr<core::Clock> clock_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<auth::AuthService> auth_;
  std::unique_ptr<people::PeopleService> people_;
  std::unique_ptr<people::PeopleImporter> importer_;
  std::unique_ptr<health::HealthService> health_;
  std::unique_ptr<notify::NotifyService> notify_;
  std::unique_ptr<health::HealthJobs> health_jobs_;
  std::unique_ptr<incidents::IncidentsService> incidents_;
  std::unique_ptr<incidents::IncidentJobs> incident_jobs_;
  std::unique_ptr<Scheduler> scheduler_;
  std::unique_ptr<http::Dispatcher> dispatcher_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace tongxin::app
