// Report plans: listed, created and edited within the caller's units (the scope guard
// checks the plan's unit and every listed person); a change rebuilds today's and
// tomorrow's roster in the same transaction.
#include <boost/json.hpp>

#include "auth/guard.hpp"
#include "modules/health/health_service.hpp"
#include "modules/health/slot_time.hpp"

namespace tongxin::health {
namespace {

// What of a plan the caller may see: nothing (nullopt), or the plan with only the listed
// people in scope. A unit plan is seen by those whose units it covers or who cover its
// unit; a category plan without a unit by every staff member (it applies everywhere).
std::optional<ReportPlan> Visible(soci::session& sql, const core::Principal& who, ReportPlan p) {
  if (p.target == "people") {
    std::vector<PlanPerson> mine;
    for (auto& x : p.people) {
      if (auth::guard::Person(sql, who, x.id)) mine.push_back(std::move(x));
    }
    if (mine.empty()) return std::nullopt;
    p.people = std::move(mine);
    p.person_ids.clear();
    for (const auto& x : p.people) p.person_ids.push_back(x.id);
    return p;
  }
  if (!p.unit_id) return p;
  const auto paths = auth::repo::UnitPaths(sql, {*p.unit_id});
  if (paths.empty()) return std::nullopt;
  if (auth::guard::Path(who, paths.front())) return p;
  // The plan's unit contains the caller's: it applies to their people.
  for (const auto& mine : who.scope_paths) {
    if (mine.rfind(paths.front(), 0) == 0) return p;
  }
  return std::nullopt;
}

}  // namespace

core::Status HealthService::CheckPlanScope(soci::session& sql, const core::Principal& who, const ReportPlan& p) {
  if (p.unit_id) {
    TX_CHECK(auth::guard::Unit(sql, who, *p.unit_id, "unit_id"));
  } else if (p.target != "people" && !who.all_units) {
    // A category plan without a unit covers every unit: only for whole-database scope.
    return core::FieldInvalid("unit_id", "health.plan_needs_unit");
  }
  for (auto id : p.person_ids) {
    TX_CHECK(auth::guard::Person(sql, who, id, "person_ids"));
  }
  return ValidatePlan(p);
}

core::Status HealthService::CheckPlanRefs(soci::session& sql, const ReportPlan& p) {
  if (p.unit_id && auth::repo::UnitPaths(sql, {*p.unit_id}).empty()) {
    return core::FieldInvalid("unit_id", "units.not_found");
  }
  for (auto id : p.person_ids) {
    if (!auth::repo::PersonExists(sql, id)) return core::FieldInvalid("person_ids", "people.not_found");
  }
  return ValidatePlan(p);
}

core::Result<std::vector<ReportPlan>> HealthService::ListPlans(const core::Principal& who) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<ReportPlan>> {
    std::vector<ReportPlan> out;
    for (auto& p : repo::ListPlans(sql, true)) {
      if (auto v = Visible(sql, who, std::move(p))) out.push_back(std::move(*v));
    }
    return out;
  });
}

core::Result<ReportPlan> HealthService::CreatePlan(const core::Principal& who, const PlanInput& in,
                                                   const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<ReportPlan> {
    ReportPlan p;
    ApplyPlanInput(p, in);
    TX_CHECK(CheckPlanScope(sql, who, p));
    return CreatePlanIn(sql, in, actor);
  });
}

core::Result<ReportPlan> HealthService::CreatePlanIn(soci::session& sql, const PlanInput& in,
                                                     const auth::Actor& actor) {
  ReportPlan p;
  ApplyPlanInput(p, in);
  TX_CHECK(CheckPlanRefs(sql, p));
  p.created_at = p.updated_at = Now();
  p.id = repo::InsertPlan(sql, p);
  repo::SetPlanPeople(sql, p.id, p.person_ids);
  repo::LoadPlanPeople(sql, p);
  auth::RecordAudit(sql, actor, p.created_at, "create", "report_plan", std::to_string(p.id), "",
                    boost::json::serialize(PlanToJson(p)));
  TX_CHECK(RefreshSoon(sql));
  return p;
}

core::Result<ReportPlan> HealthService::UpdatePlan(const core::Principal& who, std::int64_t id, const PlanInput& in,
                                                   const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<ReportPlan> {
    auto p = repo::FindPlan(sql, id);
    if (!p) return core::NotFound("health.plan_not_found");
    // The plan as it is must be the caller's to change, and so must what it becomes.
    if (auto st = CheckPlanScope(sql, who, *p); !st) {
      return st.error().code == core::Errc::kForbidden ? st.error() : core::Forbidden("auth.out_of_scope");
    }
    ReportPlan next = *p;
    ApplyPlanInput(next, in);
    TX_CHECK(CheckPlanScope(sql, who, next));
    return UpdatePlanIn(sql, id, in, actor);
  });
}

core::Result<ReportPlan> HealthService::UpdatePlanIn(soci::session& sql, std::int64_t id, const PlanInput& in,
                                                     const auth::Actor& actor) {
  auto p = repo::FindPlan(sql, id);
  if (!p) return core::NotFound("health.plan_not_found");
  const std::string before = boost::json::serialize(PlanToJson(*p));
  ApplyPlanInput(*p, in);
  TX_CHECK(CheckPlanRefs(sql, *p));
  p->updated_at = Now();
  repo::UpdatePlan(sql, *p);
  if (in.person_ids) {
    repo::SetPlanPeople(sql, p->id, p->person_ids);
    repo::LoadPlanPeople(sql, *p);
  }
  auth::RecordAudit(sql, actor, p->updated_at, "update", "report_plan", std::to_string(id), before,
                    boost::json::serialize(PlanToJson(*p)));
  TX_CHECK(RefreshSoon(sql));
  return *p;
}

core::Status HealthService::RefreshSoon(soci::session& sql) {
  const std::string today = Today();
  for (const auto& day : {today, AddDays(today, 1)}) {
    if (auto st = RefreshDay(sql, day); !st) return st;
  }
  return {};
}

}  // namespace tongxin::health
