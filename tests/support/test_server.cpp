// Test server harness.
#include "support/test_server.hpp"

#include <stdexcept>

#include "app/demo_data.hpp"
#include "storage/query.hpp"

namespace tongxin::testing {

namespace {

app::Config MakeConfig(const ServerOptions& options, const std::string& db_url) {
  app::Config config;
  config.db = db_url;
  config.port = 0;
  config.db_pool = 4;
  config.workers = 4;
  config.web_root = options.web_root.empty() ? "/nonexistent" : options.web_root;
  config.max_connections = options.max_connections;
  config.max_body = options.max_body;
  config.log_level = "warn";
  config.jobs_interval_seconds = 0;  // tests run the jobs themselves (app().scheduler().RunOnce())
  config.notify.smtp_url = options.smtp_url;
  config.health.retention_days = options.health_retention_days;
  config.incidents.retention_days = options.incident_retention_days;
  config.trusted_proxies = options.trusted_proxies;
  config.max_connections_per_ip = options.max_connections_per_ip;
  config.secure_cookies = options.secure_cookies;
  config.notify.smtp_from = "tongxin@test.local";
  return config;
}

// The application on this database at the clock's time (not yet serving).
std::unique_ptr<app::App> CreateApp(const app::Config& config, std::unique_ptr<FakeClock> clock) {
  auto app = app::App::Create(config, std::move(clock));
  if (!app) throw std::runtime_error("App::Create failed: " + app.error().reason + " " + app.error().log);
  return std::move(app.value());
}

// The demo data as loaded at the options' start time, or, for tests on the real time, at
// the time the first test of this hour loaded it: every test of the hour starts its clock
// there, so the data is exactly as fresh as if it had just been loaded. The start time is
// the only option the demo's content depends on (the others shape the running server).
Template DemoTemplate(const ServerOptions& options) {
  std::string key = "demo\n" + options.start_time;
  if (options.start_time.empty()) {
    key += "now " + core::FormatIso(std::chrono::system_clock::now()).substr(0, 13);
  }
  return Template{key, [options](const std::string& url) {
                    auto clock = std::make_unique<FakeClock>();
                    if (!options.start_time.empty()) clock->Set(options.start_time);
                    const std::string at = core::FormatIso(clock->Now());
                    auto app = CreateApp(MakeConfig(options, url), std::move(clock));
                    auto loaded = app::LoadDemoData(*app);
                    if (!loaded) throw std::runtime_error("demo data failed: " + loaded.error().reason + " " + loaded.error().log);
                    return at;
                  }};
}

std::unique_ptr<TestDb> MakeDb(const ServerOptions& options) {
  return options.demo_data ? std::make_unique<TestDb>(DemoTemplate(options)) : std::make_unique<TestDb>();
}

}  // namespace

TestServer::TestServer(ServerOptions options) : db_(MakeDb(options)), config_(MakeConfig(options, db_->url())) {
  auto clock = std::make_unique<FakeClock>();
  if (!db_->note().empty()) {
    clock->Set(db_->note());
  } else if (!options.start_time.empty()) {
    clock->Set(options.start_time);
  }
  clock_ = clock.get();
  app_ = CreateApp(config_, std::move(clock));
  auto st = app_->Start();
  if (!st) throw std::runtime_error("server start failed: " + st.error().log);
}

TestServer::~TestServer() { app_->Stop(); }

void TestServer::Restart() {
  const auto now = clock_->Now();
  app_->Stop();
  app_.reset();  // every thread and connection of the old process is gone
  auto clock = std::make_unique<FakeClock>();
  clock->Set(now);
  clock_ = clock.get();
  app_ = CreateApp(config_, std::move(clock));
  auto st = app_->Start();
  if (!st) throw std::runtime_error("server start failed: " + st.error().log);
}

std::unique_ptr<HttpClient> TestServer::As(const std::string& username) {
  auto c = std::make_unique<HttpClient>(base());
  auto res = c->Login(username, kPassword);
  if (res.status != 200) throw std::runtime_error("login as " + username + " failed: " + res.body);
  return c;
}

std::int64_t TestServer::UnitId(const std::string& code) {
  auto r = app_->db().WithSession([&](soci::session& sql) -> core::Result<std::int64_t> {
    return storage::Query("SELECT id FROM units WHERE code = :c").Bind("c", code).Scalar(sql);
  });
  return r ? *r : 0;
}

std::int64_t TestServer::Count(const std::string& table) {
  auto r = app_->db().WithSession([&](soci::session& sql) -> core::Result<std::int64_t> {
    return storage::Query("SELECT COUNT(*) FROM " + table).Scalar(sql);
  });
  return r ? *r : -1;
}

}  // namespace tongxin::testing
