// A few connections of their own, each keeping its prepared statements (storage/prepared),
// for reads on a hot path that run on request threads (the check-in's roster read). Reads
// through storage::Cached must step their statements to the end (or call Finish), so no
// statement keeps an old snapshot open on a connection between uses. Thread-safe.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/prepared.hpp"

namespace tongxin::storage {

class HotReaders {
 public:
  HotReaders(Database& db, std::size_t size) : db_(db), slots_(size) {
    for (std::size_t i = 0; i < size; ++i) free_.push_back(i);
  }

  // Runs fn(soci::session&) -> core::Result<T> on a leased connection with its cache installed.
  template <class F>
  auto With(F&& fn) -> decltype(fn(std::declval<soci::session&>())) {
    const std::size_t i = Lease();
    struct GiveBack {
      HotReaders& r;
      std::size_t i;
      ~GiveBack() {
        InstallStatementCache(nullptr, nullptr);
        r.Return(i);
      }
    } give_back{*this, i};
    Slot& slot = slots_[i];
    if (!slot.session) {
      TX_TRY(s, db_.Connect());
      slot.session = std::move(s.value());
      slot.cache = std::make_unique<StatementCache>();
    }
    InstallStatementCache(slot.session.get(), slot.cache.get());
    try {
      return fn(*slot.session);
    } catch (const soci::soci_error& e) {
      // The connection may be broken: start afresh next time.
      InstallStatementCache(nullptr, nullptr);
      slot.cache.reset();
      slot.session.reset();
      return TranslateDbError(e);
    }
  }

 private:
  struct Slot {
    std::unique_ptr<soci::session> session;
    std::unique_ptr<StatementCache> cache;  // declared after: destroyed first
  };
  std::size_t Lease() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !free_.empty(); });
    const std::size_t i = free_.back();
    free_.pop_back();
    return i;
  }
  void Return(std::size_t i) {
    {
      std::lock_guard lock(mu_);
      free_.push_back(i);
    }
    cv_.notify_one();
  }

  Database& db_;
  std::vector<Slot> slots_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::size_t> free_;
};

}  // namespace tongxin::storage
