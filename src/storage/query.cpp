// Query: dynamic SQL with bound parameters.
#include "storage/query.hpp"

#include "storage/rows.hpp"

namespace tongxin::storage {

std::string PageClause(const core::PageRequest& page) {
  return " LIMIT " + std::to_string(page.page_size) + " OFFSET " + std::to_string(page.Offset());
}

Query& Query::Bind(const std::string& name, std::string value) {
  params_.push_back({name, false, std::move(value), 0});
  return *this;
}

Query& Query::Bind(const std::string& name, std::int64_t value) {
  params_.push_back({name, true, {}, static_cast<long long>(value)});
  return *this;
}

std::string Query::Placeholder(std::string_view cond, const std::string& name) const {
  std::string c(cond);
  auto q = c.find('?');
  if (q != std::string::npos) c.replace(q, 1, ":" + name);
  return c;
}

Query& Query::Where(std::string_view cond, std::string value) {
  std::string name = "p" + std::to_string(params_.size());
  sql_ += " AND " + Placeholder(cond, name);
  return Bind(name, std::move(value));
}

Query& Query::Where(std::string_view cond, std::int64_t value) {
  std::string name = "p" + std::to_string(params_.size());
  sql_ += " AND " + Placeholder(cond, name);
  return Bind(name, value);
}

template <class Prep>
void Query::BindAll(Prep& prep) {
  for (auto& p : params_) {
    if (p.is_int) {
      prep, soci::use(p.i, p.name);
    } else {
      prep, soci::use(p.s, p.name);
    }
  }
}

soci::rowset<soci::row> Query::Rows(soci::session& sql) & {
  soci::details::prepare_temp_type prep = (sql.prepare << sql_);
  BindAll(prep);
  return soci::rowset<soci::row>(prep);
}

std::int64_t Query::Scalar(soci::session& sql) {
  soci::rowset<soci::row> rs = Rows(sql);  // *this is an lvalue here, alive until we return
  for (const auto& row : rs) return GetInt(row, 0);
  return 0;
}

long long Query::Exec(soci::session& sql) {
  soci::details::prepare_temp_type prep = (sql.prepare << sql_);
  BindAll(prep);
  soci::statement st(prep);
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace tongxin::storage
