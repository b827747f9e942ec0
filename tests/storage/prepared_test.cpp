// Prepared statements on SQLite and PostgreSQL: reused from a connection's cache with new
// values each run, NULLs, RETURNING, rows read to the end; the group writer's bodies and
// the hot readers get the cache, other code a fresh statement.
#include "storage/prepared.hpp"

#include <gtest/gtest.h>

#include "storage/group_writer.hpp"
#include "storage/hot_readers.hpp"
#include "storage/migrate.hpp"
#include "storage/query.hpp"
#include "storage/rows.hpp"
#include "support/test_env.hpp"

namespace tongxin::storage {
namespace {

class PreparedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(env_.url(), 2);
    ASSERT_TRUE(db);
    db_ = std::move(db.value());
    ASSERT_TRUE(Migrate(*db_));
  }
  tongxin::testing::TestDb env_;
  std::unique_ptr<Database> db_;
};

constexpr const char* kInsert =
    "INSERT INTO units (code, name_zh, parent_id, kind, created_at, updated_at) VALUES (:c, :n, :p, 'office', 't', "
    "'t') RETURNING id";
constexpr const char* kByCode = "SELECT id, parent_id FROM units WHERE code LIKE :c ORDER BY code";

TEST_F(PreparedTest, CachedStatementsAreReusedWithNewValues) {
  auto conn = db_->Connect();
  ASSERT_TRUE(conn);
  soci::session& sql = **conn;
  StatementCache cache;
  InstallStatementCache(&sql, &cache);
  std::int64_t first = 0;
  for (int i = 0; i < 3; ++i) {
    auto st = Cached(sql, kInsert, "ssi");
    st->Set(0, "U" + std::to_string(i)).Set(1, "单位").Set(2, i == 0 ? std::nullopt : std::optional<std::int64_t>(first));
    ASSERT_TRUE(st->Run());
    const auto id = GetInt(st->Row(), 0);
    st->Finish();
    if (i == 0) first = id;
    EXPECT_GT(id, 0);
  }
  EXPECT_EQ(cache.size(), 1u);  // one statement, run three times
  auto st = Cached(sql, kByCode, "s");
  int rows = 0, nulls = 0;
  for (bool row = st->Set(0, "U%").Run(); row; row = st->Next()) {
    ++rows;
    nulls += st->Row().get_indicator(1) == soci::i_null ? 1 : 0;
  }
  EXPECT_EQ(rows, 3);
  EXPECT_EQ(nulls, 1);
  EXPECT_FALSE(st->Set(0, "none%").Run());  // the same statement again, no rows
  EXPECT_EQ(cache.size(), 2u);
  InstallStatementCache(nullptr, nullptr);
}

TEST_F(PreparedTest, WithoutACacheEachCallPreparesAFreshStatement) {
  auto made = db_->WithSession([](soci::session& sql) -> core::Result<std::int64_t> {
    auto a = Cached(sql, kByCode, "s");
    auto b = Cached(sql, kByCode, "s");
    // Two handles, two statements: nothing is shared or kept without a cache.
    EXPECT_TRUE(a.fresh());
    EXPECT_TRUE(b.fresh());
    EXPECT_NE(&*a, &*b);
    auto st = Cached(sql, kInsert, "ssi");
    EXPECT_TRUE(st.fresh());
    st->Set(0, "A").Set(1, "甲").Set(2, std::nullopt).Run();
    const auto id = GetInt(st->Row(), 0);
    st->Finish();
    return id;
  });
  ASSERT_TRUE(made) << made.error().reason;
  EXPECT_GT(*made, 0);
  // With a cache installed the same text gives the same statement, not a fresh one.
  auto conn = db_->Connect();
  ASSERT_TRUE(conn);
  StatementCache cache;
  InstallStatementCache(conn->get(), &cache);
  auto c1 = Cached(**conn, kByCode, "s");
  auto c2 = Cached(**conn, kByCode, "s");
  EXPECT_FALSE(c1.fresh());
  EXPECT_EQ(&*c1, &*c2);
  EXPECT_EQ(cache.size(), 1u);
  InstallStatementCache(nullptr, nullptr);
}

TEST_F(PreparedTest, GroupWriterAndHotReadersUseTheirCaches) {
  GroupWriter writer(*db_);
  for (int i = 0; i < 20; ++i) {
    auto st = writer.Submit([i](soci::session& sql) -> core::Status {
      auto ins = Cached(sql, kInsert, "ssi");
      ins->Set(0, "W" + std::to_string(i)).Set(1, "写").Set(2, std::nullopt).Run();
      ins->Finish();
      return {};
    });
    ASSERT_TRUE(st) << st.error().reason;
  }
  HotReaders readers(*db_, 2);
  for (int i = 0; i < 5; ++i) {
    auto n = readers.With([](soci::session& sql) -> core::Result<int> {
      auto st = Cached(sql, kByCode, "s");
      int rows = 0;
      for (bool row = st->Set(0, "W%").Run(); row; row = st->Next()) ++rows;
      return rows;
    });
    ASSERT_TRUE(n);
    EXPECT_EQ(*n, 20);
  }
  // A reader sees later commits: its cached statement kept no old snapshot open.
  auto st = writer.Submit([](soci::session& sql) -> core::Status {
    Query("INSERT INTO units (code, name_zh, kind, created_at, updated_at) VALUES ('W99', 'x', 'office', 't', 't')")
        .Exec(sql);
    return {};
  });
  ASSERT_TRUE(st);
  auto n = readers.With([](soci::session& sql) -> core::Result<int> {
    auto q = Cached(sql, kByCode, "s");
    int rows = 0;
    for (bool row = q->Set(0, "W%").Run(); row; row = q->Next()) ++rows;
    return rows;
  });
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 21);
  // A driver error inside is returned, and the reader reconnects for the next call.
  auto bad = readers.With([](soci::session& sql) -> core::Result<int> {
    auto q = Cached(sql, "SELECT no_such_column FROM units", "");
    q->Run();
    return 0;
  });
  EXPECT_FALSE(bad);
  EXPECT_TRUE(readers.With([](soci::session& sql) -> core::Result<int> {
    return static_cast<int>(Query("SELECT COUNT(*) FROM units").Scalar(sql));
  }));
}

}  // namespace
}  // namespace tongxin::storage
