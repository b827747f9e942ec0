// Health data retention.
#include "modules/health/retention.hpp"

#include <boost/json.hpp>

#include "storage/query.hpp"
#include "storage/rows.hpp"

namespace tongxin::health {
namespace {

using storage::Query;
constexpr int kBatch = 2000;

// Runs one delete statement over and over (each in its own transaction) until it deletes
// nothing; the statement deletes at most kBatch rows of days before :c.
core::Result<long long> Drain(storage::Database& db, const std::string& text, const std::string& cutoff) {
  long long total = 0;
  for (;;) {
    auto n = db.InTransaction([&](soci::session& sql) -> core::Result<long long> {
      return Query(text).Bind("c", cutoff).Exec(sql);
    });
    if (!n) return n.error();
    total += *n;
    if (*n == 0) return total;
  }
}

}  // namespace

core::Result<PurgeReport> PurgeHealthData(storage::Database& db, const std::string& before_day,
                                          const std::string& now, const auth::Actor& actor) {
  PurgeReport r;
  const std::string limit = " LIMIT " + std::to_string(kBatch) + ")";
  // Children first: alerts and history point at reports.
  struct Step {
    long long* count;
    std::string sql;
  };
  const std::vector<Step> steps = {
      {&r.alerts, "DELETE FROM health_alerts WHERE id IN (SELECT id FROM health_alerts WHERE day < :c" + limit},
      {&r.history,
       "DELETE FROM health_checkin_history WHERE id IN (SELECT h.id FROM health_checkin_history h JOIN "
       "health_checkins c ON c.id = h.checkin_id WHERE c.day < :c" + limit},
      {&r.checkins, "DELETE FROM health_checkins WHERE id IN (SELECT id FROM health_checkins WHERE day < :c" + limit},
      {&r.inquiries,
       "DELETE FROM health_inquiries WHERE id IN (SELECT id FROM health_inquiries WHERE asked_at < :c" + limit},
      {&r.roster, "DELETE FROM health_roster WHERE day < :c"},
      {&r.counts, "DELETE FROM health_counts WHERE day < :c"},
  };
  for (const auto& step : steps) {
    auto n = Drain(db, step.sql, before_day);
    if (!n) return n.error();
    *step.count = *n;
  }
  // The audit log's copies of what went: who did what stays, the values do not.
  for (;;) {
    auto n = db.InTransaction([&](soci::session& sql) -> core::Result<long long> {
      return auth::RedactAuditBefore(sql, {"checkin", "checkins", "alert", "inquiry"}, before_day, kBatch);
    });
    if (!n) return n.error();
    r.audit_redacted += *n;
    if (*n == 0) break;
  }
  auto days = db.InTransaction([&](soci::session& sql) -> core::Result<long long> {
    auto n = Query("DELETE FROM health_days WHERE day < :c").Bind("c", before_day).Exec(sql);
    if (r.Total() > 0) {
      auth::RecordAudit(sql, actor, now, "purge", "health_data", before_day, "",
                        boost::json::serialize(boost::json::object{{"before_day", before_day},
                                                                   {"checkins", r.checkins},
                                                                   {"history", r.history},
                                                                   {"alerts", r.alerts},
                                                                   {"inquiries", r.inquiries},
                                                                   {"roster", r.roster},
                                                                   {"counts", r.counts},
                                                                   {"audit_redacted", r.audit_redacted}}));
    }
    return n;
  });
  if (!days) return days.error();
  return r;
}

}  // namespace tongxin::health
