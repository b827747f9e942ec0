// A statement built at run time (filters, sorting) with named parameters bound safely.
// Values are owned by the Query, so they outlive the statement. Not thread-safe.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <deque>
#include <string>

#include "core/paging.hpp"

namespace tongxin::storage {

// " LIMIT <size> OFFSET <offset>" for a page (integers, not user text).
std::string PageClause(const core::PageRequest& page);

class Query {
 public:
  explicit Query(std::string sql = "") : sql_(std::move(sql)) {}

  Query& Append(std::string_view text) { sql_ += text; return *this; }
  // Binds :name. Returns *this for chaining. A name must be bound once.
  Query& Bind(const std::string& name, std::string value);
  Query& Bind(const std::string& name, std::int64_t value);
  // Appends " AND <cond>" with the value bound to a fresh :pN parameter; cond uses "?"
  // once as the placeholder, e.g. Where("p.category = ?", category).
  Query& Where(std::string_view cond, std::string value);
  Query& Where(std::string_view cond, std::int64_t value);

  // A copy with text around this one's, keeping the bound parameters: build a WHERE
  // clause once, then wrap it as the count query and as the page query.
  Query Wrap(std::string_view before, std::string_view after = "") const {
    Query q = *this;
    q.sql_ = std::string(before) + sql_ + std::string(after);
    return q;
  }
  const std::string& sql() const { return sql_; }
  // Runs the statement and returns its rows. The rows read the bound values of this
  // Query while they are iterated, so the Query must outlive them: calling this on a
  // temporary does not compile.
  soci::rowset<soci::row> Rows(soci::session& sql) &;
  soci::rowset<soci::row> Rows(soci::session& sql) && = delete;
  // Runs the statement and returns the first column of its first row as an integer (count).
  std::int64_t Scalar(soci::session& sql);
  // Runs a statement without results; returns affected rows.
  long long Exec(soci::session& sql);

 private:
  std::string Placeholder(std::string_view cond, const std::string& name) const;
  template <class Prep>
  void BindAll(Prep& prep);

  struct Param {
    std::string name;
    bool is_int = false;
    std::string s;
    long long i = 0;
  };
  std::string sql_;
  std::deque<Param> params_;
};

}  // namespace tongxin::storage
