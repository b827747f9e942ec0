// Versioned schema migrations, applied in order and recorded in schema_migrations.
#pragma once

#include "core/result.hpp"
#include "storage/database.hpp"

namespace tongxin::storage {

// Applies every embedded migration not yet recorded, each in its own transaction.
// Safe when several instances start at once on PostgreSQL (advisory lock).
// Returns the number applied. On SQLite it also refreshes the planner's statistics.
core::Result<int> Migrate(Database& db);

// Replaces the dialect placeholders of a migration ({{PK}}).
std::string ForDialect(const std::string& sql, Dialect dialect);
// A migration named "0007_x.sqlite" runs only on SQLite, "0007_x.postgres" only on
// PostgreSQL (one version, one file per dialect); others on both.
bool ForThisDialect(const std::string& name, Dialect dialect);

}  // namespace tongxin::storage
