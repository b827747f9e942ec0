// Report plan storage.
#include "modules/health/health_repo.hpp"

#include "storage/repo_kit.hpp"

namespace tongxin::health::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<ReportPlan> kPlans("FROM report_plans");

ReportPlan PlanFromRow(const soci::row& r) {
  ReportPlan p = kPlans.Read(r);
  p.slots = SlotsFromJson(GetStr(r, "slots"));
  return p;
}

void BindPlan(Query& q, const ReportPlan& p) {
  q.Bind("name", p.name).Bind("kind", p.kind).Bind("target", p.target).Bind("category", p.category);
  q.Bind("tz", p.time_zone).Bind("slots", SlotsToJson(p.slots)).Bind("late", std::int64_t{p.late_minutes});
  q.Bind("sd", p.start_date).Bind("ed", p.end_date).Bind("active", std::int64_t{p.active ? 1 : 0});
  q.Bind("ua", p.updated_at);
  if (p.unit_id) q.Bind("unit", *p.unit_id);
}


}  // namespace

std::int64_t InsertPlan(soci::session& sql, const ReportPlan& p) {
  Query q("INSERT INTO report_plans (name, kind, target, unit_id, category, time_zone, slots, late_minutes, "
          "start_date, end_date, active, created_at, updated_at) VALUES (:name, :kind, :target, " +
          std::string(p.unit_id ? ":unit" : "NULL") +
          ", :category, :tz, :slots, :late, :sd, :ed, :active, :ca, :ua) RETURNING id");
  BindPlan(q, p);
  q.Bind("ca", p.created_at);
  return q.Scalar(sql);
}

void UpdatePlan(soci::session& sql, const ReportPlan& p) {
  Query q("UPDATE report_plans SET name = :name, kind = :kind, target = :target, unit_id = " +
          std::string(p.unit_id ? ":unit" : "NULL") +
          ", category = :category, time_zone = :tz, slots = :slots, late_minutes = :late, start_date = :sd, "
          "end_date = :ed, active = :active, updated_at = :ua WHERE id = :id");
  BindPlan(q, p);
  q.Bind("id", p.id);
  q.Exec(sql);
}

void LoadPlanPeople(soci::session& sql, ReportPlan& p) {
  p.person_ids.clear();
  p.people.clear();
  auto query = Query("SELECT rp.person_id, pe.name_zh, pe.name_latin FROM report_plan_people rp JOIN people pe ON "
                     "pe.id = rp.person_id WHERE rp.plan_id = :p ORDER BY rp.person_id").Bind("p", p.id);
  soci::rowset<soci::row> rs = query.Rows(sql);
  for (const auto& r : rs) {
    p.person_ids.push_back(GetInt(r, 0));
    p.people.push_back({GetInt(r, 0), GetStr(r, 1), GetStr(r, 2)});
  }
}

void SetPlanPeople(soci::session& sql, std::int64_t plan_id, const std::vector<std::int64_t>& person_ids) {
  Query("DELETE FROM report_plan_people WHERE plan_id = :p").Bind("p", plan_id).Exec(sql);
  for (auto id : person_ids) {
    Query("INSERT INTO report_plan_people (plan_id, person_id) VALUES (:p, :x)").Bind("p", plan_id).Bind("x", id).Exec(sql);
  }
}

std::optional<ReportPlan> FindPlan(soci::session& sql, std::int64_t id) {
  auto query = Query(kPlans.Select("slots") + " WHERE id = :id").Bind("id", id);
  soci::rowset<soci::row> rs = query.Rows(sql);
  for (const auto& r : rs) {
    ReportPlan p = PlanFromRow(r);
    LoadPlanPeople(sql, p);
    return p;
  }
  return std::nullopt;
}

std::vector<ReportPlan> ListPlans(soci::session& sql, bool include_people) {
  std::vector<ReportPlan> out;
  auto query = Query(kPlans.Select("slots") + " ORDER BY id");
  soci::rowset<soci::row> rs = query.Rows(sql);
  for (const auto& r : rs) out.push_back(PlanFromRow(r));
  if (include_people) {
    for (auto& p : out) {
      if (p.target == "people") LoadPlanPeople(sql, p);
    }
  }
  return out;
}
}  // namespace tongxin::health::repo
