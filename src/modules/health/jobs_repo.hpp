// Queries of the scheduled health jobs: slot windows of a day, who is still missing in a
// window (with how to reach them), alerts to announce and re-checks overdue.
#pragma once

#include <soci/soci.h>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tongxin::health::repo {

struct Window {
  std::string day;
  int slot = 0;
  std::string slot_name, starts_at, ends_at, late_until;
};
BOOST_DESCRIBE_STRUCT(Window, (), (day, slot, slot_name, starts_at, ends_at, late_until))
std::vector<Window> Windows(soci::session& sql, const std::string& day);

struct MissingPerson {
  std::int64_t person_id = 0;
  std::string name_zh, name_latin, unit_path, unit_name_zh, unit_name_en;
  std::string email, language;  // the person's
  std::optional<std::int64_t> user_id;
  std::string user_email, user_language;  // their account's, if any
};
BOOST_DESCRIBE_STRUCT(MissingPerson, (), (person_id, name_zh, name_latin, unit_path, unit_name_zh, unit_name_en, email,
                                          language, user_id, user_email, user_language))
std::vector<MissingPerson> MissingIn(soci::session& sql, const Window& w);

struct AlertToTell {
  std::int64_t id = 0, person_id = 0;
  std::string kind, detail, status, escalation, recheck_due_at, day;
  int slot = 0;
  std::string slot_name, name_zh, name_latin, unit_path, unit_name_zh, unit_name_en;
};
BOOST_DESCRIBE_STRUCT(AlertToTell, (), (id, person_id, kind, detail, status, escalation, recheck_due_at, day, slot,
                                        slot_name, name_zh, name_latin, unit_path, unit_name_zh, unit_name_en))
// Alerts whose raising staff have not been told of yet (oldest first).
std::vector<AlertToTell> AlertsNotNotified(soci::session& sql, int limit);
// Escalated alerts whose escalation staff have not been told of yet.
std::vector<AlertToTell> EscalationsNotNotified(soci::session& sql, int limit);
void MarkAlertNotified(soci::session& sql, std::int64_t id, const std::string& now);
void MarkEscalationNotified(soci::session& sql, std::int64_t id, const std::string& now);
// Open alerts whose re-check is overdue at `now`.
std::vector<std::int64_t> OverdueAlerts(soci::session& sql, const std::string& now, int limit);

}  // namespace tongxin::health::repo
