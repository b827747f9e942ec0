// Broadcasts: parsing, templates, JSON.
#include "modules/announcements/broadcast.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "core/described_json.hpp"
#include "core/json_reader.hpp"
#include "core/long_date.hpp"
#include "core/text.hpp"
#include "modules/notify/channel.hpp"

namespace tongxin::announcements {
namespace {

bool IsKeyChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

bool IsKey(const std::string& k) {
  return !k.empty() && k.size() <= 32 && k[0] >= 'a' && k[0] <= 'z' && std::all_of(k.begin(), k.end(), IsKeyChar);
}

// Calls f(begin, end, name) for each {name} in text (name a key).
template <class F>
void EachPlaceholder(const std::string& text, F f) {
  std::size_t pos = 0;
  while ((pos = text.find('{', pos)) != std::string::npos) {
    const auto close = text.find('}', pos + 1);
    if (close == std::string::npos) return;
    const std::string name = text.substr(pos + 1, close - pos - 1);
    if (IsKey(name)) {
      f(pos, close + 1, name);
      pos = close + 1;
    } else {
      ++pos;
    }
  }
}

std::optional<std::vector<EditorFigure>> ParseFigures(core::JsonReader& r, const boost::json::object& body) {
  auto it = body.find("figures");
  if (it == body.end()) return std::nullopt;
  std::vector<EditorFigure> out;
  if (it->value().is_null()) return out;
  if (!it->value().is_array()) {
    r.AddError({"figures", "validation.wrong_type", {{"expected", "array"}}});
    return std::nullopt;
  }
  const auto& a = it->value().as_array();
  if (a.size() > 30) {
    r.AddError({"figures", "announcements.too_many", {{"max", "30"}}});
    return std::nullopt;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string prefix = "figures[" + std::to_string(i) + "].";
    if (!a[i].is_object()) {
      r.AddError({"figures[" + std::to_string(i) + "]", "validation.wrong_type", {{"expected", "object"}}});
      continue;
    }
    core::JsonReader f(a[i].as_object(), {"key", "label_zh", "label_en", "value"});
    EditorFigure fig;
    fig.key = f.String("key", true, 32).value_or("");
    fig.label_zh = core::Trim(f.String("label_zh", false, 100).value_or(""));
    fig.label_en = core::Trim(f.String("label_en", false, 100).value_or(""));
    fig.value = core::Trim(f.String("value", false, 200).value_or(""));
    if (!fig.key.empty() && !IsKey(fig.key)) f.AddError({"key", "broadcasts.invalid_key", {}});
    if (!fig.key.empty() && std::any_of(out.begin(), out.end(), [&](const auto& o) { return o.key == fig.key; })) {
      f.AddError({"key", "broadcasts.duplicate_key", {}});
    }
    r.AddErrorsOf(f.Finish(), prefix);
    out.push_back(std::move(fig));
  }
  return out;
}

}  // namespace

core::Result<BroadcastInput> ParseBroadcastInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"name", "subject_zh", "subject_en", "body_zh", "body_en", "schedule", "send_time",
                            "send_at", "by_email", "active", "audience", "figures"});
  BroadcastInput in;
  in.name = r.String("name", create, 100);
  in.subject_zh = r.String("subject_zh", false, 200);
  in.subject_en = r.String("subject_en", false, 200);
  in.body_zh = r.String("body_zh", false, 5000, true);
  in.body_en = r.String("body_en", false, 5000, true);
  in.schedule = r.Choice("schedule", false, {"daily", "once", "manual"});
  if (auto t = r.String("send_time", false, 5)) {
    if (notify::ParseClock(*t)) {
      in.send_time = *t;
    } else {
      r.AddError({"send_time", "validation.invalid_time", {}});
    }
  }
  if (auto v = r.String("send_at", false, 40)) {
    if (v->empty()) {
      in.send_at = "";
    } else if (auto t = ParseInstant(*v)) {
      in.send_at = *t;
    } else {
      r.AddError({"send_at", "announcements.invalid_time", {}});
    }
  }
  in.by_email = r.Bool("by_email", false);
  in.active = r.Bool("active", false);
  in.audience = ParseAudience(r, body);
  in.figures = ParseFigures(r, body);
  TX_CHECK(r.Finish());
  return in;
}

core::Result<Broadcast> ApplyInput(Broadcast b, const BroadcastInput& in) {
  if (in.name) b.name = core::Trim(*in.name);
  if (in.subject_zh) b.subject_zh = core::Trim(*in.subject_zh);
  if (in.subject_en) b.subject_en = core::Trim(*in.subject_en);
  if (in.body_zh) b.body_zh = core::Trim(*in.body_zh);
  if (in.body_en) b.body_en = core::Trim(*in.body_en);
  if (in.schedule) b.schedule = *in.schedule;
  if (in.send_time) b.send_time = *in.send_time;
  if (in.send_at) b.send_at = *in.send_at;
  if (in.by_email) b.by_email = *in.by_email ? 1 : 0;
  if (in.active) b.active = *in.active ? 1 : 0;
  if (b.name.empty()) return core::FieldInvalid("name", "validation.required");
  for (auto [field, text] : {std::pair{"subject_zh", &b.subject_zh}, std::pair{"subject_en", &b.subject_en},
                             std::pair{"body_zh", &b.body_zh}, std::pair{"body_en", &b.body_en}}) {
    if (text->empty()) return core::FieldInvalid(field, "broadcasts.text_needed");
  }
  if (b.schedule == "once" && b.send_at.empty()) return core::FieldInvalid("send_at", "broadcasts.send_at_needed");
  return b;
}

std::vector<std::string> Placeholders(const std::string& text) {
  std::vector<std::string> out;
  EachPlaceholder(text, [&](std::size_t, std::size_t, const std::string& name) {
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  });
  return out;
}

std::string FillTemplate(const std::string& text, const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t copied = 0;
  EachPlaceholder(text, [&](std::size_t begin, std::size_t end, const std::string& name) {
    auto it = values.find(name);
    if (it == values.end()) return;
    out.append(text, copied, begin - copied);
    out += it->second;
    copied = end;
  });
  out.append(text, copied);
  return out;
}

core::Status CheckPlaceholders(const Broadcast& b, const std::function<bool(const std::string&)>& known) {
  for (auto [field, text] : {std::pair{"subject_zh", &b.subject_zh}, std::pair{"subject_en", &b.subject_en},
                             std::pair{"body_zh", &b.body_zh}, std::pair{"body_en", &b.body_en}}) {
    for (const auto& name : Placeholders(*text)) {
      if (!known(name)) return core::FieldInvalid(field, "broadcasts.unknown_placeholder", {{"name", name}});
    }
  }
  return {};
}

std::string LongDate(const std::string& day, core::Lang lang) {
  return core::LongDate(day, std::string(core::LangCode(lang)));
}

boost::json::object BroadcastToJson(const BroadcastView& v) {
  boost::json::object o = core::DescribedToJson(v.b);
  o["by_email"] = v.b.by_email != 0;
  o["active"] = v.b.active != 0;
  o["audience"] = AudienceToJson(v.audience);
  boost::json::array figures;
  for (const auto& f : v.figures) {
    figures.push_back({{"key", f.key},
                       {"label_zh", f.label_zh},
                       {"label_en", f.label_en},
                       {"value", f.value},
                       {"updated_at", f.updated_at},
                       {"updated_by_name", f.updated_by_name}});
  }
  o["figures"] = std::move(figures);
  o["next_at"] = v.next_at;
  o["last_run"] = v.last ? boost::json::value(RunToJson(*v.last)) : boost::json::value(nullptr);
  return o;
}

boost::json::object RunToJson(const BroadcastRun& r) {
  boost::json::object o = core::DescribedToJson(r, {"figures"});
  boost::system::error_code ec;
  auto figures = boost::json::parse(r.figures, ec);
  o["figures"] = ec ? boost::json::value(boost::json::array{}) : figures;
  return o;
}

}  // namespace tongxin::announcements
