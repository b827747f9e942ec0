// Check-ins survive a SIGKILL: every acknowledged report is stored, none twice.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "storage/database.hpp"
#include "storage/query.hpp"
#include "storage/rows.hpp"
#include "support/http_client.hpp"
#include "support/test_env.hpp"

namespace tongxin::testing {
namespace {

// Starts `tongxin serve` as a child process on a fixed free port; returns its pid.
pid_t StartServer(const std::string& db, int port, const std::string& log) {
  pid_t pid = fork();
  if (pid == 0) {
    std::freopen(log.c_str(), "a", stdout);
    std::freopen(log.c_str(), "a", stderr);
    setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
    execl(TONGXIN_BINARY, TONGXIN_BINARY, "serve", "--db", db.c_str(), "--port", std::to_string(port).c_str(),
          "--web-root", "/nonexistent", "--log-level", "warn", static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

bool WaitReady(int port) {
  for (int i = 0; i < 300; ++i) {
    try {
      HttpClient c("http://127.0.0.1:" + std::to_string(port));
      if (c.Get("/readyz").status == 200) return true;
    } catch (...) {
    }
    usleep(50 * 1000);
  }
  return false;
}

int FreePort() {
  static std::atomic<int> next{0};
  return 20000 + (getpid() % 20000) + next++;
}

TEST(DurabilityTest, AcknowledgedReportsSurviveSigkill) {
  TestDb db;
  const std::string dir = TempDir("tongxin_durability_");
  const std::string log = dir + "/server.log";
  const std::string quote = "'";
  ASSERT_EQ(std::system((std::string(TONGXIN_BINARY) + " demo --log-level warn --db " + quote + db.url() + quote +
                         " >/dev/null").c_str()),
            0);
  // 400 more people to report for.
  {
    std::ofstream csv(dir + "/people.csv");
    csv << "Latin name,Category\n";
    for (int i = 0; i < 400; ++i) csv << "Durable " << i << ",foreign_staff\n";
  }
  ASSERT_EQ(std::system((std::string(TONGXIN_BINARY) + " import people " + dir + "/people.csv --unit SIE --log-level warn --db " +
                         quote + db.url() + quote + " >/dev/null").c_str()),
            0);

  const int port = FreePort();
  pid_t pid = StartServer(db.url(), port, log);
  ASSERT_TRUE(WaitReady(port)) << "server did not start";
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  HttpClient office(base);
  ASSERT_EQ(office.Login("office", "Tongxin2020!").status, 200);
  auto people = office.Get("/api/v1/people?q=durable&page_size=200").Json().at("total").as_int64();
  ASSERT_EQ(people, 400);
  std::vector<std::int64_t> ids;
  for (int page = 1; page <= 2; ++page) {
    auto body = office.Get("/api/v1/people?q=durable&page_size=200&page=" + std::to_string(page)).Json();
    for (const auto& p : body.at("items").as_array()) ids.push_back(p.at("id").as_int64());
  }
  // A slot open all day, whatever time the test runs.
  auto slots = HttpClient(base);
  auto today = office.Get("/api/v1/health/today").Json().at("day").as_string();
  boost::json::array person_ids;
  for (auto id : ids) person_ids.push_back(id);
  auto plan = office.Post("/api/v1/health/plans",
                          {{"name", "all day"}, {"kind", "observation"}, {"start_date", today}, {"observation_days", 2},
                           {"person_ids", person_ids}, {"slots", {{{"name", "day"}, {"start", "00:00"}, {"end", "24:00"}}}}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  auto token = office.Post("/api/v1/auth/tokens", {{"name", "durability"}}).Json().at("token").as_string();

  std::mutex mu;
  std::set<std::int64_t> acknowledged;
  std::atomic<bool> stop{false};
  std::vector<std::thread> senders;
  for (int t = 0; t < 4; ++t) {
    senders.emplace_back([&, t] {
      HttpClient c(base);
      c.SetBearer(std::string(token));
      for (std::size_t i = t; i < ids.size() && !stop; i += 4) {
        try {
          auto res = c.Post("/api/v1/health/checkins/on-behalf",
                            {{"person_id", ids[i]}, {"temperature", 36.5}, {"method", "armpit"},
                             {"location", "campus"}, {"channel", "phone"}});
          if (res.status == 201) {
            std::lock_guard lock(mu);
            acknowledged.insert(ids[i]);
          }
        } catch (...) {
          return;  // the server is gone
        }
      }
    });
  }
  // Kill the server mid-stream, without warning.
  for (int i = 0; i < 400; ++i) {
    {
      std::lock_guard lock(mu);
      if (acknowledged.size() >= 100) break;
    }
    usleep(5 * 1000);
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  stop = true;
  for (auto& s : senders) s.join();
  ASSERT_GE(acknowledged.size(), 50u);

  // What the database holds now (a new process, as after a restart).
  pid = StartServer(db.url(), port, log);
  ASSERT_TRUE(WaitReady(port));
  auto opened = storage::Database::Open(db.url(), 1);
  ASSERT_TRUE(opened);
  std::map<std::int64_t, std::int64_t> stored;
  auto st = (*opened)->WithSession([&](soci::session& sql) -> core::Status {
    storage::Query q("SELECT person_id, COUNT(*), MAX(version) FROM health_checkins GROUP BY person_id");
    soci::rowset<soci::row> rs = q.Rows(sql);
    for (const auto& r : rs) {
      stored[storage::GetInt(r, 0)] = storage::GetInt(r, 1);
      EXPECT_EQ(storage::GetInt(r, 2), 1);  // never a second version
    }
    return {};
  });
  ASSERT_TRUE(st);
  for (auto id : acknowledged) {
    ASSERT_TRUE(stored.count(id)) << "acknowledged report of person " << id << " was lost";
    EXPECT_EQ(stored[id], 1);
  }
  EXPECT_GE(stored.size(), acknowledged.size());  // some may have committed unanswered
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
}

}  // namespace
}  // namespace tongxin::testing
