// Volunteers, deployments and groups: parsing and JSON.
#include "modules/community/volunteer.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "core/json_reader.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"

namespace tongxin::community {

std::vector<std::string> SkillList(const std::string& skills) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < skills.size()) {
    const std::size_t comma = skills.find(',', start);
    const std::size_t end = comma == std::string::npos ? skills.size() : comma;
    if (end > start) out.push_back(skills.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

core::Result<VolunteerInput> ParseVolunteerInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"person_id", "skills", "spoken_languages", "availability", "notes"});
  VolunteerInput in;
  in.person_id = create ? r.Int("person_id", true, 1, INT64_MAX) : std::nullopt;
  if (auto it = body.find("skills"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_array()) {
      r.AddError({"skills", "validation.wrong_type", {{"expected", "array of strings"}}});
    } else {
      std::vector<std::string> skills;
      for (const auto& s : it->value().as_array()) {
        const bool known = s.is_string() && std::any_of(std::begin(kSkills), std::end(kSkills),
                                                        [&](const char* k) { return s.as_string() == k; });
        if (!known) {
          r.AddError({"skills", "validation.invalid_choice",
                      {{"choices", "medical, driving, languages, data_entry, counselling, logistics"}}});
          break;
        }
        skills.emplace_back(s.as_string());
      }
      in.skills = std::move(skills);
    }
  }
  in.languages = r.String("spoken_languages", false, 200);
  in.availability = r.String("availability", false, 300);
  in.notes = r.String("notes", false, 1000, true);
  TX_CHECK(r.Finish());
  if (in.skills) {  // in the catalogue's order, each once
    std::vector<std::string> ordered;
    for (const char* k : kSkills) {
      if (std::find(in.skills->begin(), in.skills->end(), k) != in.skills->end()) ordered.emplace_back(k);
    }
    in.skills = std::move(ordered);
  }
  return in;
}

core::Result<DeploymentInput> ParseDeploymentInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"community_id", "starts_on", "ends_on", "reports_to", "duty"});
  DeploymentInput in;
  in.community_id = create ? r.Int("community_id", true, 1, INT64_MAX) : std::nullopt;
  if (!create && r.Has("community_id")) r.AddError({"community_id", "community.cannot_move_deployment", {}});
  in.starts_on = r.Date("starts_on", create);
  in.ends_on = r.Date("ends_on", false);
  in.reports_to = r.String("reports_to", false, 200);
  in.duty = r.String("duty", false, 500, true);
  if (!r.HasErrors() && in.starts_on && in.ends_on && !in.ends_on->empty() && *in.ends_on < *in.starts_on) {
    r.AddError({"ends_on", "validation.date_order", {}});
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<GroupInput> ParseGroupInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"community_id", "kind", "name", "duties", "chat_group"});
  GroupInput in;
  in.community_id = create ? r.Int("community_id", true, 1, INT64_MAX) : std::nullopt;
  if (!create && r.Has("community_id")) r.AddError({"community_id", "community.cannot_move_group", {}});
  in.kind = r.Choice("kind", create, {"party_branch", "work_group"});
  in.name = r.String("name", create, 100);
  in.duties = r.String("duties", false, 1000, true);
  in.chat_group = r.String("chat_group", false, 100);
  if (!create && in.name && core::Trim(*in.name).empty()) r.AddError({"name", "validation.empty", {}});
  TX_CHECK(r.Finish());
  if (in.name) in.name = core::Trim(*in.name);
  return in;
}

core::Result<MemberInput> ParseMemberInput(const boost::json::object& body) {
  core::JsonReader r(body, {"person_id", "leader"});
  MemberInput in;
  in.person_id = r.Int("person_id", true, 1, INT64_MAX).value_or(0);
  in.leader = r.Bool("leader", false).value_or(false);
  TX_CHECK(r.Finish());
  return in;
}

namespace {
boost::json::array SkillsJson(const std::string& skills) {
  boost::json::array out;
  for (const auto& s : SkillList(skills)) out.emplace_back(s);
  return out;
}
}  // namespace

boost::json::object VolunteerToJson(const Volunteer& v, core::Lang lang, bool full) {
  boost::json::object o{{"person_id", v.person_id},
                        {"name", v.name_zh.empty() ? v.name_latin : v.name_zh},
                        {"name_zh", v.name_zh},
                        {"name_latin", v.name_latin},
                        {"phone", full ? v.phone : core::MaskPhone(v.phone)},
                        {"unit_id", v.unit_id},
                        {"unit", core::Pick(lang, v.unit_name_zh, v.unit_name_en)},
                        {"skills", SkillsJson(v.skills)},
                        {"spoken_languages", v.languages},
                        {"availability", v.availability},
                        {"notes", v.notes},
                        {"community_id", v.community_id ? boost::json::value(*v.community_id) : nullptr},
                        {"community", core::Pick(lang, v.community_name_zh, v.community_name_en)},
                        {"deployed_since", v.deployed_since},
                        {"hours_served", static_cast<double>(v.minutes_served) / 60.0},
                        {"created_at", v.created_at},
                        {"updated_at", v.updated_at}};
  return o;
}

boost::json::object DeploymentToJson(const Deployment& d, core::Lang lang) {
  return {{"id", d.id},
          {"person_id", d.person_id},
          {"name", d.name_zh.empty() ? d.name_latin : d.name_zh},
          {"community_id", d.community_id},
          {"community", core::Pick(lang, d.community_name_zh, d.community_name_en)},
          {"starts_on", d.starts_on},
          {"ends_on", d.ends_on},
          {"reports_to", d.reports_to},
          {"duty", d.duty},
          {"created_at", d.created_at},
          {"updated_at", d.updated_at}};
}

boost::json::object GroupToJson(const Group& g, core::Lang lang) {
  return {{"id", g.id},
          {"community_id", g.community_id},
          {"community", core::Pick(lang, g.community_name_zh, g.community_name_en)},
          {"kind", g.kind},
          {"name", g.name},
          {"duties", g.duties},
          {"chat_group", g.chat_group},
          {"members", g.members},
          {"created_at", g.created_at},
          {"updated_at", g.updated_at}};
}

boost::json::object MemberToJson(const GroupMember& m, bool full) {
  return {{"person_id", m.person_id},
          {"name", m.name_zh.empty() ? m.name_latin : m.name_zh},
          {"phone", full ? m.phone : core::MaskPhone(m.phone)},
          {"leader", m.leader != 0},
          {"skills", SkillsJson(m.skills)},
          {"joined_at", m.joined_at}};
}

}  // namespace tongxin::community
