// Dashboards and reports: today's counts, the roster lists, trend, suspicion flags, exports.
#include "modules/health/health_service.hpp"

#include <boost/json.hpp>
#include <map>

#include "auth/auth_repo.hpp"
#include "auth/guard.hpp"
#include "modules/health/roster.hpp"
#include "modules/health/slot_time.hpp"
#include "modules/people/people_repo.hpp"

namespace tongxin::health {

core::Result<std::vector<TodaySlot>> HealthService::TodayCounts(const core::Principal& who, const std::string& day,
                                                                std::int64_t unit_id) {
  std::vector<TodaySlot> result;
  auto st = ReadDay(day, [&](soci::session& sql) -> core::Status {
    TX_TRY(r, TodayCountsIn(sql, who, day, unit_id));
    result = std::move(*r);
    return {};
  });
  if (!st) return st.error();
  return result;
}

core::Result<std::vector<TodaySlot>> HealthService::TodayCountsIn(soci::session& sql, const core::Principal& who,
                                                                  const std::string& day, std::int64_t unit_id) {
  {
    // The view's roots: the chosen unit, or the caller's scope (everything for admins).
    std::vector<std::string> roots;
    if (unit_id > 0) {
      TX_TRY(path, UnitPathInScope(sql, who, unit_id));
      roots.push_back(*path);
    } else if (!who.all_units) {
      roots = who.scope_paths;
    }
    auto child_of = [&](const std::string& path) -> std::int64_t {
      // The unit directly under a root that contains `path` (or the root itself).
      for (const auto& root : roots) {
        if (path.rfind(root, 0) != 0) continue;
        auto next = path.find('/', root.size());
        const std::string sub = next == std::string::npos ? root : path.substr(0, next + 1);
        const auto last = sub.find_last_of('/', sub.size() - 2);
        return std::stoll(sub.substr(last + 1, sub.size() - last - 2));
      }
      if (roots.empty()) {
        auto second = path.find('/', 1);
        return std::stoll(path.substr(1, second - 1));
      }
      return 0;
    };
    std::map<int, TodaySlot> slots;
    std::map<std::pair<int, std::int64_t>, TodaySlot::UnitLine> lines;
    for (const auto& c : repo::CountsForDay(sql, day)) {
      const std::int64_t child = child_of(c.unit_path);
      if (child == 0) continue;
      auto& s = slots[c.slot];
      s.slot = c.slot;
      if (s.slot_name.empty()) s.slot_name = c.slot_name;
      s.expected += c.expected;
      s.reported += c.reported;
      s.late += c.late;
      s.alerts += c.alerts;
      auto& l = lines[{c.slot, child}];
      l.unit_id = child;
      l.expected += c.expected;
      l.reported += c.reported;
      l.late += c.late;
      l.alerts += c.alerts;
    }
    std::vector<TodaySlot> out;
    for (auto& [slot, s] : slots) {
      s.missing = s.expected - s.reported;
      for (auto& [key, l] : lines) {
        if (key.first != slot) continue;
        l.missing = l.expected - l.reported;
        s.units.push_back(l);
      }
      out.push_back(std::move(s));
    }
    return out;
  }
}

core::Result<core::Page<MissingRow>> HealthService::RosterList(const core::Principal& who,
                                                                     const std::string& day, int slot,
                                                                     const std::string& status, std::int64_t unit_id,
                                                                     const core::PageRequest& page) {
  core::Page<MissingRow> result;
  auto st = ReadDay(day, [&](soci::session& sql) -> core::Status {
    TX_TRY(path, UnitPathInScope(sql, who, unit_id));
    result = repo::RosterList(sql, who, day, slot, status, *path, page);
    return {};
  });
  if (!st) return st.error();
  return result;
}

core::Result<std::vector<SuspicionFlag>> HealthService::PersonFlags(const core::Principal& who, std::int64_t person_id,
                                                                   int days, const auth::Actor& actor) {
  const std::string today = Today();
  TX_TRY(history, History(who, person_id, AddDays(today, 1 - days), today, actor));
  return SuspicionFlags(history->checkins);
}

core::Result<std::vector<HealthService::FlaggedPerson>> HealthService::FlaggedPeople(const core::Principal& who,
                                                                                    std::int64_t unit_id, int days) {
  const std::string today = Today();
  const std::string from = AddDays(today, 1 - days);
  const SuspicionRule rule;
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<FlaggedPerson>> {
    TX_TRY(path, UnitPathInScope(sql, who, unit_id));
    std::vector<FlaggedPerson> out;
    for (auto id : repo::SuspicionCandidates(sql, who, from, today, *path, rule.min_reports, rule.same_second_days, 200)) {
      auto flags = SuspicionFlags(repo::ListCheckins(sql, id, from, today), rule);
      if (flags.empty()) continue;
      auto person = people::repo::FindPerson(sql, id);
      if (!person) continue;
      out.push_back({id, person->person.name_zh, person->person.name_latin, person->unit_name_zh, person->unit_name_en,
                     std::move(flags)});
    }
    return out;
  });
}

core::Result<std::vector<DayTotals>> HealthService::Trend(const core::Principal& who, const std::string& from,
                                                                const std::string& to, std::int64_t unit_id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<DayTotals>> {
    TX_TRY(path, UnitPathInScope(sql, who, unit_id));
    return repo::CountsByDay(sql, who, from, to, *path);
  });
}

core::Result<std::int64_t> HealthService::ExportDaily(const core::Principal& who, const std::string& day,
                                                      std::int64_t unit_id, core::Lang lang, const ShapeSink& begin,
                                                      const RowSink& sink, const auth::Actor& actor) {
  std::int64_t n = 0;
  auto read = ReadDay(day, [&](soci::session& sql) -> core::Status {
    TX_TRY(path, UnitPathInScope(sql, who, unit_id));
    begin(DailyReportShape(sql, day, lang));
    n = WriteDailyReport(sql, who, day, *path, settings_.alerts.fever_tenths, lang, sink);
    return {};
  });
  if (!read) return read.error();
  auto st = db_.InTransaction([&](soci::session& sql) -> core::Status {
    auth::RecordAudit(sql, actor, Now(), "export", "health_report", day, "",
                      boost::json::serialize(boost::json::object{{"day", day}, {"unit_id", unit_id}, {"people", n}}));
    return {};
  });
  if (!st) return st.error();
  return n;
}

core::Result<std::int64_t> HealthService::ExportHistory(const core::Principal& who, const std::string& from,
                                                        const std::string& to, std::int64_t unit_id, core::Lang lang,
                                                        const ShapeSink& begin, const RowSink& sink,
                                                        const auth::Actor& actor) {
  auto n = db_.WithSession([&](soci::session& sql) -> core::Result<std::int64_t> {
    TX_TRY(path, UnitPathInScope(sql, who, unit_id));
    begin(HistoryShape(lang));
    return WriteHistory(sql, who, from, to, *path, settings_.alerts.fever_tenths, who.MaySeeIdentifiers(), lang, sink);
  });
  if (!n) return n;
  auto st = db_.InTransaction([&](soci::session& sql) -> core::Status {
    auth::RecordAudit(sql, actor, Now(), "export", "checkins", "", "",
                      boost::json::serialize(boost::json::object{{"from", from}, {"to", to}, {"unit_id", unit_id}, {"rows", *n}}));
    return {};
  });
  if (!st) return st.error();
  return n;
}

}  // namespace tongxin::health
