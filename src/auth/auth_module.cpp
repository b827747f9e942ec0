// The auth module: accounts, sessions and tokens, users, the audit log.
#include <spdlog/spdlog.h>

#include "app/module.hpp"
#include "app/modules.hpp"
#include "auth/audit_routes.hpp"
#include "auth/auth_routes.hpp"
#include "auth/auth_service.hpp"

namespace tongxin::auth {

std::vector<app::Setting> ConfigKeys() {
  const app::Section<ConfigSection> s{"auth", &app::Config::auth};
  using S = ConfigSection;
  return {
      s.Int("session_idle_minutes", "session ends after this idle time", &S::session_idle_minutes, 1, 7 * 24 * 60),
      s.Int("session_absolute_hours", "session ends this long after login", &S::session_absolute_hours, 1, 24 * 30),
      s.Int("login_audit_retention_days", "delete login and logout audit entries older than this; 0 = keep",
            &S::login_audit_retention_days, 0, 36500),
  };
}

core::Status Register(app::AppContext& ctx) {
  const ConfigSection& c = ctx.config.auth;
  AuthSettings settings;
  settings.session_idle = std::chrono::minutes(c.session_idle_minutes);
  settings.session_absolute = std::chrono::hours(c.session_absolute_hours);
  settings.login_audit_retention_days = c.login_audit_retention_days;
  auto& auth = ctx.Provide(std::make_unique<AuthService>(ctx.db, ctx.clock, settings));
  const CookieSettings cookies{ctx.config.secure_cookies, c.session_absolute_hours * 3600LL};
  ctx.AddRoutes([&auth, &db = ctx.db, cookies, tz = ctx.config.time_zone](http::Router& router) {
    RegisterAuthRoutes(router, auth, cookies, tz);
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
