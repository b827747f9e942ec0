// Duty posts, shifts, sign-ups and the iCalendar feed.
#include "modules/community/shifts_service.hpp"

#include <boost/json.hpp>

#include <date/tz.h>

#include <algorithm>
#include <cstdio>

#include "auth/crypto.hpp"
#include "auth/guard.hpp"
#include "core/local_time.hpp"
#include "core/text.hpp"
#include "modules/community/access.hpp"
#include "modules/community/volunteers_repo.hpp"
#include "modules/people/people_repo.hpp"

namespace tongxin::community {
namespace {

using access::CanEdit;
using access::CanRead;

std::string PostAudit(const Post& p) {
  return boost::json::serialize(boost::json::object{
      {"community_id", p.community_id},
      {"group_id", p.group_id ? boost::json::value(*p.group_id) : boost::json::value(nullptr)},
      {"kind", p.kind},
      {"name", p.name},
      {"location", p.location}});
}

std::string SignupAudit(const Shift& s, std::int64_t person_id) {
  return boost::json::serialize(
      boost::json::object{{"shift_id", s.id}, {"post_id", s.post_id}, {"starts_at", s.starts_at}, {"person_id", person_id}});
}

std::string LocalStart(const Shift& s, const std::string& tz) {
  const auto t = core::ParseIso(s.starts_at);
  return t ? core::LocalText(*t, tz) : s.starts_at;
}

}  // namespace

core::Result<Post> ShiftsService::PostInScope(soci::session& sql, const core::Principal& who, std::int64_t id) {
  auto p = repo::FindPost(sql, id);
  if (!p) return core::NotFound("community.post_not_found");
  TX_CHECK(auth::guard::Unit(sql, who, p->community_id));
  return *p;
}

core::Result<std::vector<Post>> ShiftsService::Posts(const core::Principal& who,
                                                     std::optional<std::int64_t> community_id) {
  if (!CanRead(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<Post>> {
    std::string path;
    if (community_id) {
      TX_TRY(c, auth::guard::Unit(sql, who, *community_id, "community_id"));
      path = c->path;
    }
    return repo::Posts(sql, who, path);
  });
}

core::Result<Post> ShiftsService::CreatePost(const core::Principal& who, const PostInput& in,
                                             const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Post> {
    auto unit = people::repo::FindUnit(sql, *in.community_id);
    if (!unit) return core::FieldInvalid("community_id", "units.not_found");
    if (unit->kind != "community") return core::FieldInvalid("community_id", "community.not_a_community");
    TX_CHECK(auth::guard::Unit(sql, who, *in.community_id, "community_id"));
    Post p;
    p.community_id = *in.community_id;
    if (in.group_id) {
      auto g = repo::FindGroup(sql, *in.group_id);
      if (!g || g->community_id != p.community_id) return core::FieldInvalid("group_id", "community.group_elsewhere");
      p.group_id = in.group_id;
    }
    p.kind = *in.kind;
    p.name = *in.name;
    p.location = core::Trim(in.location.value_or(""));
    p.created_at = p.updated_at = Now();
    p.id = repo::InsertPost(sql, p);
    auth::RecordAudit(sql, actor, p.created_at, "create", "duty_post", std::to_string(p.id), "", PostAudit(p));
    return *repo::FindPost(sql, p.id);
  });
}

core::Result<Post> ShiftsService::UpdatePost(const core::Principal& who, std::int64_t id, const PostInput& in,
                                             const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Post> {
    TX_TRY(before, PostInScope(sql, who, id));
    Post after = *before;
    if (in.group_set) {
      if (in.group_id) {
        auto g = repo::FindGroup(sql, *in.group_id);
        if (!g || g->community_id != after.community_id) {
          return core::FieldInvalid("group_id", "community.group_elsewhere");
        }
      }
      after.group_id = in.group_id;
    }
    if (in.kind) after.kind = *in.kind;
    if (in.name) after.name = *in.name;
    if (in.location) after.location = core::Trim(*in.location);
    after.updated_at = Now();
    repo::UpdatePost(sql, after);
    auth::RecordAudit(sql, actor, after.updated_at, "update", "duty_post", std::to_string(id), PostAudit(*before),
                      PostAudit(after));
    return *repo::FindPost(sql, id);
  });
}

core::Result<ShiftsCreated> ShiftsService::AddShifts(const core::Principal& who, std::int64_t post_id,
                                                     const ShiftsInput& in, const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<ShiftsCreated> {
    TX_CHECK(PostInScope(sql, who, post_id));
    ShiftsCreated done;
    const std::string now = Now();
    for (std::string day = in.from; day <= in.to; day = core::AddDays(day, 1)) {
      for (const auto& t : in.times) {
        Shift s;
        s.post_id = post_id;
        s.starts_at = core::FormatIso(core::AtLocal(day, t.start, time_zone_));
        s.ends_at = core::FormatIso(core::AtLocal(day, t.end, time_zone_));
        s.capacity = in.capacity;
        s.skill = in.skill;
        s.notes = in.notes;
        s.created_at = now;
        ++(repo::InsertShift(sql, s) ? done.created : done.existing);
      }
    }
    auth::RecordAudit(sql, actor, now, "create", "duty_shifts", std::to_string(post_id), "",
                      boost::json::serialize(boost::json::object{{"from", in.from},
                                                                 {"to", in.to},
                                                                 {"shifts", done.created},
                                                                 {"capacity", in.capacity},
                                                                 {"skill", in.skill}}));
    return done;
  });
}

core::Status ShiftsService::DeleteShift(const core::Principal& who, std::int64_t id, const auth::Actor& actor) {
  if (!CanEdit(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    auto s = repo::FindShift(sql, id);
    if (!s) return core::NotFound("community.shift_not_found");
    TX_CHECK(PostInScope(sql, who, s->post_id));
    if (s->taken > 0) return core::Conflict("community.shift_has_signups", {{"taken", std::to_string(s->taken)}});
    repo::DeleteShift(sql, id);
    auth::RecordAudit(sql, actor, Now(), "delete", "duty_shift", std::to_string(id),
                      boost::json::serialize(boost::json::object{{"post_id", s->post_id}, {"starts_at", s->starts_at}}),
                      "");
    return {};
  });
}

core::Result<Roster> ShiftsService::Week(const core::Principal& who, std::optional<std::int64_t> post_id,
                                         std::optional<std::int64_t> community_id, const std::string& day) {
  if (!CanRead(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<Roster> {
    std::string path;
    if (post_id) TX_CHECK(PostInScope(sql, who, *post_id));
    if (community_id) {
      TX_TRY(c, auth::guard::Unit(sql, who, *community_id, "community_id"));
      path = c->path;
    }
    const std::string from = core::FormatIso(core::AtLocal(day, 0, time_zone_));
    const std::string to = core::FormatIso(core::AtLocal(core::AddDays(day, 7), 0, time_zone_));
    Roster r;
    r.shifts = repo::Shifts(sql, who, post_id, path, from, to);
    std::vector<std::int64_t> ids;
    for (const auto& s : r.shifts) ids.push_back(s.id);
    r.signups = repo::SignupsOf(sql, ids);
    for (const auto& su : r.signups) {
      if (who.person_id && su.person_id == *who.person_id) r.mine.insert(su.shift_id);
    }
    return r;
  });
}

core::Result<std::vector<Shift>> ShiftsService::Mine(const core::Principal& who) {
  if (!who.person_id) return std::vector<Shift>{};
  return db_.WithSession(
      [&](soci::session& sql) -> core::Result<std::vector<Shift>> { return repo::ShiftsOfPerson(sql, *who.person_id); });
}

core::Result<Shift> ShiftsService::SignUp(const core::Principal& who, std::int64_t shift_id,
                                          std::optional<std::int64_t> person_id, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Shift> {
    auto s = repo::FindShift(sql, shift_id);
    if (!s) return core::NotFound("community.shift_not_found");
    std::int64_t person = 0;
    const char* field = "person_id";
    if (person_id && (!who.person_id || *person_id != *who.person_id)) {
      // Staff sign someone else up: the shift's community must be theirs.
      if (!CanEdit(who)) return core::Forbidden("auth.out_of_scope");
      TX_CHECK(auth::guard::Unit(sql, who, s->community_id));
      person = *person_id;
    } else {
      if (!who.person_id || !repo::FindVolunteer(sql, *who.person_id)) return core::Forbidden("community.not_a_volunteer");
      person = *who.person_id;
    }
    const std::string now = Now();
    if (s->starts_at <= now) return core::Conflict("community.shift_started");
    if (repo::SignedUp(sql, shift_id, person)) return core::Conflict("community.already_signed_up");
    const std::string day = LocalStart(*s, time_zone_).substr(0, 10);
    if (!repo::FindVolunteer(sql, person) || !repo::DeployedTo(sql, person, s->community_id, day)) {
      return core::FieldInvalid(field, "community.not_deployed_here");
    }
    if (!s->skill.empty()) {
      auto v = repo::FindVolunteer(sql, person);
      if (("," + v->skills + ",").find("," + s->skill + ",") == std::string::npos) {
        return core::Conflict("community.skill_needed", {{"skill", s->skill}});
      }
    }
    if (s->taken >= s->capacity) return core::Conflict("community.shift_full", {{"capacity", std::to_string(s->capacity)}});
    if (auto other = repo::Clash(sql, person, s->starts_at, s->ends_at, shift_id)) {
      return core::Conflict("community.shift_clash", {{"post", other->post_name},
                                                      {"start", LocalStart(*other, time_zone_)},
                                                      {"shift_id", std::to_string(other->id)}});
    }
    repo::InsertSignup(sql, shift_id, person, now);
    auth::RecordAudit(sql, actor, now, "create", "shift_signup", std::to_string(shift_id), "", SignupAudit(*s, person));
    return *repo::FindShift(sql, shift_id);
  });
}

core::Status ShiftsService::Cancel(const core::Principal& who, std::int64_t shift_id, std::int64_t person_id,
                                   const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    auto s = repo::FindShift(sql, shift_id);
    if (!s) return core::NotFound("community.shift_not_found");
    const bool own = who.person_id && *who.person_id == person_id;
    if (!own) {
      if (!CanEdit(who)) return core::Forbidden("auth.out_of_scope");
      TX_CHECK(auth::guard::Unit(sql, who, s->community_id));
    }
    if (!repo::SignedUp(sql, shift_id, person_id)) return core::NotFound("community.not_signed_up");
    const std::string now = Now();
    if (s->starts_at <= now) return core::Conflict("community.shift_started");
    repo::DeleteSignup(sql, shift_id, person_id);
    auth::RecordAudit(sql, actor, now, "delete", "shift_signup", std::to_string(shift_id), SignupAudit(*s, person_id),
                      "");
    return {};
  });
}

core::Status ShiftsService::MayManageFeed(soci::session& sql, const core::Principal& who, std::int64_t person_id) {
  if (!repo::FindVolunteer(sql, person_id)) return core::NotFound("community.not_a_volunteer");
  const bool own = who.person_id && *who.person_id == person_id;
  if (own) return {};
  if (!CanEdit(who)) return core::Forbidden("auth.out_of_scope");
  TX_CHECK(auth::guard::Person(sql, who, person_id));
  return {};
}

core::Result<std::string> ShiftsService::NewFeed(const core::Principal& who, std::int64_t person_id,
                                                 const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<std::string> {
    TX_CHECK(MayManageFeed(sql, who, person_id));
    const std::string token = auth::RandomHex(24);
    const std::string now = Now();
    repo::SetFeed(sql, person_id, auth::HashToken(token), now);
    auth::RecordAudit(sql, actor, now, "create", "calendar_feed", std::to_string(person_id), "", "");
    return token;
  });
}

core::Status ShiftsService::RevokeFeed(const core::Principal& who, std::int64_t person_id, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Status {
    TX_CHECK(MayManageFeed(sql, who, person_id));
    if (!repo::RevokeFeed(sql, person_id)) return core::NotFound("community.feed_not_found");
    auth::RecordAudit(sql, actor, Now(), "delete", "calendar_feed", std::to_string(person_id), "", "");
    return {};
  });
}

core::Result<std::string> ShiftsService::Calendar(const std::string& token) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::string> {
    auto owner = repo::FeedOwner(sql, auth::HashToken(token));
    if (!owner) return core::NotFound("community.feed_not_found");
    auto v = repo::FindVolunteer(sql, *owner);
    const std::string name = v ? (v->name_zh.empty() ? v->name_latin : v->name_zh) : "";
    return ShiftsCalendar(repo::ShiftsOfPerson(sql, *owner), name, time_zone_, Now());
  });
}

std::map<std::int64_t, std::int64_t> ShiftsService::MinutesServed(soci::session& sql,
                                                                  const std::vector<std::int64_t>& ids) {
  return repo::MinutesServed(sql, ids, Now());
}

namespace {

// RFC 5545 text: backslash, semicolon, comma and newline escaped.
std::string IcsText(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// A content line folded at 75 octets (never inside a UTF-8 sequence), CRLF-terminated.
void Line(std::string& out, const std::string& line) {
  std::size_t start = 0;
  bool first = true;
  while (start < line.size()) {
    std::size_t room = first ? 75 : 74;
    std::size_t end = std::min(line.size(), start + room);
    while (end < line.size() && end > start && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
    if (!first) out += ' ';
    out.append(line, start, end - start);
    out += "\r\n";
    start = end;
    first = false;
  }
  if (line.empty()) out += "\r\n";
}

// "2020-02-06 08:00" -> "20200206T080000".
std::string IcsLocal(const std::string& local) {
  if (local.size() < 16) return "";
  return local.substr(0, 4) + local.substr(5, 2) + local.substr(8, 2) + "T" + local.substr(11, 2) +
         local.substr(14, 2) + "00";
}

// "2020-02-05T02:00:00Z" -> "20200205T020000Z".
std::string IcsUtc(const std::string& iso) {
  std::string out;
  for (char c : iso) {
    if (c != '-' && c != ':') out += c;
  }
  if (auto dot = out.find('.'); dot != std::string::npos) out = out.substr(0, dot) + "Z";
  return out;
}

// "+0800" for an offset in seconds.
std::string Offset(std::int64_t seconds) {
  const char sign = seconds < 0 ? '-' : '+';
  seconds = seconds < 0 ? -seconds : seconds;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%c%02d%02d", sign, static_cast<int>(seconds / 3600),
                static_cast<int>((seconds % 3600) / 60));
  return buf;
}

}  // namespace

std::string ShiftsCalendar(const std::vector<Shift>& shifts, const std::string& name, const std::string& tz,
                           const std::string& now_iso) {
  std::string out;
  Line(out, "BEGIN:VCALENDAR");
  Line(out, "VERSION:2.0");
  Line(out, "PRODID:-//Tongxin//Duty shifts//ZH");
  Line(out, "CALSCALE:GREGORIAN");
  Line(out, "METHOD:PUBLISH");
  Line(out, "X-WR-CALNAME:" + IcsText("值班 Duty shifts " + name));
  Line(out, "X-WR-TIMEZONE:" + tz);
  // The zone as it stands now (offset and abbreviation); zones that change offset during the
  // year get the rule in force at each shift from the STANDARD block's offset only.
  const auto* zone = date::locate_zone(tz);
  const auto now = core::ParseIso(now_iso).value_or(core::TimePoint{});
  const auto info = zone->get_info(std::chrono::time_point_cast<std::chrono::seconds>(now));
  const std::string offset = Offset(info.offset.count());
  Line(out, "BEGIN:VTIMEZONE");
  Line(out, "TZID:" + tz);
  Line(out, "BEGIN:STANDARD");
  Line(out, "DTSTART:19700101T000000");
  Line(out, "TZOFFSETFROM:" + offset);
  Line(out, "TZOFFSETTO:" + offset);
  Line(out, "TZNAME:" + info.abbrev);
  Line(out, "END:STANDARD");
  Line(out, "END:VTIMEZONE");
  for (const auto& s : shifts) {
    const auto start = core::ParseIso(s.starts_at);
    const auto end = core::ParseIso(s.ends_at);
    if (!start || !end) continue;
    Line(out, "BEGIN:VEVENT");
    Line(out, "UID:shift-" + std::to_string(s.id) + "@tongxin");
    Line(out, "DTSTAMP:" + IcsUtc(now_iso));
    Line(out, "DTSTART;TZID=" + tz + ":" + IcsLocal(core::LocalText(*start, tz)));
    Line(out, "DTEND;TZID=" + tz + ":" + IcsLocal(core::LocalText(*end, tz)));
    Line(out, "SUMMARY:" + IcsText("值班：" + s.post_name + " / Duty: " + s.post_name));
    if (!s.notes.empty()) Line(out, "DESCRIPTION:" + IcsText(s.notes));
    Line(out, "LOCATION:" + IcsText(s.post_name));
    Line(out, "END:VEVENT");
  }
  Line(out, "END:VCALENDAR");
  return out;
}

}  // namespace tongxin::community
