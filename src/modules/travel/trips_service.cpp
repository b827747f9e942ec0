// Trips.
#include "modules/travel/trips_service.hpp"

#include <boost/json.hpp>

#include "auth/guard.hpp"
#include "core/local_time.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"
#include "modules/travel/trips_repo.hpp"

namespace tongxin::travel {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::string AuditJson(const Trip& t) {
  return boost::json::serialize(boost::json::object{{"person_id", t.person_id},
                                                    {"kind", t.kind},
                                                    {"purpose", t.purpose},
                                                    {"countries", t.countries},
                                                    {"cities", t.cities},
                                                    {"depart_on", t.depart_on},
                                                    {"return_on", t.return_on},
                                                    {"departed_on", t.departed_on},
                                                    {"returned_on", t.returned_on},
                                                    {"approval_ref", t.approval_ref},
                                                    {"status", t.status},
                                                    {"stranded_reason", t.stranded_reason},
                                                    {"location", t.location},
                                                    {"location_country", t.location_country},
                                                    {"needs", t.needs},
                                                    {"legs", t.legs.size()}});
}

void Apply(Trip& t, const TripInput& in) {
  if (in.person_id) t.person_id = *in.person_id;
  if (in.kind) t.kind = *in.kind;
  if (in.purpose) t.purpose = *in.purpose;
  if (in.cities) t.cities = *in.cities;
  if (in.depart_on) t.depart_on = *in.depart_on;
  if (in.return_on) t.return_on = *in.return_on;
  if (in.approval_ref) t.approval_ref = *in.approval_ref;
  if (in.contact_abroad) t.contact_abroad = *in.contact_abroad;
  if (in.countries) t.countries = Join(*in.countries);
}

TripEvent EventOf(const Trip& t, const std::string& kind, const std::string& now, const auth::Actor& actor) {
  TripEvent e;
  e.trip_id = t.id;
  e.at = now;
  e.kind = kind;
  e.actor_id = actor.user_id;
  e.actor_name = actor.username;
  return e;
}

}  // namespace

TripsService::TripsService(storage::Database& db, const core::Clock& clock, health::HealthService& health,
                           notify::NotifyService& notify, TravelSettings settings)
    : db_(db), clock_(clock), health_(health), notify_(notify), settings_(std::move(settings)) {
  if (settings_.observation_slots.empty()) settings_.observation_slots = health::DefaultSlots();
}

core::Result<Trip> TripsService::Readable(soci::session& sql, const core::Principal& who, std::int64_t id) {
  auto t = repo::FindTrip(sql, id);
  if (!t) return core::NotFound("travel.not_found");
  if (who.person_id && *who.person_id == t->person_id) return std::move(*t);
  // Not their own and not staff: as if it did not exist.
  if (!auth::guard::IsStaff(who.role)) return core::NotFound("travel.not_found");
  TX_CHECK(auth::guard::Path(who, t->unit_path));
  return std::move(*t);
}

core::Result<Trip> TripsService::Writable(soci::session& sql, const core::Principal& who, std::int64_t id) {
  TX_TRY(t, Readable(sql, who, id));
  if (!core::roles::kManagers.Has(who.role)) return core::Forbidden("auth.forbidden");
  TX_CHECK(auth::guard::Path(who, t->unit_path));
  return std::move(*t);
}

core::Result<TripList> TripsService::List(const core::Principal& who, TripFilter f, const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<TripList> {
    if (!auth::guard::IsStaff(who.role)) f.own_only = true;
    if (f.person_id && !f.own_only) TX_CHECK(auth::guard::Person(sql, who, *f.person_id, "person_id"));
    TripList out;
    out.page = repo::ListTrips(sql, who, f, page);
    out.counts = repo::CountByStatus(sql, who, f);
    return out;
  });
}

core::Result<std::vector<Trip>> TripsService::Export(const core::Principal& who, TripFilter f,
                                                    const auth::Actor& actor) {
  return db_.ReadThenRecord(
      [&](soci::session& sql) -> core::Result<std::vector<Trip>> {
        if (!auth::guard::IsStaff(who.role)) f.own_only = true;
        if (f.person_id && !f.own_only) TX_CHECK(auth::guard::Person(sql, who, *f.person_id, "person_id"));
        return repo::AllTrips(sql, who, f);
      },
      [&](soci::session& sql, const std::vector<Trip>& all) -> core::Status {
        std::string statuses;
        for (const auto& s : f.statuses) statuses += (statuses.empty() ? "" : ",") + s;
        auth::RecordAudit(sql, actor, Now(), "export", "trip", "", "",
                          boost::json::serialize(boost::json::object{{"rows", static_cast<std::int64_t>(all.size())},
                                                                     {"status", statuses},
                                                                     {"country", f.country},
                                                                     {"q", f.q}}));
        return {};
      });
}

core::Result<Trip> TripsService::Get(const core::Principal& who, std::int64_t id, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Trip> {
    TX_TRY(t, Readable(sql, who, id));
    const bool own = who.person_id && *who.person_id == t->person_id;
    if (!own) auth::RecordAudit(sql, actor, Now(), "read", "trip", std::to_string(id), "", "");
    return std::move(*t);
  });
}

core::Result<Trip> TripsService::Create(const core::Principal& who, const TripInput& in, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Trip> {
    TX_CHECK(auth::guard::Person(sql, who, *in.person_id, "person_id"));
    Trip t;
    Apply(t, in);
    t.created_by = actor.user_id;
    t.created_at = t.updated_at = Now();
    t.id = repo::InsertTrip(sql, t);
    if (in.legs) repo::SetLegs(sql, t.id, *in.legs);
    TripEvent e = EventOf(t, "created", t.created_at, actor);
    e.status_to = t.status;
    repo::AddEvent(sql, e);
    auto saved = repo::FindTrip(sql, t.id);
    auth::RecordAudit(sql, actor, t.created_at, "create", "trip", std::to_string(t.id), "", AuditJson(*saved));
    return std::move(*saved);
  });
}

core::Result<Trip> TripsService::Update(const core::Principal& who, std::int64_t id, const TripInput& in,
                                        const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Trip> {
    TX_TRY(before, Writable(sql, who, id));
    Trip t = *before;
    Apply(t, in);
    if (t.return_on < t.depart_on) return core::FieldInvalid("return_on", "travel.return_before_departure");
    t.updated_at = Now();
    repo::UpdateTrip(sql, t);
    if (in.legs) repo::SetLegs(sql, id, *in.legs);
    auto saved = repo::FindTrip(sql, id);
    auth::RecordAudit(sql, actor, t.updated_at, "update", "trip", std::to_string(id), AuditJson(*before),
                      AuditJson(*saved));
    return std::move(*saved);
  });
}

core::Result<std::int64_t> TripsService::StartObservation(soci::session& sql, const Trip& t,
                                                          const std::string& arrived_on, const auth::Actor& actor) {
  health::PlanInput plan;
  plan.name = "入境观察 · 出访 " + std::to_string(t.id) + " · " + (t.name_zh.empty() ? t.name_latin : t.name_zh);
  plan.kind = "observation";
  plan.target = "people";
  plan.time_zone = health_.settings().time_zone;
  plan.start_date = arrived_on;
  plan.observation_days = settings_.observation_days;
  plan.person_ids = std::vector<std::int64_t>{t.person_id};
  plan.slots = settings_.observation_slots;
  TX_TRY(made, health_.CreatePlanIn(sql, plan, actor));
  return made->id;
}

core::Result<Trip> TripsService::Move(const core::Principal& who, std::int64_t id, const StatusInput& in,
                                      const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Trip> {
    TX_TRY(before, Writable(sql, who, id));
    if (!CanMove(before->status, in.status)) {
      std::string allowed;
      for (auto s : NextStatuses(before->status)) allowed += (allowed.empty() ? "" : ", ") + std::string(s);
      return core::Conflict("travel.bad_transition",
                            {{"from", before->status}, {"to", in.status}, {"allowed", allowed.empty() ? "-" : allowed}});
    }
    Trip t = *before;
    const std::string today = health_.Today();
    const std::string day = in.date.value_or(today);
    if (day > today) return core::FieldInvalid("date", "travel.date_in_future");
    t.status = in.status;
    if (in.location) t.location = *in.location;
    if (in.location_country) t.location_country = *in.location_country;
    // Abroad, stranded or on the way back: the move may carry a new planned return.
    if (in.return_on && (in.status == "abroad" || in.status == "stranded" || in.status == "returning")) {
      if (*in.return_on < (t.departed_on.empty() ? (in.status == "abroad" ? day : t.depart_on) : t.departed_on)) {
        return core::FieldInvalid("return_on", "travel.return_before_departure");
      }
      t.return_on = *in.return_on;
    }
    if (in.status == "abroad") {
      if (t.departed_on.empty()) t.departed_on = day;
      t.stranded_reason.clear();
    } else if (in.status == "stranded") {
      t.stranded_reason = *in.reason;
    } else if (in.status == "returning") {
    } else if (in.status == "observation" || in.status == "home") {
      if (t.returned_on.empty()) {
        if (!t.departed_on.empty() && day < t.departed_on) {
          return core::FieldInvalid("date", "travel.return_before_departure");
        }
        t.returned_on = day;
      }
      t.needs.clear();
      if (in.status == "observation") {
        TX_TRY(plan_id, StartObservation(sql, t, t.returned_on, actor));
        t.observation_plan_id = *plan_id;
      } else if (t.observation_plan_id && before->observation_active) {
        health::PlanInput stop;  // home before the observation ran its course
        stop.active = false;
        TX_CHECK(health_.UpdatePlanIn(sql, *t.observation_plan_id, stop, actor));
      }
    }
    const std::string now = Now();
    t.updated_at = now;
    repo::UpdateTrip(sql, t);
    TripEvent e = EventOf(t, "status", now, actor);
    e.status_from = before->status;
    e.status_to = t.status;
    e.party = t.status == "stranded" ? t.stranded_reason : "";
    e.note = in.note.value_or("");
    e.location = t.location;
    if (t.return_on != before->return_on) e.return_on = t.return_on;
    repo::AddEvent(sql, e);
    auto saved = repo::FindTrip(sql, id);
    auth::RecordAudit(sql, actor, now, "update", "trip", std::to_string(id), AuditJson(*before), AuditJson(*saved));
    return std::move(*saved);
  });
}

core::Result<Trip> TripsService::ReportPosition(const core::Principal& who, std::int64_t id, const PositionInput& in,
                                                const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Trip> {
    TX_TRY(before, Readable(sql, who, id));
    const bool own = who.person_id && *who.person_id == before->person_id;
    if (!own) TX_CHECK(Writable(sql, who, id));
    if (!IsAway(before->status)) return core::Conflict("travel.trip_not_away", {{"status", before->status}});
    Trip t = *before;
    if (in.location) t.location = *in.location;
    if (in.location_country) t.location_country = *in.location_country;
    if (in.needs) t.needs = Join(*in.needs);
    if (in.needs_note) t.needs_note = *in.needs_note;
    const std::string now = Now();
    t.position_at = t.updated_at = now;
    repo::UpdateTrip(sql, t);
    TripEvent e = EventOf(t, "position", now, actor);
    e.party = own ? "traveller" : "office";
    e.note = in.note.value_or(in.needs_note.value_or(""));
    e.location = t.location;
    e.needs = t.needs;
    repo::AddEvent(sql, e);
    auto saved = repo::FindTrip(sql, id);
    auth::RecordAudit(sql, actor, now, "update", "trip_position", std::to_string(id), AuditJson(*before),
                      AuditJson(*saved));
    return std::move(*saved);
  });
}

core::Result<Trip> TripsService::Assist(const core::Principal& who, std::int64_t id, const AssistInput& in,
                                        const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Trip> {
    TX_TRY(t, Writable(sql, who, id));
    const std::string now = Now();
    TripEvent e = EventOf(*t, "assistance", now, actor);
    e.party = in.party;
    e.note = in.note;
    e.cost_minor = in.cost_minor;
    e.currency = in.currency;
    e.id = repo::AddEvent(sql, e);
    auth::RecordAudit(sql, actor, now, "create", "trip_assistance", std::to_string(e.id), "",
                      boost::json::serialize(boost::json::object{{"trip_id", id},
                                                                 {"party", e.party},
                                                                 {"note", e.note},
                                                                 {"cost_minor", e.cost_minor},
                                                                 {"currency", e.currency}}));
    return std::move(*repo::FindTrip(sql, id));
  });
}

core::Result<JobReport> TripsService::RunJobs() {
  const std::string today = health_.Today();
  return db_.InTransaction([&](soci::session& sql) -> core::Result<JobReport> {
    JobReport report;
    const auto overdue = repo::OverdueTrips(sql, today);
    if (!overdue.empty()) {
      const auto staff = notify_.Staff(sql, {"office"});
      for (const auto& t : overdue) {
        for (const auto& m : staff) {
          if (!m.Covers(t.unit_path)) continue;
          report.overdue_alerts += notify_.Queue(
              sql, m.to, "trip_overdue", "trip_overdue:" + std::to_string(t.id) + ":" + t.return_on,
              [&](core::Lang lang) {
                const std::string name = core::Pick(lang, t.name_zh, t.name_latin);
                if (lang == core::Lang::kEn) {
                  return notify::Message{name + " has not returned (planned " + t.return_on + ")",
                                         name + " (" + t.unit_name_en + ") was due home on " + t.return_on +
                                             " and is still away (" + t.status + ", " + t.countries +
                                             "). Check on them and plan the return on the trip's page."};
                }
                return notify::Message{name + " 未按计划回国（原定 " + t.return_on + "）",
                                       name + "（" + t.unit_name_zh + "）原定 " + t.return_on + " 回国，目前仍在境外（" +
                                           t.countries + "）。请联系本人并在出访记录中安排回国。"};
              },
              "/trips/" + std::to_string(t.id));
        }
      }
    }
    auth::Actor system;
    system.username = "travel-jobs";
    const std::string now = Now();
    for (const auto& before : repo::ObservationsOver(sql, today)) {
      Trip t = before;
      t.status = "home";
      t.updated_at = now;
      repo::UpdateTrip(sql, t);
      TripEvent e = EventOf(t, "status", now, system);
      e.status_from = "observation";
      e.status_to = "home";
      e.note = "observation_ended";
      repo::AddEvent(sql, e);
      auth::RecordAudit(sql, system, now, "update", "trip", std::to_string(t.id), AuditJson(before), AuditJson(t));
      ++report.brought_home;
    }
    return report;
  });
}

}  // namespace tongxin::travel
