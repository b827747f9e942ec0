// Duty shifts (值班): posts of a community (a compound gate, a building entrance, a
// distribution point) and their shifts (start, end, capacity, a skill it needs), which
// volunteers deployed to the community sign themselves up for — never two at once — and
// whose hours count towards each volunteer's total. Times are stored in UTC and entered
// and shown in the office's time zone.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"

namespace tongxin::community {

inline constexpr const char* kPostKinds[] = {"gate", "entrance", "distribution", "other"};

struct Post {
  std::int64_t id = 0, community_id = 0;
  std::optional<std::int64_t> group_id;  // the group whose leaders oversee it
  std::string kind, name, location, created_at, updated_at;
  // Read with it.
  std::string community_name_zh, community_name_en, group_name;
};
BOOST_DESCRIBE_STRUCT(Post, (), (id, community_id, group_id, kind, name, location, created_at, updated_at,
                                 community_name_zh, community_name_en, group_name))

struct Shift {
  std::int64_t id = 0, post_id = 0;
  std::string starts_at, ends_at;  // UTC, ISO 8601
  int capacity = 1;
  std::string skill, notes, created_at;
  // Read with it.
  std::string post_name, post_kind;
  std::int64_t community_id = 0;
  std::int64_t taken = 0;
};
BOOST_DESCRIBE_STRUCT(Shift, (), (id, post_id, starts_at, ends_at, capacity, skill, notes, created_at, post_name,
                                  post_kind, community_id, taken))

struct Signup {
  std::int64_t shift_id = 0, person_id = 0;
  std::string signed_at;
  std::string name_zh, name_latin;
};
BOOST_DESCRIBE_STRUCT(Signup, (), (shift_id, person_id, signed_at, name_zh, name_latin))

struct PostInput {
  std::optional<std::int64_t> community_id, group_id;
  bool group_set = false;
  std::optional<std::string> kind, name, location;
};
core::Result<PostInput> ParsePostInput(const boost::json::object& body, bool create);

// Shifts for a post: every day from `from` to `to` (at most 31), at each of `times`
// ("08:00"–"12:00"; the end after the start, "24:00" for midnight).
struct ShiftsInput {
  std::string from, to;
  struct Times {
    int start = 0, end = 0;  // minutes after local midnight
  };
  std::vector<Times> times;
  int capacity = 1;
  std::string skill, notes;
};
// Errors: from/to dates (to before from: validation.date_order; more than 31 days:
// community.too_many_days), times[i].end community.shift_ends_before_start, capacity 1–50,
// skill one of kSkills.
core::Result<ShiftsInput> ParseShiftsInput(const boost::json::object& body);
// "08:30" -> 510; "24:00" -> 1440; nullopt otherwise.
std::optional<int> MinutesOf(std::string_view hhmm);

boost::json::object PostToJson(const Post& p, core::Lang lang);
// Local times in tz; `mine`: the caller is signed up.
boost::json::object ShiftToJson(const Shift& s, const std::string& tz, bool mine);

}  // namespace tongxin::community
