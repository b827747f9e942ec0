// Audiences in storage, shared by notices and broadcasts: each owner's entries (role, unit,
// category, nationality) in a table of its own with the same shape, and the SQL that
// decides whether an account or a person belongs to one.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>

#include "modules/announcements/announcement.hpp"

namespace tongxin::announcements::repo {

struct AudienceTable {
  const char* table;
  const char* owner;  // the column naming the notice or broadcast
};
inline constexpr AudienceTable kNoticeAudience{"announcement_audiences", "announcement_id"};
inline constexpr AudienceTable kBroadcastAudience{"broadcast_audiences", "broadcast_id"};

// Whether the account `u` and its person `p` (either may be NULL) belong to the audience of
// `owner` (an SQL expression, e.g. ":aid"): everyone when it names nobody, else a role of the
// account, a category or nationality of the person, or a unit whose subtree holds the
// person's unit or one of the account's own units.
std::string Match(const AudienceTable& t, const std::string& owner);
Audience AudienceOf(soci::session& sql, const AudienceTable& t, std::int64_t id);
void SetAudience(soci::session& sql, const AudienceTable& t, std::int64_t id, const Audience& a);

}  // namespace tongxin::announcements::repo
