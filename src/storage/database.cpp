// Opening the pool and per-connection settings.
#include "storage/database.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>

namespace tongxin::storage {
namespace {

constexpr int kBusyTimeoutSeconds = 10;

std::string Quote(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

}  // namespace

core::Result<std::string> PostgresConnectString(const std::string& url) {
  auto u = boost::urls::parse_uri(url);
  if (!u) return core::MakeError(core::Errc::kInvalid, "config.invalid", {{"field", "db"}, {"detail", "bad URL"}});
  std::string out;
  auto add = [&out](const std::string& k, const std::string& v) {
    if (!v.empty()) out += (out.empty() ? "" : " ") + k + "=" + Quote(v);
  };
  add("host", u->host());
  add("port", u->port());
  add("user", u->user());
  add("password", u->password());
  std::string db = u->path();
  if (!db.empty() && db.front() == '/') db.erase(0, 1);
  add("dbname", db);
  for (auto p : u->params()) add(p.key, p.value);
  return out;
}

bool TurnLock::TryLockFor(std::chrono::milliseconds wait) {
  std::unique_lock lock(mu_);
  const std::uint64_t me = next_++;
  queue_.push_back(me);
  if (!turn_.wait_for(lock, wait, [&] { return !held_ && queue_.front() == me; })) {
    queue_.erase(std::find(queue_.begin(), queue_.end(), me));
    lock.unlock();
    turn_.notify_all();  // the next in line may be free to go now
    return false;
  }
  queue_.pop_front();
  held_ = true;
  return true;
}

void TurnLock::Unlock() {
  {
    std::lock_guard lock(mu_);
    held_ = false;
  }
  turn_.notify_all();
}

std::size_t TurnLock::waiting() const {
  std::lock_guard lock(mu_);
  return queue_.size();
}

WriteTx::WriteTx(soci::session& sql, Database& db) : sql_(sql) {
  if (db.dialect() == Dialect::kSqlite) {
    if (!db.writer_.TryLockFor(std::chrono::seconds(kBusyTimeoutSeconds))) throw WriterBusy();
    writer_ = &db.writer_;
    try {
      sql_ << "BEGIN IMMEDIATE";
    } catch (...) {
      writer_->Unlock();
      throw;
    }
  } else {
    sql_.begin();
  }
}

WriteTx::~WriteTx() {
  if (!done_) {
    try {
      sql_.rollback();
    } catch (...) {
      // The connection is broken; the pool's next user sees the error.
    }
  }
  if (writer_) writer_->Unlock();
}

void WriteTx::Commit() {
  sql_.commit();
  done_ = true;
  if (writer_) writer_->Unlock();
  writer_ = nullptr;
}

Database::~Database() = default;

void Database::OpenSession(soci::session& s) const {
  if (dialect_ == Dialect::kSqlite) {
    s.open(soci::sqlite3, connect_);
    s << "PRAGMA journal_mode=WAL";
    s << "PRAGMA synchronous=NORMAL";
    s << "PRAGMA foreign_keys=ON";
    s << "PRAGMA busy_timeout=" << kBusyTimeoutSeconds * 1000;
  } else {
    s.open(soci::postgresql, connect_);
    s << "SET client_min_messages TO WARNING";
  }
}

core::Result<std::unique_ptr<soci::session>> Database::Connect() const {
  try {
    auto s = std::make_unique<soci::session>();
    OpenSession(*s);
    return s;
  } catch (const std::exception& e) {
    core::Error err = core::MakeError(core::Errc::kUnavailable, "server.unavailable");
    err.log = std::string("cannot connect: ") + e.what();
    return err;
  }
}

core::Status CreateOwnerOnly(const std::string& path) {
  // Health data: a new folder and database file are the owner's alone (SQLite creates the
  // -wal and -shm files with the database file's permissions).
  namespace fs = std::filesystem;
  const fs::path parent = fs::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty() && !fs::exists(parent, ec)) {
    fs::create_directories(parent, ec);
    if (!ec) fs::permissions(parent, fs::perms::owner_all, fs::perm_options::replace, ec);
  }
  if (!fs::exists(path, ec)) {
    const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
      core::Error err = core::MakeError(core::Errc::kUnavailable, "server.unavailable");
      err.log = "cannot create the database file " + path;
      return err;
    }
    ::close(fd);
  }
  return {};
}

core::Result<std::unique_ptr<Database>> Database::Open(const std::string& url, std::size_t pool_size) {
  std::unique_ptr<Database> db(new Database());
  db->pool_size_ = pool_size;
  db->pool_ = std::make_unique<soci::connection_pool>(pool_size);
  if (url.rfind("sqlite:", 0) == 0) {
    db->dialect_ = Dialect::kSqlite;
    std::string path = url.substr(7);
    if (path.empty()) return core::MakeError(core::Errc::kInvalid, "config.invalid", {{"field", "db"}});
    TX_CHECK(CreateOwnerOnly(path));
    db->connect_ = "db=" + path + " timeout=" + std::to_string(kBusyTimeoutSeconds);
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    db->dialect_ = Dialect::kPostgres;
    TX_TRY(conn, PostgresConnectString(url));
    db->connect_ = *conn;
  } else {
    return core::MakeError(core::Errc::kInvalid, "config.invalid", {{"field", "db"}});
  }
  try {
    for (std::size_t i = 0; i < pool_size; ++i) db->OpenSession(db->pool_->at(i));
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
    std::error_code ec;
    std::filesystem::permissions(target, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace, ec);
    return {};
  });
}

}  // namespace tongxin::storage
