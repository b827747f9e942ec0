// Group commit.
#include "storage/group_writer.hpp"

#include <spdlog/spdlog.h>

#include <vector>

namespace tongxin::storage {

GroupWriter::GroupWriter(Database& db, std::size_t max_batch)
    : db_(db), max_batch_(max_batch), thread_([this] { Loop(); }) {}

GroupWriter::~GroupWriter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
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
    }
    auto run = [&](soci::session& sql) -> core::Status {
      WriteTx tx(sql, db_.dialect());
      for (std::size_t i = 0; i < batch.size(); ++i) {
        sql << "SAVEPOINT unit";
        try {
          results[i] = batch[i].body(sql);
        } catch (const soci::soci_error& e) {
          results[i] = TranslateDbError(e);
        } catch (const std::exception& e) {
          results[i] = core::Internal(e.what());
        }
        if (!results[i]) sql << "ROLLBACK TO SAVEPOINT unit";
        sql << "RELEASE SAVEPOINT unit";
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
    if (!committed) session_.reset();  // reconnect before the next group
    groups_++;
    for (std::size_t i = 0; i < batch.size(); ++i) batch[i].done.set_value(committed ? results[i] : committed);
  }
}

}  // namespace tongxin::storage
