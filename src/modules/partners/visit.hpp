// Visits: a partner's delegation received or ours abroad, with its visitors, the people
// visited, follow-up actions and photos. Plain structs, request parsing and JSON.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "io/attachment.hpp"

namespace tongxin::partners {

struct Visitor {
  std::int64_t id = 0;
  std::int64_t visit_id = 0;
  std::string name, title, organisation, nationality;
};
BOOST_DESCRIBE_STRUCT(Visitor, (), (id, visit_id, name, title, organisation, nationality))

struct VisitedPerson {
  std::int64_t id = 0;  // the person's
  std::string name_zh, name_latin, nationality, category, unit_name_zh, unit_name_en;
};
BOOST_DESCRIBE_STRUCT(VisitedPerson, (), (id, name_zh, name_latin, nationality, category, unit_name_zh, unit_name_en))

struct VisitAction {
  std::int64_t id = 0;
  std::int64_t visit_id = 0;
  std::string action;
  std::optional<std::int64_t> owner_id;
  std::string due_on, done_at, created_at;
  std::string owner_name;  // read with it
};
BOOST_DESCRIBE_STRUCT(VisitAction, (), (id, visit_id, action, owner_id, due_on, done_at, created_at, owner_name))

struct Visit {
  std::int64_t id = 0;
  std::int64_t partner_id = 0;
  std::string direction, visited_on, place, purpose, hosts, discussed, promised;
  std::optional<std::int64_t> created_by;
  std::string created_at, updated_at;
  // Read with it.
  std::string partner_name_zh, partner_name_en, partner_country;
  std::int64_t visitor_count = 0, people_count = 0, open_actions = 0, photo_count = 0;
  std::vector<Visitor> visitors;
  std::vector<VisitedPerson> people;
  std::vector<VisitAction> actions;
  std::vector<io::Attachment> photos;  // without bytes
};
BOOST_DESCRIBE_STRUCT(Visit, (), (id, partner_id, direction, visited_on, place, purpose, hosts, discussed, promised,
                                  created_by, created_at, updated_at, partner_name_zh, partner_name_en, partner_country,
                                  visitor_count, people_count, open_actions, photo_count, visitors, people, actions,
                                  photos))

struct VisitorInput {
  std::string name, title, organisation, nationality;
};
struct VisitInput {
  std::optional<std::int64_t> partner_id;
  std::optional<std::string> direction, visited_on, place, purpose, hosts, discussed, promised;
  std::optional<std::vector<VisitorInput>> visitors;     // replaces the list
  std::optional<std::vector<std::int64_t>> person_ids;   // replaces the people visited
};
// Errors: field errors (visitors[n].name required, visitors[n].nationality
// validation.invalid_country, person_ids); partner_id partners.visit_partner_fixed on change.
core::Result<VisitInput> ParseVisitInput(const boost::json::object& body, bool create);

struct ActionInput {
  std::optional<std::string> action, due_on;
  std::optional<std::int64_t> owner_id;
  std::optional<bool> done;
};
core::Result<ActionInput> ParseActionInput(const boost::json::object& body, bool create);

struct VisitFilter {
  std::optional<std::int64_t> partner_id;
  std::string from, to;
};

// People visited: names and units (no identifiers); photos without bytes.
boost::json::object VisitToJson(const Visit& v, core::Lang lang);

}  // namespace tongxin::partners
