// Storage behaviour, run on SQLite and (in make test) again on PostgreSQL.
#include "storage/database.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/migrate.hpp"
#include "storage/migrations_data.hpp"
#include "storage/query.hpp"
#include "storage/rows.hpp"
#include "support/test_env.hpp"

namespace tongxin::storage {
namespace {

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(env_.url(), 2);
    ASSERT_TRUE(db) << db.error().log;
    db_ = std::move(db.value());
    auto n = Migrate(*db_);
    ASSERT_TRUE(n) << n.error().log;
    ASSERT_EQ(*n, Applicable());
  }

  // The migrations of this database's dialect (one file per dialect where they differ).
  int Applicable() const {
    int n = 0;
    for (const auto& m : EmbeddedMigrations()) n += ForThisDialect(m.name, db_->dialect()) ? 1 : 0;
    return n;
  }

  std::int64_t Count(const std::string& table) {
    return db_->WithSession([&](soci::session& sql) -> core::Result<std::int64_t> {
                return Query("SELECT COUNT(*) FROM " + table).Scalar(sql);
              }).value();
  }

  tongxin::testing::TestDb env_;
  std::unique_ptr<Database> db_;
};

TEST_F(DatabaseTest, DialectMatchesUrl) {
  EXPECT_EQ(db_->dialect(), env_.postgres() ? Dialect::kPostgres : Dialect::kSqlite);
  EXPECT_TRUE(db_->Ping());
}

TEST_F(DatabaseTest, MigrationsAreAppliedOnce) {
  auto again = Migrate(*db_);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(Count("schema_migrations"), Applicable());
}

TEST_F(DatabaseTest, UniqueViolationBecomesConflict) {
  auto insert = [&] {
    return db_->InTransaction([&](soci::session& sql) -> core::Status {
      Query("INSERT INTO units (code, name_zh, kind, created_at, updated_at) VALUES ('X', '甲', 'office', 't', 't')")
          .Exec(sql);
      return {};
    });
  };
  ASSERT_TRUE(insert());
  auto second = insert();
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, core::Errc::kConflict);
  EXPECT_EQ(second.error().reason, "db.conflict");
}

TEST_F(DatabaseTest, ForeignKeyViolationBecomesConflict) {
  auto st = db_->InTransaction([&](soci::session& sql) -> core::Status {
    Query("INSERT INTO people (unit_id, category, created_at, updated_at) VALUES (999, 'staff', 't', 't')").Exec(sql);
    return {};
  });
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, core::Errc::kConflict);
}

TEST_F(DatabaseTest, FailedResultRollsBackEveryWrite) {
  auto st = db_->InTransaction([&](soci::session& sql) -> core::Status {
    Query("INSERT INTO units (code, name_zh, kind, created_at, updated_at) VALUES ('A', '甲', 'office', 't', 't')")
        .Exec(sql);
    return core::MakeError(core::Errc::kInvalid, "validation.failed");
  });
  ASSERT_FALSE(st);
  EXPECT_EQ(Count("units"), 0);
}

TEST_F(DatabaseTest, ExceptionRollsBackEveryWrite) {
  auto st = db_->InTransaction([&](soci::session& sql) -> core::Status {
    Query("INSERT INTO units (code, name_zh, kind, created_at, updated_at) VALUES ('A', '甲', 'office', 't', 't')")
        .Exec(sql);
    Query("INSERT INTO no_such_table VALUES (1)").Exec(sql);
    return {};
  });
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, core::Errc::kInternal);
  EXPECT_EQ(Count("units"), 0);
}

// SQLite's busy handler polls, so a writer could starve behind a run of others; the
// process's writers take turns instead: one that asks again goes behind those waiting.
TEST_F(DatabaseTest, SqliteWritersTakeTurnsInTheOrderTheyAsked) {
  if (db_->dialect() != Dialect::kSqlite) GTEST_SKIP() << "PostgreSQL writers do not wait for one another's turn";
  std::mutex mu;
  std::vector<std::string> order;
  auto note = [&](const std::string& who) {
    std::lock_guard lock(mu);
    order.push_back(who);
  };
  std::promise<void> first_in;
  std::thread a([&] {
    auto one = db_->InTransaction([&](soci::session& sql) -> core::Status {
      first_in.set_value();
      while (db_->writers_waiting() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      Query("INSERT INTO units (code, name_zh, kind, created_at, updated_at) VALUES ('A1', '甲', 'office', 't', 't')").Exec(sql);
      note("a1");
      return {};
    });
    EXPECT_TRUE(one.ok());
    // At once again: behind the one waiting.
    auto two = db_->InTransaction([&](soci::session& sql) -> core::Status {
      Query("INSERT INTO units (code, name_zh, kind, created_at, updated_at) VALUES ('A2', '甲', 'office', 't', 't')").Exec(sql);
      note("a2");
      return {};
    });
    EXPECT_TRUE(two.ok());
  });
  first_in.get_future().wait();
  std::thread b([&] {
    auto r = db_->InTransaction([&](soci::session& sql) -> core::Status {
      Query("INSERT INTO units (code, name_zh, kind, created_at, updated_at) VALUES ('B', '乙', 'office', 't', 't')").Exec(sql);
      note("b");
      return {};
    });
    EXPECT_TRUE(r.ok());
  });
  a.join();
  b.join();
  EXPECT_EQ(order, (std::vector<std::string>{"a1", "b", "a2"}));
  EXPECT_EQ(db_->writers_waiting(), 0u);
}

TEST_F(DatabaseTest, AnAuditedReadLetsWritersGoOnAndGivesItsResultOnlyWhenRecorded) {
  auto count = [&](soci::session& sql, const char* code) {
    return Query("SELECT COUNT(*) FROM units WHERE code = :c").Bind("c", code).Scalar(sql);
  };
  // A writer on another thread commits while the read is under way: the read holds no
  // write lock (it would wait out the busy timeout on SQLite otherwise).
  auto read = db_->ReadThenRecord(
      [&](soci::session& sql) -> core::Result<std::int64_t> {
        std::thread writer([&] {
          auto w = db_->InTransaction([&](soci::session& s) -> core::Status {
            Query("INSERT INTO units (code, name_zh, kind, created_at, updated_at) VALUES ('W', '写', 'office', 't', 't')")
                .Exec(s);
            return {};
          });
          EXPECT_TRUE(w.ok());
        });
        writer.join();
        return count(sql, "W");
      },
      [&](soci::session& sql, const std::int64_t& seen) -> core::Status {
        Query("INSERT INTO units (code, name_zh, kind, created_at, updated_at) VALUES ('R', :n, 'office', 't', 't')")
            .Bind("n", std::to_string(seen))
            .Exec(sql);
        return {};
      });
  ASSERT_TRUE(read.ok()) << read.error().reason;
  EXPECT_EQ(*read, 1);
  // The record failing withholds the result; a read failing records nothing.
  auto refused = db_->ReadThenRecord([&](soci::session& sql) -> core::Result<std::int64_t> { return count(sql, "R"); },
                                     [&](soci::session&, const std::int64_t&) -> core::Status {
                                       return core::Forbidden("auth.forbidden");
                                     });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "auth.forbidden");
  bool recorded = false;
  auto missing = db_->ReadThenRecord(
      [&](soci::session&) -> core::Result<std::int64_t> { return core::NotFound("units.not_found"); },
      [&](soci::session&, const std::int64_t&) -> core::Status {
        recorded = true;
        return {};
      });
  EXPECT_FALSE(missing.ok());
  EXPECT_FALSE(recorded);
  auto units = db_->WithSession([&](soci::session& sql) -> core::Result<std::int64_t> { return count(sql, "R"); });
  EXPECT_EQ(*units, 1);
}

TEST_F(DatabaseTest, QueryBindsTextSafelyAndReturnsIds) {
  auto id = db_->InTransaction([&](soci::session& sql) -> core::Result<std::int64_t> {
    return Query("INSERT INTO units (code, name_zh, kind, created_at, updated_at) VALUES (:c, :n, 'office', 't', 't') "
                 "RETURNING id")
        .Bind("c", "O'Brien; DROP TABLE units; --")
        .Bind("n", "国际处")
        .Scalar(sql);
  });
  ASSERT_TRUE(id) << id.error().log;
  EXPECT_GT(*id, 0);
  auto name = db_->WithSession([&](soci::session& sql) -> core::Result<std::string> {
    soci::rowset<soci::row> rs = Query("SELECT code, name_zh FROM units WHERE id = :id").Bind("id", *id).Rows(sql);
    for (const auto& r : rs) return GetStr(r, "code") + "|" + GetStr(r, "name_zh");
    return std::string();
  });
  EXPECT_EQ(*name, "O'Brien; DROP TABLE units; --|国际处");
}

TEST_F(DatabaseTest, BackupIsSqliteOnly) {
  const std::string target = tongxin::testing::TempDir("tongxin_backup_") + "/copy.db";
  auto st = db_->BackupTo(target);
  if (env_.postgres()) {
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().reason, "backup.postgres_use_pg_dump");
  } else {
    ASSERT_TRUE(st) << st.error().log;
    auto copy = Database::Open("sqlite:" + target, 1);
    ASSERT_TRUE(copy);
    auto n = (*copy)->WithSession([](soci::session& sql) -> core::Result<std::int64_t> {
      return Query("SELECT COUNT(*) FROM schema_migrations").Scalar(sql);
    });
    EXPECT_EQ(*n, Applicable());
    EXPECT_EQ(db_->BackupTo(target).error().reason, "backup.target_exists");
  }
}

TEST(DatabaseOpenTest, UnknownUrlIsInvalid) {
  auto db = Database::Open("mysql://x", 1);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code, core::Errc::kInvalid);
}

TEST(DatabaseOpenTest, UnreachablePostgresIsUnavailable) {
  auto db = Database::Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", 1);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().code, core::Errc::kUnavailable);
}

TEST_F(DatabaseTest, DriverErrorsAreLoggedWithoutTheValuesBound) {
  auto insert = [&](const std::string& code) {
    return db_->InTransaction([&](soci::session& sql) -> core::Status {
      Query("INSERT INTO units (code, name_zh, kind, created_at, updated_at) VALUES (:c, '甲', 'office', 't', 't')")
          .Bind("c", code)
          .Exec(sql);
      return {};
    });
  };
  ASSERT_TRUE(insert("E1234567-PASSPORT"));
  auto second = insert("E1234567-PASSPORT");
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().reason, "db.conflict");
  EXPECT_FALSE(second.error().log.empty());
  EXPECT_EQ(second.error().log.find("E1234567"), std::string::npos) << second.error().log;
}

TEST(DatabaseFileTest, ANewSqliteFileAndFolderAreTheOwnersOnly) {
  namespace fs = std::filesystem;
  const std::string dir = tongxin::testing::TempDir("tongxin_perm_") + "/data/inner";
  auto db = Database::Open("sqlite:" + dir + "/t.db", 1);
  ASSERT_TRUE(db);
  ASSERT_TRUE(Migrate(**db));
  const auto file = fs::status(dir + "/t.db").permissions();
  EXPECT_EQ(file & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
  EXPECT_EQ(fs::status(dir).permissions() & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
  const std::string wal = dir + "/t.db-wal";
  if (fs::exists(wal)) {
    EXPECT_EQ(fs::status(wal).permissions() & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
  }
  fs::remove_all(fs::path(dir).parent_path().parent_path());
}

}  // namespace
}  // namespace tongxin::storage
