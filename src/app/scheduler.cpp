// Background job loop.
#include "app/scheduler.hpp"

#include <spdlog/spdlog.h>

namespace tongxin::app {

void Scheduler::Add(std::string name, Job job) { jobs_.emplace_back(std::move(name), std::move(job)); }

void Scheduler::Start() {
  if (interval_.count() <= 0 || thread_.joinable()) return;
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!stopping_) {
      lock.unlock();
      RunOnce();
      lock.lock();
      cv_.wait_for(lock, interval_, [&] { return stopping_; });
    }
  });
}

void Scheduler::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Scheduler::RunOnce() {
  std::lock_guard run(run_mu_);
  for (const auto& [name, job] : jobs_) {
    try {
      job();
    } catch (const std::exception& e) {
      spdlog::error("job {} failed: {}", name, e.what());
    }
  }
}

}  // namespace tongxin::app
