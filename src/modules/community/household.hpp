// Households (住户) and their residents under the unit tree: a community, its compounds,
// buildings and entrances are units; a household is a room of a building or of one of its
// entrances ("3栋2单元501"); a resident is a person living there, with an age band and the
// vulnerable flags (elderly living alone, chronic illness, pregnant, disabled), which are
// sensitive data: shown only to staff, and each read that shows them is audited. Each
// building has a lockdown state (open, controlled 管控, locked down 封控) with its history.
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

inline constexpr const char* kStates[] = {"open", "controlled", "locked"};
inline constexpr const char* kAgeBands[] = {"0-17", "18-59", "60-79", "80+"};
inline constexpr const char* kFlags[] = {"elderly_alone", "chronic_illness", "pregnant", "disabled"};

struct Household {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;  // the building, or its entrance
  std::string room, notes, created_at, updated_at;
  // Read with it: where it is.
  std::string unit_kind, unit_name_zh, unit_name_en;
  std::int64_t building_id = 0;
  std::string building_name_zh, building_name_en, state;
  std::int64_t residents = 0;
};
BOOST_DESCRIBE_STRUCT(Household, (), (id, unit_id, room, notes, created_at, updated_at, unit_kind, unit_name_zh,
                                      unit_name_en, building_id, building_name_zh, building_name_en, state, residents))

struct Resident {
  std::int64_t person_id = 0;
  std::int64_t household_id = 0;
  std::string name_zh, name_latin, phone, category, age_band;
  int elderly_alone = 0, chronic_illness = 0, pregnant = 0, disabled = 0;
  // Read with it (lists of residents): the household's address.
  std::string room, unit_kind, unit_name_zh, unit_name_en, building_name_zh, building_name_en, state;
};
BOOST_DESCRIBE_STRUCT(Resident, (), (person_id, household_id, name_zh, name_latin, phone, category, age_band,
                                     elderly_alone, chronic_illness, pregnant, disabled, room, unit_kind,
                                     unit_name_zh, unit_name_en, building_name_zh, building_name_en, state))

struct Lockdown {
  std::int64_t unit_id = 0;
  std::string state = "open", since, until, reason, updated_by_name, updated_at;
};
BOOST_DESCRIBE_STRUCT(Lockdown, (), (unit_id, state, since, until, reason, updated_by_name, updated_at))

struct LockdownEvent {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string state, since, until, reason, actor_name, at;
};
BOOST_DESCRIBE_STRUCT(LockdownEvent, (), (id, unit_id, state, since, until, reason, actor_name, at))

// A building with its state and how many households and residents it has.
struct Building {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  std::string code, name_zh, name_en, path, parent_name_zh, parent_name_en;
  std::string state = "open", since, until, reason;
  std::int64_t households = 0, residents = 0;
};
BOOST_DESCRIBE_STRUCT(Building, (), (id, parent_id, code, name_zh, name_en, path, parent_name_zh, parent_name_en,
                                     state, since, until, reason, households, residents))

// "3栋2单元501", "3-2-501", "3栋501": the building's and entrance's names as the unit tree
// writes them ("3栋", "2单元") and the room. nullopt when it does not parse.
struct Address {
  std::string building, entrance, room;
};
std::optional<Address> ParseAddress(std::string_view text);
// A room number: 1–10 letters, digits or '-', starting with a digit or letter.
bool IsRoom(std::string_view room);
// "3栋2单元501" / "Building 3, Entrance 2, Room 501".
std::string HouseholdLabel(const Household& h, core::Lang lang);
std::string ResidentAddress(const Resident& r, core::Lang lang);

struct HouseholdInput {
  std::optional<std::int64_t> unit_id, community_id;
  std::optional<std::string> room, address, notes;
};
// Errors (field errors): unit_id or community_id + address required; room
// community.invalid_room; address community.invalid_address.
core::Result<HouseholdInput> ParseHouseholdInput(const boost::json::object& body, bool create);

struct ResidentInput {
  std::optional<std::int64_t> person_id, household_id;
  std::optional<std::string> name_zh, name_latin, phone, gender, age_band;
  std::optional<bool> elderly_alone, chronic_illness, pregnant, disabled;
};
// A new resident names a person (person_id) or gives a name (name_zh or name_latin).
core::Result<ResidentInput> ParseResidentInput(const boost::json::object& body, bool create);

struct LockdownInput {
  std::string state, since, until, reason;
};
// Errors: state invalid choice; since/until dates, until before since
// (validation.date_order); reason required unless open.
core::Result<LockdownInput> ParseLockdownInput(const boost::json::object& body);

boost::json::object HouseholdToJson(const Household& h, core::Lang lang);
// flags: the vulnerable flags shown (staff) or left out; phone masked unless `full`.
boost::json::object ResidentToJson(const Resident& r, core::Lang lang, bool flags, bool full);
boost::json::object BuildingToJson(const Building& b, core::Lang lang);

}  // namespace tongxin::community
