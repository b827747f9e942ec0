// Opening the pool and per-connection settings.
#include "storage/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <regex>

namespace tongxin::storage {

Database::~Database() = default;

core::Result<std::unique_ptr<Database>> Database::Open(const std::string& url, std::size_t pool_size) {
  std::unique_ptr<Database> db(new Database());
  db->pool_size_ = pool_size;
  db->pool_ = std::make_unique<soci::connection_pool>(pool_size);
  try {
    if (url.rfind("sqlite:", 0) == 0) {
      db->dialect_ = Dialect::kSqlite;
      std::string path = url.substr(7);
      if (path.empty()) return core::MakeError(core::Errc::kInvalid, "config.invalid", {{"field", "db"}});
      auto parent = std::filesystem::path(path).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent);
      db->url_for_log_ = url;
      for (std::size_t i = 0; i < pool_size; ++i) {
        soci::session& s = db->pool_->at(i);
        s.open(soci::sqlite3, "db=" + path + " timeout=10");
        s << "PRAGMA journal_mode=WAL";
        s << "PRAGMA synchronous=NORMAL";
        s << "PRAGMA foreign_keys=ON";
        s << "PRAGMA busy_timeout=10000";
      }
    } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
      db->dialect_ = Dialect::kPostgres;
      db->url_for_log_ = std::regex_replace(url, std::regex(":[^:@/]*@"), ":***@");
      for (std::size_t i = 0; i < pool_size; ++i) {
        soci::session& s = db->pool_->at(i);
        s.open(soci::postgresql, url);
        s << "SET client_min_messages TO WARNING";
      }
    } else {
      return core::MakeError(core::Errc::kInvalid, "config.invalid", {{"field", "db"}});
    }
  } catch (const std::exception& e) {
    core::Error err = core::MakeError(core::Errc::kUnavailable, "server.unavailable");
    err.log = std::string("cannot open database: ") + e.what();
    return err;
  }
  return db;
}

core::Status Database::Ping() {
  return WithSession([](soci::session& sql) -> core::Status {
    int one = 0;
    sql << "SELECT 1", soci::into(one);
    return {};
  });
}

core::Status Database::BackupTo(const std::string& path) {
  if (dialect_ != Dialect::kSqlite) {
    return core::MakeError(core::Errc::kInvalid, "backup.postgres_use_pg_dump");
  }
  if (std::filesystem::exists(path)) {
    return core::MakeError(core::Errc::kConflict, "backup.target_exists", {{"path", path}});
  }
  return WithSession([&](soci::session& sql) -> core::Status {
    std::string target = path;
    sql << "VACUUM INTO :p", soci::use(target);
    return {};
  });
}

}  // namespace tongxin::storage
