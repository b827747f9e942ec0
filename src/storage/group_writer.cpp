// Group commit.
#include "storage/group_writer.hpp"

#include <spdlog/spdlog.h>

#include <vector>

namespace tongxin::storage {
namespace {
constexpr int kWalFramesMax = 16384;  // 64 MiB of 4 KiB pages
}  // namespace

GroupWriter::GroupWriter(Database& db, std::size_t max_batch)
    : db_(db), max_batch_(max_batch), thread_([this] { Loop(); }) {
  if (db_.dialect() == Dialect::kSqlite) checkpointer_ = std::thread([this] { Checkpoints(); });
}

void GroupWriter::Checkpoints() {
  std::unique_ptr<soci::session> sql;
  std::unique_lock lock(mu_);
  while (!stopping_) {
    stop_cv_.wait_for(lock, std::chrono::milliseconds(500), [&] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    try {
      if (!sql) {
        if (auto s = db_.Connect()) sql = std::move(s.value());
      }
      // PASSIVE copies what it can without waiting for readers or blocking the writer.
      // Under constant load that never lets the log start over, so once it passes
      // kWalFramesMax a TRUNCATE checkpoint waits for readers to move on (holding new
      // writes back briefly) and empties it.
      if (sql) {
        int busy = 0, frames = 0, done = 0;
        *sql << "PRAGMA wal_checkpoint(PASSIVE)", soci::into(busy), soci::into(frames), soci::into(done);
        if (frames > kWalFramesMax) *sql << "PRAGMA wal_checkpoint(TRUNCATE)", soci::into(busy), soci::into(frames),
            soci::into(done);
      }
    } catch (const std::exception& e) {
      spdlog::warn("WAL checkpoint failed: {}", e.what());
      sql.reset();
    }
    lock.lock();
  }
}

GroupWriter::~GroupWriter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  stop_cv_.notify_all();
  thread_.join();
  if (checkpointer_.joinable()) checkpointer_.join();
}

core::Status GroupWriter::Submit(std::function<core::Status(soci::session&)> body) {
  Job job{std::move(body), {}};
  auto result = job.done.get_future();
  {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(job));
  }
  cv_.notify_one();
  return result.get();
}

void GroupWriter::Loop() {
  for (;;) {
    std::vector<Job> batch;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    std::vector<core::Status> results(batch.size());
    if (!session_) {
      auto s = db_.Connect();
      if (!s) {
        for (auto& job : batch) job.done.set_value(s.error());
        continue;
      }
      session_ = std::move(s.value());
      cache_ = std::make_unique<StatementCache>();
      // The checkpointer thread does this connection's checkpoints.
      if (db_.dialect() == Dialect::kSqlite) *session_ << "PRAGMA wal_autocheckpoint=0";
    }
    InstallStatementCache(session_.get(), cache_.get());
    auto run = [&](soci::session& sql) -> core::Status {
      WriteTx tx(sql, db_);
      for (std::size_t i = 0; i < batch.size(); ++i) {
        Cached(sql, "SAVEPOINT unit", "")->Run();
        try {
          results[i] = batch[i].body(sql);
        } catch (const soci::soci_error& e) {
          results[i] = TranslateDbError(e);
        } catch (const std::exception& e) {
          results[i] = core::Internal(e.what());
        }
        if (!results[i]) Cached(sql, "ROLLBACK TO SAVEPOINT unit", "")->Run();
        Cached(sql, "RELEASE SAVEPOINT unit", "")->Run();
      }
      tx.Commit();
      return {};
    };
    core::Status committed;
    try {
      committed = run(*session_);
    } catch (const soci::soci_error& e) {
      committed = TranslateDbError(e);
    }
    InstallStatementCache(nullptr, nullptr);
    if (!committed) {  // reconnect before the next group
      cache_.reset();
      session_.reset();
    }
    groups_++;
    for (std::size_t i = 0; i < batch.size(); ++i) batch[i].done.set_value(committed ? results[i] : committed);
  }
}

}  // namespace tongxin::storage
