// Trips: transitions, request parsing and JSON.
#include "modules/travel/trip.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "core/currencies.hpp"
#include "core/described_json.hpp"
#include "core/json_reader.hpp"
#include "core/labels.hpp"
#include "core/local_time.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"

namespace tongxin::travel {
namespace {

constexpr std::string_view kNeeds[] = {"tickets", "money", "visa_extension", "medicine", "other"};

// "2020-03-14T09:30": a local day and time.
bool IsLocalTime(std::string_view s) {
  if (s.size() != 16 || s[10] != 'T' || s[13] != ':') return false;
  if (!core::IsValidDate(s.substr(0, 10))) return false;
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!digit(s[11]) || !digit(s[12]) || !digit(s[14]) || !digit(s[15])) return false;
  return (s[11] - '0') * 10 + (s[12] - '0') < 24 && (s[14] - '0') * 10 + (s[15] - '0') < 60;
}

// A JSON array of strings under `key`, each checked by `valid` (error `code` naming
// key[n]); nullopt when absent or wrong.
std::optional<std::vector<std::string>> StringList(core::JsonReader& r, const boost::json::object& body,
                                                   std::string_view key, std::size_t max_items,
                                                   bool (*valid)(std::string_view), const char* code) {
  auto it = body.find(key);
  if (it == body.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_array() || it->value().as_array().size() > max_items) {
    r.AddError({std::string(key), "validation.wrong_type", {{"expected", "array"}}});
    return std::nullopt;
  }
  std::vector<std::string> out;
  const auto& a = it->value().as_array();
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string field = std::string(key) + "[" + std::to_string(i) + "]";
    if (!a[i].is_string()) {
      r.AddError({field, "validation.wrong_type", {{"expected", "string"}}});
      continue;
    }
    std::string v(a[i].as_string());
    if (!valid(v)) {
      r.AddError({field, code, {}});
      continue;
    }
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
  }
  return out;
}

bool IsNeed(std::string_view v) { return std::find(std::begin(kNeeds), std::end(kNeeds), v) != std::end(kNeeds); }

boost::json::array SplitToJson(const std::string& csv) {
  boost::json::array a;
  for (const auto& s : core::SplitList(csv)) a.push_back(boost::json::string(s));
  return a;
}

}  // namespace

std::vector<std::string_view> NextStatuses(std::string_view from) {
  if (from == "planned") return {"abroad", "cancelled"};
  if (from == "abroad") return {"stranded", "returning", "observation", "home"};
  if (from == "stranded") return {"abroad", "returning", "observation", "home"};
  if (from == "returning") return {"stranded", "observation", "home"};
  if (from == "observation") return {"home"};
  return {};
}

bool CanMove(std::string_view from, std::string_view to) {
  const auto next = NextStatuses(from);
  return std::find(next.begin(), next.end(), to) != next.end();
}

bool IsAway(std::string_view status) { return status == "abroad" || status == "stranded" || status == "returning"; }

core::Result<TripInput> ParseTripInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"person_id", "kind", "purpose", "countries", "cities", "depart_on", "return_on",
                            "approval_ref", "contact_abroad", "legs"});
  TripInput in;
  in.person_id = r.Int("person_id", create, 1, INT64_MAX);
  in.kind = r.Choice("kind", false, {"official", "private"});
  in.purpose = r.String("purpose", create, 1000, true);
  in.cities = r.String("cities", false, 300);
  in.depart_on = r.Date("depart_on", create);
  in.return_on = r.Date("return_on", create);
  in.approval_ref = r.String("approval_ref", false, 100);
  in.contact_abroad = r.String("contact_abroad", false, 500, true);
  in.countries = StringList(r, body, "countries", 20, &core::IsCountryCode, "validation.invalid_country");
  if (create && (!in.countries || in.countries->empty()) && !r.HasErrors()) {
    r.AddError({"countries", "validation.required", {}});
  }
  if (!create && r.Has("person_id")) r.AddError({"person_id", "travel.traveller_fixed", {}});
  if (in.depart_on && in.return_on && *in.return_on < *in.depart_on) {
    r.AddError({"return_on", "travel.return_before_departure", {}});
  }
  if (auto it = body.find("legs"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_array() || it->value().as_array().size() > 20) {
      r.AddError({"legs", "validation.wrong_type", {{"expected", "array"}}});
    } else {
      std::vector<LegInput> legs;
      const auto& a = it->value().as_array();
      for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string prefix = "legs[" + std::to_string(i) + "].";
        if (!a[i].is_object()) {
          r.AddError({"legs[" + std::to_string(i) + "]", "validation.wrong_type", {{"expected", "object"}}});
          continue;
        }
        core::JsonReader v(a[i].as_object(), {"flight", "from_place", "to_place", "depart_at", "arrive_at"});
        LegInput leg;
        leg.flight = core::ToUpperAscii(v.String("flight", false, 20).value_or(""));
        leg.from_place = v.String("from_place", false, 100).value_or("");
        leg.to_place = v.String("to_place", false, 100).value_or("");
        leg.depart_at = v.String("depart_at", false, 16).value_or("");
        leg.arrive_at = v.String("arrive_at", false, 16).value_or("");
        for (const auto* key : {"depart_at", "arrive_at"}) {
          const std::string& t = std::string_view(key) == "depart_at" ? leg.depart_at : leg.arrive_at;
          if (!t.empty() && !IsLocalTime(t)) v.AddError({key, "travel.invalid_time", {}});
        }
        // Local times across time zones may run backwards, by less than a day; more is a typo.
        if (IsLocalTime(leg.depart_at) && IsLocalTime(leg.arrive_at) &&
            leg.arrive_at.substr(0, 10) < core::AddDays(leg.depart_at.substr(0, 10), -1)) {
          v.AddError({"arrive_at", "travel.arrival_before_departure", {}});
        }
        if (leg.flight.empty() && leg.from_place.empty() && leg.to_place.empty()) {
          v.AddError({"flight", "validation.required", {}});
        }
        r.AddErrorsOf(v.Finish(), prefix);
        legs.push_back(std::move(leg));
      }
      in.legs = std::move(legs);
    }
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<StatusInput> ParseStatusInput(const boost::json::object& body) {
  core::JsonReader r(body, {"status", "reason", "note", "return_on", "date", "location", "location_country"});
  StatusInput in;
  in.status = r.Choice("status", true, {"planned", "abroad", "stranded", "returning", "observation", "home",
                                         "cancelled"})
                  .value_or("");
  in.reason = r.Choice("reason", false, {"flights_cancelled", "entry_ban", "illness", "other"});
  in.note = r.String("note", false, 2000, true);
  in.return_on = r.Date("return_on", false);
  in.date = r.Date("date", false);
  in.location = r.String("location", false, 200);
  in.location_country = r.String("location_country", false, 2);
  if (in.location_country && !in.location_country->empty() && !core::IsCountryCode(*in.location_country)) {
    r.AddError({"location_country", "validation.invalid_country", {}});
  }
  if (in.status == "stranded" && (!in.reason || in.reason->empty())) {
    r.AddError({"reason", "travel.reason_needed", {}});
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<PositionInput> ParsePositionInput(const boost::json::object& body) {
  core::JsonReader r(body, {"location", "location_country", "needs", "needs_note", "note"});
  PositionInput in;
  in.location = r.String("location", false, 200);
  in.location_country = r.String("location_country", false, 2);
  in.needs_note = r.String("needs_note", false, 2000, true);
  in.note = r.String("note", false, 2000, true);
  if (in.location_country && !in.location_country->empty() && !core::IsCountryCode(*in.location_country)) {
    r.AddError({"location_country", "validation.invalid_country", {}});
  }
  in.needs = StringList(r, body, "needs", 5, &IsNeed, "travel.unknown_need");
  if (!in.location && !in.location_country && !in.needs && !in.needs_note && !in.note && !r.HasErrors()) {
    r.AddError({"location", "validation.required", {}});
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<AssistInput> ParseAssistInput(const boost::json::object& body) {
  core::JsonReader r(body, {"party", "note", "cost", "currency"});
  AssistInput in;
  in.party = r.Choice("party", true, {"office", "embassy", "traveller", "other"}).value_or("");
  in.note = r.String("note", true, 2000, true).value_or("");
  auto cost = r.Decimal("cost", false);
  auto currency = r.String("currency", false, 3);
  if (cost && !cost->empty()) {
    in.currency = currency.value_or("");
    const core::Currency* c = in.currency.empty() ? nullptr : core::FindCurrency(in.currency);
    if (in.currency.empty()) {
      r.AddError({"currency", "validation.required", {}});
    } else if (c == nullptr) {
      r.AddError({"currency", "travel.currency_unknown", {{"currency", in.currency}}});
    } else if (auto minor = core::ParseMinor(*cost, c->digits)) {
      in.cost_minor = *minor;
    } else {
      r.AddError({"cost", "travel.cost_invalid", {{"currency", in.currency}, {"digits", std::to_string(c->digits)}}});
    }
  }
  TX_CHECK(r.Finish());
  return in;
}

boost::json::object TripToJson(const Trip& t, core::Lang lang, bool full) {
  boost::json::object o = core::DescribedToJson(
      t, {"countries", "needs", "unit_path", "unit_name_zh", "unit_name_en", "events", "created_by", "legs"});
  o["countries"] = SplitToJson(t.countries);
  o["needs"] = SplitToJson(t.needs);
  o["name"] = core::Pick(lang, t.name_zh, t.name_latin);
  o["unit_name"] = core::Pick(lang, t.unit_name_zh, t.unit_name_en);
  boost::json::array next;
  for (auto s : NextStatuses(t.status)) next.push_back(boost::json::string(s));
  o["next_statuses"] = std::move(next);
  if (!full) return o;
  boost::json::array legs;
  for (const auto& l : t.legs) legs.push_back(core::DescribedToJson(l));
  o["legs"] = std::move(legs);
  boost::json::array events;
  std::map<std::string, std::int64_t> costs;  // by currency
  for (const auto& e : t.events) {
    boost::json::object j = core::DescribedToJson(e, {"cost_minor", "needs"});
    j["needs"] = SplitToJson(e.needs);
    if (!e.currency.empty()) {
      const core::Currency* c = core::FindCurrency(e.currency);
      j["cost"] = core::FormatMinor(e.cost_minor, c ? c->digits : 2);
      costs[e.currency] += e.cost_minor;
    }
    events.push_back(std::move(j));
  }
  o["events"] = std::move(events);
  boost::json::array totals;
  for (const auto& [currency, minor] : costs) {
    const core::Currency* c = core::FindCurrency(currency);
    totals.push_back({{"currency", currency}, {"total", core::FormatMinor(minor, c ? c->digits : 2)}});
  }
  o["costs"] = std::move(totals);
  return o;
}

std::string TripLabel(core::Lang lang, const std::string& group, const std::string& key) {
  static const core::LabelTable kLabels = {
      {"status.planned", {"计划中", "Planned"}},
      {"status.abroad", {"在境外", "Abroad"}},
      {"status.stranded", {"滞留", "Stranded"}},
      {"status.returning", {"回国途中", "Returning"}},
      {"status.observation", {"入境观察", "In observation"}},
      {"status.home", {"已回国", "Home"}},
      {"status.cancelled", {"已取消", "Cancelled"}},
      {"kind.official", {"因公", "Official"}},
      {"kind.private", {"因私", "Private"}},
      {"reason.flights_cancelled", {"航班取消", "Flights cancelled"}},
      {"reason.entry_ban", {"入境限制", "Entry ban"}},
      {"reason.illness", {"患病", "Illness"}},
      {"reason.other", {"其他", "Other"}},
      {"why.nationality", {"国籍", "Nationality"}},
      {"why.traveller", {"出访人员", "Traveller"}},
  };
  return kLabels(group, key, lang);
}

}  // namespace tongxin::travel
