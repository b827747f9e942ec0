// Audit log storage.
#include "auth/audit.hpp"

#include "storage/prepared.hpp"
#include "storage/query.hpp"
#include "storage/rows.hpp"

namespace tongxin::auth {

long long RedactAudit(soci::session& sql, const std::string& entity, const std::vector<std::string>& entity_ids) {
  long long n = 0;
  for (const auto& id : entity_ids) {
    storage::Query q("UPDATE audit_log SET before_json = '', after_json = :r WHERE entity = :e AND entity_id = :i");
    n += q.Bind("r", kRedactedJson).Bind("e", entity).Bind("i", id).Exec(sql);
  }
  return n;
}

long long RedactAuditBefore(soci::session& sql, const std::vector<std::string>& entities, const std::string& before,
                            int limit) {
  storage::Query q("UPDATE audit_log SET before_json = '', after_json = :r WHERE id IN (SELECT id FROM audit_log WHERE "
                   "after_json <> :r2 AND at < :b AND entity IN (");
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const std::string name = "e" + std::to_string(i);
    q.Append((i ? ", :" : ":") + name);
    q.Bind(name, entities[i]);
  }
  q.Append(")" + storage::PageClause({1, limit}) + ")");
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

core::Result<core::Page<AuditEntry>> ListAudit(storage::Database& db, const AuditFilter& f,
                                               const core::PageRequest& page) {
  return db.WithSession([&](soci::session& sql) -> core::Result<core::Page<AuditEntry>> {
    storage::Query where(" WHERE 1=1");
    if (!f.from.empty()) where.Where("at >= ?", f.from);
    if (!f.to.empty()) where.Where("at < ?", f.to);
    if (!f.username.empty()) where.Where("username = ?", f.username);
    if (!f.entity.empty()) where.Where("entity = ?", f.entity);
    if (!f.entity_id.empty()) where.Where("entity_id = ?", f.entity_id);
    if (!f.action.empty()) where.Where("action = ?", f.action);

    core::Page<AuditEntry> out;
    out.request = page;
    out.total = where.Wrap("SELECT COUNT(*) FROM audit_log").Scalar(sql);
    storage::Query list = where.Wrap(
        "SELECT id, at, user_id, username, action, entity, entity_id, before_json, after_json, request_id, ip "
        "FROM audit_log",
        " ORDER BY id DESC" + storage::PageClause(page));
    soci::rowset<soci::row> rs = list.Rows(sql);
    for (const auto& r : rs) {
      AuditEntry e;
      e.id = storage::GetInt(r, "id");
      e.at = storage::GetStr(r, "at");
      e.user_id = storage::GetOptInt(r, "user_id");
      e.username = storage::GetStr(r, "username");
      e.action = storage::GetStr(r, "action");
      e.entity = storage::GetStr(r, "entity");
      e.entity_id = storage::GetStr(r, "entity_id");
      e.before_json = storage::GetStr(r, "before_json");
      e.after_json = storage::GetStr(r, "after_json");
      e.request_id = storage::GetStr(r, "request_id");
      e.ip = storage::GetStr(r, "ip");
      out.items.push_back(std::move(e));
    }
    return out;
  });
}

}  // namespace tongxin::auth
