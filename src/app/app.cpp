// Application wiring.
#include "app/app.hpp"

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include <filesystem>

#include "auth/audit_routes.hpp"
#include "auth/auth_routes.hpp"
#include "auth/crypto.hpp"
#include "core/text.hpp"
#include "http/json_body.hpp"
#include "http/openapi.hpp"
#include "modules/health/health_routes.hpp"
#include "modules/notify/notify_routes.hpp"
#include "modules/incidents/incidents_routes.hpp"
#include "modules/health/retention.hpp"
#include "modules/health/slot_time.hpp"
#include "modules/people/people_routes.hpp"
#include "storage/migrate.hpp"

namespace tongxin::app {

App::~App() { Stop(); }

core::Result<std::unique_ptr<App>> App::Create(const Config& config, std::unique_ptr<core::Clock> clock) {
  if (!auth::InitCrypto()) return core::Internal("libsodium failed to initialise");
  std::unique_ptr<App> app(new App());
  app->config_ = config;
  app->clock_ = clock ? std::move(clock) : std::make_unique<core::SystemClock>();
  auto db = storage::Database::Open(config.db, static_cast<std::size_t>(config.db_pool));
  if (!db) return db.error();
  app->db_ = std::move(db.value());
  auto migrated = storage::Migrate(*app->db_);
  if (!migrated) return migrated.error();
  auth::AuthSettings settings;
  settings.session_idle = std::chrono::minutes(config.session_idle_minutes);
  settings.session_absolute = std::chrono::hours(config.session_absolute_hours);
  settings.login_audit_retention_days = config.login_audit_retention_days;
  app->auth_ = std::make_unique<auth::AuthService>(*app->db_, *app->clock_, settings);
  app->people_ = std::make_unique<people::PeopleService>(*app->db_, *app->clock_);
  app->importer_ = std::make_unique<people::PeopleImporter>(*app->people_);
  health::HealthSettings hs;
  hs.time_zone = config.time_zone;
  hs.alerts.fever_tenths = config.fever_tenths;
  hs.recheck_hours = config.recheck_hours;
  app->health_ = std::make_unique<health::HealthService>(*app->db_, *app->clock_, hs);
  app->people_->OnPeopleChanged([h = app->health_.get()](soci::session& sql, const std::vector<std::int64_t>& ids) {
    return h->RefreshPeople(sql, ids);
  });
  notify::SmtpSettings smtp{config.smtp_url, config.smtp_from, config.smtp_user, config.smtp_password,
                            config.smtp_starttls};
  notify::NotifySettings ns;
  ns.max_attempts = config.notify_max_attempts;
  ns.retry_base_seconds = config.notify_retry_seconds;
  app->notify_ = std::make_unique<notify::NotifyService>(*app->db_, *app->clock_, notify::Mailer(smtp), ns);
  app->health_jobs_ = std::make_unique<health::HealthJobs>(
      *app->db_, *app->clock_, *app->health_, *app->notify_,
      health::JobSettings{config.remind_after_minutes, config.escalate_after_minutes});
  app->incidents_ = std::make_unique<incidents::IncidentsService>(*app->db_, *app->clock_, *app->health_);
  if (auto st = app->incidents_->EnsureDefaultPlans(); !st) return st.error();
  app->incident_jobs_ = std::make_unique<incidents::IncidentJobs>(*app->db_, *app->clock_, *app->incidents_,
                                                                  *app->notify_, config.step_remind_minutes,
                                                                  config.step_escalate_minutes);
  app->scheduler_ = std::make_unique<Scheduler>(std::chrono::seconds(config.jobs_interval_seconds));
  App* self = app.get();
  app->scheduler_->Add("health", [self] {
    auto r = self->health_jobs_->Run();
    if (!r) {
      spdlog::error("health jobs: {}", r.error().reason);
    } else if (r->reminders + r->missing_lists + r->alert_notices + r->overdue + r->escalation_notices > 0) {
      spdlog::info("health jobs: {} reminders, {} missing lists, {} alert notices, {} overdue re-checks, {} "
                   "escalation notices queued",
                   r->reminders, r->missing_lists, r->alert_notices, r->overdue, r->escalation_notices);
    }
  });
  app->scheduler_->Add("incidents", [self] {
    auto r = self->incident_jobs_->Run();
    if (!r) {
      spdlog::error("incident jobs: {}", r.error().reason);
    } else if (r->opened + r->reminders + r->escalations > 0) {
      spdlog::info("incident jobs: {} opened from alerts, {} step reminders, {} escalations queued", r->opened,
                   r->reminders, r->escalations);
    }
  });
  app->scheduler_->Add("retention", [self] { self->RunRetention(); });
  app->scheduler_->Add("email", [self] {
    auto r = self->notify_->SendDue();
    if (!r) {
      spdlog::error("email sender: {}", r.error().reason);
    } else if (r->sent + r->retried + r->failed + r->expired > 0) {
      spdlog::info("email: {} sent, {} to retry, {} failed, {} left unknown", r->sent, r->retried, r->failed,
                   r->expired);
    }
  });
  return app;
}

void App::RunRetention() {
  const std::string today = health_->Today();
  const std::string mark = "retention:" + today;
  auto done = db_->WithSession([&](soci::session& sql) -> core::Result<bool> { return notify::repo::MarkExists(sql, mark); });
  if (!done || *done) return;
  const std::string now = core::FormatIso(clock_->Now());
  auth::Actor system;
  system.username = "retention";
  if (config_.health_retention_days > 0) {
    const std::string before = health::AddDays(today, -config_.health_retention_days);
    auto r = health::PurgeHealthData(*db_, before, now, system);
    if (!r) {
      spdlog::error("health retention: {}", r.error().reason);
      return;
    }
    if (r->Total() > 0) spdlog::info("health retention: {} rows of days before {} deleted", r->Total(), before);
  }
  if (config_.incident_retention_days > 0) {
    auto r = incidents_->PurgeClosed(config_.incident_retention_days, system);
    if (!r) spdlog::error("incident retention: {}", r.error().reason);
    else if (*r > 0) spdlog::info("incident retention: {} closed incidents deleted", *r);
  }
  if (auto r = auth_->PurgeLoginRecords(); !r) spdlog::error("login retention: {}", r.error().reason);
  auto marked = db_->InTransaction([&](soci::session& sql) -> core::Status {
    if (config_.notice_retention_days > 0) {
      const auto before = core::FormatIso(clock_->Now() - std::chrono::hours(24) * config_.notice_retention_days);
      notify::repo::PurgeBefore(sql, before);
    }
    notify::repo::ClaimMark(sql, mark, now);
    return {};
  });
  if (!marked) spdlog::error("notification retention: {}", marked.error().reason);
}

http::Router App::BuildRouter() {
  http::Router router;
  auth::CookieSettings cookies{config_.secure_cookies, config_.session_absolute_hours * 3600LL};
  auth::RegisterAuthRoutes(router, *auth_, cookies);
  auth::RegisterUserRoutes(router, *auth_);
  auth::RegisterAuditRoutes(router, *db_);
  people::RegisterUnitRoutes(router, *people_);
  people::RegisterPeopleRoutes(router, *people_, *importer_);
  health::RegisterHealthRoutes(router, *health_);
  notify::RegisterNotifyRoutes(router, *notify_);
  incidents::RegisterIncidentRoutes(router, *incidents_);
  // Baseline for benchmarks: the same HTTP stack, JSON parse and serialise, no database.
  router.Add({"POST", "/api/v1/echo", http::Access::Public(), "meta",
              "Echo a JSON object (the benchmarks' baseline on the same stack)",
              [](http::Context& ctx) -> core::Result<http::Response> {
                auto body = http::ParseJsonObject(ctx.req);
                if (!body) return body.error();
                return http::JsonResponse(*body);
              },
              http::BodyKind::kJson, 4096, true});
  // The document describes every route above, itself included.
  auto doc = std::make_shared<std::string>();
  router.Add({"GET", "/api/v1/openapi.json", http::Access::Public(), "meta", "This OpenAPI document",
              [doc](http::Context&) -> core::Result<http::Response> {
                http::Response r;
                r.body = *doc;
                r.SetHeader("Content-Type", "application/json; charset=utf-8");
                return r;
              }});
  *doc = boost::json::serialize(http::BuildOpenApi(router, TONGXIN_VERSION));
  return router;
}

core::Status App::Start() {
  dispatcher_ = std::make_unique<http::Dispatcher>(
      BuildRouter(), auth::MakeAuthenticator(*auth_), [this] { return db_->Ping(); }, config_.max_body);
  dispatcher_->SetHsts(config_.secure_cookies);
  dispatcher_->SetReadAudit([this](const http::Request& req, const core::Principal& who, const std::string& entity) {
    return db_->InTransaction([&](soci::session& sql) -> core::Status {
      auth::Actor actor{who.user_id, who.username, req.request_id, req.remote_ip};
      std::string query;
      for (const auto& [k, v] : req.query) query += (query.empty() ? "" : "&") + k + "=" + v;
      auth::RecordAudit(sql, actor, core::FormatIso(clock_->Now()), "read", entity, "", "",
                        boost::json::serialize(boost::json::object{{"path", req.path}, {"query", query}}));
      return {};
    });
  });  // secure cookies mean the app is served over TLS
  if (std::filesystem::is_regular_file(std::filesystem::path(config_.web_root) / "index.html")) {
    dispatcher_->SetStaticFiles(std::make_unique<http::StaticFiles>(config_.web_root));
  } else {
    spdlog::warn("no web app at {} (build it with make web); serving the API only", config_.web_root);
  }
  http::ServerOptions opt;
  opt.host = config_.host;
  opt.port = static_cast<unsigned short>(config_.port);
  opt.io_threads = config_.io_threads;
  opt.workers = config_.workers;
  opt.max_connections = static_cast<std::size_t>(config_.max_connections);
  opt.max_connections_per_ip = static_cast<std::size_t>(config_.max_connections_per_ip);
  opt.trusted_proxies = core::SplitList(config_.trusted_proxies);
  server_ = std::make_unique<http::Server>(opt, *dispatcher_);
  if (auto st = server_->Start(); !st) return st;
  spdlog::info("listening on http://{}:{}", config_.host, server_->port());
  scheduler_->Start();
  return {};
}

void App::WaitForSignal() {
  if (server_) server_->WaitForSignal();
}

void App::Stop() {
  if (scheduler_) scheduler_->Stop();
  if (server_) server_->Stop();
}

unsigned short App::port() const { return server_ ? server_->port() : 0; }

}  // namespace tongxin::app
