// Emergency plan storage: versions and their steps.
#include "modules/incidents/incidents_repo.hpp"

#include "storage/repo_kit.hpp"

namespace tongxin::incidents::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Plan> kPlans("FROM incident_plans");

std::vector<PlanStep> LoadPlanSteps(soci::session& sql, std::int64_t plan_id) {
  Query q("SELECT position, title_zh, title_en, instructions_zh, instructions_en, owner_role, owner_unit_code, "
          "due_minutes, due_from FROM incident_plan_steps WHERE plan_id = :p ORDER BY position");
  q.Bind("p", plan_id);
  std::vector<PlanStep> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    out.push_back({static_cast<int>(GetInt(r, 0)), GetStr(r, 1), GetStr(r, 2), GetStr(r, 3), GetStr(r, 4),
                   GetStr(r, 5), GetStr(r, 6), static_cast<int>(GetInt(r, 7)), GetStr(r, 8)});
  }
  return out;
}

std::vector<Plan> Plans(soci::session& sql, Query& q) {
  std::vector<Plan> out = kPlans.All(sql, q);
  for (auto& p : out) p.steps = LoadPlanSteps(sql, p.id);
  return out;
}

}  // namespace

std::vector<Plan> CurrentPlans(soci::session& sql) {
  Query q(kPlans.Select() + " WHERE current = 1 ORDER BY incident_type");
  return Plans(sql, q);
}

std::optional<Plan> CurrentPlan(soci::session& sql, const std::string& type) {
  Query q(kPlans.Select() + " WHERE current = 1 AND incident_type = :t");
  q.Bind("t", type);
  auto list = Plans(sql, q);
  if (list.empty()) return std::nullopt;
  return std::move(list.front());
}

std::vector<Plan> PlanVersions(soci::session& sql, const std::string& type) {
  Query q(kPlans.Select() + " WHERE incident_type = :t ORDER BY version DESC");
  q.Bind("t", type);
  return Plans(sql, q);
}

std::int64_t InsertPlanVersion(soci::session& sql, Plan& p) {
  Query last("SELECT COALESCE(MAX(version), 0) FROM incident_plans WHERE incident_type = :t");
  p.version = static_cast<int>(last.Bind("t", p.incident_type).Scalar(sql)) + 1;
  Query("UPDATE incident_plans SET current = 0 WHERE incident_type = :t").Bind("t", p.incident_type).Exec(sql);
  Query q(std::string("INSERT INTO incident_plans (incident_type, version, name_zh, name_en, current, created_at, "
                      "created_by) VALUES (:t, :v, :zh, :en, 1, :c, ") +
          (p.created_by ? ":b" : "NULL") + ") RETURNING id");
  q.Bind("t", p.incident_type).Bind("v", std::int64_t{p.version}).Bind("zh", p.name_zh).Bind("en", p.name_en);
  q.Bind("c", p.created_at);
  if (p.created_by) q.Bind("b", *p.created_by);
  p.id = q.Scalar(sql);
  for (const auto& s : p.steps) {
    Query ins("INSERT INTO incident_plan_steps (plan_id, position, title_zh, title_en, instructions_zh, "
              "instructions_en, owner_role, owner_unit_code, due_minutes, due_from) VALUES (:p, :pos, :tz, :te, "
              ":iz, :ie, :r, :u, :m, :f)");
    ins.Bind("p", p.id).Bind("pos", std::int64_t{s.position}).Bind("tz", s.title_zh).Bind("te", s.title_en);
    ins.Bind("iz", s.instructions_zh).Bind("ie", s.instructions_en).Bind("r", s.owner_role);
    ins.Bind("u", s.owner_unit_code).Bind("m", std::int64_t{s.due_minutes}).Bind("f", s.due_from);
    ins.Exec(sql);
  }
  p.current = true;
  return p.id;
}

std::int64_t CountPlans(soci::session& sql) { return Query("SELECT COUNT(*) FROM incident_plans").Scalar(sql); }

}  // namespace tongxin::incidents::repo
