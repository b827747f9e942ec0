// Runs background jobs (reminders, alert notices, email delivery) one after another,
// every interval, on its own thread; never on the network or request threads. Jobs must
// be idempotent: several instances may run them at once. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tongxin::app {

class Scheduler {
 public:
  using Job = std::function<void()>;
  explicit Scheduler(std::chrono::seconds interval) : interval_(interval) {}
  ~Scheduler() { Stop(); }
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  void Add(std::string name, Job job);
  // Starts the thread (not when the interval is 0: tests call RunOnce).
  void Start();
  void Stop();
  // One pass over every job in the calling thread; waits for a pass in progress.
  void RunOnce();

 private:
  std::chrono::seconds interval_;
  std::vector<std::pair<std::string, Job>> jobs_;
  std::mutex run_mu_;  // one pass at a time
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tongxin::app
