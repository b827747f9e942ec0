// Health monitoring rules.
#include "modules/health/health_service.hpp"

#include <boost/json.hpp>
#include <map>

#include "auth/auth_repo.hpp"
#include "modules/health/roster.hpp"
#include "modules/health/slot_time.hpp"
#include "modules/people/people_repo.hpp"

namespace tongxin::health {

HealthService::HealthService(storage::Database& db, const core::Clock& clock, HealthSettings settings)
    : db_(db), clock_(clock), settings_(std::move(settings)), writer_(db), readers_(db, 4) {}

std::string HealthService::Today() const { return LocalDay(clock_.Now(), settings_.time_zone); }

core::Result<std::vector<ReportPlan>> HealthService::ListPlans() {
  return db_.WithSession([](soci::session& sql) -> core::Result<std::vector<ReportPlan>> {
    return repo::ListPlans(sql, true);
  });
}

core::Status HealthService::CheckPlanRefs(soci::session& sql, const ReportPlan& p) {
  if (p.unit_id && !people::repo::FindUnit(sql, *p.unit_id)) return core::FieldInvalid("unit_id", "units.not_found");
  for (auto id : p.person_ids) {
    if (!auth::repo::PersonExists(sql, id)) return core::FieldInvalid("person_ids", "people.not_found");
  }
  return ValidatePlan(p);
}

core::Status HealthService::RefreshDay(soci::session& sql, const std::string& day) {
  if (!repo::DayBuilt(sql, day)) return {};  // built on first use with the new plans
  repo::DeleteMissingRoster(sql, day);
  repo::InsertRoster(sql, BuildRoster(sql, day, repo::RosterKeys(sql, day)));
  repo::RecountDay(sql, day);
  return {};
}

core::Status HealthService::RefreshPeople(soci::session& sql, const std::vector<std::int64_t>& person_ids) {
  if (person_ids.empty()) return {};
  const std::string today = Today();
  for (const auto& day : {today, AddDays(today, 1)}) {
    if (!repo::DayBuilt(sql, day)) continue;  // built on first use, with them
    repo::DeleteMissingRosterOf(sql, day, person_ids);
    repo::InsertRoster(sql, BuildRoster(sql, day, repo::RosterKeysOf(sql, day, person_ids), &person_ids));
    repo::RecountDay(sql, day);
  }
  return {};
}

core::Result<ReportPlan> HealthService::CreatePlan(const core::Principal&, const PlanInput& in,
                                                   const auth::Actor& actor) {
  return db_.InTransaction(
      [&](soci::session& sql) -> core::Result<ReportPlan> { return CreatePlanIn(sql, in, actor); });
}

core::Result<ReportPlan> HealthService::CreatePlanIn(soci::session& sql, const PlanInput& in,
                                                     const auth::Actor& actor) {
  ReportPlan p;
  ApplyPlanInput(p, in);
  if (auto st = CheckPlanRefs(sql, p); !st) return st.error();
  p.created_at = p.updated_at = Now();
  p.id = repo::InsertPlan(sql, p);
  repo::SetPlanPeople(sql, p.id, p.person_ids);
  auth::RecordAudit(sql, actor, p.created_at, "create", "report_plan", std::to_string(p.id), "",
                    boost::json::serialize(PlanToJson(p)));
  const std::string today = Today();
  for (const auto& day : {today, AddDays(today, 1)}) {
    if (auto st = RefreshDay(sql, day); !st) return st.error();
  }
  return p;
}

core::Result<ReportPlan> HealthService::UpdatePlan(const core::Principal& who, std::int64_t id, const PlanInput& in,
                                                   const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<ReportPlan> {
    auto p = repo::FindPlan(sql, id);
    if (!p) return core::NotFound("health.plan_not_found");
    const std::string before = boost::json::serialize(PlanToJson(*p));
    ApplyPlanInput(*p, in);
    if (auto st = CheckPlanRefs(sql, *p); !st) return st.error();
    p->updated_at = Now();
    repo::UpdatePlan(sql, *p);
    if (in.person_ids) repo::SetPlanPeople(sql, p->id, p->person_ids);
    auth::RecordAudit(sql, actor, p->updated_at, "update", "report_plan", std::to_string(id), before,
                      boost::json::serialize(PlanToJson(*p)));
    const std::string today = Today();
    for (const auto& day : {today, AddDays(today, 1)}) {
      if (auto st = RefreshDay(sql, day); !st) return st.error();
    }
    return *p;
  });
}

core::Status HealthService::EnsureDay(const std::string& day) {
  {
    std::lock_guard lock(mu_);
    if (built_days_.count(day)) return {};
  }
  // Requests arriving while a day is being built wait for that build instead of racing it.
  std::lock_guard build(build_mu_);
  {
    std::lock_guard lock(mu_);
    if (built_days_.count(day)) return {};
  }
  auto built = db_.InTransaction([&](soci::session& sql) -> core::Status {
    if (repo::DayBuilt(sql, day)) return {};
    // Claim the day first: a racing instance fails here on the primary key and retries.
    repo::MarkDayBuilt(sql, day, Now());
    repo::InsertRoster(sql, BuildRoster(sql, day, {}));
    repo::RecountDay(sql, day);
    return {};
  });
  if (!built && built.error().code == core::Errc::kConflict) {
    built = db_.WithSession([&](soci::session& sql) -> core::Status {
      return repo::DayBuilt(sql, day) ? core::Status{} : core::Status(core::Conflict("db.conflict"));
    });
  }
  if (!built) return built;
  std::lock_guard lock(mu_);
  built_days_.insert(day);
  return {};
}

core::Status HealthService::CheckPersonInScope(soci::session& sql, const core::Principal& who,
                                               std::int64_t person_id) {
  auto row = people::repo::FindPerson(sql, person_id);
  if (!row) return core::FieldInvalid("person_id", "people.not_found");
  const bool own = who.person_id && *who.person_id == person_id;
  if (!own && (who.role == core::Role::kForeignStaff || !who.InScope(row->unit_path))) {
    return core::Forbidden("auth.out_of_scope");
  }
  return {};
}

core::Result<std::vector<SlotStatus>> HealthService::MySlots(const core::Principal& who) {
  if (!who.person_id) return core::MakeError(core::Errc::kNotFound, "health.no_person");
  const std::string today = Today();
  for (const auto& d : {AddDays(today, -1), today, AddDays(today, 1)}) {
    if (auto st = EnsureDay(d); !st) return st.error();
  }
  const std::string now = Now();
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<SlotStatus>> {
    std::vector<SlotStatus> out;
    for (auto& row : repo::RosterForPerson(sql, *who.person_id, AddDays(today, -1), AddDays(today, 1))) {
      std::string state = now < row.starts_at ? "upcoming" : now < row.ends_at ? "open"
                          : now < row.late_until                              ? "late_open"
                                                                              : "closed";
      out.push_back({std::move(row), state});
    }
    return out;
  });
}

core::Result<CheckinResult> HealthService::RecordCheckin(const core::Principal& who, const CheckinInput& in,
                                                         const auth::Actor& actor) {
  const bool on_behalf = in.person_id.has_value();
  const std::int64_t person_id = on_behalf ? *in.person_id : who.person_id.value_or(0);
  if (person_id == 0) return core::MakeError(core::Errc::kInvalid, "health.no_person");
  const std::string today = Today();
  for (const auto& d : {AddDays(today, -1), today, AddDays(today, 1)}) {
    if (auto st = EnsureDay(d); !st) return st.error();
  }
  const core::TimePoint now_tp = clock_.Now();
  const std::string now = core::FormatIso(now_tp);
  // Reads first, on a reader connection with the statement prepared, in parallel with other requests:
  // the person's scope and their slots around now. The writer then does only the writes
  // (and the one read that must see them: whether the slot already has a report).
  auto rows = readers_.With([&](soci::session& sql) -> core::Result<std::vector<repo::RosterRow>> {
    std::string unit_path;
    auto list = repo::RosterForCheckin(sql, person_id, AddDays(today, -1), AddDays(today, 1), unit_path);
    if (on_behalf) {
      if (list.empty()) {
        // No slots: the full check tells "no such person" from "not yours" from "no plan".
        if (auto st = CheckPersonInScope(sql, who, person_id); !st) return st.error();
      } else if (!(who.person_id && *who.person_id == person_id) &&
                 (who.role == core::Role::kForeignStaff || !who.InScope(unit_path))) {
        return core::Forbidden("auth.out_of_scope");
      }
    }
    return list;
  });
  if (!rows) return rows.error();
  if (rows->empty()) return core::MakeError(core::Errc::kConflict, "health.no_plan");
  const repo::RosterRow* slot = nullptr;
  bool late = false;
  for (const auto& r : *rows) {
    if (r.starts_at <= now && now < r.ends_at) {
      slot = &r;
      late = false;
      break;
    }
    if (r.ends_at <= now && now < r.late_until) {
      slot = &r;
      late = true;
    }
  }
  if (!slot) {
    std::string next;
    for (const auto& r : *rows) {
      if (r.starts_at > now && (next.empty() || r.starts_at < next)) next = r.starts_at;
    }
    core::Error e = core::MakeError(core::Errc::kConflict, "health.outside_slot", {{"next_slot", next}});
    e.details["next_slot_local"] = next.empty() ? "-" : LocalText(*core::ParseIso(next), settings_.time_zone);
    return e;
  }
  return writer_.Run<CheckinResult>([&](soci::session& sql) -> core::Result<CheckinResult> {
    CheckinResult result;
    Checkin c;
    auto existing = repo::FindCheckin(sql, slot->day, slot->slot, person_id);
    if (existing) c = *existing;
    c.person_id = person_id;
    c.day = slot->day;
    c.slot = slot->slot;
    c.slot_name = slot->slot_name;
    c.temperature_tenths = in.temperature_tenths;
    c.method = in.method;
    c.symptoms = in.symptoms;
    c.symptom_other = in.symptom_other;
    c.location = in.location;
    c.location_country = in.location_country;
    c.contact = in.contact;
    c.remarks = in.remarks;
    c.channel = in.channel;
    c.recorded_by = on_behalf ? std::optional<std::int64_t>(who.user_id) : std::nullopt;
    c.updated_at = now;
    const bool had_alert = existing && repo::AnyAlertFor(sql, existing->id);
    if (existing) {
      // A correction: the earlier version goes to the history.
      repo::InsertHistory(sql, existing->id, existing->version, boost::json::serialize(CheckinToJson(*existing)), now,
                          who.user_id ? std::optional<std::int64_t>(who.user_id) : std::nullopt);
      c.version = existing->version + 1;
      repo::UpdateCheckin(sql, c);
      result.corrected = true;
    } else {
      c.late = late;
      c.submitted_at = now;
      c.id = repo::InsertCheckin(sql, c);
      // Counted only if the roster row is still there (a plan change may have rebuilt it).
      if (repo::SetRosterStatus(sql, *slot, late ? "late" : "reported", c.id)) {
        repo::BumpCounts(sql, slot->day, slot->slot, slot->unit_id, 1, late ? 1 : 0, 0);
      }
    }
    // The re-check: a later report settles earlier open fever alerts, either way.
    const bool hot = in.temperature_tenths >= settings_.alerts.fever_tenths;
    for (auto id : repo::OpenAlerts(sql, person_id, "fever", c.id)) {
      repo::SetAlertStatus(sql, id, hot ? "escalated" : "rechecked", now, hot ? "second_high" : "");
      ++(hot ? result.escalated : result.rechecked);
    }
    const std::string recheck = core::FormatIso(now_tp + std::chrono::hours(settings_.recheck_hours));
    for (const auto& kind : AlertKinds(in, settings_.alerts)) {
      if (repo::AlertExists(sql, c.id, kind)) continue;
      std::string detail = kind == "fever" ? std::to_string(c.temperature_tenths / 10) + "." +
                                                 std::to_string(c.temperature_tenths % 10)
                           : kind == "contact" ? c.contact
                                               : "";
      repo::InsertAlert(sql, person_id, c.id, c.day, c.slot, kind, detail, recheck, now);
      result.alerts.push_back(kind);
    }
    if (!had_alert && !result.alerts.empty()) repo::BumpCounts(sql, slot->day, slot->slot, slot->unit_id, 0, 0, 1);
    auth::RecordAudit(sql, actor, now, existing ? "update" : "create", "checkin", std::to_string(c.id),
                      existing ? boost::json::serialize(CheckinToJson(*existing)) : "",
                      boost::json::serialize(CheckinToJson(c)));
    result.checkin = c;
    return result;
  });
}

core::Result<std::int64_t> HealthService::RecordInquiry(const core::Principal& who, std::int64_t person_id,
                                                        const std::string& channel, const std::string& answer,
                                                        const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<std::int64_t> {
    if (auto st = CheckPersonInScope(sql, who, person_id); !st) return st.error();
    const std::string now = Now();
    auto id = repo::InsertInquiry(sql, person_id, channel, answer, who.user_id, now);
    auth::RecordAudit(sql, actor, now, "create", "inquiry", std::to_string(id), "",
                      boost::json::serialize(boost::json::object{
                          {"person_id", person_id}, {"channel", channel}, {"answer", answer}}));
    return id;
  });
}

core::Result<std::vector<Checkin>> HealthService::History(const core::Principal& who, std::int64_t person_id,
                                                          const std::string& from, const std::string& to,
                                                          const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<std::vector<Checkin>> {
    if (auto st = CheckPersonInScope(sql, who, person_id); !st) return st.error();
    auto list = repo::ListCheckins(sql, person_id, from, to);
    if (!(who.person_id && *who.person_id == person_id)) {
      // Someone else's health data: record the read.
      auth::RecordAudit(sql, actor, Now(), "read", "checkins", std::to_string(person_id), "",
                        boost::json::serialize(boost::json::object{{"from", from}, {"to", to}}));
    }
    return list;
  });
}

core::Result<std::vector<TodaySlot>> HealthService::TodayCounts(const core::Principal& who, const std::string& day,
                                                                std::int64_t unit_id) {
  if (auto st = EnsureDay(day); !st) return st.error();
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<TodaySlot>> {
    // The view's roots: the chosen unit, or the caller's scope (everything for admins).
    std::vector<std::string> roots;
    if (unit_id > 0) {
      auto unit = people::repo::FindUnit(sql, unit_id);
      if (!unit) return core::FieldInvalid("unit_id", "units.not_found");
      if (!who.InScope(unit->path)) return core::Forbidden("auth.out_of_scope");
      roots.push_back(unit->path);
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
  });
}

core::Result<core::Page<repo::MissingRow>> HealthService::RosterList(const core::Principal& who,
                                                                     const std::string& day, int slot,
                                                                     const std::string& status, std::int64_t unit_id,
                                                                     const core::PageRequest& page) {
  if (auto st = EnsureDay(day); !st) return st.error();
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<repo::MissingRow>> {
    std::string path;
    if (unit_id > 0) {
      auto unit = people::repo::FindUnit(sql, unit_id);
      if (!unit) return core::FieldInvalid("unit_id", "units.not_found");
      if (!who.InScope(unit->path)) return core::Forbidden("auth.out_of_scope");
      path = unit->path;
    }
    return repo::RosterList(sql, who, day, slot, status, path, page);
  });
}

core::Result<std::vector<SuspicionFlag>> HealthService::PersonFlags(const core::Principal& who, std::int64_t person_id,
                                                                   int days, const auth::Actor& actor) {
  const std::string today = Today();
  auto history = History(who, person_id, AddDays(today, 1 - days), today, actor);
  if (!history) return history.error();
  return SuspicionFlags(*history);
}

core::Result<std::vector<HealthService::FlaggedPerson>> HealthService::FlaggedPeople(const core::Principal& who,
                                                                                    std::int64_t unit_id, int days) {
  const std::string today = Today();
  const std::string from = AddDays(today, 1 - days);
  const SuspicionRule rule;
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<FlaggedPerson>> {
    auto path = UnitPathInScope(sql, who, unit_id);
    if (!path) return path.error();
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

core::Result<std::vector<repo::DayTotals>> HealthService::Trend(const core::Principal& who, const std::string& from,
                                                                const std::string& to, std::int64_t unit_id) {
  if (auto st = EnsureDay(Today()); !st) return st.error();
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<repo::DayTotals>> {
    auto path = UnitPathInScope(sql, who, unit_id);
    if (!path) return path.error();
    return repo::CountsByDay(sql, who, from, to, *path);
  });
}

core::Result<std::string> HealthService::UnitPathInScope(soci::session& sql, const core::Principal& who,
                                                         std::int64_t unit_id) {
  if (unit_id <= 0) return std::string();
  auto unit = people::repo::FindUnit(sql, unit_id);
  if (!unit) return core::FieldInvalid("unit_id", "units.not_found");
  if (!who.InScope(unit->path)) return core::Forbidden("auth.out_of_scope");
  return unit->path;
}

core::Result<std::int64_t> HealthService::ExportDaily(const core::Principal& who, const std::string& day,
                                                      std::int64_t unit_id, core::Lang lang, const ShapeSink& begin,
                                                      const RowSink& sink, const auth::Actor& actor) {
  if (auto st = EnsureDay(day); !st) return st.error();
  auto n = db_.WithSession([&](soci::session& sql) -> core::Result<std::int64_t> {
    auto path = UnitPathInScope(sql, who, unit_id);
    if (!path) return path.error();
    begin(DailyReportShape(sql, day, lang));
    return WriteDailyReport(sql, who, day, *path, settings_.alerts.fever_tenths, lang, sink);
  });
  if (!n) return n;
  auto st = db_.InTransaction([&](soci::session& sql) -> core::Status {
    auth::RecordAudit(sql, actor, Now(), "export", "health_report", day, "",
                      boost::json::serialize(boost::json::object{{"day", day}, {"unit_id", unit_id}, {"people", *n}}));
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
    auto path = UnitPathInScope(sql, who, unit_id);
    if (!path) return path.error();
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

core::Status HealthService::SetAlertStatus(const core::Principal& who, std::int64_t alert_id,
                                          const std::string& status, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    auto person = repo::AlertPerson(sql, alert_id);
    if (!person) return core::NotFound("health.alert_not_found");
    if (auto st = CheckPersonInScope(sql, who, *person); !st) return st;
    const std::string now = Now();
    repo::SetAlertStatus(sql, alert_id, status, now, "manual");
    auth::RecordAudit(sql, actor, now, "update", "alert", std::to_string(alert_id), "",
                      boost::json::serialize(boost::json::object{{"status", status}}));
    return {};
  });
}

core::Result<core::Page<repo::AlertRow>> HealthService::Alerts(const core::Principal& who, const std::string& status,
                                                               const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<repo::AlertRow>> {
    return repo::ListAlerts(sql, who, status, page);
  });
}

}  // namespace tongxin::health
