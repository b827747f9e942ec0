// The notify module: the outbox (in-app notices and email) and its sender.
#include <spdlog/spdlog.h>

#include "app/module.hpp"
#include "app/modules.hpp"
#include "core/i18n.hpp"
#include "modules/notify/channels_routes.hpp"
#include "modules/notify/notify_routes.hpp"
#include "modules/notify/notify_service.hpp"

namespace tongxin::notify {

std::vector<app::Setting> ConfigKeys() {
  const app::Section<ConfigSection> s{"notify", &app::Config::notify};
  using S = ConfigSection;
  return {
      s.String("smtp_url", "SMTP server for email, e.g. smtp://mail.example.edu:25 or smtps://...:465; empty = no email",
               &S::smtp_url, true),
      s.String("smtp_from", "sender address of notification email", &S::smtp_from),
      s.String("smtp_user", "SMTP login (empty = none)", &S::smtp_user),
      s.String("smtp_password", "SMTP password", &S::smtp_password, true),
      s.Bool("smtp_starttls", "require STARTTLS on smtp:// URLs", &S::smtp_starttls),
      s.Int("max_attempts", "email delivery attempts before giving up", &S::max_attempts, 1, 50),
      s.Int("retry_seconds", "first retry delay of a failed email (doubles each attempt, max 1 h)",
            &S::retry_seconds, 1, 3600),
      s.Int("retention_days", "delete sent notifications older than this; 0 = keep", &S::retention_days, 0, 36500),
  };
}

core::Status Register(app::AppContext& ctx) {
  const ConfigSection& c = ctx.config.notify;
  SmtpSettings smtp{c.smtp_url, c.smtp_from, c.smtp_user, c.smtp_password, c.smtp_starttls};
  NotifySettings settings;
  settings.max_attempts = c.max_attempts;
  settings.retry_base_seconds = c.retry_seconds;
  settings.time_zone = ctx.config.time_zone;
  auto& notify = ctx.Provide(std::make_unique<NotifyService>(ctx.db, ctx.clock, Mailer(smtp), settings));
  ChannelSettings channel_settings;
  channel_settings.public_url = ctx.config.public_url;
  channel_settings.host = ctx.config.host == "0.0.0.0" ? "127.0.0.1" : ctx.config.host;
  channel_settings.port = ctx.config.port;
  auto& channels = ctx.Provide(std::make_unique<ChannelsService>(ctx.db, ctx.clock, settings, channel_settings));
  ctx.AddRoutes([&notify, &channels](http::Router& router) {
    RegisterNotifyRoutes(router, notify);
    RegisterChannelRoutes(router, channels);
  });
  ctx.AddJob("channels", [&channels] {
    // WeCom, DingTalk and SMS: each channel within its rate limit, for up to 20 s a pass.
    auto r = channels.SendDue(std::chrono::seconds(20));
    if (!r) {
      spdlog::error("channel sender: {}", r.error().reason);
    } else if (r->sent + r->retried + r->failed + r->expired > 0) {
      spdlog::info("channels: {} sent, {} to retry, {} failed, {} left unknown", r->sent, r->retried, r->failed,
                   r->expired);
    }
  }, app::AppContext::JobOrder::kDelivery);
  ctx.AddJob("email", [&notify] {
    // Batch after batch for up to 20 s a pass (a mass letter queues hundreds at once).
    auto r = notify.SendDue(std::chrono::seconds(20));
    if (!r) {
      spdlog::error("email sender: {}", r.error().reason);
    } else if (r->sent + r->retried + r->failed + r->expired > 0) {
      spdlog::info("email: {} sent, {} to retry, {} failed, {} left unknown", r->sent, r->retried, r->failed,
                   r->expired);
    }
  }, app::AppContext::JobOrder::kDelivery);
  const int keep_days = c.retention_days;
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
  TX_CHECK(core::AddCatalogue("notify"));
  return {};
}

}  // namespace tongxin::notify
