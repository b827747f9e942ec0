// Message channel storage.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "modules/notify/channel.hpp"

namespace tongxin::notify::channels_repo {

std::vector<Channel> List(soci::session& sql);
// The active ones, by id: the channels a notification is relayed through.
std::vector<Channel> Active(soci::session& sql);
std::optional<Channel> Find(soci::session& sql, std::int64_t id);
std::int64_t Insert(soci::session& sql, const Channel& c);
void Update(soci::session& sql, const Channel& c);

// Per channel: rows pending, failed or unknown, and sent (for the admin's list).
struct ChannelCounts {
  std::int64_t pending = 0, failed = 0, sent = 0;
  std::string last_error;
};
ChannelCounts CountsOf(soci::session& sql, std::int64_t channel_id);

}  // namespace tongxin::notify::channels_repo
