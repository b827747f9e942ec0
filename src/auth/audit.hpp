// The audit log: who did what, when, to which entity, with before and after values.
// Writes happen on the caller's session, inside the transaction of the change itself,
// so a change and its audit entry are committed together or not at all.
#pragma once

#include <boost/describe/class.hpp>

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace tongxin::auth {

// Who acts: taken from the request in routes, or "system" for CLI and start-up.
struct Actor {
  std::optional<std::int64_t> user_id;
  std::string username = "system";
  std::string request_id;
  std::string ip;
};

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;
  std::optional<std::int64_t> user_id;
  std::string username;
  std::string action;  // create, update, archive, delete, login, logout, read, import, export...
  std::string entity;  // person, unit, user, session, token...
  std::string entity_id;
  std::string before_json;
  std::string after_json;
  std::string request_id;
  std::string ip;
};
BOOST_DESCRIBE_STRUCT(AuditEntry, (), (
    id, at, user_id, username, action, entity, entity_id, before_json, after_json, request_id, ip))

struct AuditFilter {
  std::string from;  // inclusive ISO time or date
  std::string to;    // exclusive ISO time or date
  std::string username;
  std::string entity;
  std::string entity_id;
  std::string action;
};

// Inserts one entry; throws the driver's exception on failure (the caller's transaction
// turns it into an Error and rolls back the change it belongs to).
void RecordAudit(soci::session& sql, const Actor& actor, const std::string& at, const std::string& action,
                 const std::string& entity, const std::string& entity_id, const std::string& before_json,
                 const std::string& after_json);

// Retention keeps who did what but not the values: entries about purged records get this
// after_json and an empty before_json.
inline constexpr const char* kRedactedJson = "{\"redacted\":\"retention\"}";
// Redacts the entries of `entity` naming one of `entity_ids`. Returns how many changed.
long long RedactAudit(soci::session& sql, const std::string& entity, const std::vector<std::string>& entity_ids);
// Redacts at most `limit` not yet redacted entries of these entities written before
// `before` (batches: call until it returns 0). Returns how many changed.
long long RedactAuditBefore(soci::session& sql, const std::vector<std::string>& entities, const std::string& before,
                            int limit);

core::Result<core::Page<AuditEntry>> ListAudit(storage::Database& db, const AuditFilter& filter,
                                               const core::PageRequest& page);

}  // namespace tongxin::auth
