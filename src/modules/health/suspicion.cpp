// Suspicious reporting rules.
#include "modules/health/suspicion.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace tongxin::health {

std::vector<SuspicionFlag> SuspicionFlags(const std::vector<Checkin>& all, const SuspicionRule& rule) {
  std::vector<const Checkin*> reports;
  for (const auto& c : all) {
    if (c.channel == "self") reports.push_back(&c);
  }
  std::vector<SuspicionFlag> flags;
  if (static_cast<int>(reports.size()) < rule.min_reports) return flags;
  const std::string n = std::to_string(reports.size());

  std::set<std::string> answers;
  std::set<int> temps;
  for (const auto* c : reports) {
    std::string symptoms;
    for (const auto& s : c->symptoms) symptoms += s + ",";
    answers.insert(std::to_string(c->temperature_tenths) + "|" + c->method + "|" + symptoms + "|" + c->location +
                   "|" + c->contact + "|" + c->remarks);
    temps.insert(c->temperature_tenths);
  }
  if (answers.size() == 1) {
    flags.push_back({"same_values", n});
  } else if (temps.size() == 1) {
    flags.push_back({"flat_temperature", n});
  }

  // The same second of the day ("T08:00:00") on many different days.
  std::map<std::string, std::set<std::string>> days_by_second;
  for (const auto* c : reports) {
    if (c->submitted_at.size() >= 19) days_by_second[c->submitted_at.substr(11, 8)].insert(c->day);
  }
  for (const auto& [second, days] : days_by_second) {
    if (static_cast<int>(days.size()) >= rule.same_second_days) {
      flags.push_back({"same_second", second + " UTC × " + std::to_string(days.size())});
      break;
    }
  }
  return flags;
}

}  // namespace tongxin::health
