// Prepared statements and the per-connection cache.
#include "storage/prepared.hpp"

#include <stdexcept>

namespace tongxin::storage {
namespace {

thread_local soci::session* tl_session = nullptr;
thread_local StatementCache* tl_cache = nullptr;

bool ReturnsRows(std::string_view text) {
  auto starts = [&](std::string_view w) {
    return text.size() >= w.size() && std::equal(w.begin(), w.end(), text.begin(), [](char a, char b) {
             return std::toupper(static_cast<unsigned char>(a)) == b;
           });
  };
  return starts("SELECT") || starts("WITH") || text.find("RETURNING") != std::string_view::npos;
}

}  // namespace

Prepared::Prepared(soci::session& sql, std::string text, std::string_view kinds)
    : returns_rows_(ReturnsRows(text)), st_(sql) {
  for (char k : kinds) {
    if (k != 'i' && k != 's') throw std::invalid_argument("parameter kind must be i or s");
    params_.push_back(Param{k});
  }
  for (auto& p : params_) {
    if (p.kind == 'i') {
      st_.exchange(soci::use(p.i, p.ind));
    } else {
      st_.exchange(soci::use(p.s, p.ind));
    }
  }
  if (returns_rows_) {
    row_ = std::make_unique<soci::row>();
    st_.exchange(soci::into(*row_));
  }
  st_.alloc();
  st_.prepare(text);
  st_.define_and_bind();
}

Prepared::Param& Prepared::At(std::size_t i) {
  if (i >= params_.size()) throw std::out_of_range("statement parameter index");
  return params_[i];
}

Prepared& Prepared::Set(std::size_t i, long long v) {
  auto& p = At(i);
  p.i = v;
  p.ind = soci::i_ok;
  return *this;
}

Prepared& Prepared::Set(std::size_t i, std::string v) {
  auto& p = At(i);
  p.s = std::move(v);
  p.ind = soci::i_ok;
  return *this;
}

Prepared& Prepared::Set(std::size_t i, std::optional<std::int64_t> v) {
  auto& p = At(i);
  p.i = v.value_or(0);
  p.ind = v ? soci::i_ok : soci::i_null;
  return *this;
}

bool Prepared::Run() {
  const bool got = st_.execute(true);
  return returns_rows_ ? got : true;
}

bool Prepared::Next() { return st_.fetch(); }

void Prepared::Finish() {
  if (!returns_rows_) return;
  while (st_.fetch()) {
  }
}

Prepared& StatementCache::Get(soci::session& sql, const std::string& text, std::string_view kinds) {
  auto it = items_.find(text);
  if (it == items_.end()) it = items_.emplace(text, std::make_unique<Prepared>(sql, text, kinds)).first;
  return *it->second;
}

void InstallStatementCache(soci::session* sql, StatementCache* cache) {
  tl_session = sql;
  tl_cache = cache;
}

StatementHandle Cached(soci::session& sql, const std::string& text, std::string_view kinds) {
  StatementHandle h;
  if (tl_cache && tl_session == &sql) {
    h.p_ = &tl_cache->Get(sql, text, kinds);
  } else {
    h.owned_ = std::make_unique<Prepared>(sql, text, kinds);
    h.p_ = h.owned_.get();
  }
  return h;
}

}  // namespace tongxin::storage
