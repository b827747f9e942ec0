// Communities: buildings, lockdowns, households and residents.
#include "modules/community/community_service.hpp"

#include <boost/json.hpp>

#include <limits>

#include "auth/guard.hpp"
#include "modules/community/access.hpp"
#include "core/described_json.hpp"
#include "core/local_time.hpp"
#include "core/text.hpp"
#include "modules/people/person.hpp"

namespace tongxin::community {
namespace {

using access::CanEdit;
using access::CanRead;
std::string NameOf(const core::Principal& who) { return who.display_name.empty() ? who.username : who.display_name; }

std::string ResidentAudit(const Resident& r) {
  return boost::json::serialize(boost::json::object{{"household_id", r.household_id},
                                                    {"age_band", r.age_band},
                                                    {"elderly_alone", r.elderly_alone},
                                                    {"chronic_illness", r.chronic_illness},
                                                    {"pregnant", r.pregnant},
                                                    {"disabled", r.disabled}});
}

void Apply(Resident& r, const ResidentInput& in) {
  if (in.age_band) r.age_band = *in.age_band;
  if (in.elderly_alone) r.elderly_alone = *in.elderly_alone ? 1 : 0;
  if (in.chronic_illness) r.chronic_illness = *in.chronic_illness ? 1 : 0;
  if (in.pregnant) r.pregnant = *in.pregnant ? 1 : 0;
  if (in.disabled) r.disabled = *in.disabled ? 1 : 0;
}

}  // namespace

bool CommunityService::SeesFlags(const core::Principal& who) { return core::roles::kStaff.Has(who.role); }

core::Result<repo::Filter> CommunityService::FilterFor(soci::session& sql, const core::Principal& who,
                                                       const ListQuery& q) {
  repo::Filter f;
  if (q.unit_id) {
    TX_TRY(unit, auth::guard::Unit(sql, who, *q.unit_id, "unit_id"));
    f.under_path = unit->path;
  }
  f.state = q.state;
  f.flag = q.flag;
  f.q = q.q;
  return f;
}

core::Result<core::Page<Building>> CommunityService::Buildings(const core::Principal& who, const ListQuery& q,
                                                               const core::PageRequest& page) {
  if (!CanRead(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<Building>> {
    TX_TRY(f, FilterFor(sql, who, q));
    return repo::Buildings(sql, who, *f, page);
  });
}

core::Result<BuildingDetail> CommunityService::GetBuilding(const core::Principal& who, std::int64_t id) {
  if (!CanRead(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<BuildingDetail> {
    auto b = repo::FindBuilding(sql, id);
    if (!b) return core::NotFound("community.building_not_found");
    TX_CHECK(auth::guard::Path(who, b->path));
    return BuildingDetail{*b, repo::LockdownHistory(sql, id)};
  });
}

core::Result<BuildingDetail> CommunityService::SetLockdown(const core::Principal& who, std::int64_t id,
                                                           const LockdownInput& in, const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<BuildingDetail> {
    auto b = repo::FindBuilding(sql, id);
    if (!b) return core::NotFound("community.building_not_found");
    TX_CHECK(auth::guard::Path(who, b->path));
    Lockdown l{id, in.state, in.since, in.until, in.reason, NameOf(who), Now()};
    if (l.since.empty()) l.since = core::LocalDay(clock_.Now(), time_zone_);
    const std::string before = boost::json::serialize(
        boost::json::object{{"state", b->state}, {"since", b->since}, {"until", b->until}, {"reason", b->reason}});
    repo::SetLockdown(sql, l, NameOf(who));
    auth::RecordAudit(sql, actor, l.updated_at, "lockdown", "building", std::to_string(id), before,
                      boost::json::serialize(boost::json::object{
                          {"state", l.state}, {"since", l.since}, {"until", l.until}, {"reason", l.reason}}));
    return BuildingDetail{*repo::FindBuilding(sql, id), repo::LockdownHistory(sql, id)};
  });
}

core::Result<core::Page<Household>> CommunityService::Households(const core::Principal& who, const ListQuery& q,
                                                                 const core::PageRequest& page) {
  if (!CanRead(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<Household>> {
    TX_TRY(f, FilterFor(sql, who, q));
    return repo::Households(sql, who, *f, page);
  });
}

core::Result<Household> CommunityService::HouseholdInScope(soci::session& sql, const core::Principal& who,
                                                           std::int64_t id, std::string_view field) {
  auto h = repo::FindHousehold(sql, id);
  if (!h) {
    if (!field.empty()) return core::FieldInvalid(std::string(field), "community.household_not_found");
    return core::NotFound("community.household_not_found");
  }
  TX_CHECK(auth::guard::Unit(sql, who, h->unit_id));
  return *h;
}

core::Result<HouseholdDetail> CommunityService::Detail(soci::session& sql, std::int64_t id) {
  auto h = repo::FindHousehold(sql, id);
  if (!h) return core::NotFound("community.household_not_found");
  return HouseholdDetail{*h, repo::ResidentsOf(sql, id)};
}

core::Result<HouseholdDetail> CommunityService::GetHousehold(const core::Principal& who, std::int64_t id,
                                                             const auth::Actor& actor) {
  if (!CanRead(who)) return core::Forbidden();
  return db_.ReadThenRecord(
      [&](soci::session& sql) -> core::Result<HouseholdDetail> {
        TX_CHECK(HouseholdInScope(sql, who, id));
        return Detail(sql, id);
      },
      [&](soci::session& sql, const HouseholdDetail& d) -> core::Status {
        if (!SeesFlags(who) || d.residents.empty()) return {};
        boost::json::array shown;
        for (const auto& r : d.residents) shown.push_back(r.person_id);
        auth::RecordAudit(sql, actor, Now(), "read", "household", std::to_string(id), "",
                          boost::json::serialize(boost::json::object{{"residents", std::move(shown)}}));
        return {};
      });
}

core::Result<HouseholdDetail> CommunityService::CreateHousehold(const core::Principal& who, const HouseholdInput& in,
                                                                const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<HouseholdDetail> {
    Household h;
    if (in.unit_id) {
      TX_CHECK(auth::guard::Unit(sql, who, *in.unit_id, "unit_id"));
      h.unit_id = *in.unit_id;
      h.room = *in.room;
    } else {
      TX_TRY(community, auth::guard::Unit(sql, who, *in.community_id, "community_id"));
      const auto address = ParseAddress(*in.address);
      auto unit = repo::UnitByAddress(sql, community->path, address->building, address->entrance);
      if (!unit) {
        return core::FieldInvalid("address", "community.no_such_address",
                                  {{"building", address->building}, {"entrance", address->entrance}});
      }
      TX_CHECK(auth::guard::Unit(sql, who, *unit, "address"));
      h.unit_id = *unit;
      h.room = address->room;
    }
    h.notes = in.notes.value_or("");
    TX_TRY(made, CreateHouseholdOn(sql, std::move(h), actor));
    return Detail(sql, made->id);
  });
}

core::Result<Household> CommunityService::CreateHouseholdOn(soci::session& sql, Household h,
                                                            const auth::Actor& actor) {
  if (!repo::HoldsHouseholds(sql, h.unit_id)) return core::FieldInvalid("unit_id", "community.not_a_building");
  if (repo::HouseholdAt(sql, h.unit_id, h.room)) return core::Conflict("community.room_taken", {{"field", "room"}});
  h.created_at = h.updated_at = Now();
  h.id = repo::InsertHousehold(sql, h);
  auth::RecordAudit(sql, actor, h.created_at, "create", "household", std::to_string(h.id), "",
                    boost::json::serialize(boost::json::object{{"unit_id", h.unit_id}, {"room", h.room}}));
  return h;
}

core::Result<HouseholdDetail> CommunityService::UpdateHousehold(const core::Principal& who, std::int64_t id,
                                                                const HouseholdInput& in, const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  if (in.unit_id || in.community_id || in.address) return core::FieldInvalid("unit_id", "community.cannot_move");
  return db_.InTransaction([&](soci::session& sql) -> core::Result<HouseholdDetail> {
    TX_TRY(h, HouseholdInScope(sql, who, id));
    Household after = *h;
    if (in.room) after.room = *in.room;
    if (in.notes) after.notes = *in.notes;
    if (after.room != h->room && repo::HouseholdAt(sql, after.unit_id, after.room)) {
      return core::Conflict("community.room_taken", {{"field", "room"}});
    }
    after.updated_at = Now();
    repo::UpdateHousehold(sql, after);
    auth::RecordAudit(sql, actor, after.updated_at, "update", "household", std::to_string(id),
                      boost::json::serialize(boost::json::object{{"room", h->room}, {"notes", h->notes}}),
                      boost::json::serialize(boost::json::object{{"room", after.room}, {"notes", after.notes}}));
    return Detail(sql, id);
  });
}

core::Result<HouseholdDetail> CommunityService::AddResident(const core::Principal& who, std::int64_t household_id,
                                                            const ResidentInput& in, const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<HouseholdDetail> {
    TX_TRY(h, HouseholdInScope(sql, who, household_id));
    TX_CHECK(AddResidentOn(sql, who, *h, in, actor));
    return Detail(sql, household_id);
  });
}

core::Result<std::int64_t> CommunityService::AddResidentOn(soci::session& sql, const core::Principal& who,
                                                           const Household& h, const ResidentInput& in,
                                                           const auth::Actor& actor) {
  Resident r;
  r.household_id = h.id;
  if (in.person_id) {
    TX_TRY(person, auth::guard::Person(sql, who, *in.person_id, "person_id"));
    r.person_id = person->id;
    if (auto at = repo::FindResident(sql, r.person_id)) {
      return core::Conflict("community.resident_elsewhere",
                            {{"field", "person_id"}, {"household_id", std::to_string(at->household_id)}});
    }
  } else {
    people::Person p;
    p.unit_id = h.unit_id;
    p.name_zh = core::Trim(in.name_zh.value_or(""));
    p.name_latin = core::Trim(in.name_latin.value_or(""));
    p.phone = core::Trim(in.phone.value_or(""));
    p.gender = in.gender.value_or("");
    p.category = "resident";
    p.language = "zh-CN";
    TX_TRY(id, people_.InsertChecked(sql, who, p, actor));
    TX_CHECK(people_.PeopleChanged(sql, {*id}));
    r.person_id = *id;
  }
  Apply(r, in);
  const std::string now = Now();
  repo::InsertResident(sql, r, now);
  auth::RecordAudit(sql, actor, now, "create", "resident", std::to_string(r.person_id), "", ResidentAudit(r));
  return r.person_id;
}

core::Result<Resident> CommunityService::UpdateResident(const core::Principal& who, std::int64_t person_id,
                                                        const ResidentInput& in, const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Resident> {
    auto r = repo::FindResident(sql, person_id);
    if (!r) return core::NotFound("community.not_a_resident");
    TX_CHECK(HouseholdInScope(sql, who, r->household_id));
    TX_CHECK(auth::guard::Person(sql, who, person_id));
    if (in.household_id && *in.household_id != r->household_id) {
      TX_CHECK(HouseholdInScope(sql, who, *in.household_id, "household_id"));
    }
    TX_CHECK(UpdateResidentOn(sql, *r, in, actor));
    return *repo::FindResident(sql, person_id);
  });
}

core::Status CommunityService::UpdateResidentOn(soci::session& sql, const Resident& before, const ResidentInput& in,
                                                const auth::Actor& actor) {
  Resident after = before;
  if (in.household_id) after.household_id = *in.household_id;
  Apply(after, in);
  const std::string now = Now();
  repo::UpdateResident(sql, after, now);
  auth::RecordAudit(sql, actor, now, "update", "resident", std::to_string(before.person_id), ResidentAudit(before),
                    ResidentAudit(after));
  return {};
}

core::Status CommunityService::RemoveResident(const core::Principal& who, std::int64_t person_id,
                                              const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    auto r = repo::FindResident(sql, person_id);
    if (!r) return core::NotFound("community.not_a_resident");
    TX_CHECK(HouseholdInScope(sql, who, r->household_id));
    repo::DeleteResident(sql, person_id);
    auth::RecordAudit(sql, actor, Now(), "delete", "resident", std::to_string(person_id), ResidentAudit(*r), "");
    return {};
  });
}

core::Result<core::Page<Resident>> CommunityService::Residents(const core::Principal& who, const ListQuery& q,
                                                               const core::PageRequest& page,
                                                               const auth::Actor& actor) {
  if (!CanRead(who)) return core::Forbidden();
  if (!q.flag.empty() && !SeesFlags(who)) return core::FieldInvalid("flag", "community.flags_staff_only");
  return db_.ReadThenRecord(
      [&](soci::session& sql) -> core::Result<core::Page<Resident>> {
        TX_TRY(f, FilterFor(sql, who, q));
        return repo::Residents(sql, who, *f, page);
      },
      [&](soci::session& sql, const core::Page<Resident>& list) -> core::Status {
        if (!SeesFlags(who) || list.items.empty()) return {};
        boost::json::array shown;
        for (const auto& r : list.items) shown.push_back(r.person_id);
        auth::RecordAudit(sql, actor, Now(), "read", "residents", "", "",
                          boost::json::serialize(boost::json::object{{"flag", q.flag}, {"residents", std::move(shown)}}));
        return {};
      });
}

namespace {
constexpr core::PageRequest kEverything{1, std::numeric_limits<int>::max()};

std::string ExportAudit(const ListQuery& q, std::size_t rows) {
  return boost::json::serialize(boost::json::object{{"rows", rows},
                                                    {"unit_id", q.unit_id ? boost::json::value(*q.unit_id) : boost::json::value(nullptr)},
                                                    {"state", q.state},
                                                    {"flag", q.flag},
                                                    {"q", q.q}});
}
}  // namespace

core::Result<std::vector<Household>> CommunityService::AllHouseholds(const core::Principal& who, const ListQuery& q,
                                                                     const auth::Actor& actor) {
  if (!CanRead(who)) return core::Forbidden();
  return db_.ReadThenRecord(
      [&](soci::session& sql) -> core::Result<std::vector<Household>> {
        TX_TRY(f, FilterFor(sql, who, q));
        return repo::Households(sql, who, *f, kEverything).items;
      },
      [&](soci::session& sql, const std::vector<Household>& all) -> core::Status {
        auth::RecordAudit(sql, actor, Now(), "export", "households", "", "", ExportAudit(q, all.size()));
        return {};
      });
}

core::Result<std::vector<Resident>> CommunityService::AllResidents(const core::Principal& who, const ListQuery& q,
                                                                   const auth::Actor& actor) {
  if (!CanRead(who)) return core::Forbidden();
  if (!q.flag.empty() && !SeesFlags(who)) return core::FieldInvalid("flag", "community.flags_staff_only");
  return db_.ReadThenRecord(
      [&](soci::session& sql) -> core::Result<std::vector<Resident>> {
        TX_TRY(f, FilterFor(sql, who, q));
        return repo::Residents(sql, who, *f, kEverything).items;
      },
      [&](soci::session& sql, const std::vector<Resident>& all) -> core::Status {
        auth::RecordAudit(sql, actor, Now(), "export", "residents", "", "", ExportAudit(q, all.size()));
        return {};
      });
}

}  // namespace tongxin::community
