// Re-checks: the person (or staff on their behalf) measures again after an alert; the
// alert is settled or escalated and keeps the reading that raised it.
#include "modules/health/health_service.hpp"

#include <boost/json.hpp>

#include "auth/auth_repo.hpp"
#include "auth/guard.hpp"

namespace tongxin::health {

core::Result<RecheckResult> HealthService::RecordRecheck(const core::Principal& who, std::int64_t alert_id,
                                                         const Reading& in, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<RecheckResult> {
    auto alert = repo::FindAlert(sql, alert_id);
    if (!alert) return core::NotFound("health.alert_not_found");
    TX_TRY(person, auth::guard::Person(sql, who, alert->person_id));
    if (!person->own && !core::roles::kEditors.Has(who.role)) return core::Forbidden();
    Reading reading = in;
    if (const auto choices = SettleChannel(reading.channel, !person->own); !choices.empty()) {
      return core::FieldInvalid("channel", "validation.invalid_choice", {{"choices", choices}});
    }
    if (alert->kind == "contact") return core::MakeError(core::Errc::kConflict, "health.not_recheckable");
    if (alert->status != "open" && alert->status != "escalated") {
      return core::MakeError(core::Errc::kConflict, "health.alert_settled", {{"status", alert->status}});
    }
    const std::string now = Now();
    const RecheckDecision d = DecideRecheck(reading, settings_.alerts, now, alert->recheck_due_at, alert->status);
    RecheckResult result;
    Recheck& r = result.recheck;
    static_cast<Reading&>(r) = reading;
    r.alert_id = alert->id;
    r.checkin_id = alert->checkin_id;
    r.person_id = alert->person_id;
    r.day = alert->day;
    if (!person->own) r.recorded_by = who.user_id;
    r.outcome = d.outcome;
    r.late = d.late;
    r.submitted_at = now;
    r.id = repo::InsertRecheck(sql, r);
    // The named alert first, then the others the same report raised and still wait.
    std::vector<AlertRow> answered{*alert};
    for (auto& other : repo::AlertsOfCheckin(sql, alert->checkin_id)) {
      if (other.id != alert->id && other.kind != "contact" && (other.status == "open" || other.status == "escalated")) {
        answered.push_back(std::move(other));
      }
    }
    for (const auto& a : answered) {
      const auto decided = DecideRecheck(reading, settings_.alerts, now, a.recheck_due_at, a.status);
      std::string escalation = a.escalation;
      if (decided.status != a.status) {
        repo::SetAlertStatus(sql, a.id, decided.status, now, decided.escalation);
        escalation = decided.escalation;
      } else if (decided.escalation == "second_high" && a.escalation != "second_high") {
        // Overdue, and now high as well: staff hear of it again.
        repo::Reescalate(sql, a.id, decided.escalation, now);
        escalation = decided.escalation;
      }
      result.answered.push_back(a.id);
      if (a.id == alert->id) {
        result.status = decided.status;
        result.escalation = decided.status == "escalated" ? escalation : "";
      }
    }
    auth::RecordAudit(sql, actor, now, "create", "recheck", std::to_string(r.id), "",
                      boost::json::serialize(RecheckToJson(r)));
    return result;
  });
}

}  // namespace tongxin::health
