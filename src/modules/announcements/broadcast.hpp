// Broadcasts (当日疫情通报, the daily briefing): a subject and body in zh-CN and en written as
// templates whose {placeholders} are filled at sending time from live figures (the
// modules' app::Figures: reports today, fevers, people in observation, travellers abroad),
// from figures an editor types (the city's case numbers) and {date}; sent to an audience
// (as notices', see Audience) daily at a local time (08:00 by default), once at an instant,
// or only by hand; every sending a run kept with the text as sent. Plain structs, request
// parsing, templates and JSON.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "modules/announcements/announcement.hpp"

namespace tongxin::announcements {

// schedule: daily (send_time, local HH:MM), once (send_at, an instant), manual.
struct Broadcast {
  std::int64_t id = 0;
  std::string name;
  std::string subject_zh, subject_en, body_zh, body_en;
  std::string schedule = "daily";
  std::string send_time = "08:00";
  std::string send_at;
  int by_email = 1;  // email too (in-app and the message channels always)
  int active = 1;
  std::optional<std::int64_t> created_by;
  std::string created_by_name, updated_by_name, created_at, updated_at;
};
BOOST_DESCRIBE_STRUCT(Broadcast, (), (id, name, subject_zh, subject_en, body_zh, body_en, schedule, send_time, send_at,
                                      by_email, active, created_by, created_by_name, updated_by_name, created_at,
                                      updated_at))

// A figure the editor types: its key is a placeholder.
struct EditorFigure {
  std::string key, label_zh, label_en, value, updated_at, updated_by_name;
};

// One sending, with the text as sent and the figures used ([{key, value}] as JSON).
struct BroadcastRun {
  std::int64_t id = 0;
  std::int64_t broadcast_id = 0;
  std::string run_key, started_at, sent_by_name;
  std::string subject_zh, subject_en, body_zh, body_en;
  std::string figures = "[]";
  // recipients: whom the audience matched; reached: those of them given at least one message.
  std::int64_t recipients = 0, recipients_en = 0, queued = 0, reached = 0;
};
BOOST_DESCRIBE_STRUCT(BroadcastRun, (), (id, broadcast_id, run_key, started_at, sent_by_name, subject_zh, subject_en,
                                         body_zh, body_en, figures, recipients, recipients_en, queued, reached))

struct BroadcastView {
  Broadcast b;
  Audience audience;
  std::vector<EditorFigure> figures;
  std::string next_at;  // the next scheduled sending ("" = none)
  std::optional<BroadcastRun> last;
};

struct BroadcastInput {
  std::optional<std::string> name, subject_zh, subject_en, body_zh, body_en, schedule, send_time, send_at;
  std::optional<bool> by_email, active;
  std::optional<Audience> audience;
  std::optional<std::vector<EditorFigure>> figures;  // the whole list (keys, labels, values)
};
// Errors (field errors): name required; schedule invalid choice; send_time
// validation.invalid_time (HH:MM); send_at announcements.invalid_time; figures[i].key
// broadcasts.invalid_key (a-z, 0-9, _; starting with a letter) or broadcasts.duplicate_key;
// audience as notices'.
core::Result<BroadcastInput> ParseBroadcastInput(const boost::json::object& body, bool create);
// The broadcast after `in`. Errors: subject_zh/subject_en/body_zh/body_en
// broadcasts.text_needed (both languages are sent); send_at broadcasts.send_at_needed (once).
core::Result<Broadcast> ApplyInput(Broadcast b, const BroadcastInput& in);

// The names of the {placeholders} in a template, in order, each once.
std::vector<std::string> Placeholders(const std::string& text);
// The template with each {name} that has a value replaced by it (others left as they are).
std::string FillTemplate(const std::string& text, const std::map<std::string, std::string>& values);
// Every placeholder of the four texts must be known (`known(name)`): else a field error
// broadcasts.unknown_placeholder naming the text and the placeholder.
core::Status CheckPlaceholders(const Broadcast& b, const std::function<bool(const std::string&)>& known);
// "2026年12月7日" / "7 December 2026".
std::string LongDate(const std::string& day, core::Lang lang);

boost::json::object BroadcastToJson(const BroadcastView& v);
boost::json::object RunToJson(const BroadcastRun& r);

}  // namespace tongxin::announcements
