// Trips abroad: a traveller (a person), destinations, dates, flights, and the status a trip
// moves through — planned → abroad → stranded → returning → observation → home, or
// cancelled — with its history. Plain structs, the transition rules, request parsing, JSON.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"

namespace tongxin::travel {

struct TripLeg {
  std::int64_t id = 0;
  std::int64_t trip_id = 0;
  std::string flight, from_place, to_place, depart_at, arrive_at;
};
BOOST_DESCRIBE_STRUCT(TripLeg, (), (id, trip_id, flight, from_place, to_place, depart_at, arrive_at))

// One line of a trip's history: created, status (from → to), position (where the traveller
// is and what they need), assistance (what the office or the embassy did, with a cost).
struct TripEvent {
  std::int64_t id = 0;
  std::int64_t trip_id = 0;
  std::string at, kind, status_from, status_to, party, note;
  std::int64_t cost_minor = 0;
  std::string currency, location, needs, return_on;  // return_on: a new planned return, set by the move
  std::optional<std::int64_t> actor_id;
  std::string actor_name;
};
BOOST_DESCRIBE_STRUCT(TripEvent, (), (id, trip_id, at, kind, status_from, status_to, party, note, cost_minor, currency,
                                      location, needs, return_on, actor_id, actor_name))

struct Trip {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string kind = "official";
  std::string purpose, countries, cities, depart_on, return_on, departed_on, returned_on, approval_ref,
      contact_abroad;
  std::string status = "planned";
  std::string stranded_reason, location, location_country, needs, needs_note, position_at;
  std::optional<std::int64_t> observation_plan_id, created_by;
  std::string created_at, updated_at;
  // Read with it: the traveller and the observation plan started on arrival.
  std::string name_zh, name_latin, nationality, category, unit_name_zh, unit_name_en, unit_path;
  std::int64_t unit_id = 0;
  std::string observation_start, observation_end;
  bool observation_active = false;
  std::vector<TripLeg> legs;
  std::vector<TripEvent> events;
};
BOOST_DESCRIBE_STRUCT(Trip, (), (id, person_id, kind, purpose, countries, cities, depart_on, return_on, departed_on,
                                 returned_on, approval_ref, contact_abroad, status, stranded_reason, location,
                                 location_country, needs, needs_note, position_at, observation_plan_id, created_by,
                                 created_at, updated_at, name_zh, name_latin, nationality, category, unit_name_zh,
                                 unit_name_en, unit_path, unit_id, observation_start, observation_end,
                                 observation_active, legs, events))

inline constexpr std::string_view kStatuses[] = {"planned", "abroad", "stranded", "returning",
                                                 "observation", "home", "cancelled"};
// The statuses a trip in `from` may move to.
std::vector<std::string_view> NextStatuses(std::string_view from);
bool CanMove(std::string_view from, std::string_view to);
// Abroad, stranded or returning: the traveller is not home yet.
bool IsAway(std::string_view status);

struct LegInput {
  std::string flight, from_place, to_place, depart_at, arrive_at;
};
struct TripInput {
  std::optional<std::int64_t> person_id;
  std::optional<std::string> kind, purpose, cities, depart_on, return_on, approval_ref, contact_abroad;
  std::optional<std::vector<std::string>> countries;
  std::optional<std::vector<LegInput>> legs;  // replaces the itinerary
};
// Errors: field errors (countries[n] validation.invalid_country, legs[n].depart_at
// travel.invalid_time, return_on travel.return_before_departure); person_id
// travel.traveller_fixed on change.
core::Result<TripInput> ParseTripInput(const boost::json::object& body, bool create);

// A status change: to stranded needs a reason; returning may plan a new return day;
// `date` is the day it happened (departure for abroad, arrival for observation and home;
// default today).
struct StatusInput {
  std::string status;
  std::optional<std::string> reason, note, return_on, date, location, location_country;
};
core::Result<StatusInput> ParseStatusInput(const boost::json::object& body);

// What the traveller (or the office for them) reports: where they are, what they need.
struct PositionInput {
  std::optional<std::string> location, location_country, needs_note, note;
  std::optional<std::vector<std::string>> needs;
};
core::Result<PositionInput> ParsePositionInput(const boost::json::object& body);

// An assistance log entry: who helped (office, embassy, traveller, other), what was done,
// and what it cost (amount in `currency`, kept in minor units).
struct AssistInput {
  std::string party, note, currency;
  std::int64_t cost_minor = 0;
};
core::Result<AssistInput> ParseAssistInput(const boost::json::object& body);

struct TripFilter {
  std::vector<std::string> statuses;
  std::optional<std::int64_t> person_id;
  std::string country, q;
  bool own_only = false;  // set by the service for travellers
};

// The traveller by name and unit (no identifiers), countries and needs as lists, the
// statuses it may move to; `full` adds the flights, the history (costs as decimals of their
// currency) and the cost totals by currency.
boost::json::object TripToJson(const Trip& t, core::Lang lang, bool full = true);

// A code's label for people ("status.stranded" -> 滞留 / Stranded; groups status, kind,
// reason, and why: an entry rule's reasons nationality and traveller); the code when unknown.
std::string TripLabel(core::Lang lang, const std::string& group, const std::string& key);

}  // namespace tongxin::travel
