// Group commit on SQLite and PostgreSQL: every unit answered after its commit, a failing
// unit rolled back alone.
#include "storage/group_writer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "storage/migrate.hpp"
#include "storage/query.hpp"
#include "support/test_env.hpp"

namespace tongxin::storage {
namespace {

class GroupWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(env_.url(), 4);
    ASSERT_TRUE(db);
    db_ = std::move(db.value());
    ASSERT_TRUE(Migrate(*db_));
  }
  std::int64_t Units() {
    return db_->WithSession([](soci::session& sql) -> core::Result<std::int64_t> {
                return Query("SELECT COUNT(*) FROM units").Scalar(sql);
              }).value();
  }
  tongxin::testing::TestDb env_;
  std::unique_ptr<Database> db_;
};

core::Status InsertUnit(soci::session& sql, const std::string& code) {
  Query("INSERT INTO units (code, name_zh, kind, created_at, updated_at) VALUES (:c, 'x', 'office', 't', 't')")
      .Bind("c", code)
      .Exec(sql);
  return {};
}

TEST_F(GroupWriterTest, ManyThreadsAllCommittedInFewerGroups) {
  GroupWriter writer(*db_);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        auto id = writer.Run<std::int64_t>([&](soci::session& sql) -> core::Result<std::int64_t> {
          if (auto st = InsertUnit(sql, "U" + std::to_string(t) + "_" + std::to_string(i)); !st) return st.error();
          return std::int64_t{1};
        });
        if (id) ++ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 400);
  EXPECT_EQ(Units(), 400);  // each answer came after its commit: all are visible now
  EXPECT_LE(writer.groups(), 400u);
}

TEST_F(GroupWriterTest, AFailingUnitIsRolledBackAlone) {
  GroupWriter writer(*db_);
  ASSERT_TRUE(writer.Submit([](soci::session& sql) { return InsertUnit(sql, "DUP"); }));
  auto failed = writer.Submit([](soci::session& sql) -> core::Status {
    InsertUnit(sql, "HALF");      // written, then undone with the unit
    return InsertUnit(sql, "DUP");  // unique violation: throws inside the unit
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, core::Errc::kConflict);
  auto refused = writer.Submit([](soci::session& sql) -> core::Status {
    InsertUnit(sql, "REFUSED");
    return core::MakeError(core::Errc::kInvalid, "validation.failed");
  });
  EXPECT_FALSE(refused);
  ASSERT_TRUE(writer.Submit([](soci::session& sql) { return InsertUnit(sql, "AFTER"); }));
  EXPECT_EQ(Units(), 2);  // DUP and AFTER
}

}  // namespace
}  // namespace tongxin::storage
