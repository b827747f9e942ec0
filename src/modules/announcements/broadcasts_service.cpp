// Broadcasts: templates filled from live figures, schedules, sending and history.
#include "modules/announcements/broadcasts_service.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <limits>

#include "auth/guard.hpp"
#include "core/described_json.hpp"
#include "core/local_time.hpp"
#include "modules/announcements/audience_repo.hpp"
#include "modules/notify/channel.hpp"
#include "modules/notify/channels_repo.hpp"
#include "storage/query.hpp"

namespace tongxin::announcements {
namespace {

bool CanManage(const core::Principal& who) { return core::roles::kManagers.Has(who.role); }
bool CanOversee(const core::Principal& who) { return core::roles::kOverseers.Has(who.role); }

constexpr auto kGrace = std::chrono::hours(6);  // a daily broadcast late by more is skipped that day

std::string NameOf(const core::Principal& who) { return who.display_name.empty() ? who.username : who.display_name; }

std::string Json(const BroadcastView& v) { return boost::json::serialize(BroadcastToJson(v)); }

// What each placeholder reads in a language: the date written out, a figure not typed yet "—".
std::map<std::string, std::string> Fills(const std::vector<FigureValue>& values, core::Lang lang) {
  std::map<std::string, std::string> out;
  for (const auto& f : values) {
    out[f.key] = f.source == "date" ? LongDate(f.value, lang) : f.value.empty() ? "—" : f.value;
  }
  return out;
}

}  // namespace

BroadcastsService::BroadcastsService(storage::Database& db, const core::Clock& clock, notify::NotifyService& notify,
                                     const app::Figures& figures, std::string time_zone)
    : db_(db), clock_(clock), notify_(notify), figures_(figures), time_zone_(std::move(time_zone)) {}

BroadcastView BroadcastsService::ViewOf(soci::session& sql, const Broadcast& b) {
  BroadcastView v{b, repo::AudienceOf(sql, repo::kBroadcastAudience, b.id), repo::FiguresOf(sql, b.id), "",
                  repo::LastRun(sql, b.id)};
  v.next_at = NextAt(sql, b, clock_.Now());
  return v;
}

core::Result<core::Page<BroadcastView>> BroadcastsService::List(const core::Principal& who,
                                                                const core::PageRequest& page) {
  if (!CanOversee(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<BroadcastView>> {
    auto list = repo::ListBroadcasts(sql, page);
    core::Page<BroadcastView> out{{}, list.total, list.request};
    for (const auto& b : list.items) out.items.push_back(ViewOf(sql, b));
    return out;
  });
}

core::Result<BroadcastView> BroadcastsService::Get(const core::Principal& who, std::int64_t id) {
  if (!CanOversee(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<BroadcastView> {
    auto b = repo::FindBroadcast(sql, id);
    if (!b) return core::NotFound("broadcasts.not_found");
    return ViewOf(sql, *b);
  });
}

core::Result<BroadcastView> BroadcastsService::Create(const core::Principal& who, const BroadcastInput& in,
                                                      const auth::Actor& actor) {
  return Save(who, std::nullopt, in, actor);
}

core::Result<BroadcastView> BroadcastsService::Update(const core::Principal& who, std::int64_t id,
                                                      const BroadcastInput& in, const auth::Actor& actor) {
  return Save(who, id, in, actor);
}

core::Result<BroadcastView> BroadcastsService::Save(const core::Principal& who, std::optional<std::int64_t> id,
                                                    const BroadcastInput& in, const auth::Actor& actor) {
  if (!CanManage(who)) return core::Forbidden();
  const std::string now = Now();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<BroadcastView> {
    BroadcastView before;
    if (id) {
      auto found = repo::FindBroadcast(sql, *id);
      if (!found) return core::NotFound("broadcasts.not_found");
      before = ViewOf(sql, *found);
    } else {
      before.b.created_by = actor.user_id;
      before.b.created_by_name = NameOf(who);
      before.b.created_at = now;
    }
    // The units it is addressed to: each one the writer's to address (the one scope guard).
    if (in.audience) {
      for (std::size_t i = 0; i < in.audience->units.size(); ++i) {
        TX_CHECK(auth::guard::Unit(sql, who, in.audience->units[i], "audience.units[" + std::to_string(i) + "]"));
      }
    }
    TX_TRY(after, ApplyInput(before.b, in));
    after->updated_at = now;
    after->updated_by_name = NameOf(who);
    std::vector<EditorFigure> figures = before.figures;
    if (in.figures) {
      figures = *in.figures;
      for (std::size_t i = 0; i < figures.size(); ++i) {
        auto& f = figures[i];
        if (figures_.Find(f.key) || f.key == "date") {
          return core::FieldInvalid("figures[" + std::to_string(i) + "].key", "broadcasts.key_is_live",
                                    {{"name", f.key}});
        }
        // A value keeps its time unless it changed.
        auto old = std::find_if(before.figures.begin(), before.figures.end(),
                                [&](const EditorFigure& o) { return o.key == f.key; });
        if (old != before.figures.end() && old->value == f.value) {
          f.updated_at = old->updated_at;
          f.updated_by_name = old->updated_by_name;
        } else {
          f.updated_at = f.value.empty() ? "" : now;
          f.updated_by_name = f.value.empty() ? "" : NameOf(who);
        }
      }
    }
    TX_CHECK(CheckPlaceholders(*after, [&](const std::string& name) {
      return name == "date" || figures_.Find(name) ||
             std::any_of(figures.begin(), figures.end(), [&](const EditorFigure& f) { return f.key == name; });
    }));
    const Audience audience = in.audience ? *in.audience : before.audience;
    if (id) {
      repo::UpdateBroadcast(sql, *after);
    } else {
      after->id = repo::InsertBroadcast(sql, *after);
    }
    if (!id || in.audience) repo::SetAudience(sql, repo::kBroadcastAudience, after->id, audience);
    if (!id || in.figures) repo::SetFigures(sql, after->id, figures);
    BroadcastView v = ViewOf(sql, *after);
    auth::RecordAudit(sql, actor, now, id ? "update" : "create", "broadcast", std::to_string(after->id),
                      id ? Json(before) : "", Json(v));
    return v;
  });
}

std::vector<FigureValue> BroadcastsService::Values(soci::session& sql, const std::vector<EditorFigure>& editor) {
  const auto now = clock_.Now();
  app::FigureDay day;
  day.today = core::LocalDay(now, time_zone_);
  day.yesterday = core::AddDays(day.today, -1);
  day.now = core::FormatIso(now);
  std::vector<FigureValue> out;
  out.push_back({"date", "日期", "Date", day.today, "date", ""});
  for (const auto& f : figures_.all()) {
    out.push_back({f.key, f.label_zh, f.label_en, std::to_string(f.read(sql, day)), "live", day.now});
  }
  for (const auto& f : editor) out.push_back({f.key, f.label_zh, f.label_en, f.value, "editor", f.updated_at});
  return out;
}

std::vector<notify::Recipient> BroadcastsService::Recipients(soci::session& sql, const Broadcast& b) {
  storage::Query match(repo::Match(repo::kBroadcastAudience, ":bid"));
  match.Bind("bid", b.id);
  auto out = notify_.Matching(sql, match);
  if (!b.by_email) {
    for (auto& r : out) r.email.clear();
  }
  return out;
}

core::Result<BroadcastPreview> BroadcastsService::Preview(const core::Principal& who, std::int64_t id) {
  if (!CanOversee(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<BroadcastPreview> {
    auto b = repo::FindBroadcast(sql, id);
    if (!b) return core::NotFound("broadcasts.not_found");
    BroadcastPreview p;
    p.figures = Values(sql, repo::FiguresOf(sql, id));
    const auto zh = Fills(p.figures, core::Lang::kZh), en = Fills(p.figures, core::Lang::kEn);
    p.subject_zh = FillTemplate(b->subject_zh, zh);
    p.body_zh = FillTemplate(b->body_zh, zh);
    p.subject_en = FillTemplate(b->subject_en, en);
    p.body_en = FillTemplate(b->body_en, en);
    const bool email = notify_.email_enabled();
    bool texts = false;
    for (const auto& ch : notify::channels_repo::Active(sql)) texts |= !ch.is_group() && ch.Relays("broadcast");
    for (const auto& r : Recipients(sql, *b)) {
      ++p.recipients;
      if (r.lang == core::Lang::kEn) ++p.recipients_en;
      if (!r.email.empty()) ++p.with_email;
      if (!r.phone.empty()) ++p.with_phone;
      if (r.user_id || (email && !r.email.empty()) || (texts && !r.phone.empty())) ++p.reachable;
    }
    return p;
  });
}

std::optional<BroadcastRun> BroadcastsService::Send(soci::session& sql, const Broadcast& b, const std::string& run_key,
                                                    const std::string& by_name) {
  BroadcastRun run;
  run.broadcast_id = b.id;
  run.run_key = run_key;
  run.started_at = Now();
  run.sent_by_name = by_name;
  auto run_id = repo::StartRun(sql, run);
  if (!run_id) return std::nullopt;
  run.id = *run_id;
  const auto values = Values(sql, repo::FiguresOf(sql, b.id));
  const auto zh = Fills(values, core::Lang::kZh), en = Fills(values, core::Lang::kEn);
  boost::json::array used;
  for (const auto& f : values) used.push_back({{"key", f.key}, {"value", f.value}, {"source", f.source}});
  run.figures = boost::json::serialize(used);
  run.subject_zh = FillTemplate(b.subject_zh, zh);
  run.body_zh = FillTemplate(b.body_zh, zh);
  run.subject_en = FillTemplate(b.subject_en, en);
  run.body_en = FillTemplate(b.body_en, en);
  const auto to = Recipients(sql, b);
  run.recipients = static_cast<std::int64_t>(to.size());
  run.recipients_en = std::count_if(to.begin(), to.end(), [](const auto& r) { return r.lang == core::Lang::kEn; });
  run.queued = notify_.QueueMany(
      sql, to, "broadcast", "broadcast:" + std::to_string(run.id),
      [&](core::Lang lang) {
        return lang == core::Lang::kEn ? notify::Message{run.subject_en, run.body_en}
                                       : notify::Message{run.subject_zh, run.body_zh};
      },
      "", "broadcast_run:" + std::to_string(run.id));
  repo::FinishRun(sql, run);
  return run;
}

core::Result<RunDetail> BroadcastsService::SendNow(const core::Principal& who, std::int64_t id,
                                                   const auth::Actor& actor) {
  if (!CanManage(who)) return core::Forbidden();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<RunDetail> {
    auto b = repo::FindBroadcast(sql, id);
    if (!b) return core::NotFound("broadcasts.not_found");
    const std::string now = Now();
    auto run = Send(sql, *b, "b" + std::to_string(id) + ":hand:" + now, NameOf(who));
    if (!run) return core::Conflict("broadcasts.just_sent");
    auth::RecordAudit(sql, actor, now, "send", "broadcast", std::to_string(id), "",
                      boost::json::serialize(boost::json::object{{"run_id", run->id},
                                                                 {"recipients", run->recipients},
                                                                 {"queued", run->queued}}));
    return RunDetail{*run, repo::RunDelivery(sql, run->id)};
  });
}

core::Result<core::Page<BroadcastRun>> BroadcastsService::Runs(const core::Principal& who, std::int64_t id,
                                                              const core::PageRequest& page) {
  if (!CanOversee(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<BroadcastRun>> {
    if (!repo::FindBroadcast(sql, id)) return core::NotFound("broadcasts.not_found");
    return repo::Runs(sql, id, page);
  });
}

core::Result<RunDetail> BroadcastsService::Run(const core::Principal& who, std::int64_t run_id) {
  if (!CanOversee(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<RunDetail> {
    auto run = repo::FindRun(sql, run_id);
    if (!run) return core::NotFound("broadcasts.run_not_found");
    return RunDetail{*run, repo::RunDelivery(sql, run_id)};
  });
}

core::Result<core::Page<repo::RunRecipient>> BroadcastsService::RunRecipients(const core::Principal& who,
                                                                              std::int64_t run_id,
                                                                              const core::PageRequest& page) {
  if (!CanOversee(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<repo::RunRecipient>> {
    if (!repo::FindRun(sql, run_id)) return core::NotFound("broadcasts.run_not_found");
    return repo::RunRecipients(sql, who, run_id, page);
  });
}

core::Result<std::vector<repo::RunRecipient>> BroadcastsService::AllRunRecipients(const core::Principal& who,
                                                                                  std::int64_t run_id,
                                                                                  const auth::Actor& actor) {
  if (!CanOversee(who)) return core::Forbidden();
  return db_.ReadThenRecord(
      [&](soci::session& sql) -> core::Result<std::vector<repo::RunRecipient>> {
        if (!repo::FindRun(sql, run_id)) return core::NotFound("broadcasts.run_not_found");
        return repo::RunRecipients(sql, who, run_id, {1, std::numeric_limits<int>::max()}).items;
      },
      [&](soci::session& sql, const std::vector<repo::RunRecipient>& all) -> core::Status {
        auth::RecordAudit(sql, actor, Now(), "export", "broadcast_run", std::to_string(run_id), "",
                          boost::json::serialize(boost::json::object{{"rows", all.size()}}));
        return {};
      });
}

core::Result<std::vector<FigureValue>> BroadcastsService::LiveFigures(const core::Principal& who) {
  if (!CanOversee(who)) return core::Forbidden();
  return db_.WithSession(
      [&](soci::session& sql) -> core::Result<std::vector<FigureValue>> { return Values(sql, {}); });
}

std::optional<std::string> BroadcastsService::DueKey(soci::session& sql, const Broadcast& b, core::TimePoint now) {
  if (!b.active) return std::nullopt;
  const std::string prefix = "b" + std::to_string(b.id) + ":";
  if (b.schedule == "once") {
    auto at = core::ParseIso(b.send_at);
    if (!at || *at > now || repo::HasRun(sql, prefix + "once")) return std::nullopt;
    return prefix + "once";
  }
  if (b.schedule != "daily") return std::nullopt;
  const auto minutes = notify::ParseClock(b.send_time);
  if (!minutes) return std::nullopt;
  const std::string today = core::LocalDay(now, time_zone_);
  const auto at = core::AtLocal(today, *minutes, time_zone_);
  const auto created = core::ParseIso(b.created_at);
  if (now < at || now > at + kGrace || (created && *created > at)) return std::nullopt;
  if (repo::HasRun(sql, prefix + today)) return std::nullopt;
  return prefix + today;
}

std::string BroadcastsService::NextAt(soci::session& sql, const Broadcast& b, core::TimePoint now) {
  if (!b.active) return "";
  if (b.schedule == "once") return repo::HasRun(sql, "b" + std::to_string(b.id) + ":once") ? "" : b.send_at;
  if (b.schedule != "daily") return "";
  const auto minutes = notify::ParseClock(b.send_time);
  if (!minutes) return "";
  const std::string today = core::LocalDay(now, time_zone_);
  const auto at = core::AtLocal(today, *minutes, time_zone_);
  const auto created = core::ParseIso(b.created_at);
  const bool today_open = now <= at + kGrace && !(created && *created > at) &&
                          !repo::HasRun(sql, "b" + std::to_string(b.id) + ":" + today);
  return core::FormatIso(today_open ? at : core::AtLocal(core::AddDays(today, 1), *minutes, time_zone_));
}

core::Result<std::int64_t> BroadcastsService::SendDue() {
  const auto now = clock_.Now();
  auto due = db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<std::pair<Broadcast, std::string>>> {
    std::vector<std::pair<Broadcast, std::string>> out;
    for (auto& b : repo::ActiveBroadcasts(sql)) {
      if (auto key = DueKey(sql, b, now)) out.emplace_back(std::move(b), *key);
    }
    return out;
  });
  if (!due) return due.error();
  std::int64_t sent = 0;
  for (const auto& [b, key] : *due) {
    // Each in a transaction of its own: the run key makes it happen once, whichever
    // instance gets there first.
    auto r = db_.InTransaction([&](soci::session& sql) -> core::Result<bool> {
      auto run = Send(sql, b, key, "");
      if (run) {
        auth::Actor job;
        job.username = "broadcasts";
        auth::RecordAudit(sql, job, Now(), "send", "broadcast", std::to_string(b.id),
                          "", boost::json::serialize(boost::json::object{{"run_id", run->id},
                                                                         {"recipients", run->recipients},
                                                                         {"queued", run->queued}}));
      }
      return run.has_value();
    });
    if (!r) return r.error();
    if (*r) ++sent;
  }
  return sent;
}

}  // namespace tongxin::announcements
