// The module contract's one entry point. Each module (auth, people, notify, health,
// incidents, ...) has `void Register(app::AppContext&)` in its <m>_module.cpp, which
// builds its services from the settings it owns, and adds its routes, scheduled jobs,
// daily retention steps and message catalogue. app.cpp calls one Register per module, in
// dependency order (a module may Get() the services of those registered before it).
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/config.hpp"
#include "app/figures.hpp"
#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "http/router.hpp"
#include "storage/database.hpp"

namespace tongxin::app {

// One daily retention pass: the deployment's day and instant, and who acts ("retention").
struct RetentionPass {
  std::string today;  // YYYY-MM-DD in the deployment's time zone
  std::string now;    // ISO instant
  auth::Actor actor;
};

class AppContext {
 public:
  using RouteAdder = std::function<void(http::Router&)>;
  using Job = std::function<void()>;
  using RetentionStep = std::function<bool(const RetentionPass&)>;  // false: failed (logged)

  AppContext(const Config& config, storage::Database& db, const core::Clock& clock)
      : config(config), db(db), clock(clock) {}
  ~AppContext() {
    // Services go in the reverse order of registration: later ones refer to earlier ones.
    while (!owned_.empty()) owned_.pop_back();
  }
  AppContext(const AppContext&) = delete;
  AppContext& operator=(const AppContext&) = delete;

  const Config& config;
  storage::Database& db;
  const core::Clock& clock;
  // Live figures the modules add (see app/figures.hpp), read by those writing from data.
  Figures figures;

  // Keeps a module's service for the application's lifetime and lets later modules find it.
  template <class T>
  T& Provide(std::unique_ptr<T> service) {
    T& ref = *service;
    services_[std::type_index(typeid(T))] = &ref;
    owned_.push_back(std::shared_ptr<void>(std::move(service)));
    return ref;
  }
  // A service provided by a module registered earlier. Asking for one that is not there
  // (modules listed out of order) is a wiring error: std::logic_error naming the type,
  // which App::Create reports as a startup failure, in every build type.
  template <class T>
  T& Get() const {
    auto it = services_.find(std::type_index(typeid(T)));
    if (it == services_.end()) {
      throw std::logic_error(std::string("module wiring: ") + typeid(T).name() +
                             " is used before the module providing it is registered");
    }
    return *static_cast<T*>(it->second);
  }

  void AddRoutes(RouteAdder add) { routes_.push_back(std::move(add)); }
  // Runs every jobs_interval_seconds on the scheduler's thread; must be idempotent. Work
  // jobs (reminders, alerts, ...) run first in a pass, then delivery jobs (email), so what
  // a pass queues also goes out in that pass.
  enum class JobOrder { kWork, kDelivery };
  void AddJob(std::string name, Job job, JobOrder order = JobOrder::kWork) {
    (order == JobOrder::kWork ? jobs_ : delivery_jobs_).emplace_back(std::move(name), std::move(job));
  }
  // Runs once a day; logs its own failures and returns false on one (the pass is tried
  // again on the next tick).
  void AddRetention(RetentionStep step) { retention_.push_back(std::move(step)); }

  const std::vector<RouteAdder>& routes() const { return routes_; }
  const std::vector<std::pair<std::string, Job>>& jobs() const { return jobs_; }
  const std::vector<std::pair<std::string, Job>>& delivery_jobs() const { return delivery_jobs_; }
  const std::vector<RetentionStep>& retention() const { return retention_; }

 private:
  std::unordered_map<std::type_index, void*> services_;
  std::vector<std::shared_ptr<void>> owned_;
  std::vector<RouteAdder> routes_;
  std::vector<std::pair<std::string, Job>> jobs_;
  std::vector<std::pair<std::string, Job>> delivery_jobs_;
  std::vector<RetentionStep> retention_;
};

}  // namespace tongxin::app
