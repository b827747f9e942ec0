// The auth module: accounts, sessions and tokens, users, the audit log.
#include <spdlog/spdlog.h>

#include "app/module.hpp"
#include "app/modules.hpp"
#include "auth/audit_routes.hpp"
#include "auth/auth_routes.hpp"
#include "auth/auth_service.hpp"

namespace tongxin::auth {

core::Status Register(app::AppContext& ctx) {
  const app::Config& c = ctx.config;
  AuthSettings settings;
  settings.session_idle = std::chrono::minutes(c.session_idle_minutes);
  settings.session_absolute = std::chrono::hours(c.session_absolute_hours);
  settings.login_audit_retention_days = c.login_audit_retention_days;
  auto& auth = ctx.Provide(std::make_unique<AuthService>(ctx.db, ctx.clock, settings));
  const CookieSettings cookies{c.secure_cookies, c.session_absolute_hours * 3600LL};
  ctx.AddRoutes([&auth, &db = ctx.db, cookies](http::Router& router) {
    RegisterAuthRoutes(router, auth, cookies);
    RegisterUserRoutes(router, auth);
    RegisterAuditRoutes(router, db);
  });
  ctx.AddRetention([&auth](const app::RetentionPass&) {
    auto r = auth.PurgeLoginRecords();
    if (!r) spdlog::error("login retention: {}", r.error().reason);
    return r.ok();
  });
  return {};
}

}  // namespace tongxin::auth
