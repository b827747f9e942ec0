// The notify module: the outbox (in-app notices and email) and its sender.
#include <spdlog/spdlog.h>

#include "app/module.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include "modules/notify/notify_routes.hpp"
#include "modules/notify/notify_service.hpp"

namespace tongxin::notify {

core::Status Register(app::AppContext& ctx) {
  const app::Config& c = ctx.config;
  SmtpSettings smtp{c.smtp_url, c.smtp_from, c.smtp_user, c.smtp_password, c.smtp_starttls};
  NotifySettings settings;
  settings.max_attempts = c.notify_max_attempts;
  settings.retry_base_seconds = c.notify_retry_seconds;
  auto& notify = ctx.Provide(std::make_unique<NotifyService>(ctx.db, ctx.clock, Mailer(smtp), settings));
  ctx.AddRoutes([&notify](http::Router& router) { RegisterNotifyRoutes(router, notify); });
  ctx.AddJob("email", [&notify] {
    auto r = notify.SendDue();
    if (!r) {
      spdlog::error("email sender: {}", r.error().reason);
    } else if (r->sent + r->retried + r->failed + r->expired > 0) {
      spdlog::info("email: {} sent, {} to retry, {} failed, {} left unknown", r->sent, r->retried, r->failed,
                   r->expired);
    }
  }, app::AppContext::JobOrder::kDelivery);
  const int keep_days = c.notice_retention_days;
  ctx.AddRetention([&ctx, keep_days](const app::RetentionPass&) {
    if (keep_days <= 0) return true;
    const auto before = core::FormatIso(ctx.clock.Now() - std::chrono::hours(24) * keep_days);
    auto st = ctx.db.InTransaction([&](soci::session& sql) -> core::Status {
      repo::PurgeBefore(sql, before);
      return {};
    });
    if (!st) spdlog::error("notification retention: {}", st.error().reason);
    return st.ok();
  });
  core::AddMessages({
      {"notify.not_found", {"找不到该通知", "No such notification"}},
      {"notify.not_requeueable", {"只有发送失败或状态未知的邮件可以重发", "Only failed or unknown email can be sent again"}},
      {"notify.smtp_disabled", {"未配置邮件服务器（smtp_url）", "No mail server is configured (smtp_url)"}},
      {"notify.smtp_failed", {"邮件发送失败：{reason}", "Sending the email failed: {reason}"}},
  });
  return {};
}

}  // namespace tongxin::notify
