// Duty shifts (值班). Community staff (editors with the community in scope) set up posts
// and their shifts a week at a time; a volunteer deployed to the community signs
// themselves up on a phone (staff may sign someone up), never for two shifts at once, not
// over capacity, only with the skill a shift needs, not once it has started; the roster of a
// post shows a week with who is on each shift and which are unfilled. Each volunteer has an
// iCalendar feed of their shifts at a secret address they can revoke. Every write is
// audited. Thread-safe; blocks on the database.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/local_time.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/community/shift.hpp"
#include "modules/community/shifts_repo.hpp"
#include "storage/database.hpp"

namespace tongxin::community {

struct Roster {
  std::vector<Shift> shifts;
  std::vector<Signup> signups;
  std::set<std::int64_t> mine;  // shifts the caller is signed up for
};

struct ShiftsCreated {
  int created = 0, existing = 0;  // existing: a shift already starts then (left as it was)
};

class ShiftsService {
 public:
  ShiftsService(storage::Database& db, const core::Clock& clock, std::string time_zone)
      : db_(db), clock_(clock), time_zone_(std::move(time_zone)) {}

  const std::string& time_zone() const { return time_zone_; }
  std::string Today() const { return core::LocalDay(clock_.Now(), time_zone_); }

  core::Result<std::vector<Post>> Posts(const core::Principal& who, std::optional<std::int64_t> community_id);
  // Errors: community_id units.not_found / community.not_a_community (400), auth.out_of_scope;
  // group_id community.group_elsewhere (400) when the group is another community's.
  core::Result<Post> CreatePost(const core::Principal& who, const PostInput& in, const auth::Actor& actor);
  core::Result<Post> UpdatePost(const core::Principal& who, std::int64_t id, const PostInput& in,
                                const auth::Actor& actor);
  // Errors: community.post_not_found (404), auth.out_of_scope.
  core::Result<ShiftsCreated> AddShifts(const core::Principal& who, std::int64_t post_id, const ShiftsInput& in,
                                        const auth::Actor& actor);
  // Errors: community.shift_not_found (404), community.shift_has_signups (409).
  core::Status DeleteShift(const core::Principal& who, std::int64_t id, const auth::Actor& actor);

  // The seven days from `day` (local) of one post (post_id) or of the communities in scope
  // (community_id: under it). A volunteer sees the shifts of the communities they are
  // deployed to.
  core::Result<Roster> Week(const core::Principal& who, std::optional<std::int64_t> post_id,
                            std::optional<std::int64_t> community_id, const std::string& day);
  // The caller's own shifts (a volunteer), latest first.
  core::Result<std::vector<Shift>> Mine(const core::Principal& who);

  // person_id: someone else (staff); else the caller. Errors: community.shift_not_found
  // (404), community.shift_started, community.already_signed_up, community.shift_full,
  // community.skill_needed, community.shift_clash (409, naming the other shift), person_id
  // community.not_deployed_here (400), community.not_a_volunteer (403 for the caller).
  core::Result<Shift> SignUp(const core::Principal& who, std::int64_t shift_id, std::optional<std::int64_t> person_id,
                             const auth::Actor& actor);
  // Errors: community.not_signed_up (404), community.shift_started (409).
  core::Status Cancel(const core::Principal& who, std::int64_t shift_id, std::int64_t person_id,
                      const auth::Actor& actor);

  // A new secret feed address for the volunteer (the old one stops working); the token is
  // returned once. The volunteer themself or the university's side.
  core::Result<std::string> NewFeed(const core::Principal& who, std::int64_t person_id, const auth::Actor& actor);
  core::Status RevokeFeed(const core::Principal& who, std::int64_t person_id, const auth::Actor& actor);
  // The feed's calendar (RFC 5545). Errors: community.feed_not_found (404).
  core::Result<std::string> Calendar(const std::string& token);

  // Minutes of ended shifts per volunteer.
  std::map<std::int64_t, std::int64_t> MinutesServed(soci::session& sql, const std::vector<std::int64_t>& ids);

 private:
  std::string Now() const { return core::FormatIso(clock_.Now()); }
  core::Result<Post> PostInScope(soci::session& sql, const core::Principal& who, std::int64_t id);
  // The feed's owner may be managed by the caller: themself, or the person in scope.
  core::Status MayManageFeed(soci::session& sql, const core::Principal& who, std::int64_t person_id);

  storage::Database& db_;
  const core::Clock& clock_;
  std::string time_zone_;
};

// The calendar text of these shifts (RFC 5545: CRLF lines folded at 75 octets, text
// escaped, times in tz with its VTIMEZONE).
std::string ShiftsCalendar(const std::vector<Shift>& shifts, const std::string& name, const std::string& tz,
                           const std::string& now_iso);

}  // namespace tongxin::community
