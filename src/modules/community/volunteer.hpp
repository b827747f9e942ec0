// Volunteers (下沉干部、志愿者): the university's people deployed to residential
// communities, with their skills (medical, driving, languages, data entry, counselling,
// logistics), languages and availability; each deployment's community, period, duty and
// the community contact they report to; and the temporary groups they form there — a
// temporary party branch (临时党支部) or a work group (工作组) — with leaders, members, duties
// and the name of the group's chat.
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

inline constexpr const char* kSkills[] = {"medical", "driving", "languages", "data_entry", "counselling", "logistics"};
inline constexpr const char* kGroupKinds[] = {"party_branch", "work_group"};

struct Volunteer {
  std::int64_t person_id = 0;
  std::string skills;  // comma-separated kSkills, in their order
  std::string languages, availability, notes, created_at, updated_at;
  // Read with it: the person, their unit, and the deployment running today (if any).
  std::string name_zh, name_latin, phone, unit_name_zh, unit_name_en;
  std::int64_t unit_id = 0;
  std::optional<std::int64_t> community_id;
  std::string community_name_zh, community_name_en, deployed_since;
  std::int64_t minutes_served = 0;  // of duty shifts already ended
};
BOOST_DESCRIBE_STRUCT(Volunteer, (), (person_id, skills, languages, availability, notes, created_at, updated_at,
                                      name_zh, name_latin, phone, unit_name_zh, unit_name_en, unit_id, community_id,
                                      community_name_zh, community_name_en, deployed_since, minutes_served))

struct Deployment {
  std::int64_t id = 0, person_id = 0, community_id = 0;
  std::string starts_on, ends_on, reports_to, duty, created_at, updated_at;
  // Read with it.
  std::string name_zh, name_latin, community_name_zh, community_name_en;
};
BOOST_DESCRIBE_STRUCT(Deployment, (), (id, person_id, community_id, starts_on, ends_on, reports_to, duty, created_at,
                                       updated_at, name_zh, name_latin, community_name_zh, community_name_en))

struct Group {
  std::int64_t id = 0, community_id = 0;
  std::string kind, name, duties, chat_group, created_at, updated_at;
  // Read with it.
  std::string community_name_zh, community_name_en;
  std::int64_t members = 0;
};
BOOST_DESCRIBE_STRUCT(Group, (), (id, community_id, kind, name, duties, chat_group, created_at, updated_at,
                                  community_name_zh, community_name_en, members))

struct GroupMember {
  std::int64_t group_id = 0, person_id = 0;
  int leader = 0;
  std::string joined_at;
  std::string name_zh, name_latin, phone, skills;
};
BOOST_DESCRIBE_STRUCT(GroupMember, (), (group_id, person_id, leader, joined_at, name_zh, name_latin, phone, skills))

// "medical,driving" -> {"medical", "driving"}.
std::vector<std::string> SkillList(const std::string& skills);

struct VolunteerInput {
  std::optional<std::int64_t> person_id;
  std::optional<std::vector<std::string>> skills;  // each one of kSkills
  std::optional<std::string> languages, availability, notes;
};
// Errors (field errors): person_id required (create); skills validation.invalid_choice.
core::Result<VolunteerInput> ParseVolunteerInput(const boost::json::object& body, bool create);

struct DeploymentInput {
  std::optional<std::int64_t> community_id;
  std::optional<std::string> starts_on, ends_on, reports_to, duty;
};
// Errors: community_id, starts_on required (create); ends_on before starts_on
// (validation.date_order).
core::Result<DeploymentInput> ParseDeploymentInput(const boost::json::object& body, bool create);

struct GroupInput {
  std::optional<std::int64_t> community_id;
  std::optional<std::string> kind, name, duties, chat_group;
};
core::Result<GroupInput> ParseGroupInput(const boost::json::object& body, bool create);

struct MemberInput {
  std::int64_t person_id = 0;
  bool leader = false;
};
core::Result<MemberInput> ParseMemberInput(const boost::json::object& body);

// phone masked unless `full`.
boost::json::object VolunteerToJson(const Volunteer& v, core::Lang lang, bool full);
boost::json::object DeploymentToJson(const Deployment& d, core::Lang lang);
boost::json::object GroupToJson(const Group& g, core::Lang lang);
boost::json::object MemberToJson(const GroupMember& m, bool full);

}  // namespace tongxin::community
