// Audit log storage.
#include "auth/audit.hpp"

#include "storage/prepared.hpp"
#include "storage/repo_kit.hpp"

namespace tongxin::auth {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)

long long RedactAudit(soci::session& sql, const std::string& entity, const std::vector<std::string>& entity_ids) {
  long long n = 0;
  for (const auto& id : entity_ids) {
    Query q("UPDATE audit_log SET before_json = '', after_json = :r WHERE entity = :e AND entity_id = :i");
    n += q.Bind("r", kRedactedJson).Bind("e", entity).Bind("i", id).Exec(sql);
  }
  return n;
}

long long RedactAuditBefore(soci::session& sql, const std::vector<std::string>& entities, const std::string& before,
                            int limit) {
  Query q("UPDATE audit_log SET before_json = '', after_json = :r WHERE id IN (SELECT id FROM audit_log WHERE "
                   "after_json <> :r2 AND at < :b AND entity IN (");
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const std::string name = "e" + std::to_string(i);
    q.Append((i ? ", :" : ":") + name);
    q.Bind(name, entities[i]);
  }
  q.Append(")" + PageClause({1, limit}) + ")");
  return q.Bind("r", kRedactedJson).Bind("r2", kRedactedJson).Bind("b", before).Exec(sql);
}

void RecordAudit(soci::session& sql, const Actor& actor, const std::string& at, const std::string& action,
                 const std::string& entity, const std::string& entity_id, const std::string& before_json,
                 const std::string& after_json) {
  auto st = storage::Cached(sql,
                            "INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, before_json, "
                            "after_json, request_id, ip) VALUES (:at, :uid, :un, :ac, :en, :eid, :bj, :aj, :rid, :ip)",
                            "sissssssss");
  st->Set(0, at).Set(1, actor.user_id).Set(2, actor.username).Set(3, action).Set(4, entity).Set(5, entity_id);
  st->Set(6, before_json).Set(7, after_json).Set(8, actor.request_id).Set(9, actor.ip).Run();
}

namespace {

const RowMap<AuditEntry> kAudit("FROM audit_log");

}  // namespace

core::Result<core::Page<AuditEntry>> ListAudit(storage::Database& db, const AuditFilter& f,
                                               const core::PageRequest& page) {
  return db.WithSession([&](soci::session& sql) -> core::Result<core::Page<AuditEntry>> {
    Query where(" WHERE 1=1");
    if (!f.from.empty()) where.Where("at >= ?", f.from);
    if (!f.to.empty()) where.Where("at < ?", f.to);
    if (!f.username.empty()) where.Where("username = ?", f.username);
    if (!f.entity.empty()) where.Where("entity = ?", f.entity);
    if (!f.entity_id.empty()) where.Where("entity_id = ?", f.entity_id);
    if (!f.action.empty()) where.Where("action = ?", f.action);

    return kAudit.Page(sql, where, " ORDER BY id DESC", page);
  });
}

}  // namespace tongxin::auth
