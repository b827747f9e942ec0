// One writer thread that commits in groups: callers hand it a unit of work and block until
// the transaction holding it has committed. Each unit runs inside its own savepoint, so a
// unit that fails (validation, conflict) is rolled back alone and the others still commit.
// The writer commits as soon as the previous commit ends (no timer), taking every unit
// queued meanwhile. It has its own connection, so it never queues behind readers for the
// pool, and it keeps its statements prepared (storage/prepared.hpp): bodies that use
// storage::Cached run them without parsing SQL again. On SQLite its commits never run a
// WAL checkpoint: a thread of its own checkpoints the log every half second instead.
// Thread-safe.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>

#include "core/result.hpp"
#include "storage/database.hpp"
#include "storage/prepared.hpp"

namespace tongxin::storage {

class GroupWriter {
 public:
  explicit GroupWriter(Database& db, std::size_t max_batch = 512);
  ~GroupWriter();  // finishes queued work, then stops
  GroupWriter(const GroupWriter&) = delete;
  GroupWriter& operator=(const GroupWriter&) = delete;

  // Runs body in the next group; returns its status once the group has committed, or the
  // commit's error. Blocks the calling (worker) thread.
  core::Status Submit(std::function<core::Status(soci::session&)> body);

  // Typed form: fn returns core::Result<T>.
  template <class T, class F>
  core::Result<T> Run(F&& fn) {
    std::optional<core::Result<T>> out;
    auto st = Submit([&](soci::session& sql) -> core::Status {
      out.emplace(fn(sql));
      return out->ok() ? core::Status{} : core::Status(out->error());
    });
    if (!st) return st.error();
    return std::move(*out);
  }

  std::uint64_t groups() const { return groups_; }  // commits so far (for benchmarks)

 private:
  struct Job {
    std::function<core::Status(soci::session&)> body;
    std::promise<core::Status> done;
  };
  void Loop();
  void Checkpoints();  // SQLite: moves WAL checkpoints off the writer's commits

  Database& db_;
  std::unique_ptr<soci::session> session_;  // the writer's own connection, reopened after a failure
  std::unique_ptr<StatementCache> cache_;   // its prepared statements (dropped before it closes)
  std::size_t max_batch_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::atomic<std::uint64_t> groups_{0};
  std::thread thread_;
  std::condition_variable stop_cv_;  // wakes the checkpointer to stop
  std::thread checkpointer_;         // SQLite only
};

}  // namespace tongxin::storage
