// Message channels (WeCom and DingTalk group robots, an SMS gateway): administrators set
// them up and send a test; the sender posts due channel messages within each channel's
// rate limit, retries with back-off and never posts a message twice; the SMS gateway's
// delivery callbacks are recorded; each account's quiet hours. Thread-safe; blocks on the
// database and on HTTP.
#pragma once

#include <boost/json/object.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/notify/channel.hpp"
#include "modules/notify/channels_repo.hpp"
#include "modules/notify/notify_service.hpp"
#include "storage/database.hpp"

namespace tongxin::notify {

struct ChannelSettings {
  std::string public_url;  // how users reach the app ("" = http://host:port)
  std::string host = "127.0.0.1";
  int port = 8080;         // until the server says where it listens (SetListenPort)
  int timeout_seconds = 15;
};

struct QuietHours {
  std::string from, to;  // local "HH:MM"; both "" = none
};

class ChannelsService {
 public:
  ChannelsService(storage::Database& db, const core::Clock& clock, NotifySettings notify, ChannelSettings settings);

  struct Listed {
    Channel channel;
    channels_repo::ChannelCounts counts;
  };
  core::Result<std::vector<Listed>> List();
  core::Result<Channel> Get(std::int64_t id);
  // Errors: as ParseChannelInput / ApplyInput; notify.channel_not_found.
  core::Result<Channel> Create(const boost::json::object& body, const auth::Actor& actor);
  core::Result<Channel> Update(std::int64_t id, const boost::json::object& body, const auth::Actor& actor);
  // Queues a test message through the channel now (an SMS one to `phone`). Returns the row.
  // Errors: notify.channel_not_found; phone validation.required (SMS).
  core::Result<std::int64_t> Test(std::int64_t id, const std::string& phone, const auth::Actor& actor);

  // Posts due channel messages, channel by channel within its rate limit, until none is
  // due or `budget` has passed.
  core::Result<SendReport> SendDue(std::chrono::seconds budget = std::chrono::seconds(0));

  // The SMS gateway's callback: `token` must be the channel's; body {"ref": "n42" | "id":
  // gateway id, "status": "delivered" | "undelivered" | "failed", "error": text}.
  // Errors: notify.channel_not_found, notify.bad_token (403), field errors, notify.unknown_ref.
  core::Status Delivery(std::int64_t channel_id, const std::string& token, const boost::json::object& body,
                        const auth::Actor& actor);

  std::string CallbackUrl(const Channel& c) const;
  // Links in messages and the SMS callback start with this ("http://127.0.0.1:8080").
  std::string BaseUrl() const;
  // The port the server listens on (known once it started): a channel may not post there.
  void SetListenPort(int port) { port_ = port; }

  core::Result<QuietHours> Quiet(const core::Principal& who);
  // Errors: quiet_from / quiet_to validation.invalid_time, notify.quiet_incomplete.
  core::Result<QuietHours> SetQuiet(const core::Principal& who, const boost::json::object& body,
                                    const auth::Actor& actor);

 private:
  // One claim of the channel's due messages within its allowance; false when none was due.
  core::Result<bool> SendBatch(const Channel& c, SendReport& report);
  std::string Now() const { return core::FormatIso(clock_.Now()); }

  storage::Database& db_;
  const core::Clock& clock_;
  NotifySettings notify_;
  ChannelSettings settings_;
  std::atomic<int> port_;
};

}  // namespace tongxin::notify
