// The database: a SOCI connection pool for SQLite or PostgreSQL, with helpers that lease a
// session, run a transaction and translate driver exceptions into core::Error once.
// Thread-safe: any thread may call WithSession/InTransaction; each call leases its own
// connection. Blocking: never call from a network thread.
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>

#include "core/result.hpp"

namespace tongxin::storage {

enum class Dialect { kSqlite, kPostgres };
class Database;

// Driver exception -> Error: unique/foreign-key violations become kConflict ("db.conflict"),
// busy/locked and lost connections kUnavailable, anything else kInternal (text in .log).
core::Error TranslateDbError(const std::exception& e);

// "postgresql://user:pw@host:port/db?options=..." -> libpq "key='value' ..." form.
core::Result<std::string> PostgresConnectString(const std::string& url);

// A lock taken in the order asked for (a ticket queue): whoever lets go and asks again
// goes behind those already waiting. Thread-safe.
class TurnLock {
 public:
  bool TryLockFor(std::chrono::milliseconds wait);
  void Unlock();
  std::size_t waiting() const;

 private:
  mutable std::mutex mu_;
  std::condition_variable turn_;
  std::deque<std::uint64_t> queue_;  // tickets waiting, oldest first
  std::uint64_t next_ = 0;
  bool held_ = false;
};

// A write transaction. On SQLite it begins IMMEDIATE, taking the write lock up front: a
// deferred transaction that reads and then writes cannot wait for another writer (SQLite
// answers "database is locked" at once), an immediate one waits out the busy timeout.
// On SQLite the process's writers also take turns on one lock first: SQLite's busy handler
// polls (every 100 ms at last), so a writer could starve behind a run of others; the lock
// queues them in turn instead. Waiting longer than the busy timeout throws WriterBusy.
// Rolls back on destruction unless committed.
class WriteTx {
 public:
  WriteTx(soci::session& sql, Database& db);
  ~WriteTx();
  WriteTx(const WriteTx&) = delete;
  WriteTx& operator=(const WriteTx&) = delete;
  void Commit();

 private:
  soci::session& sql_;
  TurnLock* writer_ = nullptr;  // held until committed or rolled back
  bool done_ = false;
};

// No turn to write within the busy timeout (translated to kUnavailable).
class WriterBusy : public soci::soci_error {
 public:
  WriterBusy() : soci::soci_error("database is locked (waiting for another writer)") {}
};

// Creates a SQLite file (and its folder, when missing) readable by the owner only.
core::Status CreateOwnerOnly(const std::string& path);

class Database {
 public:
  // url: "sqlite:PATH" or "postgresql://user@host:port/db". Opens pool_size connections.
  // Errors: kUnavailable when the database cannot be opened.
  static core::Result<std::unique_ptr<Database>> Open(const std::string& url, std::size_t pool_size);
  ~Database();

  Dialect dialect() const { return dialect_; }
  std::size_t pool_size() const { return pool_size_; }
  // Writers waiting for their turn (SQLite; always 0 on PostgreSQL).
  std::size_t writers_waiting() const { return writer_.waiting(); }

  // Runs fn(soci::session&) with a leased connection. fn returns core::Result<T>;
  // driver exceptions thrown inside become the translated Error.
  template <class F>
  auto WithSession(F&& fn) -> decltype(fn(std::declval<soci::session&>())) {
    try {
      soci::session sql(*pool_);
      return fn(sql);
    } catch (const soci::soci_error& e) {
      return TranslateDbError(e);
    }
  }

  // Like WithSession inside a transaction: committed when fn's Result is ok, rolled back
  // otherwise (and on any exception, which is then rethrown or translated).
  template <class F>
  auto InTransaction(F&& fn) -> decltype(fn(std::declval<soci::session&>())) {
    try {
      soci::session sql(*pool_);
      WriteTx tx(sql, *this);
      auto result = fn(sql);
      if (result.ok()) tx.Commit();
      return result;  // the transaction's destructor rolls back when not committed
    } catch (const soci::soci_error& e) {
      return TranslateDbError(e);
    }
  }

  // A read that is audited: read(session) -> Result<T> on a session outside any write
  // transaction (on SQLite the writers go on meanwhile), then record(session, const T&) ->
  // Status in a short write transaction of its own. The result is given only when the
  // record was written too.
  template <class Read, class Record>
  auto ReadThenRecord(Read&& read, Record&& record) -> decltype(read(std::declval<soci::session&>())) {
    auto result = WithSession(std::forward<Read>(read));
    if (!result.ok()) return result;
    core::Status recorded =
        InTransaction([&](soci::session& sql) -> core::Status { return record(sql, result.value()); });
    if (!recorded.ok()) return recorded.error();
    return result;
  }

  // Like InTransaction, but always rolled back: what fn writes is seen by its own reads
  // and then discarded (a roster computed for a read that must store nothing).
  template <class F>
  auto InScratch(F&& fn) -> decltype(fn(std::declval<soci::session&>())) {
    try {
      soci::session sql(*pool_);
      WriteTx tx(sql, *this);
      return fn(sql);  // never committed
    } catch (const soci::soci_error& e) {
      return TranslateDbError(e);
    }
  }

  // A connection outside the pool, set up like the pooled ones (the group writer keeps
  // one so that it never waits for the pool). Errors: kUnavailable.
  core::Result<std::unique_ptr<soci::session>> Connect() const;

  // Cheap reachability check for /readyz.
  core::Status Ping();
  // Consistent online copy of a SQLite database (VACUUM INTO); kInvalid on PostgreSQL.
  core::Status BackupTo(const std::string& path);

 private:
  friend class WriteTx;
  Database() = default;
  void OpenSession(soci::session& s) const;  // throws the driver's exception
  std::unique_ptr<soci::connection_pool> pool_;
  std::string connect_;  // the driver's connection string
  Dialect dialect_ = Dialect::kSqlite;
  std::size_t pool_size_ = 0;
  TurnLock writer_;  // SQLite: the process's writers, in turn
};

}  // namespace tongxin::storage
