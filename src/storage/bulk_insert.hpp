// Many rows into one table with multi-row INSERT statements: a statement per
// `rows_per_statement` rows, its values bound by position (binding thousands of named
// parameters costs a linear lookup per name in both backends). Values are owned here until
// the statement has run. Not thread-safe.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tongxin::storage {

class BulkInsert {
 public:
  // head: "INSERT INTO t (a, b, c)"; tail: after the VALUES (" ON CONFLICT (k) DO NOTHING").
  BulkInsert(std::string head, std::size_t columns, std::string tail = "", std::size_t rows_per_statement = 250);

  // The next value of the current row; a row is complete after `columns` values.
  BulkInsert& Text(std::string value);
  BulkInsert& Int(std::int64_t value);
  BulkInsert& OptInt(const std::optional<std::int64_t>& value);

  // Runs the statement when a whole batch of rows is pending.
  void MaybeFlush(soci::session& sql);
  // Runs the pending rows. Returns the rows inserted so far (by every statement).
  long long Finish(soci::session& sql);

 private:
  struct Value {
    bool is_int = false;
    std::string s;
    long long i = 0;
    soci::indicator ind = soci::i_ok;
  };
  void Flush(soci::session& sql);

  std::string head_, tail_;
  std::size_t columns_, rows_per_statement_;
  std::vector<Value> values_;
  long long inserted_ = 0;
};

}  // namespace tongxin::storage
