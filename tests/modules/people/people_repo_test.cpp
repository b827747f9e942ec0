// People and unit storage through the service, on SQLite and PostgreSQL.
#include "modules/people/people_repo.hpp"

#include <gtest/gtest.h>

#include "modules/people/people_service.hpp"
#include "storage/migrate.hpp"
#include "support/test_server.hpp"

namespace tongxin::people {
namespace {

class PeopleRepoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = storage::Database::Open(env_.url(), 2);
    ASSERT_TRUE(db);
    db_ = std::move(db.value());
    ASSERT_TRUE(storage::Migrate(*db_));
    service_ = std::make_unique<PeopleService>(*db_, clock_);
    admin_.all_units = true;
    admin_.role = core::Role::kAdmin;
    root_ = MakeUnit("ROOT", std::nullopt);
    a_ = MakeUnit("A", root_.id);
    a1_ = MakeUnit("A1", a_.id);
    b_ = MakeUnit("B", root_.id);
  }

  Unit MakeUnit(const std::string& code, std::optional<std::int64_t> parent) {
    UnitInput in;
    in.code = code;
    in.name_zh = "单位" + code;
    in.kind = "office";
    in.parent_id = parent;
    auto u = service_->CreateUnit(admin_, in, actor_);
    EXPECT_TRUE(u) << u.error().reason;
    return *u;
  }

  std::int64_t MakePerson(const std::string& name, std::int64_t unit, const std::string& id_number = "") {
    PersonInput in;
    in.unit_id = unit;
    in.name_latin = name;
    in.category = "foreign_staff";
    if (!id_number.empty()) in.id_number = id_number;
    auto p = service_->CreatePerson(admin_, in, actor_);
    EXPECT_TRUE(p) << p.error().reason;
    return p ? p->person.id : 0;
  }

  tongxin::testing::TestDb env_;
  tongxin::testing::FakeClock clock_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<PeopleService> service_;
  core::Principal admin_;
  auth::Actor actor_;
  Unit root_, a_, a1_, b_;
};

TEST_F(PeopleRepoTest, UnitPathsFollowTheTree) {
  EXPECT_EQ(a1_.path, "/" + std::to_string(root_.id) + "/" + std::to_string(a_.id) + "/" + std::to_string(a1_.id) + "/");
}

TEST_F(PeopleRepoTest, MovingAUnitRewritesItsSubtree) {
  UnitInput move;
  move.parent_set = true;
  move.parent_id = b_.id;
  auto moved = service_->UpdateUnit(admin_, a_.id, move, actor_);
  ASSERT_TRUE(moved) << moved.error().log;
  auto units = service_->ListUnits(admin_);
  ASSERT_TRUE(units);
  for (const auto& u : *units) {
    if (u.id == a1_.id) {
      EXPECT_EQ(u.path, b_.path + std::to_string(a_.id) + "/" + std::to_string(a1_.id) + "/");
    }
  }
  UnitInput cycle;
  cycle.parent_set = true;
  cycle.parent_id = a1_.id;
  auto bad = service_->UpdateUnit(admin_, a_.id, cycle, actor_);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().reason, "units.cycle");
}

TEST_F(PeopleRepoTest, ScopeLimitsTheList) {
  MakePerson("Alice", a1_.id);
  MakePerson("Bob", b_.id);
  core::Principal scoped;
  scoped.role = core::Role::kDepartment;
  scoped.scope_paths = {a_.path};
  auto page = service_->ListPeople(scoped, {}, 0, {1, 20});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->items[0].person.name_latin, "Alice");
  core::Principal none;
  none.role = core::Role::kDepartment;
  EXPECT_EQ(service_->ListPeople(none, {}, 0, {1, 20})->total, 0);
}

TEST_F(PeopleRepoTest, SearchSortAndPaging) {
  for (int i = 0; i < 25; ++i) MakePerson("Person " + std::string(1, static_cast<char>('A' + i)), a_.id);
  MakePerson("Zoë 100%", b_.id, "P100");
  PersonFilter f;
  f.q = "person";
  auto first = service_->ListPeople(admin_, f, 0, {1, 10});
  ASSERT_TRUE(first);
  EXPECT_EQ(first->total, 25);
  EXPECT_EQ(first->items.size(), 10u);
  EXPECT_EQ(first->items[0].person.name_latin, "Person A");
  f.descending = true;
  auto last = service_->ListPeople(admin_, f, 0, {3, 10});
  EXPECT_EQ(last->items.size(), 5u);
  EXPECT_EQ(last->items.back().person.name_latin, "Person A");
  PersonFilter pct;
  pct.q = "100%";  // % is literal, not a wildcard
  EXPECT_EQ(service_->ListPeople(admin_, pct, 0, {1, 10})->total, 1);
  PersonFilter id;
  id.q = "p100";
  EXPECT_EQ(service_->ListPeople(admin_, id, 0, {1, 10})->total, 1);
  EXPECT_EQ(service_->ListPeople(admin_, {}, b_.id, {1, 10})->total, 1);
}

TEST_F(PeopleRepoTest, SearchMatchesIdentifiersOnlyForRolesThatSeeThemUnmasked) {
  PersonInput in;
  in.unit_id = a_.id;
  in.name_zh = "王芳";
  in.name_latin = "Wang Fang";
  in.category = "staff";
  in.id_number = "420106198001011234";
  in.phone = "13807131234";
  in.email = "fang.wang@example.edu";
  ASSERT_TRUE(service_->CreatePerson(admin_, in, actor_));
  MakePerson("Someone Else", a_.id);
  core::Principal department;  // sees phones and ID numbers masked
  department.role = core::Role::kDepartment;
  department.scope_paths = {root_.path};
  core::Principal office = department;
  office.role = core::Role::kOffice;
  auto total = [&](const core::Principal& who, const std::string& q) {
    PersonFilter f;
    f.q = q;
    auto page = service_->ListPeople(who, f, 0, {1, 10});
    EXPECT_TRUE(page);
    return page ? page->total : -1;
  };
  for (const std::string q : {"0713", "13807131234", "19800101", "420106198001011234"}) {
    EXPECT_EQ(total(department, q), 0) << q;  // a masked field cannot be probed
    EXPECT_EQ(total(office, q), 1) << q;
  }
  for (const std::string q : {"王芳", "王", "wang f", "FANG", "example.edu", "ng Fa"}) {
    EXPECT_EQ(total(department, q), 1) << q;
    EXPECT_EQ(total(office, q), 1) << q;
  }
  // Edits keep the index in step.
  auto row = service_->ListPeople(admin_, {}, 0, {1, 10});
  ASSERT_TRUE(row);
  PersonInput rename;
  rename.name_latin = "Wang Xiaofang";
  for (const auto& r : row->items) {
    if (r.person.name_zh != "王芳") continue;
    ASSERT_TRUE(service_->UpdatePerson(admin_, r.person.id, rename, actor_));
  }
  EXPECT_EQ(total(department, "xiaofang"), 1);
  EXPECT_EQ(total(department, "wang fang"), 0);
}

TEST_F(PeopleRepoTest, DuplicateIdNumbersAreRefused) {
  MakePerson("One", a_.id, "E1234567");
  PersonInput in;
  in.unit_id = b_.id;
  in.name_latin = "Two";
  in.category = "staff";
  in.id_number = "e1234567";
  auto dup = service_->CreatePerson(admin_, in, actor_);
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().reason, "people.duplicate_id_number");
}

TEST_F(PeopleRepoTest, StaleVersionIsAConflict) {
  auto id = MakePerson("Versioned", a_.id);
  PersonInput edit;
  edit.notes = "first";
  edit.version = 1;
  ASSERT_TRUE(service_->UpdatePerson(admin_, id, edit, actor_));
  edit.notes = "second";
  auto stale = service_->UpdatePerson(admin_, id, edit, actor_);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().reason, "people.stale");
}

}  // namespace
}  // namespace tongxin::people
