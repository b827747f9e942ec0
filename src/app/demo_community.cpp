// Demo community data.
#include "app/demo_community.hpp"

#include "core/local_time.hpp"
#include "modules/community/community_service.hpp"

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
  return {};
}

}  // namespace tongxin::app
