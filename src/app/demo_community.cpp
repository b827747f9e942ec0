// Demo community data.
#include "app/demo_community.hpp"

#include "core/local_time.hpp"
#include "modules/community/community_service.hpp"
#include "modules/community/shifts_service.hpp"
#include "modules/community/volunteers_service.hpp"
#include "modules/people/people_service.hpp"

namespace tongxin::app {

core::Status LoadCommunity(App& app, const core::Principal& system, const auth::Actor& actor,
                           const std::map<std::string, std::int64_t>& units) {
  auto& community = app.Get<community::CommunityService>();
  struct DemoResident {
    const char* name;
    const char* age_band;
    bool elderly_alone, chronic;
  };
  struct DemoHousehold {
    const char* building;
    const char* room;
    std::vector<DemoResident> residents;
  };
  const DemoHousehold demo[] = {
      {"COMM-A-1", "101", {{"孙建国", "80+", true, false}}},
      {"COMM-A-1", "102", {{"钱秀英", "60-79", false, true}}},
      {"COMM-A-1", "201", {}},
      {"COMM-A-2", "301", {{"郑国强", "18-59", false, false}, {"冯桂兰", "60-79", false, true}}},
  };
  for (const auto& d : demo) {
    community::HouseholdInput h;
    h.unit_id = units.at(d.building);
    h.room = d.room;
    TX_TRY(made, community.CreateHousehold(system, h, actor));
    for (const auto& r : d.residents) {
      community::ResidentInput in;
      in.name_zh = r.name;
      in.age_band = r.age_band;
      in.elderly_alone = r.elderly_alone;
      in.chronic_illness = r.chronic;
      TX_CHECK(community.AddResident(system, made->h.id, in, actor));
    }
  }
  const auto now = app.clock().Now();
  const std::string tz = app.config().time_zone;
  community::LockdownInput locked;
  locked.state = "locked";
  locked.since = core::LocalDay(now - std::chrono::hours(24 * 3), tz);
  locked.until = core::LocalDay(now + std::chrono::hours(24 * 11), tz);
  locked.reason = "楼内发现确诊病例，封控 14 天 / A confirmed case in the building: locked down for 14 days";
  TX_CHECK(community.SetLockdown(system, units.at("COMM-A-2"), locked, actor));
  return LoadVolunteers(app, system, actor, units);
}

core::Status LoadVolunteers(App& app, const core::Principal& system, const auth::Actor& actor,
                            const std::map<std::string, std::int64_t>& units) {
  auto& volunteers = app.Get<community::VolunteersService>();
  const auto now = app.clock().Now();
  const std::string tz = app.config().time_zone;
  const std::string since = core::LocalDay(now - std::chrono::hours(24 * 10), tz);
  struct DemoVolunteer {
    const char* name;
    std::vector<std::string> skills;
    const char* languages;
    const char* availability;
    const char* duty;
  };
  const DemoVolunteer demo[] = {
      {"吴倩", {"languages", "data_entry"}, "英语 English", "每天 8:00–18:00", "入户测温、信息统计"},
      {"黄磊", {"driving", "logistics"}, "", "工作日晚上、周末", "物资配送、送药上门"},
      {"杨帆", {"driving", "logistics"}, "", "每天上午", "小区门岗值守、物资配送"},
      {"李娜", {"medical", "counselling"}, "英语 English、法语 French", "每天下午", "测温、心理疏导"},
  };
  std::map<std::string, std::int64_t> ids;
  for (const auto& d : demo) {
    people::PersonFilter f;
    f.q = d.name;
    f.category = "staff";
    TX_TRY(found, app.people().ListPeople(system, f, 0, core::PageRequest{1, 1}));
    if (found->items.empty()) return core::NotFound("people.not_found");
    const std::int64_t person = found->items.front().person.id;
    ids[d.name] = person;
    community::VolunteerInput in;
    in.person_id = person;
    in.skills = d.skills;
    in.languages = d.languages;
    in.availability = d.availability;
    TX_CHECK(volunteers.Create(system, in, actor));
    community::DeploymentInput dep;
    dep.community_id = units.at("COMM");
    dep.starts_on = since;
    dep.reports_to = "马房山社区书记 张敏 027-87650000";
    dep.duty = d.duty;
    TX_CHECK(volunteers.Deploy(system, person, dep, actor));
  }
  struct DemoGroup {
    const char* kind;
    const char* name;
    const char* duties;
    const char* chat;
    std::vector<std::pair<const char*, bool>> members;  // name, leader
  };
  const DemoGroup groups[] = {
      {"party_branch", "马房山社区下沉党员临时党支部", "组织下沉党员开展入户排查、门岗值守和物资配送", "马房山下沉党员群",
       {{"吴倩", true}, {"黄磊", false}, {"杨帆", false}, {"李娜", false}}},
      {"work_group", "东院小区物资配送组", "封控楼栋团购配送、送药上门", "东院配送接龙群", {{"杨帆", true}, {"黄磊", false}}},
  };
  std::vector<std::int64_t> group_ids;
  for (const auto& g : groups) {
    community::GroupInput in;
    in.community_id = units.at("COMM");
    in.kind = g.kind;
    in.name = g.name;
    in.duties = g.duties;
    in.chat_group = g.chat;
    TX_TRY(made, volunteers.CreateGroup(system, in, actor));
    group_ids.push_back(made->g.id);
    for (const auto& [name, leader] : g.members) {
      TX_CHECK(volunteers.PutMember(system, made->g.id, community::MemberInput{ids.at(name), leader}, actor));
    }
  }

  // Posts with a week of shifts from today; some taken for tomorrow, the rest open.
  auto& shifts = app.Get<community::ShiftsService>();
  const std::string today = core::LocalDay(now, tz);
  const std::string tomorrow = core::AddDays(today, 1);
  struct DemoPost {
    const char* kind;
    const char* name;
    const char* location;
    std::vector<community::ShiftsInput::Times> times;
    int capacity;
    const char* skill;
  };
  const DemoPost posts[] = {
      {"gate", "东院小区大门", "东院南门", {{8 * 60, 12 * 60}, {12 * 60, 18 * 60}, {18 * 60, 24 * 60}}, 2, ""},
      {"entrance", "2栋入口", "2栋一单元门口（封控楼栋）", {{8 * 60, 20 * 60}}, 1, ""},
      {"distribution", "物资发放点", "东院篮球场", {{9 * 60, 11 * 60}}, 2, "logistics"},
  };
  std::vector<std::int64_t> post_ids;
  for (const auto& d : posts) {
    community::PostInput in;
    in.community_id = units.at("COMM");
    in.group_id = group_ids.front();
    in.kind = d.kind;
    in.name = d.name;
    in.location = d.location;
    TX_TRY(post, shifts.CreatePost(system, in, actor));
    post_ids.push_back(post->id);
    community::ShiftsInput week;
    week.from = today;
    week.to = core::AddDays(today, 6);
    week.times = d.times;
    week.capacity = d.capacity;
    week.skill = d.skill;
    TX_CHECK(shifts.AddShifts(system, post->id, week, actor));
  }
  const std::pair<const char*, int> taken[] = {{"杨帆", 0}, {"黄磊", 1}, {"李娜", 3}};  // name, tomorrow's shift
  TX_TRY(roster, shifts.Week(system, std::nullopt, units.at("COMM"), tomorrow));
  for (const auto& [name, index] : taken) {
    if (index < static_cast<int>(roster->shifts.size())) {
      TX_CHECK(shifts.SignUp(system, roster->shifts[index].id, ids.at(name), actor));
    }
  }
  return {};
}

}  // namespace tongxin::app
