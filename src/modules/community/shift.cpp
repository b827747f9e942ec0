// Posts and shifts: parsing and JSON.
#include "modules/community/shift.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>

#include "core/clock.hpp"
#include "core/json_reader.hpp"
#include "core/local_time.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"
#include "modules/community/volunteer.hpp"

namespace tongxin::community {

std::optional<int> MinutesOf(std::string_view hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return std::nullopt;
  int h = 0, m = 0;
  auto [p1, e1] = std::from_chars(hhmm.data(), hhmm.data() + 2, h);
  auto [p2, e2] = std::from_chars(hhmm.data() + 3, hhmm.data() + 5, m);
  if (e1 != std::errc{} || e2 != std::errc{} || p1 != hhmm.data() + 2 || p2 != hhmm.data() + 5) return std::nullopt;
  if (h == 24 && m == 0) return 1440;
  if (h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
  return h * 60 + m;
}

core::Result<PostInput> ParsePostInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"community_id", "group_id", "kind", "name", "location"});
  PostInput in;
  in.community_id = create ? r.Int("community_id", true, 1, INT64_MAX) : std::nullopt;
  if (!create && r.Has("community_id")) r.AddError({"community_id", "community.cannot_move_post", {}});
  if (r.Has("group_id")) {
    in.group_set = true;
    in.group_id = r.Int("group_id", false, 1, INT64_MAX);
  }
  in.kind = r.Choice("kind", create, {"gate", "entrance", "distribution", "other"});
  in.name = r.String("name", create, 100);
  in.location = r.String("location", false, 200);
  if (!create && in.name && core::Trim(*in.name).empty()) r.AddError({"name", "validation.empty", {}});
  TX_CHECK(r.Finish());
  if (in.name) in.name = core::Trim(*in.name);
  return in;
}

core::Result<ShiftsInput> ParseShiftsInput(const boost::json::object& body) {
  core::JsonReader r(body, {"from", "to", "times", "capacity", "skill", "notes"});
  ShiftsInput in;
  in.from = r.Date("from", true).value_or("");
  in.to = r.Date("to", false).value_or(in.from);
  in.capacity = static_cast<int>(r.Int("capacity", false, 1, 50).value_or(1));
  auto skill = r.Choice("skill", false, {"", "medical", "driving", "languages", "data_entry", "counselling", "logistics"});
  in.skill = skill.value_or("");
  in.notes = r.String("notes", false, 500, true).value_or("");
  auto times = body.find("times");
  if (times == body.end() || !times->value().is_array() || times->value().as_array().empty()) {
    r.AddError({"times", "validation.required", {}});
  } else if (times->value().as_array().size() > 12) {
    r.AddError({"times", "validation.too_many", {{"max", "12"}}});
  } else {
    const auto& list = times->value().as_array();
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string field = "times[" + std::to_string(i) + "]";
      const auto* o = list[i].if_object();
      const auto* start = o ? o->if_contains("start") : nullptr;
      const auto* end = o ? o->if_contains("end") : nullptr;
      const auto s = start && start->is_string() ? MinutesOf(start->as_string()) : std::nullopt;
      const auto e = end && end->is_string() ? MinutesOf(end->as_string()) : std::nullopt;
      if (!s || *s >= 1440) {
        r.AddError({field + ".start", "community.invalid_time", {}});
      } else if (!e) {
        r.AddError({field + ".end", "community.invalid_time", {}});
      } else if (*e <= *s) {
        r.AddError({field + ".end", "community.shift_ends_before_start", {}});
      } else {
        in.times.push_back({*s, *e});
      }
    }
  }
  if (!r.HasErrors() && !in.from.empty()) {
    if (in.to < in.from) {
      r.AddError({"to", "validation.date_order", {}});
    } else if (core::AddDays(in.from, 30) < in.to) {
      r.AddError({"to", "community.too_many_days", {{"max", "31"}}});
    }
  }
  TX_CHECK(r.Finish());
  return in;
}

boost::json::object PostToJson(const Post& p, core::Lang lang) {
  return {{"id", p.id},
          {"community_id", p.community_id},
          {"community", core::Pick(lang, p.community_name_zh, p.community_name_en)},
          {"group_id", p.group_id ? boost::json::value(*p.group_id) : boost::json::value(nullptr)},
          {"group", p.group_name},
          {"kind", p.kind},
          {"name", p.name},
          {"location", p.location},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

boost::json::object ShiftToJson(const Shift& s, const std::string& tz, bool mine) {
  const auto start = core::ParseIso(s.starts_at);
  const auto end = core::ParseIso(s.ends_at);
  const std::string local_start = start ? core::LocalText(*start, tz) : s.starts_at;
  const std::string local_end = end ? core::LocalText(*end, tz) : s.ends_at;
  return {{"id", s.id},
          {"post_id", s.post_id},
          {"post", s.post_name},
          {"post_kind", s.post_kind},
          {"community_id", s.community_id},
          {"starts_at", s.starts_at},
          {"ends_at", s.ends_at},
          {"day", local_start.substr(0, 10)},
          {"start", local_start.size() >= 16 ? local_start.substr(11, 5) : ""},
          {"end", local_end.size() < 16                                                    ? ""
                  : local_end.substr(11, 5) == "00:00" && local_end.substr(0, 10) != local_start.substr(0, 10)
                      ? "24:00"  // midnight ends the shift's day
                      : local_end.substr(11, 5)},
          {"capacity", s.capacity},
          {"taken", s.taken},
          {"open", s.capacity - s.taken},
          {"skill", s.skill},
          {"notes", s.notes},
          {"mine", mine}};
}

}  // namespace tongxin::community
