// Rules for units and people: data scope, uniqueness of ID numbers, archive instead of
// delete, optimistic concurrency, audit of every write and of identifier reads.
// Thread-safe; blocks on the database.
#pragma once

#include <functional>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/local_time.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/people/people_repo.hpp"
#include "storage/database.hpp"

namespace tongxin::people {

class PeopleService {
 public:
  // time_zone: the office's; Today() and export file names use its local day.
  PeopleService(storage::Database& db, const core::Clock& clock, std::string time_zone = "Asia/Shanghai")
      : db_(db), clock_(clock), time_zone_(std::move(time_zone)) {}

  // Called in the transaction of every change to people (created, edited, archived,
  // restored, imported) with their ids; health monitoring keeps today's roster in step.
  using ChangeHook = std::function<core::Status(soci::session&, const std::vector<std::int64_t>&)>;
  void OnPeopleChanged(ChangeHook hook) { on_changed_ = std::move(hook); }
  core::Status PeopleChanged(soci::session& sql, const std::vector<std::int64_t>& ids) {
    return on_changed_ ? on_changed_(sql, ids) : core::Status{};
  }

  // Units visible to `who`: units in scope plus their ancestors (so the tree can be drawn).
  core::Result<std::vector<Unit>> ListUnits(const core::Principal& who);
  // Errors: units.not_found (parent), units.code_taken (409), auth.out_of_scope (403).
  core::Result<Unit> CreateUnit(const core::Principal& who, const UnitInput& in, const auth::Actor& actor);
  // The same inside the caller's transaction (imports that add buildings).
  core::Result<Unit> CreateUnitOn(soci::session& sql, const core::Principal& who, const UnitInput& in,
                                  const auth::Actor& actor);
  // Errors: as CreateUnit, units.cycle when moved under itself.
  core::Result<Unit> UpdateUnit(const core::Principal& who, std::int64_t id, const UnitInput& in,
                                const auth::Actor& actor);
  // Only empty units can be deleted (units.has_children, 409); others are archived.
  core::Status DeleteUnit(const core::Principal& who, std::int64_t id, const auth::Actor& actor);

  // Filter unit_id: a unit whose subtree to list (must be in scope).
  core::Result<core::Page<PersonRow>> ListPeople(const core::Principal& who, PersonFilter filter,
                                                        std::int64_t unit_id, const core::PageRequest& page);
  // Streams the people an export contains (same filter and scope as ListPeople); returns
  // how many were written.
  core::Result<std::int64_t> ForEachPerson(const core::Principal& who, PersonFilter filter, std::int64_t unit_id,
                                           std::int64_t limit, const std::function<void(const PersonRow&)>& fn);
  // Records that `rows` people were exported (format, whether identifiers were unmasked,
  // the query that chose them) in the audit log.
  core::Status RecordExport(const auth::Actor& actor, std::int64_t rows, bool reveal, const std::string& format,
                            const std::string& query);
  // Reads are audited when identifiers are shown unmasked. Errors: people.not_found,
  // auth.out_of_scope.
  core::Result<PersonRow> GetPerson(const core::Principal& who, std::int64_t id, const auth::Actor& actor);
  // Errors: field errors, units.not_found, people.duplicate_id_number (409), auth.out_of_scope.
  core::Result<PersonRow> CreatePerson(const core::Principal& who, const PersonInput& in,
                                             const auth::Actor& actor);
  // Errors: as CreatePerson, people.archived (409), people.stale (409) on a version mismatch.
  core::Result<PersonRow> UpdatePerson(const core::Principal& who, std::int64_t id, const PersonInput& in,
                                             const auth::Actor& actor);
  core::Result<PersonRow> SetArchived(const core::Principal& who, std::int64_t id, bool archived,
                                            const auth::Actor& actor);

  // Inserts people inside the caller's transaction (imports); checks scope and uniqueness.
  core::Result<std::int64_t> InsertChecked(soci::session& sql, const core::Principal& who, Person p,
                                           const auth::Actor& actor);
  storage::Database& db() { return db_; }
  std::string Now() const { return core::FormatIso(clock_.Now()); }
  std::string Today() const { return core::LocalDay(clock_.Now(), time_zone_); }

 private:
  core::Status CheckUnitInScope(soci::session& sql, const core::Principal& who, std::int64_t unit_id,
                                const std::string& field);
  core::Status CheckUniqueId(soci::session& sql, const Person& p);

  storage::Database& db_;
  const core::Clock& clock_;
  std::string time_zone_;
  ChangeHook on_changed_;
};

}  // namespace tongxin::people
