// Households, residents and lockdowns: parsing, labels and JSON.
#include "modules/community/household.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <regex>

#include "core/json_reader.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"

namespace tongxin::community {
namespace {

std::string Trimmed(const std::optional<std::string>& s) { return s ? core::Trim(*s) : std::string(); }

// "Building 3" from "3栋" when the unit has no English name.
std::string EnglishOr(const std::string& en, const std::string& zh) { return en.empty() ? zh : en; }

}  // namespace

bool IsRoom(std::string_view room) {
  if (room.empty() || room.size() > 10 || !std::isalnum(static_cast<unsigned char>(room.front()))) return false;
  return std::all_of(room.begin(), room.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; });
}

std::optional<Address> ParseAddress(std::string_view text) {
  const std::string s = core::Trim(std::string(text));
  static const std::regex kChinese(R"(^(\d{1,4})(?:栋|幢|号楼)(?:(\d{1,2})单元)?(?:(\d{1,3})(?:层|楼))?([0-9A-Za-z]{1,6})(?:室|号)?$)");
  static const std::regex kDashes(R"(^(\d{1,4})-(?:(\d{1,2})-)?([0-9A-Za-z]{1,6})$)");
  std::smatch m;
  if (std::regex_match(s, m, kChinese)) {
    return Address{m[1].str() + "栋", m[2].matched ? m[2].str() + "单元" : "", m[4].str()};
  }
  if (std::regex_match(s, m, kDashes)) {
    return Address{m[1].str() + "栋", m[2].matched ? m[2].str() + "单元" : "", m[3].str()};
  }
  return std::nullopt;
}

std::string HouseholdLabel(const Household& h, core::Lang lang) {
  const bool entrance = h.unit_kind == "entrance";
  if (lang == core::Lang::kZh) {
    return h.building_name_zh + (entrance ? h.unit_name_zh : "") + h.room;
  }
  std::string out = EnglishOr(h.building_name_en, h.building_name_zh);
  if (entrance) out += ", " + EnglishOr(h.unit_name_en, h.unit_name_zh);
  return out + ", Room " + h.room;
}

std::string ResidentAddress(const Resident& r, core::Lang lang) {
  Household h;
  h.room = r.room;
  h.unit_kind = r.unit_kind;
  h.unit_name_zh = r.unit_name_zh;
  h.unit_name_en = r.unit_name_en;
  h.building_name_zh = r.building_name_zh;
  h.building_name_en = r.building_name_en;
  return HouseholdLabel(h, lang);
}

core::Result<HouseholdInput> ParseHouseholdInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"unit_id", "community_id", "room", "address", "notes"});
  HouseholdInput in;
  in.unit_id = r.Int("unit_id", false, 1, INT64_MAX);
  in.community_id = r.Int("community_id", false, 1, INT64_MAX);
  in.room = r.String("room", false, 10);
  in.address = r.String("address", false, 40);
  in.notes = r.String("notes", false, 500, true);
  if (in.room && !in.room->empty() && !IsRoom(core::Trim(*in.room))) {
    r.AddError({"room", "community.invalid_room", {}});
  }
  if (in.address && !in.address->empty() && !ParseAddress(*in.address)) {
    r.AddError({"address", "community.invalid_address", {}});
  }
  if (!r.HasErrors() && create) {
    const bool by_unit = in.unit_id.has_value();
    const bool by_address = in.community_id.has_value() || !Trimmed(in.address).empty();
    if (!by_unit && !by_address) {
      r.AddError({"unit_id", "validation.required", {}});
    } else if (by_unit && Trimmed(in.room).empty()) {
      r.AddError({"room", "validation.required", {}});
    } else if (!by_unit && !in.community_id) {
      r.AddError({"community_id", "validation.required", {}});
    } else if (!by_unit && Trimmed(in.address).empty()) {
      r.AddError({"address", "validation.required", {}});
    }
  }
  if (!create && in.room && core::Trim(*in.room).empty()) r.AddError({"room", "validation.empty", {}});
  TX_CHECK(r.Finish());
  if (in.room) in.room = core::Trim(*in.room);
  return in;
}

core::Result<ResidentInput> ParseResidentInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"person_id", "household_id", "name_zh", "name_latin", "phone", "gender", "age_band",
                            "elderly_alone", "chronic_illness", "pregnant", "disabled"});
  ResidentInput in;
  in.person_id = create ? r.Int("person_id", false, 1, INT64_MAX) : std::nullopt;
  in.household_id = create ? std::nullopt : r.Int("household_id", false, 1, INT64_MAX);
  in.name_zh = r.String("name_zh", false, 100);
  in.name_latin = r.String("name_latin", false, 150);
  in.phone = r.String("phone", false, 30);
  in.gender = r.Choice("gender", false, {"", "male", "female", "other"});
  in.age_band = r.Choice("age_band", false, {"", "0-17", "18-59", "60-79", "80+"});
  in.elderly_alone = r.Bool("elderly_alone", false);
  in.chronic_illness = r.Bool("chronic_illness", false);
  in.pregnant = r.Bool("pregnant", false);
  in.disabled = r.Bool("disabled", false);
  if (!create) {
    for (const char* k : {"person_id", "name_zh", "name_latin", "phone", "gender"}) {
      if (r.Has(k)) r.AddError({k, "community.edit_person_elsewhere", {}});
    }
  }
  if (create && !r.HasErrors() && !in.person_id && Trimmed(in.name_zh).empty() && Trimmed(in.name_latin).empty()) {
    r.AddError({"name_zh", "community.resident_name_needed", {}});
  }
  if (create && in.person_id && (r.Has("name_zh") || r.Has("name_latin") || r.Has("phone") || r.Has("gender"))) {
    r.AddError({"person_id", "community.person_or_name", {}});
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<LockdownInput> ParseLockdownInput(const boost::json::object& body) {
  core::JsonReader r(body, {"state", "since", "until", "reason"});
  LockdownInput in;
  in.state = r.Choice("state", true, {"open", "controlled", "locked"}).value_or("");
  in.since = r.Date("since", false).value_or("");
  in.until = r.Date("until", false).value_or("");
  in.reason = core::Trim(r.String("reason", false, 500, true).value_or(""));
  if (!r.HasErrors()) {
    if (!in.since.empty() && !in.until.empty() && in.until < in.since) {
      r.AddError({"until", "community.until_before_since", {}});
    }
    if (in.state != "open" && in.reason.empty()) r.AddError({"reason", "validation.required", {}});
  }
  TX_CHECK(r.Finish());
  return in;
}

boost::json::object HouseholdToJson(const Household& h, core::Lang lang) {
  return {{"id", h.id},
          {"unit_id", h.unit_id},
          {"room", h.room},
          {"label", HouseholdLabel(h, lang)},
          {"label_zh", HouseholdLabel(h, core::Lang::kZh)},
          {"building_id", h.building_id},
          {"building", core::Pick(lang, h.building_name_zh, h.building_name_en)},
          {"state", h.state.empty() ? "open" : h.state},
          {"notes", h.notes},
          {"residents", h.residents},
          {"created_at", h.created_at},
          {"updated_at", h.updated_at}};
}

boost::json::object ResidentToJson(const Resident& r, core::Lang lang, bool flags, bool full) {
  boost::json::object o{{"person_id", r.person_id},
                        {"household_id", r.household_id},
                        {"name", r.name_zh.empty() ? r.name_latin : r.name_zh},
                        {"name_zh", r.name_zh},
                        {"name_latin", r.name_latin},
                        {"phone", full ? r.phone : core::MaskPhone(r.phone)},
                        {"category", r.category},
                        {"age_band", r.age_band},
                        {"address", r.room.empty() ? "" : ResidentAddress(r, lang)},
                        {"state", r.state.empty() ? "open" : r.state}};
  if (flags) {
    o["elderly_alone"] = r.elderly_alone != 0;
    o["chronic_illness"] = r.chronic_illness != 0;
    o["pregnant"] = r.pregnant != 0;
    o["disabled"] = r.disabled != 0;
  }
  return o;
}

boost::json::object BuildingToJson(const Building& b, core::Lang lang) {
  return {{"id", b.id},
          {"parent_id", b.parent_id ? boost::json::value(*b.parent_id) : boost::json::value(nullptr)},
          {"code", b.code},
          {"name", core::Pick(lang, b.name_zh, b.name_en)},
          {"name_zh", b.name_zh},
          {"name_en", b.name_en},
          {"compound", core::Pick(lang, b.parent_name_zh, b.parent_name_en)},
          {"state", b.state.empty() ? "open" : b.state},
          {"since", b.since},
          {"until", b.until},
          {"reason", b.reason},
          {"households", b.households},
          {"residents", b.residents}};
}

}  // namespace tongxin::community
