// A declarative mapping from a query's columns to a struct's members, and the SELECT that
// reads exactly those columns: one table per entity instead of a hand-written reader (and a
// column list kept in step with it by hand) in every repository.
//
//   const storage::RowMap<Unit> kUnits("FROM units", "", {
//       {"id", &Unit::id}, {"code", &Unit::code}, {"parent_id", &Unit::parent_id}});
//   auto q = storage::Query(kUnits.Select() + " WHERE id = :id").Bind("id", id);
//   std::optional<Unit> u = kUnits.One(sql, q);
//
// Members may be std::int64_t, int, bool (stored as 0/1), double, std::string or
// std::optional<std::int64_t> (NULL reads as nullopt; for the others NULL reads as 0 or "").
// Columns the map cannot express (enums, JSON) are read by the caller after Read().
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/paging.hpp"
#include "storage/query.hpp"
#include "storage/rows.hpp"

namespace tongxin::storage {

template <class T>
class RowMap {
 public:
  using Member = std::variant<std::int64_t T::*, std::optional<std::int64_t> T::*, int T::*, bool T::*, double T::*,
                              std::string T::*>;
  struct Column {
    const char* name;            // the name the row reports
    Member member;               // where it goes
    const char* expr = nullptr;  // the SQL that yields it, when not <alias>.<name> ("u.path" read AS unit_path)
  };

  // `from` follows the column list ("FROM people p JOIN units u ON ..."); `alias` prefixes
  // columns without an expression ("p" gives "p.name_zh").
  RowMap(std::string_view from, std::string_view alias, std::initializer_list<Column> columns)
      : columns_(columns) {
    select_ = "SELECT ";
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const Column& c = columns_[i];
      if (i > 0) select_ += ", ";
      if (c.expr != nullptr) {
        select_ += std::string(c.expr) + " AS " + c.name;
      } else {
        if (!alias.empty()) select_ += std::string(alias) + ".";
        select_ += c.name;
      }
    }
    columns_sql_ = select_.substr(7);
    from_ = std::string(from);
    select_ += " " + from_;
    count_ = "SELECT COUNT(*) " + from_;
  }

  // "SELECT <every column> <from>"; append WHERE, ORDER BY and so on.
  const std::string& Select() const { return select_; }
  const std::string& From() const { return from_; }
  // The same with more (computed) columns after the mapped ones, read by the caller.
  std::string Select(std::string_view extra_columns) const {
    return "SELECT " + columns_sql_ + ", " + std::string(extra_columns) + " " + from_;
  }

  // Fills every mapped member from the row's columns of the same names.
  void ReadInto(const soci::row& r, T& out) const {
    for (const Column& c : columns_) {
      std::visit([&](auto member) { Assign(r, c.name, out.*member); }, c.member);
    }
  }
  T Read(const soci::row& r) const {
    T out{};
    ReadInto(r, out);
    return out;
  }

  // Every row of the query, read.
  std::vector<T> All(soci::session& sql, Query& q) const {
    std::vector<T> out;
    soci::rowset<soci::row> rs = q.Rows(sql);
    for (const auto& r : rs) out.push_back(Read(r));
    return out;
  }
  // The first row of the query, if any.
  std::optional<T> One(soci::session& sql, Query& q) const {
    soci::rowset<soci::row> rs = q.Rows(sql);
    for (const auto& r : rs) return Read(r);
    return std::nullopt;
  }
  // One page of the rows matching `where` (" WHERE ..." with its bound values), in `order`
  // (" ORDER BY ..."), with the total count; `count_from` counts over fewer joins when the
  // filter needs only some of the tables ("FROM health_roster r").
  core::Page<T> Page(soci::session& sql, const Query& where, std::string_view order, const core::PageRequest& page,
                     std::string_view count_from = {}) const {
    core::Page<T> out;
    out.request = page;
    out.total = where.Wrap(count_from.empty() ? count_ : "SELECT COUNT(*) " + std::string(count_from)).Scalar(sql);
    Query list = where.Wrap(select_, std::string(order) + PageClause(page));
    out.items = All(sql, list);
    return out;
  }

 private:
  static void Assign(const soci::row& r, const char* name, std::int64_t& v) { v = GetInt(r, name); }
  static void Assign(const soci::row& r, const char* name, int& v) { v = static_cast<int>(GetInt(r, name)); }
  static void Assign(const soci::row& r, const char* name, bool& v) { v = GetInt(r, name) != 0; }
  static void Assign(const soci::row& r, const char* name, double& v) { v = GetDouble(r, name); }
  static void Assign(const soci::row& r, const char* name, std::string& v) { v = GetStr(r, name); }
  static void Assign(const soci::row& r, const char* name, std::optional<std::int64_t>& v) { v = GetOptInt(r, name); }

  std::vector<Column> columns_;
  std::string columns_sql_;
  std::string from_;
  std::string select_;
  std::string count_;
};

}  // namespace tongxin::storage
