// Test databases.
#include "support/test_env.hpp"

#include <cstdio>

#include "storage/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>

namespace tongxin::testing {
namespace {

std::string UniqueName(const std::string& prefix) {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return prefix + std::to_string(getpid()) + "_" + std::to_string(++counter) + "_" + std::to_string(rd() % 100000);
}

}  // namespace

std::string TempDir(const std::string& prefix) {
  auto dir = std::filesystem::temp_directory_path() / UniqueName(prefix);
  std::filesystem::create_directories(dir);
  return dir.string();
}

TestDb::TestDb() {
  const char* pg = std::getenv("TONGXIN_TEST_DB");
  if (pg && *pg) {
    postgres_ = true;
    admin_url_ = pg;
    schema_ = UniqueName("t_");
    soci::session s(soci::postgresql, storage::PostgresConnectString(admin_url_).value());
    // Extensions belong to the database, not to a schema: pg_trgm goes to public once, where
    // every test schema finds it (a concurrent test may have created it first).
    try {
      s << "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public";
    } catch (const soci::soci_error&) {
    }
    s << "CREATE SCHEMA " + schema_;
    url_ = admin_url_ + (admin_url_.find('?') == std::string::npos ? "?" : "&") +
           "options=-c%20search_path%3D" + schema_ + ",public";
  } else {
    path_ = TempDir("tongxin_db_") + "/test.db";
    url_ = "sqlite:" + path_;
  }
}

TestDb::~TestDb() {
  try {
    if (postgres_) {
      soci::session s(soci::postgresql, storage::PostgresConnectString(admin_url_).value());
      s << "DROP SCHEMA " + schema_ + " CASCADE";
    } else {
      std::filesystem::remove_all(std::filesystem::path(path_).parent_path());
    }
  } catch (...) {
  }
}

std::string Shell(const std::string& cmd) {
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    pclose(p);
  }
  return out;
}

}  // namespace tongxin::testing
