// Notices: workflow, receipts and reminders.
#include "modules/announcements/announcements_service.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "auth/guard.hpp"
#include "core/described_json.hpp"
#include "modules/announcements/announcements_repo.hpp"

namespace tongxin::announcements {
namespace {

bool CanManage(const core::Principal& who) { return core::roles::kManagers.Has(who.role); }
bool CanOversee(const core::Principal& who) { return core::roles::kOverseers.Has(who.role); }

std::string Json(const Announcement& a, const Audience& audience) {
  boost::json::object o = core::DescribedToJson(a, {"announced_at"});
  o["audience"] = AudienceToJson(audience);
  return boost::json::serialize(o);
}

std::string Pick(const Announcement& a, core::Lang lang, const std::string& zh, const std::string& en) {
  const bool en_ok = !en.empty() && a.pending_lang != "en";
  const bool zh_ok = !zh.empty() && a.pending_lang != "zh";
  if (lang == core::Lang::kEn) return en_ok || !zh_ok ? en : zh;
  return zh_ok || !en_ok ? zh : en;
}

}  // namespace

AnnouncementsService::AnnouncementsService(storage::Database& db, const core::Clock& clock,
                                           notify::NotifyService& notify)
    : db_(db), clock_(clock), notify_(notify) {}

AnnouncementView AnnouncementsService::ViewOf(soci::session& sql, const Announcement& a, std::int64_t user_id) {
  AnnouncementView v{a, repo::AudienceOf(sql, a.id), "", ""};
  std::tie(v.read_at, v.acked_at) = repo::ReceiptOf(sql, a.id, user_id);
  return v;
}

core::Result<core::Page<AnnouncementView>> AnnouncementsService::Inbox(const core::Principal& who, bool unread_only,
                                                                       const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<AnnouncementView>> {
    auto list = repo::Inbox(sql, who.user_id, Now(), unread_only, page);
    core::Page<AnnouncementView> out{{}, list.total, list.request};
    for (auto& a : list.items) {
      AnnouncementView v{std::move(a), {}, "", ""};
      std::tie(v.read_at, v.acked_at) = repo::ReceiptOf(sql, v.a.id, who.user_id);
      out.items.push_back(std::move(v));
    }
    return out;
  });
}

core::Result<std::int64_t> AnnouncementsService::UnreadCount(const core::Principal& who) {
  return db_.WithSession(
      [&](soci::session& sql) -> core::Result<std::int64_t> { return repo::UnreadCount(sql, who.user_id, Now()); });
}

core::Result<core::Page<Announcement>> AnnouncementsService::List(const core::Principal& who,
                                                                  const AnnouncementFilter& f,
                                                                  const core::PageRequest& page) {
  if (!CanOversee(who)) return core::Forbidden();
  return db_.WithSession(
      [&](soci::session& sql) -> core::Result<core::Page<Announcement>> { return repo::List(sql, f, Now(), page); });
}

core::Result<AnnouncementView> AnnouncementsService::Get(const core::Principal& who, std::int64_t id,
                                                         const auth::Actor& actor) {
  const std::string now = Now();
  // Reading it as one of its audience is its receipt: a write, audited the first time.
  return db_.InTransaction([&](soci::session& sql) -> core::Result<AnnouncementView> {
    auto a = repo::Find(sql, id);
    if (!a) return core::NotFound("announcements.not_found");
    const bool live = State(*a, now) == "published";
    const bool mine = live && repo::InAudience(sql, id, who.user_id);
    if (!mine && !CanOversee(who)) return core::NotFound("announcements.not_found");
    if (mine && repo::MarkRead(sql, id, who.user_id, now)) {
      auth::RecordAudit(sql, actor, now, "read", "announcement", std::to_string(id), "", "");
    }
    return ViewOf(sql, *a, who.user_id);
  });
}

core::Result<AnnouncementView> AnnouncementsService::Create(const core::Principal& who, const AnnouncementInput& in,
                                                            const auth::Actor& actor) {
  return Save(who, std::nullopt, in, actor);
}

core::Result<AnnouncementView> AnnouncementsService::Update(const core::Principal& who, std::int64_t id,
                                                            const AnnouncementInput& in, const auth::Actor& actor) {
  return Save(who, id, in, actor);
}

core::Result<AnnouncementView> AnnouncementsService::Save(const core::Principal& who,
                                                          std::optional<std::int64_t> id,
                                                          const AnnouncementInput& in, const auth::Actor& actor) {
  if (!CanManage(who)) return core::Forbidden();
  const std::string now = Now();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<AnnouncementView> {
    Announcement before;
    Audience audience_before;
    if (id) {
      auto found = repo::Find(sql, *id);
      if (!found) return core::NotFound("announcements.not_found");
      before = *found;
      audience_before = repo::AudienceOf(sql, *id);
      if (before.status == "withdrawn") return core::Conflict("announcements.withdrawn");
    } else {
      before.status = "draft";
      before.created_by = actor.user_id;
      before.created_by_name = who.display_name.empty() ? who.username : who.display_name;
      before.created_at = now;
    }
    // The units it is addressed to: each one the writer's to address (the one scope guard).
    if (in.audience) {
      for (std::size_t i = 0; i < in.audience->units.size(); ++i) {
        TX_CHECK(auth::guard::Unit(sql, who, in.audience->units[i], "audience.units[" + std::to_string(i) + "]"));
      }
    }
    if (before.status == "approved") {
      const bool audience_changes =
          (in.audience && (in.audience->roles != audience_before.roles || in.audience->units != audience_before.units ||
                           in.audience->categories != audience_before.categories ||
                           in.audience->nationalities != audience_before.nationalities)) ||
          (in.category && *in.category != before.category) ||
          (in.ack_required && (*in.ack_required ? 1 : 0) != before.ack_required) ||
          (in.is_public && (*in.is_public ? 1 : 0) != before.is_public);
      if (audience_changes) return core::Conflict("announcements.audience_fixed");
    }
    TX_TRY(after, ApplyInput(before, in));
    after->updated_at = now;
    const Audience audience = in.audience ? *in.audience : audience_before;
    if (id) {
      repo::Update(sql, *after);
      if (in.audience) repo::SetAudience(sql, after->id, audience);
    } else {
      after->id = repo::Insert(sql, *after);
      repo::SetAudience(sql, after->id, audience);
    }
    auth::RecordAudit(sql, actor, now, id ? "update" : "create", "announcement", std::to_string(after->id),
                      id ? Json(before, audience_before) : "", Json(*after, audience));
    return ViewOf(sql, *after, who.user_id);
  });
}

core::Result<AnnouncementView> AnnouncementsService::Move(const core::Principal& who, std::int64_t id,
                                                          const auth::Actor& actor, const std::string& action,
                                                          const std::function<core::Status(Announcement&)>& change) {
  if (!CanManage(who)) return core::Forbidden();
  const std::string now = Now();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<AnnouncementView> {
    auto a = repo::Find(sql, id);
    if (!a) return core::NotFound("announcements.not_found");
    const Announcement before = *a;
    TX_CHECK(change(*a));
    a->updated_at = now;
    repo::Update(sql, *a);
    const Audience audience = repo::AudienceOf(sql, id);
    auth::RecordAudit(sql, actor, now, action, "announcement", std::to_string(id), Json(before, audience),
                      Json(*a, audience));
    if (State(*a, now) == "published" && a->announced_at.empty()) Announce(sql, *a, now);
    return ViewOf(sql, *a, who.user_id);
  });
}

core::Result<AnnouncementView> AnnouncementsService::Submit(const core::Principal& who, std::int64_t id,
                                                            const auth::Actor& actor) {
  return Move(who, id, actor, "submit", [&](Announcement& a) -> core::Status {
    if (a.status != "draft") return core::Conflict("announcements.wrong_state", {{"state", a.status}});
    a.status = "review";
    a.submitted_by = actor.user_id;
    a.submitted_by_name = who.display_name.empty() ? who.username : who.display_name;
    a.review_note.clear();
    return {};
  });
}

core::Result<AnnouncementView> AnnouncementsService::Review(const core::Principal& who, std::int64_t id,
                                                            const ReviewInput& in, const auth::Actor& actor) {
  const std::string now = Now();
  return Move(who, id, actor, in.approve ? "approve" : "reject", [&](Announcement& a) -> core::Status {
    if (a.status != "review") return core::Conflict("announcements.wrong_state", {{"state", a.status}});
    // Four eyes: whoever sent it for review does not approve it.
    if (a.submitted_by && *a.submitted_by == who.user_id) return core::Forbidden("announcements.own_review");
    a.status = in.approve ? "approved" : "draft";
    a.reviewed_by = actor.user_id;
    a.reviewed_by_name = who.display_name.empty() ? who.username : who.display_name;
    a.review_note = in.note;
    if (in.approve && a.publish_at.empty()) a.publish_at = now;
    if (in.approve && !a.expire_at.empty() && a.expire_at <= a.publish_at) {
      return core::FieldInvalid("expire_at", "announcements.expires_before_publish");
    }
    return {};
  });
}

core::Result<AnnouncementView> AnnouncementsService::Withdraw(const core::Principal& who, std::int64_t id,
                                                              const auth::Actor& actor) {
  const std::string now = Now();
  return Move(who, id, actor, "withdraw", [&](Announcement& a) -> core::Status {
    if (a.status != "approved") return core::Conflict("announcements.wrong_state", {{"state", a.status}});
    a.status = "withdrawn";
    if (a.expire_at.empty() || a.expire_at > now) a.expire_at = now;
    return {};
  });
}

core::Result<AnnouncementView> AnnouncementsService::Acknowledge(const core::Principal& who, std::int64_t id,
                                                                 const auth::Actor& actor) {
  const std::string now = Now();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<AnnouncementView> {
    auto a = repo::Find(sql, id);
    if (!a || State(*a, now) != "published" || !repo::InAudience(sql, id, who.user_id)) {
      return core::NotFound("announcements.not_found");
    }
    if (!a->ack_required) return core::Conflict("announcements.no_ack");
    if (repo::MarkAcked(sql, id, who.user_id, now)) {
      auth::RecordAudit(sql, actor, now, "acknowledge", "announcement", std::to_string(id), "", "");
    }
    return ViewOf(sql, *a, who.user_id);
  });
}

core::Result<ReceiptPage> AnnouncementsService::Receipts(const core::Principal& who, std::int64_t id,
                                                         const std::string& state, const core::PageRequest& page) {
  if (!CanOversee(who)) return core::Forbidden();
  return db_.WithSession([&](soci::session& sql) -> core::Result<ReceiptPage> {
    if (!repo::Find(sql, id)) return core::NotFound("announcements.not_found");
    return repo::Receipts(sql, who, id, state, page);
  });
}

core::Result<std::int64_t> AnnouncementsService::Remind(const core::Principal& who, std::int64_t id,
                                                        const auth::Actor& actor) {
  if (!CanManage(who)) return core::Forbidden();
  const std::string now = Now();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<std::int64_t> {
    auto a = repo::Find(sql, id);
    if (!a) return core::NotFound("announcements.not_found");
    if (State(*a, now) != "published") return core::Conflict("announcements.not_published");
    const std::string wanted = a->ack_required ? "unacked" : "unread";
    std::int64_t reminded = 0;
    const std::string day = now.substr(0, 10);
    for (auto user_id : repo::AudienceUsers(sql, &who, id, wanted)) {
      auto to = notify_.ForUser(sql, user_id);
      if (!to) continue;
      const std::string key = "announcement_remind:" + std::to_string(id) + ":" + day + ":u" + std::to_string(user_id);
      const int queued = notify_.Queue(
          sql, *to, "announcement", key,
          [&](core::Lang lang) {
            const std::string title = Pick(*a, lang, a->title_zh, a->title_en);
            if (lang == core::Lang::kEn) {
              return notify::Message{"Reminder: please read the notice \"" + title + "\"",
                                     a->ack_required ? "Please read it and confirm that you have."
                                                     : "You have not opened it yet."};
            }
            return notify::Message{"提醒：请阅读通知《" + title + "》",
                                   a->ack_required ? "请阅读并确认已读。" : "您尚未阅读该通知。"};
          },
          "/announcements/" + std::to_string(id));
      reminded += queued > 0 ? 1 : 0;
    }
    auth::RecordAudit(sql, actor, now, "remind", "announcement", std::to_string(id), "",
                      boost::json::serialize(boost::json::object{{"reminded", reminded}, {"state", wanted}}));
    return reminded;
  });
}

core::Result<std::vector<Announcement>> AnnouncementsService::PublicList(int limit) {
  return db_.WithSession(
      [&](soci::session& sql) -> core::Result<std::vector<Announcement>> { return repo::PublicList(sql, Now(), limit); });
}

core::Result<Announcement> AnnouncementsService::PublicGet(std::int64_t id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<Announcement> {
    auto a = repo::Find(sql, id);
    if (!a || !a->is_public || State(*a, Now()) != "published") return core::NotFound("announcements.not_found");
    return *a;
  });
}

void AnnouncementsService::Announce(soci::session& sql, const Announcement& a, const std::string& now) {
  for (auto user_id : repo::AudienceUsers(sql, nullptr, a.id, "")) {
    auto to = notify_.ForUser(sql, user_id);
    if (!to) continue;
    to->email.clear();  // in the app; reminders go by email too
    notify_.Queue(
        sql, *to, "announcement", "announcement:" + std::to_string(a.id) + ":u" + std::to_string(user_id),
        [&](core::Lang lang) {
          const std::string title = Pick(a, lang, a.title_zh, a.title_en);
          const std::string label = CategoryLabel(a.category, lang);
          return lang == core::Lang::kEn ? notify::Message{label + ": " + title, a.ack_required
                                                                                       ? "Please read it and confirm."
                                                                                       : "A new notice for you."}
                                         : notify::Message{label + "：" + title,
                                                           a.ack_required ? "请阅读并确认已读。" : "您有一条新通知。"};
        },
        "/announcements/" + std::to_string(a.id));
  }
  repo::SetAnnounced(sql, a.id, now);
}

core::Result<std::int64_t> AnnouncementsService::AnnounceDue() {
  const std::string now = Now();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<std::int64_t> {
    const auto due = repo::DueToAnnounce(sql, now);
    for (const auto& a : due) Announce(sql, a, now);
    return static_cast<std::int64_t>(due.size());
  });
}

}  // namespace tongxin::announcements
