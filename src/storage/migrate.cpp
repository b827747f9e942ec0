// Migration runner.
#include "storage/migrate.hpp"

#include <spdlog/spdlog.h>

#include <set>

#include "core/clock.hpp"
#include "storage/migrations_data.hpp"
#include "storage/rows.hpp"

namespace tongxin::storage {
namespace {

constexpr long long kMigrationLockKey = 74110042;

std::vector<std::string> SplitStatements(const std::string& sql) {
  std::vector<std::string> out;
  std::string current;
  std::size_t start = 0;
  while (start < sql.size()) {
    std::size_t end = sql.find('\n', start);
    if (end == std::string::npos) end = sql.size();
    std::string line = sql.substr(start, end - start);
    start = end + 1;
    if (line.rfind("--", 0) == 0) continue;
    current += line + "\n";
    auto last = line.find_last_not_of(" \t\r");
    if (last != std::string::npos && line[last] == ';') {
      current.erase(current.find_last_of(';'));
      out.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
  return out;
}

}  // namespace

bool ForThisDialect(const std::string& name, Dialect dialect) {
  auto ends = [&](std::string_view suffix) {
    return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends(".sqlite")) return dialect == Dialect::kSqlite;
  if (ends(".postgres")) return dialect == Dialect::kPostgres;
  return true;
}

std::string ForDialect(const std::string& sql, Dialect dialect) {
  std::string out = sql;
  const std::string pk = dialect == Dialect::kSqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
  for (auto pos = out.find("{{PK}}"); pos != std::string::npos; pos = out.find("{{PK}}")) out.replace(pos, 6, pk);
  return out;
}

core::Result<int> Migrate(Database& db) {
  return db.WithSession([&](soci::session& sql) -> core::Result<int> {
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
           "applied_at TEXT NOT NULL)";
    const bool pg = db.dialect() == Dialect::kPostgres;
    if (pg) sql << "SELECT pg_advisory_lock(" << kMigrationLockKey << ")";
    int applied = 0;
    try {
      std::set<int> done;
      soci::rowset<soci::row> rs = (sql.prepare << "SELECT version FROM schema_migrations");
      for (const auto& r : rs) done.insert(static_cast<int>(GetInt(r, 0)));
      for (const auto& m : EmbeddedMigrations()) {
        int version = std::stoi(m.name.substr(0, m.name.find('_')));
        if (done.count(version) || !ForThisDialect(m.name, db.dialect())) continue;
        soci::transaction tr(sql);
        for (const auto& stmt : SplitStatements(ForDialect(m.sql, db.dialect()))) sql << stmt;
        std::string name = m.name;
        std::string now = core::FormatIso(std::chrono::system_clock::now());
        sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)", soci::use(version),
            soci::use(name), soci::use(now);
        tr.commit();
        spdlog::info("applied migration {}", m.name);
        ++applied;
      }
    } catch (...) {
      if (pg) sql << "SELECT pg_advisory_unlock(" << kMigrationLockKey << ")";
      throw;
    }
    if (pg) {
      sql << "SELECT pg_advisory_unlock(" << kMigrationLockKey << ")";
    } else {
      // Fresh planner statistics (sampled, so quick on large tables); PostgreSQL's
      // autovacuum keeps its own.
      sql << "PRAGMA analysis_limit=1000";
      sql << "ANALYZE";
    }
    return applied;
  });
}

}  // namespace tongxin::storage
