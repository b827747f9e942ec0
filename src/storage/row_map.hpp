// A mapping from a query's columns to a struct's members, and the SELECT that reads exactly
// those columns: one line per entity instead of a hand-written reader (and a column list kept
// in step with it by hand) in every repository. The members come from the struct's
// Boost.Describe description, declared beside it in the entity header:
//
//   struct Unit { std::int64_t id = 0; std::string code; std::optional<std::int64_t> parent_id; };
//   BOOST_DESCRIBE_STRUCT(Unit, (), (id, code, parent_id))
//
//   const storage::RowMap<Unit> kUnits("FROM units");
//   auto q = storage::Query(kUnits.Select() + " WHERE id = :id").Bind("id", id);
//   std::optional<Unit> u = kUnits.One(sql, q);
//
// Each described member is read from the column of its name (with the map's table alias),
// unless a Source names another expression for it ({"unit_name_zh", "u.name_zh"} reads
// "u.name_zh AS unit_name_zh") or leaves it out ({"bytes", storage::kNotRead}).
// Members may be std::int64_t, int, bool (stored as 0/1), double, std::string or
// std::optional<std::int64_t> (NULL reads as nullopt; for the others NULL reads as 0 or "");
// members of other types (enums, vectors, JSON) are left to the caller after Read().
#pragma once

#include <soci/soci.h>

#include <boost/describe/class.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/paging.hpp"
#include "storage/query.hpp"
#include "storage/rows.hpp"

namespace tongxin::storage {

// A Source expression that leaves a described member out of the query.
inline constexpr const char* kNotRead = nullptr;

template <class T>
class RowMap {
 public:
  using Member = std::variant<std::int64_t T::*, std::optional<std::int64_t> T::*, int T::*, bool T::*, double T::*,
                              std::string T::*>;
  // Where one member comes from, when not <alias>.<member>; expr kNotRead leaves it out.
  struct Source {
    const char* member;
    const char* expr;
  };

  // `from` follows the column list ("FROM people p JOIN units u ON ..."); `alias` prefixes
  // columns without a source ("p" gives "p.name_zh"). A source naming no readable member
  // is a programming error and throws std::logic_error when the map is built.
  explicit RowMap(std::string_view from, std::string_view alias = {}, std::initializer_list<Source> sources = {}) {
    std::vector<Source> pending(sources);
    std::string columns;
    namespace bd = boost::describe;
    using Described = bd::describe_members<T, bd::mod_public | bd::mod_inherited>;
    boost::mp11::mp_for_each<Described>([&](auto d) {
      using M = std::remove_cvref_t<decltype(std::declval<T&>().*d.pointer)>;
      if constexpr (kReadable<M>) {
        const char* expr = "";
        for (auto it = pending.begin(); it != pending.end(); ++it) {
          if (std::string_view(it->member) == d.name) {
            expr = it->expr;
            pending.erase(it);
            break;
          }
        }
        if (expr == nullptr) return;
        if (!columns.empty()) columns += ", ";
        if (*expr != '\0') {
          columns += std::string(expr) + " AS " + d.name;
        } else {
          if (!alias.empty()) columns += std::string(alias) + ".";
          columns += d.name;
        }
        columns_.push_back({d.name, Member(d.pointer)});
      }
    });
    if (!pending.empty()) throw std::logic_error(std::string("RowMap: no readable member ") + pending.front().member);
    columns_sql_ = columns;
    from_ = std::string(from);
    select_ = "SELECT " + columns_sql_ + " " + from_;
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

  template <class M>
  static constexpr bool kReadable =
      std::is_same_v<M, std::int64_t> || std::is_same_v<M, std::optional<std::int64_t>> || std::is_same_v<M, int> ||
      std::is_same_v<M, bool> || std::is_same_v<M, double> || std::is_same_v<M, std::string>;

  struct Column {
    const char* name;  // the name the row reports (the member's)
    Member member;
  };
  std::vector<Column> columns_;
  std::string columns_sql_;
  std::string from_;
  std::string select_;
  std::string count_;
};

}  // namespace tongxin::storage
