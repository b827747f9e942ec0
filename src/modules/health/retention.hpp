// Retention of health data: reports, their history, alerts, inquiries, the roster and the
// counters of days older than the configured number of days are deleted, in batches so
// check-ins are not held up, with one audit entry per pass saying how much went.
#pragma once

#include <boost/describe/class.hpp>

#include <string>

#include "auth/audit.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace tongxin::health {

struct PurgeReport {
  long long checkins = 0, history = 0, rechecks = 0, alerts = 0, inquiries = 0, roster = 0, counts = 0,
            audit_redacted = 0;
  long long Total() const {
    return checkins + history + rechecks + alerts + inquiries + roster + counts + audit_redacted;
  }
};
BOOST_DESCRIBE_STRUCT(PurgeReport, (), (checkins, history, rechecks, alerts, inquiries, roster, counts,
                                        audit_redacted))

// Deletes health data of days before `before_day` (YYYY-MM-DD), and redacts the copies
// of it the audit log holds (before/after values of reports, alerts and inquiries of
// those days). Audited when anything went.
core::Result<PurgeReport> PurgeHealthData(storage::Database& db, const std::string& before_day,
                                          const std::string& now, const auth::Actor& actor);

}  // namespace tongxin::health
