// People and unit rules.
#include "modules/people/people_service.hpp"

#include <boost/json.hpp>
#include <set>

namespace tongxin::people {
namespace {

std::string UnitAuditJson(const Unit& u) { return boost::json::serialize(UnitToJson(u)); }

}  // namespace

core::Status PeopleService::CheckUnitInScope(soci::session& sql, const core::Principal& who, std::int64_t unit_id,
                                             const std::string& field) {
  auto unit = repo::FindUnit(sql, unit_id);
  if (!unit) return core::FieldInvalid(field, "units.not_found");
  if (!who.InScope(unit->path)) return core::Forbidden("auth.out_of_scope");
  return {};
}

core::Status PeopleService::CheckUniqueId(soci::session& sql, const Person& p) {
  if (p.id_number.empty()) return {};
  if (repo::FindByIdNumber(sql, p.id_type, p.id_number, p.id)) {
    core::Error e = core::Conflict("people.duplicate_id_number", {{"field", "id_number"}, {"id_number", p.id_number}});
    return e;
  }
  return {};
}

core::Result<std::vector<Unit>> PeopleService::ListUnits(const core::Principal& who) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<Unit>> {
    auto all = repo::ListUnits(sql);
    if (who.all_units) return all;
    // Keep units in scope and the ancestors of scope roots.
    std::set<std::string> ancestors;
    for (const auto& p : who.scope_paths) {
      for (std::size_t pos = p.find('/', 1); pos != std::string::npos; pos = p.find('/', pos + 1)) {
        ancestors.insert(p.substr(0, pos + 1));
      }
    }
    std::vector<Unit> out;
    for (auto& u : all) {
      if (who.InScope(u.path) || ancestors.count(u.path)) out.push_back(std::move(u));
    }
    return out;
  });
}

core::Result<Unit> PeopleService::CreateUnit(const core::Principal& who, const UnitInput& in,
                                             const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) { return CreateUnitOn(sql, who, in, actor); });
}

core::Result<Unit> PeopleService::CreateUnitOn(soci::session& sql, const core::Principal& who, const UnitInput& in,
                                               const auth::Actor& actor) {
  if (in.parent_id) {
    TX_CHECK(CheckUnitInScope(sql, who, *in.parent_id, "parent_id"));
  } else if (!who.all_units) {
    return core::Forbidden("auth.out_of_scope");  // only admins add top-level units
  }
  if (repo::FindUnitByCode(sql, *in.code)) {
    return core::Conflict("units.code_taken", {{"field", "code"}, {"code", *in.code}});
  }
  Unit u;
  u.parent_id = in.parent_id;
  u.code = *in.code;
  u.name_zh = *in.name_zh;
  u.name_en = in.name_en.value_or("");
  u.kind = *in.kind;
  u.sort_order = static_cast<int>(in.sort_order.value_or(0));
  u.archived = in.archived.value_or(false);
  u.created_at = u.updated_at = Now();
  repo::InsertUnit(sql, u);
  auth::RecordAudit(sql, actor, u.created_at, "create", "unit", std::to_string(u.id), "", UnitAuditJson(u));
  return u;
}

core::Result<Unit> PeopleService::UpdateUnit(const core::Principal& who, std::int64_t id, const UnitInput& in,
                                             const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Unit> {
    auto before = repo::FindUnit(sql, id);
    if (!before) return core::NotFound("units.not_found");
    if (!who.InScope(before->path)) return core::Forbidden("auth.out_of_scope");
    Unit after = *before;
    if (in.parent_set && in.parent_id != before->parent_id) {
      if (!in.parent_id) {
        if (!who.all_units) return core::Forbidden("auth.out_of_scope");
      } else {
        auto parent = repo::FindUnit(sql, *in.parent_id);
        if (!parent) return core::FieldInvalid("parent_id", "units.not_found");
        if (parent->path.rfind(before->path, 0) == 0) return core::FieldInvalid("parent_id", "units.cycle");
        if (!who.InScope(parent->path)) return core::Forbidden("auth.out_of_scope");
      }
      after.parent_id = in.parent_id;
    }
    if (in.code && *in.code != before->code) {
      if (repo::FindUnitByCode(sql, *in.code)) {
        return core::Conflict("units.code_taken", {{"field", "code"}, {"code", *in.code}});
      }
      after.code = *in.code;
    }
    if (in.name_zh) after.name_zh = *in.name_zh;
    if (in.name_en) after.name_en = *in.name_en;
    if (in.kind) after.kind = *in.kind;
    if (in.sort_order) after.sort_order = static_cast<int>(*in.sort_order);
    if (in.archived) after.archived = *in.archived;
    after.updated_at = Now();
    repo::UpdateUnit(sql, *before, after);
    auth::RecordAudit(sql, actor, after.updated_at, "update", "unit", std::to_string(id), UnitAuditJson(*before),
                      UnitAuditJson(after));
    return after;
  });
}

core::Status PeopleService::DeleteUnit(const core::Principal& who, std::int64_t id, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    auto u = repo::FindUnit(sql, id);
    if (!u) return core::NotFound("units.not_found");
    if (!who.InScope(u->path)) return core::Forbidden("auth.out_of_scope");
    if (repo::CountChildren(sql, id) > 0 || repo::CountPeopleIn(sql, id) > 0) return core::Conflict("units.has_children");
    repo::DeleteUnit(sql, id);
    auth::RecordAudit(sql, actor, Now(), "delete", "unit", std::to_string(id), UnitAuditJson(*u), "");
    return {};
  });
}

core::Result<core::Page<PersonRow>> PeopleService::ListPeople(const core::Principal& who,
                                                                     PersonFilter filter, std::int64_t unit_id,
                                                                     const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<PersonRow>> {
    if (unit_id > 0) {
      auto unit = repo::FindUnit(sql, unit_id);
      if (!unit) return core::FieldInvalid("unit_id", "units.not_found");
      if (!who.InScope(unit->path)) return core::Forbidden("auth.out_of_scope");
      filter.unit_path = unit->path;
    }
    return repo::ListPeople(sql, who, filter, page);
  });
}

core::Result<std::int64_t> PeopleService::ForEachPerson(const core::Principal& who, PersonFilter filter,
                                                        std::int64_t unit_id, std::int64_t limit,
                                                        const std::function<void(const PersonRow&)>& fn) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::int64_t> {
    if (unit_id > 0) {
      auto unit = repo::FindUnit(sql, unit_id);
      if (!unit) return core::FieldInvalid("unit_id", "units.not_found");
      if (!who.InScope(unit->path)) return core::Forbidden("auth.out_of_scope");
      filter.unit_path = unit->path;
    }
    return repo::ForEachPerson(sql, who, filter, limit, fn);
  });
}

core::Status PeopleService::RecordExport(const auth::Actor& actor, std::int64_t rows, bool reveal,
                                         const std::string& format, const std::string& query) {
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    const boost::json::object what{
        {"format", format}, {"rows", rows}, {"identifiers", reveal ? "full" : "masked"}, {"query", query}};
    auth::RecordAudit(sql, actor, Now(), "export", "person", "", "", boost::json::serialize(what));
    return {};
  });
}

core::Result<PersonRow> PeopleService::GetPerson(const core::Principal& who, std::int64_t id,
                                                       const auth::Actor& actor) {
  auto found = db_.WithSession([&](soci::session& sql) -> core::Result<PersonRow> {
    auto row = repo::FindPerson(sql, id);
    if (!row) return core::NotFound("people.not_found");
    const bool own = who.person_id && *who.person_id == id;
    if (!own && (who.role == core::Role::kForeignStaff || !who.InScope(row->unit_path))) {
      return core::Forbidden("auth.out_of_scope");
    }
    return *row;
  });
  if (!found) return found;
  if (who.MaySeeIdentifiers() && !found->person.id_number.empty()) {
    // Unmasked identifiers are sensitive: record who looked.
    auto st = db_.InTransaction([&](soci::session& sql) -> core::Status {
      auth::RecordAudit(sql, actor, Now(), "read", "person", std::to_string(id), "", "");
      return {};
    });
    if (!st) return st.error();
  }
  return found;
}

core::Result<std::int64_t> PeopleService::InsertChecked(soci::session& sql, const core::Principal& who, Person p,
                                                        const auth::Actor& actor) {
  TX_CHECK(CheckUnitInScope(sql, who, p.unit_id, "unit_id"));
  TX_CHECK(ValidatePerson(p));
  TX_CHECK(CheckUniqueId(sql, p));
  p.status = "active";
  p.created_at = p.updated_at = Now();
  p.id = repo::InsertPerson(sql, p);
  p.version = 1;
  auth::RecordAudit(sql, actor, p.created_at, "create", "person", std::to_string(p.id), "", PersonAuditJson(p));
  return p.id;
}

core::Result<PersonRow> PeopleService::CreatePerson(const core::Principal& who, const PersonInput& in,
                                                          const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<PersonRow> {
    Person p;
    ApplyInput(p, in);
    TX_TRY(id, InsertChecked(sql, who, p, actor));
    TX_CHECK(PeopleChanged(sql, {*id}));
    return *repo::FindPerson(sql, *id);
  });
}

core::Result<PersonRow> PeopleService::UpdatePerson(const core::Principal& who, std::int64_t id,
                                                          const PersonInput& in, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<PersonRow> {
    auto row = repo::FindPerson(sql, id);
    if (!row) return core::NotFound("people.not_found");
    if (!who.InScope(row->unit_path)) return core::Forbidden("auth.out_of_scope");
    if (row->person.status == "archived") return core::Conflict("people.archived");
    if (in.version && *in.version != row->person.version) {
      return core::Conflict("people.stale", {{"version", std::to_string(row->person.version)}});
    }
    Person p = row->person;
    ApplyInput(p, in);
    if (p.unit_id != row->person.unit_id) {
      TX_CHECK(CheckUnitInScope(sql, who, p.unit_id, "unit_id"));
    }
    TX_CHECK(ValidatePerson(p));
    TX_CHECK(CheckUniqueId(sql, p));
    p.updated_at = Now();
    if (!repo::UpdatePerson(sql, p, row->person.version)) {
      return core::Conflict("people.stale", {{"version", std::to_string(row->person.version)}});
    }
    auto after = repo::FindPerson(sql, id);
    auth::RecordAudit(sql, actor, p.updated_at, "update", "person", std::to_string(id), PersonAuditJson(row->person),
                      PersonAuditJson(after->person));
    if (p.unit_id != row->person.unit_id || p.category != row->person.category) {
      TX_CHECK(PeopleChanged(sql, {id}));
    }
    return *after;
  });
}

core::Result<PersonRow> PeopleService::SetArchived(const core::Principal& who, std::int64_t id, bool archived,
                                                         const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<PersonRow> {
    auto row = repo::FindPerson(sql, id);
    if (!row) return core::NotFound("people.not_found");
    if (!who.InScope(row->unit_path)) return core::Forbidden("auth.out_of_scope");
    Person p = row->person;
    p.status = archived ? "archived" : "active";
    p.updated_at = Now();
    repo::UpdatePerson(sql, p, p.version);
    auto after = repo::FindPerson(sql, id);
    auth::RecordAudit(sql, actor, p.updated_at, archived ? "archive" : "restore", "person", std::to_string(id),
                      PersonAuditJson(row->person), PersonAuditJson(after->person));
    TX_CHECK(PeopleChanged(sql, {id}));
    return *after;
  });
}

}  // namespace tongxin::people
