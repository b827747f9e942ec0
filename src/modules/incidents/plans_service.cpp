// Emergency plans: the defaults, the current version of each type, saving a new version.
#include "modules/incidents/incidents_service.hpp"

#include <boost/json.hpp>

#include "auth/auth_repo.hpp"
#include "auth/guard.hpp"
#include "modules/health/slot_time.hpp"
#include "modules/incidents/labels.hpp"
#include "modules/people/people_repo.hpp"

namespace tongxin::incidents {

core::Status IncidentsService::EnsureDefaultPlans() {
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    if (repo::CountPlans(sql) > 0) return {};
    TX_TRY(plans, DefaultPlans());
    for (auto& p : *plans) {
      p.created_at = Now();
      repo::InsertPlanVersion(sql, p);
    }
    return {};
  });
}

core::Result<std::vector<Plan>> IncidentsService::CurrentPlans() {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<Plan>> { return repo::CurrentPlans(sql); });
}

core::Result<std::vector<Plan>> IncidentsService::PlanVersions(const std::string& type) {
  if (!IsIncidentType(type)) return core::NotFound("incidents.unknown_type");
  return db_.WithSession(
      [&](soci::session& sql) -> core::Result<std::vector<Plan>> { return repo::PlanVersions(sql, type); });
}

core::Result<Plan> IncidentsService::SavePlan(const core::Principal& who, const std::string& type, Plan content,
                                              const auth::Actor& actor) {
  if (!IsIncidentType(type)) return core::NotFound("incidents.unknown_type");
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Plan> {
    auto before = repo::CurrentPlan(sql, type);
    content.incident_type = type;
    content.created_at = Now();
    content.created_by = who.user_id;
    repo::InsertPlanVersion(sql, content);
    auth::RecordAudit(sql, actor, content.created_at, "update", "incident_plan", type,
                      before ? boost::json::serialize(PlanToJson(*before)) : "",
                      boost::json::serialize(PlanToJson(content)));
    return content;
  });
}

}  // namespace tongxin::incidents
