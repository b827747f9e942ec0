// Visits.
#include "modules/partners/visits_service.hpp"

#include <boost/json.hpp>

#include "auth/guard.hpp"
#include "core/local_time.hpp"
#include "core/pick.hpp"
#include "modules/partners/visits_repo.hpp"

namespace tongxin::partners {
namespace {

std::string AuditJson(const Visit& v) {
  boost::json::array visitors, people;
  for (const auto& x : v.visitors) visitors.push_back({{"name", x.name}, {"title", x.title}, {"nationality", x.nationality}});
  for (const auto& p : v.people) people.push_back(p.id);
  return boost::json::serialize(boost::json::object{{"partner_id", v.partner_id},
                                                    {"direction", v.direction},
                                                    {"visited_on", v.visited_on},
                                                    {"place", v.place},
                                                    {"purpose", v.purpose},
                                                    {"hosts", v.hosts},
                                                    {"visitors", std::move(visitors)},
                                                    {"person_ids", std::move(people)}});
}

void Apply(Visit& v, const VisitInput& in) {
  if (in.partner_id) v.partner_id = *in.partner_id;
  if (in.direction) v.direction = *in.direction;
  if (in.visited_on) v.visited_on = *in.visited_on;
  if (in.place) v.place = *in.place;
  if (in.purpose) v.purpose = *in.purpose;
  if (in.hosts) v.hosts = *in.hosts;
  if (in.discussed) v.discussed = *in.discussed;
  if (in.promised) v.promised = *in.promised;
}

}  // namespace

VisitsService::VisitsService(storage::Database& db, const core::Clock& clock, PartnersService& partners,
                             notify::NotifyService& notify, int reminder_days)
    : db_(db), clock_(clock), partners_(partners), notify_(notify), reminder_days_(reminder_days) {}

core::Result<int> VisitsService::RemindActions() {
  if (reminder_days_ < 0) return 0;
  const std::string today = partners_.Today();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<int> {
    int queued = 0;
    const auto due = repo::ActionsDue(sql, core::AddDays(today, -7), core::AddDays(today, reminder_days_));
    if (due.empty()) return 0;
    const auto staff = notify_.Staff(sql, {"admin", "office", "department", "leader"});
    for (const auto& a : due) {
      for (const auto& m : staff) {
        if (!m.to.user_id || *m.to.user_id != a.owner_id) continue;
        queued += notify_.Queue(
            sql, m.to, "visit_action", "visit_action:" + std::to_string(a.id) + ":" + a.due_on,
            [&](core::Lang lang) {
              const std::string partner = core::Pick(lang, a.partner_name_zh, a.partner_name_en);
              const bool late = a.due_on < today;
              if (lang == core::Lang::kEn) {
                return notify::Message{(late ? "Overdue since " : "Due by ") + a.due_on + ": " + a.action,
                                       "Follow-up of the visit of " + a.visited_on + " (" + partner + "): " +
                                           a.action + ". Mark it done on the visit's page."};
              }
              return notify::Message{std::string(late ? "已逾期（" : "待办（") + a.due_on + (late ? " 到期）：" : " 前）：") +
                                         a.action,
                                     a.visited_on + " " + partner + " 来访/出访的后续事项：" + a.action +
                                         "。完成后请在访问记录中标记。"};
            },
            "/partners/visits/" + std::to_string(a.visit_id));
      }
    }
    return queued;
  });
}

core::Result<Visit> VisitsService::Readable(soci::session& sql, const core::Principal& who, std::int64_t id) {
  auto v = repo::FindVisit(sql, id);
  if (!v) return core::NotFound("partners.visit_not_found");
  TX_CHECK(partners_.Readable(sql, who, v->partner_id));
  return std::move(*v);
}

core::Result<Visit> VisitsService::Writable(soci::session& sql, const core::Principal& who, std::int64_t id,
                                            std::string* unit_path) {
  auto v = repo::FindVisit(sql, id);
  if (!v) return core::NotFound("partners.visit_not_found");
  TX_TRY(p, partners_.Writable(sql, who, v->partner_id));
  if (unit_path) *unit_path = p->unit_path;
  return std::move(*v);
}

core::Status VisitsService::CheckPeople(soci::session& sql, const core::Principal& who,
                                        const std::vector<std::int64_t>& ids) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    TX_CHECK(auth::guard::Person(sql, who, ids[i], "person_ids[" + std::to_string(i) + "]"));
  }
  return {};
}

core::Result<core::Page<Visit>> VisitsService::List(const core::Principal& who, const VisitFilter& f,
                                                    const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<Visit>> {
    if (f.partner_id) TX_CHECK(partners_.Readable(sql, who, *f.partner_id, "partner_id"));
    return repo::ListVisits(sql, who, f, page);
  });
}

core::Result<Visit> VisitsService::Get(const core::Principal& who, std::int64_t id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<Visit> { return Readable(sql, who, id); });
}

core::Result<Visit> VisitsService::Create(const core::Principal& who, const VisitInput& in,
                                          const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Visit> {
    TX_CHECK(partners_.Writable(sql, who, *in.partner_id, "partner_id"));
    if (in.person_ids) TX_CHECK(CheckPeople(sql, who, *in.person_ids));
    Visit v;
    v.direction = "incoming";
    Apply(v, in);
    v.created_by = actor.user_id;
    v.created_at = v.updated_at = Now();
    v.id = repo::InsertVisit(sql, v);
    if (in.visitors) repo::SetVisitors(sql, v.id, *in.visitors);
    if (in.person_ids) repo::SetVisitPeople(sql, v.id, *in.person_ids);
    auto saved = repo::FindVisit(sql, v.id);
    auth::RecordAudit(sql, actor, v.created_at, "create", "partner_visit", std::to_string(v.id), "", AuditJson(*saved));
    return std::move(*saved);
  });
}

core::Result<Visit> VisitsService::Update(const core::Principal& who, std::int64_t id, const VisitInput& in,
                                          const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Visit> {
    TX_TRY(before, Writable(sql, who, id));
    if (in.person_ids) TX_CHECK(CheckPeople(sql, who, *in.person_ids));
    Visit v = *before;
    Apply(v, in);
    v.updated_at = Now();
    repo::UpdateVisit(sql, v);
    if (in.visitors) repo::SetVisitors(sql, id, *in.visitors);
    if (in.person_ids) repo::SetVisitPeople(sql, id, *in.person_ids);
    auto saved = repo::FindVisit(sql, id);
    auth::RecordAudit(sql, actor, v.updated_at, "update", "partner_visit", std::to_string(id), AuditJson(*before),
                      AuditJson(*saved));
    return std::move(*saved);
  });
}

core::Result<Visit> VisitsService::AddAction(const core::Principal& who, std::int64_t id, const ActionInput& in,
                                             const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Visit> {
    std::string unit_path;
    TX_CHECK(Writable(sql, who, id, &unit_path));
    if (in.owner_id) TX_CHECK(auth::guard::AccountCovers(sql, *in.owner_id, unit_path, "owner_id"));
    VisitAction a;
    a.visit_id = id;
    a.action = *in.action;
    a.owner_id = in.owner_id;
    a.due_on = in.due_on.value_or("");
    a.created_at = Now();
    if (in.done.value_or(false)) a.done_at = a.created_at;
    a.id = repo::InsertAction(sql, a);
    auth::RecordAudit(sql, actor, a.created_at, "create", "partner_visit_action", std::to_string(a.id), "",
                      boost::json::serialize(boost::json::object{{"visit_id", id},
                                                                 {"action", a.action},
                                                                 {"owner_id", a.owner_id.value_or(0)},
                                                                 {"due_on", a.due_on}}));
    return std::move(*repo::FindVisit(sql, id));
  });
}

core::Result<Visit> VisitsService::UpdateAction(const core::Principal& who, std::int64_t id, std::int64_t action_id,
                                                const ActionInput& in, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Visit> {
    std::string unit_path;
    TX_CHECK(Writable(sql, who, id, &unit_path));
    auto before = repo::FindAction(sql, id, action_id);
    if (!before) return core::NotFound("partners.action_not_found");
    if (in.owner_id) TX_CHECK(auth::guard::AccountCovers(sql, *in.owner_id, unit_path, "owner_id"));
    VisitAction a = *before;
    if (in.action) a.action = *in.action;
    if (in.owner_id) a.owner_id = in.owner_id;
    if (in.due_on) a.due_on = *in.due_on;
    const std::string now = Now();
    if (in.done) a.done_at = *in.done ? (before->done_at.empty() ? now : before->done_at) : "";
    repo::UpdateAction(sql, a);
    auth::RecordAudit(sql, actor, now, "update", "partner_visit_action", std::to_string(action_id),
                      boost::json::serialize(boost::json::object{{"action", before->action}, {"done_at", before->done_at}}),
                      boost::json::serialize(boost::json::object{{"action", a.action}, {"done_at", a.done_at}}));
    return std::move(*repo::FindVisit(sql, id));
  });
}

core::Result<Visit> VisitsService::AddPhoto(const core::Principal& who, std::int64_t id, const std::string& filename,
                                            std::string bytes, const auth::Actor& actor) {
  TX_TRY(type, io::CheckAttachment(bytes));
  if (*type != "image/png" && *type != "image/jpeg") {
    return core::MakeError(core::Errc::kUnsupportedMedia, "files.type", {{"allowed", "PNG, JPEG"}});
  }
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Visit> {
    TX_CHECK(Writable(sql, who, id));
    io::Attachment a = io::NewAttachment(filename, *type, std::move(bytes), who.user_id, Now());
    a.id = repo::InsertPhoto(sql, id, a);
    auth::RecordAudit(sql, actor, a.uploaded_at, "create", "partner_visit_photo", std::to_string(a.id), "",
                      io::AttachmentAuditJson(a, "visit_id", id));
    return std::move(*repo::FindVisit(sql, id));
  });
}

core::Result<io::Attachment> VisitsService::GetPhoto(const core::Principal& who, std::int64_t id,
                                                     std::int64_t photo_id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<io::Attachment> {
    TX_CHECK(Readable(sql, who, id));
    auto a = repo::FindPhoto(sql, id, photo_id);
    if (!a) return core::NotFound("partners.photo_not_found");
    return std::move(*a);
  });
}

}  // namespace tongxin::partners
