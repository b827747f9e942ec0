// Roster building.
#include "modules/health/roster.hpp"

#include <algorithm>
#include <set>

#include "core/clock.hpp"

namespace tongxin::health {

const ReportPlan* PlanFor(const std::vector<ReportPlan>& plans, const repo::RosterPerson& person,
                          const std::map<std::int64_t, std::string>& unit_paths) {
  auto lists = [&](const ReportPlan& p) {
    return std::binary_search(p.person_ids.begin(), p.person_ids.end(), person.id);
  };
  for (const auto& p : plans) {
    if (p.kind == "observation" && lists(p)) return &p;
  }
  for (const auto& p : plans) {
    if (p.kind == "group" && p.target == "people" && lists(p)) return &p;
  }
  const ReportPlan* best = nullptr;
  std::size_t best_len = 0;
  for (const auto& p : plans) {
    if (p.kind != "group" || p.target != "unit" || !p.unit_id) continue;
    auto it = unit_paths.find(*p.unit_id);
    if (it == unit_paths.end()) continue;
    if (person.unit_path.rfind(it->second, 0) == 0 && it->second.size() > best_len) {
      best = &p;
      best_len = it->second.size();
    }
  }
  if (best) return best;
  // A category plan, narrowed to a unit's subtree when it names one (the deepest wins).
  for (const auto& p : plans) {
    if (p.kind != "group" || p.target != "category" || p.category != person.category) continue;
    std::size_t len = 0;
    if (p.unit_id) {
      auto it = unit_paths.find(*p.unit_id);
      if (it == unit_paths.end() || person.unit_path.rfind(it->second, 0) != 0) continue;
      len = it->second.size();
    }
    if (!best || len > best_len) {
      best = &p;
      best_len = len;
    }
  }
  return best;
}

std::vector<RosterRow> BuildRoster(soci::session& sql, const std::string& day,
                                         const std::vector<std::pair<int, std::int64_t>>& skip,
                                         const std::vector<std::int64_t>* only) {
  std::vector<ReportPlan> plans;
  for (auto& p : repo::ListPlans(sql, true)) {
    if (p.Covers(day)) plans.push_back(std::move(p));
  }
  std::vector<RosterRow> rows;
  if (plans.empty()) return rows;
  for (auto& p : plans) std::sort(p.person_ids.begin(), p.person_ids.end());
  const std::map<std::int64_t, std::string> unit_paths = repo::UnitPaths(sql);
  std::map<std::int64_t, std::vector<SlotWindow>> windows;
  for (const auto& p : plans) windows[p.id] = DayWindows(day, p.slots, p.late_minutes, p.time_zone);
  const std::set<std::pair<int, std::int64_t>> skipped(skip.begin(), skip.end());
  for (const auto& person : repo::ActivePeople(sql, only)) {
    const ReportPlan* plan = PlanFor(plans, person, unit_paths);
    if (!plan) continue;
    for (const auto& w : windows[plan->id]) {
      if (skipped.count({w.index, person.id})) continue;
      rows.push_back({day, w.index, person.id, person.unit_id, plan->id, w.name, core::FormatIso(w.starts),
                      core::FormatIso(w.ends), core::FormatIso(w.late_until), "missing", std::nullopt});
    }
  }
  return rows;
}

}  // namespace tongxin::health
