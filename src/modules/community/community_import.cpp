// Community import: header mapping, value normalisation, finding (or, at confirmation,
// adding) the units and households a row names, matching residents, confirm.
#include "modules/community/community_import.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <regex>
#include <set>
#include <vector>

#include "auth/crypto.hpp"
#include "auth/guard.hpp"
#include "modules/community/access.hpp"
#include "core/text.hpp"
#include "modules/community/community_repo.hpp"
#include "modules/people/people_repo.hpp"

namespace tongxin::community {
namespace {

constexpr const char* kKind = "community";  // the imports table's kind
constexpr const char* kFlagFields[] = {"elderly_alone", "chronic_illness", "pregnant", "disabled"};

const std::vector<io::imports::HeaderAlias>& Aliases() {
  static const std::vector<io::imports::HeaderAlias> kAliases = {
      {"address", {"address", "门牌", "门牌号", "地址", "住址", "房屋", "户址"}},
      {"compound", {"compound", "小区", "院落", "小区名称"}},
      {"building", {"building", "楼栋", "楼号", "栋", "楼栋号", "幢"}},
      {"entrance", {"entrance", "单元", "单元号"}},
      {"room", {"room", "房号", "房间号", "室", "门号"}},
      {"name_zh", {"name_zh", "name", "姓名", "居民姓名", "中文姓名"}},
      {"name_latin", {"name_latin", "latinname", "englishname", "英文名", "拼音"}},
      {"phone", {"phone", "mobile", "telephone", "电话", "联系电话", "手机", "手机号"}},
      {"gender", {"gender", "sex", "性别"}},
      {"age_band", {"age_band", "ageband", "年龄段"}},
      {"age", {"age", "年龄"}},
      {"elderly_alone", {"elderly_alone", "elderlyalone", "livingalone", "独居老人", "独居"}},
      {"chronic_illness", {"chronic_illness", "chronicillness", "chronic", "慢性病", "基础病"}},
      {"pregnant", {"pregnant", "孕妇", "孕产妇"}},
      {"disabled", {"disabled", "disability", "残疾", "残疾人"}},
      {"notes", {"notes", "remarks", "备注"}},
  };
  return kAliases;
}

// 是/否 and their English spellings; nullopt when it is neither.
std::optional<bool> YesNo(const std::string& raw) {
  static const std::set<std::string> kYes = {"是", "有", "√", "✓", "y", "yes", "true", "1", "x"};
  static const std::set<std::string> kNo = {"否", "无", "不是", "n", "no", "false", "0", "-"};
  const std::string v = core::ToLowerAscii(raw);
  if (kYes.count(v)) return true;
  if (kNo.count(v)) return false;
  return std::nullopt;
}

std::string GenderFrom(const std::string& raw) {
  static const std::map<std::string, std::string> kNames = {
      {"男", "male"}, {"女", "female"}, {"其他", "other"}, {"m", "male"}, {"f", "female"},
      {"male", "male"}, {"female", "female"}, {"other", "other"}};
  auto it = kNames.find(core::ToLowerAscii(raw));
  return it == kNames.end() ? raw : it->second;
}

std::string Str(const boost::json::object& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
}

// Where a row's household is.
struct Place {
  std::string compound, building, entrance, room;
  std::string Key() const { return compound + "|" + building + "|" + entrance + "|" + room; }
};

Place PlaceOf(const boost::json::object& row) {
  return {Str(row, "compound"), Str(row, "building"), Str(row, "entrance"), Str(row, "room")};
}

// The units and household a place names: found, or (create) added to the unit tree.
struct Located {
  std::optional<std::int64_t> parent, building, entrance, household;
  bool new_compound = false, new_building = false, new_entrance = false;
  std::int64_t Unit() const { return entrance ? *entrance : building.value_or(0); }
};

// A code for a new unit under `parent`: the parent's code and the name's digits
// ("COMM-A" + "3栋" -> "COMM-A-3"), made unique.
std::string CodeFor(soci::session& sql, const std::string& parent_code, const std::string& name) {
  std::string digits;
  for (char c : name) {
    if (c >= '0' && c <= '9') digits += c;
  }
  std::string base = parent_code + "-" + (digits.empty() ? auth::RandomHex(3) : digits);
  if (base.size() > 26) base = "U-" + auth::RandomHex(6);
  std::string code = base;
  for (int n = 2; people::repo::FindUnitByCode(sql, code); ++n) code = base + "-" + std::to_string(n);
  return code;
}

std::string EnglishName(const std::string& name, const char* word) {
  std::string digits;
  for (char c : name) {
    if (c >= '0' && c <= '9') digits += c;
  }
  const bool numbered = !digits.empty() && (name == digits + "栋" || name == digits + "单元");
  return numbered ? std::string(word) + " " + digits : "";
}

class Resolver {
 public:
  Resolver(soci::session& sql, const core::Principal& who, const people::Unit& community,
           people::PeopleService* people, const auth::Actor* actor)
      : sql_(sql), who_(who), community_(community), people_(people), actor_(actor) {}

  // Errors: building community.ambiguous_building (two compounds have it; name the compound).
  core::Result<Located> Locate(const Place& p) {
    Located at;
    at.parent = community_.id;
    if (!p.compound.empty()) {
      at.parent = repo::ChildNamed(sql_, community_.id, "compound", p.compound);
      if (!at.parent) {
        at.new_compound = true;
        TX_TRY(made, Add(community_.id, community_.code, "compound", p.compound, ""));
        at.parent = *made;
      }
    }
    if (at.parent && *at.parent > 0) {
      if (p.compound.empty()) {
        const auto ids = repo::BuildingsNamed(sql_, community_.path, p.building);
        if (ids.size() > 1) return core::FieldInvalid("building", "community.ambiguous_building", {{"building", p.building}});
        if (!ids.empty()) at.building = ids.front();
      } else {
        at.building = repo::ChildNamed(sql_, *at.parent, "building", p.building);
      }
    }
    if (!at.building) {
      at.new_building = true;
      TX_TRY(made, Add(at.parent.value_or(0), ParentCode(at.parent), "building", p.building,
                       EnglishName(p.building, "Building")));
      at.building = *made;
    }
    if (!p.entrance.empty()) {
      if (*at.building > 0) at.entrance = repo::ChildNamed(sql_, *at.building, "entrance", p.entrance);
      if (!at.entrance) {
        at.new_entrance = true;
        TX_TRY(made, Add(*at.building, ParentCode(at.building), "entrance", p.entrance,
                         EnglishName(p.entrance, "Entrance")));
        at.entrance = *made;
      }
    }
    if (at.Unit() > 0) at.household = repo::HouseholdAt(sql_, at.Unit(), p.room);
    return at;
  }

  std::int64_t Added() const { return static_cast<std::int64_t>(codes_added_); }

 private:
  // A new unit (create), or 0 for one the preview only counts.
  core::Result<std::int64_t> Add(std::int64_t parent, const std::string& parent_code, const char* kind,
                                 const std::string& name, const std::string& name_en) {
    if (!people_ || parent <= 0) return std::int64_t{0};
    people::UnitInput in;
    in.parent_id = parent;
    in.code = CodeFor(sql_, parent_code, name);
    in.name_zh = name;
    in.name_en = name_en;
    in.kind = kind;
    TX_TRY(u, people_->CreateUnitOn(sql_, who_, in, *actor_));
    codes_[u->id] = u->code;
    ++codes_added_;
    return u->id;
  }
  std::string ParentCode(const std::optional<std::int64_t>& id) {
    if (!id || *id <= 0) return community_.code;
    if (auto it = codes_.find(*id); it != codes_.end()) return it->second;
    auto u = people::repo::FindUnit(sql_, *id);
    return codes_[*id] = u ? u->code : community_.code;
  }

  soci::session& sql_;
  const core::Principal& who_;
  const people::Unit& community_;
  people::PeopleService* people_;  // null: find only (the preview)
  const auth::Actor* actor_;
  std::map<std::int64_t, std::string> codes_;
  std::size_t codes_added_ = 0;
};

// The resident of the household a row names: same name, and same phone when both have one.
std::optional<Resident> SameResident(const std::vector<Resident>& residents, const std::string& name,
                                     const std::string& phone) {
  for (const auto& r : residents) {
    if ((r.name_zh == name || r.name_latin == name) && (phone.empty() || r.phone.empty() || r.phone == phone)) return r;
  }
  return std::nullopt;
}

bool Changes(const Resident& r, const ResidentInput& in) {
  return (in.age_band && *in.age_band != r.age_band) ||
         (in.elderly_alone && int(*in.elderly_alone) != r.elderly_alone) ||
         (in.chronic_illness && int(*in.chronic_illness) != r.chronic_illness) ||
         (in.pregnant && int(*in.pregnant) != r.pregnant) || (in.disabled && int(*in.disabled) != r.disabled);
}

// The community the import is for. Errors: community_id units.not_found (400),
// community.not_a_community, auth.out_of_scope.
core::Result<people::Unit> CommunityUnit(soci::session& sql, const core::Principal& who, std::int64_t id) {
  TX_CHECK(auth::guard::Unit(sql, who, id, "community_id"));
  auto u = people::repo::FindUnit(sql, id);
  if (!u || (u->kind != "community" && u->kind != "compound")) {
    return core::FieldInvalid("community_id", "community.not_a_community");
  }
  return *u;
}

// A row of the file as the preview keeps it: {compound, building, entrance, room, notes,
// resident: {...}}; issues for the cells that do not read.
boost::json::object ReadRow(const io::Row& row, const std::vector<std::string>& fields, int rownum,
                            io::imports::Preview& pv) {
  boost::json::object out, resident;
  std::string address;
  for (std::size_t c = 0; c < row.size() && c < fields.size(); ++c) {
    const std::string value = core::Trim(row[c]);
    const std::string& f = fields[c];
    if (f.empty() || value.empty()) continue;
    if (f == "address") {
      address = value;
    } else if (f == "compound" || f == "notes") {
      out[f] = value.substr(0, f == "notes" ? 500 : 100);
    } else if (f == "building") {
      out[f] = BuildingName(value);
    } else if (f == "entrance") {
      out[f] = EntranceName(value);
    } else if (f == "room") {
      std::string room = value;
      for (const char* suffix : {"室", "号"}) {
        if (room.size() > 3 && room.ends_with(suffix)) room.resize(room.size() - 3);
      }
      out[f] = room;
    } else if (f == "gender") {
      resident[f] = GenderFrom(value);
    } else if (f == "age_band" || f == "age") {
      resident["age_band"] = AgeBandFrom(value);
    } else if (std::find(std::begin(kFlagFields), std::end(kFlagFields), f) != std::end(kFlagFields)) {
      if (auto yes = YesNo(value)) {
        resident[f] = *yes;
      } else {
        pv.issues.push_back({rownum, f, "validation.invalid_choice", {{"choices", "是/否, yes/no"}}});
      }
    } else {
      resident[f] = value;
    }
  }
  if (!address.empty()) {
    if (auto a = ParseAddress(address)) {
      out["building"] = a->building;
      out["entrance"] = a->entrance;
      out["room"] = a->room;
    } else {
      pv.issues.push_back({rownum, "address", "community.invalid_address", {}});
    }
  } else if (Str(out, "building").empty()) {
    pv.issues.push_back({rownum, "building", "validation.required", {}});
  } else if (Str(out, "room").empty()) {
    pv.issues.push_back({rownum, "room", "validation.required", {}});
  } else if (!IsRoom(Str(out, "room"))) {
    pv.issues.push_back({rownum, "room", "community.invalid_room", {}});
  }
  if (!resident.empty()) out["resident"] = std::move(resident);
  return out;
}

void AddFieldErrors(io::imports::Preview& pv, int row, const core::Error& e) {
  if (e.fields.empty()) {
    pv.issues.push_back({row, "name_zh", e.reason, e.details});
    return;
  }
  for (const auto& f : e.fields) pv.issues.push_back({row, f.field, f.reason, f.args});
}

}  // namespace

std::string CommunityFieldForHeader(std::string_view header) {
  return io::imports::FieldForHeader(header, Aliases());
}

std::string BuildingName(std::string_view text) {
  const std::string s = core::Trim(std::string(text));
  static const std::regex kNumbered(R"(^(\d{1,4})\s*(?:栋|幢|号楼|号)?$)");
  std::smatch m;
  if (std::regex_match(s, m, kNumbered)) return m[1].str() + "栋";
  return s.substr(0, 60);
}

std::string EntranceName(std::string_view text) {
  const std::string s = core::Trim(std::string(text));
  static const std::regex kNumbered(R"(^(\d{1,2})\s*(?:单元)?$)");
  std::smatch m;
  if (std::regex_match(s, m, kNumbered)) return m[1].str() + "单元";
  return s.substr(0, 60);
}

std::string AgeBandFrom(std::string_view text) {
  std::string s = core::Trim(std::string(text));
  int age = -1;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), age);
  const std::string rest(end, static_cast<std::size_t>(s.data() + s.size() - end));
  if (ec == std::errc{} && (rest.empty() || rest == "岁")) {
    if (age < 0 || age > 130) return s;
    return age < 18 ? "0-17" : age < 60 ? "18-59" : age < 80 ? "60-79" : "80+";
  }
  if (ec == std::errc{} && age == 80 && (rest == "+" || rest == "岁以上" || rest == "岁及以上" || rest == "以上")) {
    return "80+";
  }
  for (const char* band : kAgeBands) {
    if (s == band || s == std::string(band) + "岁") return band;
  }
  return s;
}

core::Result<io::imports::Preview> CommunityImporter::Preview(const core::Principal& who, std::int64_t community_id,
                                                              std::string_view bytes, const std::string& filename,
                                                              const auth::Actor& actor) {
  if (!access::CanEdit(who)) return core::Forbidden("auth.forbidden");
  TX_TRY(table, io::imports::ReadUpload(bytes));
  const io::Table& t = *table;
  std::vector<std::string> fields;
  bool has_address = false, has_building = false, has_room = false;
  for (const auto& h : t.front()) {
    fields.push_back(CommunityFieldForHeader(h));
    has_address = has_address || fields.back() == "address";
    has_building = has_building || fields.back() == "building";
    has_room = has_room || fields.back() == "room";
  }
  if (!has_address && !(has_building && has_room)) {
    return core::MakeError(core::Errc::kInvalid, "imports.missing_column",
                           {{"column", has_building ? "room" : "address"}});
  }
  return service_.db().InTransaction([&](soci::session& sql) -> core::Result<io::imports::Preview> {
    TX_TRY(community, CommunityUnit(sql, who, community_id));
    Resolver resolver(sql, who, *community, nullptr, nullptr);
    io::imports::Preview pv;
    std::map<std::string, int> people_seen;   // name|phone -> first row
    std::map<std::string, std::string> lives;  // name|phone -> place key
    std::set<std::string> new_units, new_households;
    std::int64_t residents = 0, changed = 0, unchanged = 0;
    for (std::size_t i = 1; i < t.size(); ++i) {
      const io::Row& row = t[i];
      const int rownum = static_cast<int>(i) + 1;
      if (io::imports::BlankRow(row)) continue;
      ++pv.total;
      const std::size_t issues_before = pv.issues.size();
      boost::json::object out = ReadRow(row, fields, rownum, pv);
      if (pv.issues.size() != issues_before) continue;
      const Place place = PlaceOf(out);
      auto at = resolver.Locate(place);
      if (!at) {
        AddFieldErrors(pv, rownum, at.error());
        continue;
      }
      std::optional<ResidentInput> in;
      if (auto r = out.find("resident"); r != out.end()) {
        auto parsed = ParseResidentInput(r->value().as_object(), true);
        if (!parsed) {
          AddFieldErrors(pv, rownum, parsed.error());
          continue;
        }
        in = *parsed;
      }
      std::string action = "none";
      if (in) {
        const std::string name = core::Trim(in->name_zh.value_or(in->name_latin.value_or("")));
        const std::string phone = core::Trim(in->phone.value_or(""));
        const std::string who_key = name + "|" + (phone.empty() ? place.Key() : phone);
        if (auto prev = people_seen.find(who_key); prev != people_seen.end()) {
          const bool same_place = lives[who_key] == place.Key();
          pv.issues.push_back({rownum, "name_zh",
                               same_place ? "community.import_repeats" : "community.import_two_households",
                               {{"other_row", std::to_string(prev->second)}}});
          continue;
        }
        people_seen[who_key] = rownum;
        lives[who_key] = place.Key();
        std::optional<Resident> existing;
        if (at->household) existing = SameResident(repo::ResidentsOf(sql, *at->household), name, phone);
        if (!existing && !phone.empty()) {
          if (auto elsewhere = repo::ResidentByNameAndPhone(sql, name, phone)) {
            pv.issues.push_back({rownum, "name_zh", "community.import_lives_elsewhere",
                                 {{"address", ResidentAddress(*elsewhere, core::Lang::kZh)}}});
            continue;
          }
        }
        if (existing) {
          action = Changes(*existing, *in) ? "change" : "unchanged";
          ++(action == "change" ? changed : unchanged);
        } else {
          action = "create";
          ++residents;
        }
      }
      if (at->new_compound) new_units.insert(place.compound);
      if (at->new_building) new_units.insert(place.compound + "|" + place.building);
      if (at->new_entrance) new_units.insert(place.compound + "|" + place.building + "|" + place.entrance);
      if (!at->household) new_households.insert(place.Key());
      out["household"] = at->household ? "exists" : "create";
      out["action"] = action;
      ++pv.valid;
      pv.rows.push_back(std::move(out));
      pv.row_numbers.push_back(rownum);
    }
    if (pv.total == 0) return core::MakeError(core::Errc::kInvalid, "imports.no_rows");
    std::stable_sort(pv.issues.begin(), pv.issues.end(), [](const auto& a, const auto& b) { return a.row < b.row; });
    pv.summary = {{"community_id", community_id},
                  {"new_units", new_units.size()},
                  {"new_households", new_households.size()},
                  {"new_residents", residents},
                  {"changed_residents", changed},
                  {"unchanged_residents", unchanged}};
    pv.id = auth::RandomHex(12);
    pv.filename = filename.substr(0, 200);
    const std::string now = service_.Now();
    io::imports::Save(sql, pv, who.user_id, kKind, now);
    boost::json::object detail{{"filename", pv.filename}, {"total", pv.total}, {"valid", pv.valid}};
    detail["kind"] = kKind;
    detail["community_id"] = community_id;
    auth::RecordAudit(sql, actor, now, "import_preview", "import", pv.id, "", boost::json::serialize(detail));
    return pv;
  });
}

core::Result<io::imports::Preview> CommunityImporter::Get(const core::Principal& who, const std::string& id) {
  if (!access::CanEdit(who)) return core::Forbidden("auth.forbidden");
  return service_.db().WithSession(
      [&](soci::session& sql) { return io::imports::Load(sql, id, who.user_id, kKind); });
}

core::Result<CommunityImportResult> CommunityImporter::Confirm(const core::Principal& who, const std::string& id,
                                                               const auth::Actor& actor) {
  TX_TRY(pv, Get(who, id));
  TX_CHECK(io::imports::Confirmable(*pv));
  const auto cid = pv->summary.find("community_id");
  if (cid == pv->summary.end() || !cid->value().is_int64()) return core::NotFound("imports.not_found");
  const std::int64_t community_id = cid->value().as_int64();
  return service_.db().InTransaction([&](soci::session& sql) -> core::Result<CommunityImportResult> {
    if (!io::imports::Claim(sql, id)) return core::Conflict("imports.already_done");
    TX_TRY(community, CommunityUnit(sql, who, community_id));
    Resolver resolver(sql, who, *community, &service_.people(), &actor);
    CommunityImportResult done;
    auto at_row = [&](core::Error e, int row) {
      e.details["row"] = std::to_string(row);
      return e;
    };
    for (std::size_t i = 0; i < pv->rows.size(); ++i) {
      const auto& o = pv->rows[i];
      const int row = pv->row_numbers[i];
      const Place place = PlaceOf(o);
      auto at = resolver.Locate(place);
      if (!at) return at_row(at.error(), row);
      // Looked up again: households and residents may have been added since the preview.
      std::optional<Household> h;
      if (at->household) h = repo::FindHousehold(sql, *at->household);
      if (!h) {
        Household fresh;
        fresh.unit_id = at->Unit();
        fresh.room = place.room;
        fresh.notes = Str(o, "notes");
        auto made = service_.CreateHouseholdOn(sql, std::move(fresh), actor);
        if (!made) return at_row(made.error(), row);
        h = *made;
        ++done.households;
      }
      auto r = o.find("resident");
      if (r == o.end()) continue;
      auto in = ParseResidentInput(r->value().as_object(), true);
      if (!in) return at_row(in.error(), row);
      const std::string name = core::Trim(in->name_zh.value_or(in->name_latin.value_or("")));
      const std::string phone = core::Trim(in->phone.value_or(""));
      if (auto existing = SameResident(repo::ResidentsOf(sql, h->id), name, phone)) {
        if (!Changes(*existing, *in)) {
          ++done.unchanged;
          continue;
        }
        ResidentInput flags = *in;
        flags.household_id.reset();
        auto s = service_.UpdateResidentOn(sql, *existing, flags, actor);
        if (!s) return at_row(s.error(), row);
        ++done.changed;
        continue;
      }
      if (!phone.empty() && repo::ResidentByNameAndPhone(sql, name, phone)) {
        return at_row(core::FieldInvalid("name_zh", "community.resident_elsewhere"), row);
      }
      auto added = service_.AddResidentOn(sql, who, *h, *in, actor);
      if (!added) return at_row(added.error(), row);
      ++done.residents;
    }
    done.units = resolver.Added();
    boost::json::object detail{{"filename", pv->filename},   {"community_id", community_id},
                               {"units", done.units},        {"households", done.households},
                               {"residents", done.residents}, {"changed", done.changed}};
    detail["kind"] = kKind;
    auth::RecordAudit(sql, actor, service_.Now(), "import", "import", id, "", boost::json::serialize(detail));
    return done;
  });
}

}  // namespace tongxin::community
