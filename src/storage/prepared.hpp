// Statements prepared once per connection and run many times with new values. The hot
// write path (check-ins through the group writer) otherwise spends about as much time
// having SQLite parse its SQL as running it.
//
// Cached(sql, text, kinds) returns the connection's prepared statement for `text` when the
// calling thread has installed a cache for that connection (the group writer does, for its
// own connection); anywhere else it prepares a fresh statement, so repository code calls
// it the same way in both places.
//
// Parameters are positional: each placeholder appears once, in order (":a, :b, ..."), and
// `kinds` has one letter per placeholder: 'i' integer, 's' text. Not thread-safe (one
// connection, one thread).
#pragma once

#include <soci/soci.h>

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tongxin::storage {

class Prepared {
 public:
  Prepared(soci::session& sql, std::string text, std::string_view kinds);
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;

  Prepared& Set(std::size_t i, long long v);
  Prepared& Set(std::size_t i, std::string v);
  Prepared& Set(std::size_t i, std::optional<std::int64_t> v);  // nullopt binds NULL (integer)
  // Runs the statement. For statements that return rows the first row is fetched:
  // returns whether there is one. For others returns true.
  bool Run();
  bool Next();  // the next row
  // Steps past the remaining rows. Call it after reading: SQLite will not release a
  // savepoint or commit while a statement that wrote (INSERT ... RETURNING) is unfinished.
  void Finish();
  const soci::row& Row() const { return *row_; }
  long long Affected() { return st_.get_affected_rows(); }

 private:
  struct Param {
    char kind = 's';
    long long i = 0;
    std::string s;
    soci::indicator ind = soci::i_ok;
  };
  Param& At(std::size_t i);
  std::deque<Param> params_;  // stable addresses: SOCI binds them by reference
  std::unique_ptr<soci::row> row_;
  bool returns_rows_ = false;
  soci::statement st_;
};

class StatementCache {
 public:
  Prepared& Get(soci::session& sql, const std::string& text, std::string_view kinds);
  std::size_t size() const { return items_.size(); }

 private:
  std::map<std::string, std::unique_ptr<Prepared>> items_;
};

// Installs `cache` for `sql` on the calling thread (nullptrs to remove it). The cache must
// be dropped before its connection is closed.
void InstallStatementCache(soci::session* sql, StatementCache* cache);

// A statement for `text`: the installed cache's when there is one for `sql`, else a fresh
// one owned by the returned handle.
class StatementHandle {
 public:
  Prepared* operator->() { return p_; }
  Prepared& operator*() { return *p_; }
  // True when this handle prepared its own statement (no cache for the connection).
  bool fresh() const { return owned_ != nullptr; }

 private:
  friend StatementHandle Cached(soci::session& sql, const std::string& text, std::string_view kinds);
  Prepared* p_ = nullptr;
  std::unique_ptr<Prepared> owned_;
};
StatementHandle Cached(soci::session& sql, const std::string& text, std::string_view kinds);

}  // namespace tongxin::storage
