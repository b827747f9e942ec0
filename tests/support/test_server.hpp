// The real server on an ephemeral port over a fresh test database, with the demo data
// (units, people, one user per role) loaded. Time comes from a settable clock.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "app/app.hpp"
#include "core/clock.hpp"
#include "support/http_client.hpp"
#include "support/test_env.hpp"

namespace tongxin::testing {

// A clock tests can move forward. Thread-safe.
class FakeClock final : public core::Clock {
 public:
  FakeClock() : now_(std::chrono::system_clock::now().time_since_epoch().count()) {}
  core::TimePoint Now() const override {
    return core::TimePoint(core::TimePoint::duration(now_.load()));
  }
  void Advance(std::chrono::seconds s) {
    now_ += std::chrono::duration_cast<core::TimePoint::duration>(s).count();
  }
  void Set(core::TimePoint t) { now_ = t.time_since_epoch().count(); }
  // Sets the clock from "2026-03-02T01:30:00Z".
  void Set(const std::string& iso) { Set(*core::ParseIso(iso)); }

 private:
  std::atomic<core::TimePoint::rep> now_;
};

inline constexpr const char* kPassword = "Tongxin2020!";

struct ServerOptions {
  bool demo_data = true;
  std::string web_root;  // "" = none
  int max_connections = 2048;
  std::size_t max_body = 1024 * 1024;
  std::string start_time;  // ISO UTC; "" = the real time
  std::string smtp_url;    // "" = no email (see SmtpListener)
  int health_retention_days = 0;
  int incident_retention_days = 0;
  std::string trusted_proxies;  // e.g. "127.0.0.1": tests then name clients by X-Forwarded-For
  int max_connections_per_ip = 256;
  bool secure_cookies = false;
};

class TestServer {
 public:
  explicit TestServer(ServerOptions options = {});
  ~TestServer();

  std::string base() const { return "http://127.0.0.1:" + std::to_string(app_->port()); }
  app::App& app() { return *app_; }
  FakeClock& clock() { return *clock_; }
  const TestDb& db() const { return *db_; }
  // A client logged in as a demo user (admin, office, hr, leader, volunteer, foreign).
  std::unique_ptr<HttpClient> As(const std::string& username);
  std::unique_ptr<HttpClient> Anonymous() { return std::make_unique<HttpClient>(base()); }
  // Id of the unit with this code.
  std::int64_t UnitId(const std::string& code);
  const app::Config& config() const { return config_; }
  // Stops the server and starts a new one on the same database, at the same time.
  void Restart();
  // Number of rows in a table (to prove nothing was written).
  std::int64_t Count(const std::string& table);

 private:
  std::unique_ptr<TestDb> db_;
  app::Config config_;
  FakeClock* clock_ = nullptr;
  std::unique_ptr<app::App> app_;
};

}  // namespace tongxin::testing
