// Alerts and inquiries: staff set an alert's status, list alerts, record inquiries.
#include "modules/health/health_service.hpp"

#include <boost/json.hpp>
#include <map>

#include "auth/auth_repo.hpp"
#include "auth/guard.hpp"
#include "modules/health/roster.hpp"
#include "modules/health/slot_time.hpp"
#include "modules/people/people_repo.hpp"

namespace tongxin::health {

core::Result<std::int64_t> HealthService::RecordInquiry(const core::Principal& who, std::int64_t person_id,
                                                        const std::string& channel, const std::string& answer,
                                                        const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<std::int64_t> {
    TX_CHECK(CheckPersonInScope(sql, who, person_id));
    const std::string now = Now();
    auto id = repo::InsertInquiry(sql, person_id, channel, answer, who.user_id, now);
    auth::RecordAudit(sql, actor, now, "create", "inquiry", std::to_string(id), "",
                      boost::json::serialize(boost::json::object{
                          {"person_id", person_id}, {"channel", channel}, {"answer", answer}}));
    return id;
  });
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

core::Result<core::Page<AlertRow>> HealthService::Alerts(const core::Principal& who,
                                                         const std::vector<std::string>& statuses,
                                                               const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<AlertRow>> {
    return repo::ListAlerts(sql, who, statuses, page);
  });
}

}  // namespace tongxin::health
