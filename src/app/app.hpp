// Wiring: opens the database, applies migrations, registers every module (app/modules.hpp)
// and runs the HTTP server and the scheduler.
#pragma once

#include <memory>

#include "app/config.hpp"
#include "app/module.hpp"
#include "app/scheduler.hpp"
#include "auth/auth_service.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "http/dispatcher.hpp"
#include "http/server.hpp"
#include "modules/announcements/announcements_service.hpp"
#include "modules/health/health_service.hpp"
#include "modules/incidents/incidents_service.hpp"
#include "modules/notify/channels_service.hpp"
#include "modules/notify/notify_service.hpp"
#include "modules/people/people_import.hpp"
#include "modules/partners/mailings_service.hpp"
#include "modules/partners/partners_service.hpp"
#include "modules/partners/visits_service.hpp"
#include "modules/people/people_service.hpp"
#include "modules/supplies/distributions_service.hpp"
#include "modules/supplies/donations_service.hpp"
#include "modules/supplies/supplies_service.hpp"
#include "modules/travel/entry_rules_service.hpp"
#include "modules/travel/trips_service.hpp"
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
  auth::AuthService& auth() { return modules_->Get<auth::AuthService>(); }
  people::PeopleService& people() { return modules_->Get<people::PeopleService>(); }
  people::PeopleImporter& importer() { return modules_->Get<people::PeopleImporter>(); }
  health::HealthService& health() { return modules_->Get<health::HealthService>(); }
  notify::NotifyService& notify() { return modules_->Get<notify::NotifyService>(); }
  notify::ChannelsService& channels() { return modules_->Get<notify::ChannelsService>(); }
  incidents::IncidentsService& incidents() { return modules_->Get<incidents::IncidentsService>(); }
  supplies::SuppliesService& supplies() { return modules_->Get<supplies::SuppliesService>(); }
  supplies::DistributionsService& distributions() { return modules_->Get<supplies::DistributionsService>(); }
  supplies::DonationsService& donations() { return modules_->Get<supplies::DonationsService>(); }
  partners::PartnersService& partners() { return modules_->Get<partners::PartnersService>(); }
  partners::MailingsService& mailings() { return modules_->Get<partners::MailingsService>(); }
  partners::VisitsService& visits() { return modules_->Get<partners::VisitsService>(); }
  travel::TripsService& trips() { return modules_->Get<travel::TripsService>(); }
  travel::EntryRulesService& entry_rules() { return modules_->Get<travel::EntryRulesService>(); }
  announcements::AnnouncementsService& announcements() { return modules_->Get<announcements::AnnouncementsService>(); }
  // Any module's service by type (newer modules have no accessor of their own): the demo
  // data and the command line use it; the header needs no change for a new module.
  template <class Service>
  Service& Get() {
    return modules_->Get<Service>();
  }
  // Background jobs; started with the server unless jobs_interval_seconds is 0.
  Scheduler& scheduler() { return *scheduler_; }
  const core::Clock& clock() const { return *clock_; }
  http::Router BuildRouter();
  // Once a day (scheduler): every module's retention step.
  void RunRetention();

 private:
  App() = default;
  Config config_;
  std::unique_ptr<core::Clock> clock_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<AppContext> modules_;
  std::unique_ptr<Scheduler> scheduler_;
  std::unique_ptr<http::Dispatcher> dispatcher_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace tongxin::app
