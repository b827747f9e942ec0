// Import preview storage.
#include "io/imports_repo.hpp"

#include "storage/repo_kit.hpp"

namespace tongxin::io::imports {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<StoredImport> kImports("FROM imports");

}  // namespace

void Insert(soci::session& sql, const StoredImport& i) {
  Query q("INSERT INTO imports (id, user_id, kind, filename, status, total_rows, valid_rows, payload, created_at) "
          "VALUES (:id, :u, :k, :f, :s, :t, :v, :p, :c)");
  q.Bind("id", i.id).Bind("u", i.user_id).Bind("k", i.kind).Bind("f", i.filename).Bind("s", i.status);
  q.Bind("t", std::int64_t{i.total_rows}).Bind("v", std::int64_t{i.valid_rows}).Bind("p", i.payload);
  q.Bind("c", i.created_at).Exec(sql);
}

std::optional<StoredImport> Find(soci::session& sql, const std::string& id, std::int64_t user_id,
                                 const std::string& kind) {
  Query q(kImports.Select() + " WHERE id = :id AND user_id = :u AND kind = :k");
  q.Bind("id", id).Bind("u", user_id).Bind("k", kind);
  return kImports.One(sql, q);
}

bool Claim(soci::session& sql, const std::string& id) {
  return Query("UPDATE imports SET status = 'done' WHERE id = :id AND status = 'pending'").Bind("id", id).Exec(sql) == 1;
}

}  // namespace tongxin::io::imports
