// Application wiring.
#include "app/app.hpp"

#include "core/countries.hpp"

#include <stdexcept>
#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <stdexcept>

#include "app/modules.hpp"
#include "auth/auth_routes.hpp"
#include "auth/crypto.hpp"
#include "core/countries.hpp"
#include "core/text.hpp"
#include "http/json_body.hpp"
#include "http/openapi.hpp"
#include "storage/migrate.hpp"

namespace tongxin::app {
namespace {

// Every module, in dependency order (app/modules.hpp).
const std::vector<core::Status (*)(AppContext&)> kModules = {&auth::Register, &people::Register, &notify::Register,
                                                             &health::Register, &incidents::Register,
                                                             &supplies::Register, &partners::Register,
                                                             &travel::Register, &announcements::Register,
                                                             &community::Register};

}  // namespace

App::~App() { Stop(); }

core::Result<std::unique_ptr<App>> App::Create(const Config& config, std::unique_ptr<core::Clock> clock) {
  if (!auth::InitCrypto()) return core::Internal("libsodium failed to initialise");
  std::unique_ptr<App> app(new App());
  app->config_ = config;
  app->clock_ = clock ? std::move(clock) : std::make_unique<core::SystemClock>();
  TX_TRY(db, storage::Database::Open(config.db, static_cast<std::size_t>(config.db_pool)));
  app->db_ = std::move(db.value());
  TX_TRY(migrated, storage::Migrate(*app->db_));
  app->modules_ = std::make_unique<AppContext>(app->config_, *app->db_, *app->clock_);
  for (const auto& register_module : kModules) {
    core::Status registered;
    try {
      registered = register_module(*app->modules_);
    } catch (const std::logic_error& e) {  // a wiring error (AppContext::Get)
      return core::Internal(e.what());
    }
    TX_CHECK(registered);
  }
  app->scheduler_ = std::make_unique<Scheduler>(std::chrono::seconds(config.jobs_interval_seconds));
  for (const auto& [name, job] : app->modules_->jobs()) app->scheduler_->Add(name, job);
  App* self = app.get();
  app->scheduler_->Add("retention", [self] { self->RunRetention(); });
  for (const auto& [name, job] : app->modules_->delivery_jobs()) app->scheduler_->Add(name, job);
  return app;
}

void App::RunRetention() {
  const std::string today = health().Today();
  const std::string mark = "retention:" + today;
  auto done = db_->WithSession([&](soci::session& sql) -> core::Result<bool> { return notify::repo::MarkExists(sql, mark); });
  if (!done || *done) return;
  RetentionPass pass{today, core::FormatIso(clock_->Now()), {}};
  pass.actor.username = "retention";
  bool ok = true;
  for (const auto& step : modules_->retention()) ok = step(pass) && ok;
  if (!ok) return;
  auto marked = db_->InTransaction([&](soci::session& sql) -> core::Status {
    notify::repo::ClaimMark(sql, mark, pass.now);
    return {};
  });
  if (!marked) spdlog::error("retention mark: {}", marked.error().reason);
}

http::Router App::BuildRouter() {
  http::Router router;
  for (const auto& add : modules_->routes()) add(router);
  // Baseline for benchmarks: the same HTTP stack, JSON parse and serialise, no database.
  router.Add({"POST", "/api/v1/echo", http::Access::Public(), "meta",
              "Echo a JSON object (the benchmarks' baseline on the same stack)",
              [](http::Context& ctx) -> core::Result<http::Response> {
                TX_TRY(body, http::ParseJsonObject(ctx.req));
                return http::JsonResponse(*body);
              },
              http::BodyKind::kJson, 4096, true});
  // Reference data the web app's country pickers list (names come from the browser).
  router.Add({"GET", "/api/v1/countries", http::Access::Roles(core::RoleSet::All()), "meta",
              "ISO 3166-1 alpha-2 country codes accepted by country fields",
              [](http::Context&) -> core::Result<http::Response> {
                boost::json::array items;
                for (const auto& c : core::CountryCodes()) items.push_back(boost::json::value(c));
                return http::JsonResponse({{"items", std::move(items)}});
              }});
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
      BuildRouter(), auth::MakeAuthenticator(auth()), [this] { return db_->Ping(); }, config_.max_body);
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
  modules_->Get<notify::ChannelsService>().SetListenPort(server_->port());
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
