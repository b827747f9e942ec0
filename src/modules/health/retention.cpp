// Health data retention.
#include "modules/health/retention.hpp"

#include "core/described_json.hpp"

#include <boost/json.hpp>

#include <functional>

#include "modules/health/health_repo.hpp"

namespace tongxin::health {
namespace {

boost::json::object PurgeJson(const PurgeReport& r, const std::string& before_day) {
  boost::json::object o = core::DescribedToJson(r);
  o["before_day"] = before_day;
  return o;
}

}  // namespace
namespace {

constexpr int kBatch = 2000;

// Runs one batch after another (each in its own transaction, so check-ins are not held
// up) until a batch finds nothing.
core::Result<long long> Drain(storage::Database& db, const std::function<long long(soci::session&)>& batch) {
  long long total = 0;
  for (;;) {
    TX_TRY(n, db.InTransaction([&](soci::session& sql) -> core::Result<long long> { return batch(sql); }));
    total += *n;
    if (*n == 0) return total;
  }
}

}  // namespace

core::Result<PurgeReport> PurgeHealthData(storage::Database& db, const std::string& before_day,
                                          const std::string& now, const auth::Actor& actor) {
  using repo::PurgeTable;
  PurgeReport r;
  // Children first: re-checks point at alerts; alerts and history at reports.
  const std::vector<std::pair<PurgeTable, long long*>> steps = {
      {PurgeTable::kRechecks, &r.rechecks},   {PurgeTable::kAlerts, &r.alerts},
      {PurgeTable::kHistory, &r.history},
      {PurgeTable::kCheckins, &r.checkins},   {PurgeTable::kInquiries, &r.inquiries},
      {PurgeTable::kRoster, &r.roster},       {PurgeTable::kCounts, &r.counts}};
  for (const auto& [table, count] : steps) {
    TX_TRY(n, Drain(db, [&](soci::session& sql) { return repo::PurgeBatch(sql, table, before_day, kBatch); }));
    *count = *n;
  }
  // The audit log's copies of what went: who did what stays, the values do not.
  TX_TRY(redacted, Drain(db, [&](soci::session& sql) {
           return auth::RedactAuditBefore(sql, {"checkin", "checkins", "recheck", "alert", "inquiry"}, before_day, kBatch);
         }));
  r.audit_redacted = *redacted;
  TX_CHECK(db.InTransaction([&](soci::session& sql) -> core::Status {
    repo::PurgeBatch(sql, PurgeTable::kDays, before_day, 0);
    if (r.Total() > 0) {
      auth::RecordAudit(sql, actor, now, "purge", "health_data", before_day, "",
                        boost::json::serialize(PurgeJson(r, before_day)));
    }
    return {};
  }));
  return r;
}

}  // namespace tongxin::health
