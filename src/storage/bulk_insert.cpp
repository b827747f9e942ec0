// BulkInsert: multi-row INSERT with positional binds.
#include "storage/bulk_insert.hpp"

#include <stdexcept>

namespace tongxin::storage {

BulkInsert::BulkInsert(std::string head, std::size_t columns, std::string tail, std::size_t rows_per_statement)
    : head_(std::move(head)), tail_(std::move(tail)), columns_(columns), rows_per_statement_(rows_per_statement) {
  values_.reserve(columns_ * rows_per_statement_);
}

BulkInsert& BulkInsert::Text(std::string value) {
  values_.push_back({false, std::move(value), 0, soci::i_ok});
  return *this;
}

BulkInsert& BulkInsert::Int(std::int64_t value) {
  values_.push_back({true, {}, static_cast<long long>(value), soci::i_ok});
  return *this;
}

BulkInsert& BulkInsert::OptInt(const std::optional<std::int64_t>& value) {
  values_.push_back({true, {}, static_cast<long long>(value.value_or(0)), value ? soci::i_ok : soci::i_null});
  return *this;
}

void BulkInsert::MaybeFlush(soci::session& sql) {
  if (values_.size() >= columns_ * rows_per_statement_) Flush(sql);
}

long long BulkInsert::Finish(soci::session& sql) {
  Flush(sql);
  return inserted_;
}

void BulkInsert::Flush(soci::session& sql) {
  if (values_.empty()) return;
  if (values_.size() % columns_ != 0) throw std::logic_error("BulkInsert: a row is incomplete");
  // Binds go by position. SQLite gets anonymous "?" parameters: it looks named ones up in a
  // linear list, so thousands of ":vN" in one statement made preparing it quadratic (85 % of
  // a 66,000-recipient broadcast's time). SOCI's PostgreSQL backend rewrites ":vN" to $N.
  const bool anonymous = sql.get_backend_name() == "sqlite3";
  std::string text = head_ + " VALUES ";
  const std::size_t rows = values_.size() / columns_;
  for (std::size_t r = 0; r < rows; ++r) {
    text += r ? ", (" : "(";
    for (std::size_t c = 0; c < columns_; ++c) {
      if (c) text += ", ";
      text += anonymous ? std::string("?") : ":v" + std::to_string(r * columns_ + c);
    }
    text += ")";
  }
  text += tail_;
  soci::details::prepare_temp_type prep = (sql.prepare << text);
  for (auto& v : values_) {
    if (v.is_int) {
      prep, soci::use(v.i, v.ind);
    } else {
      prep, soci::use(v.s, v.ind);
    }
  }
  soci::statement st(prep);
  st.execute(true);
  inserted_ += st.get_affected_rows();
  values_.clear();
}

}  // namespace tongxin::storage
