// Alert and inquiry storage.
#include "modules/health/health_repo.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "storage/prepared.hpp"
#include "storage/scope.hpp"
#include "storage/repo_kit.hpp"

namespace tongxin::health::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

}  // namespace

std::int64_t InsertInquiry(soci::session& sql, std::int64_t person_id, const std::string& channel,
                           const std::string& answer, std::optional<std::int64_t> by, const std::string& at) {
  Query q("INSERT INTO health_inquiries (person_id, channel, answer, asked_by, asked_at) VALUES (:p, :c, :a, " +
          std::string(by ? ":b" : "NULL") + ", :t) RETURNING id");
  q.Bind("p", person_id).Bind("c", channel).Bind("a", answer).Bind("t", at);
  if (by) q.Bind("b", *by);
  return q.Scalar(sql);
}

bool AlertExists(soci::session& sql, std::int64_t checkin_id, const std::string& kind) {
  auto st = storage::Cached(sql, "SELECT COUNT(*) FROM health_alerts WHERE checkin_id = :c AND kind = :k", "is");
  st->Set(0, checkin_id).Set(1, kind).Run();
  const bool any = GetInt(st->Row(), 0) > 0;
  st->Finish();
  return any;
}

bool AnyAlertFor(soci::session& sql, std::int64_t checkin_id) {
  auto st = storage::Cached(sql, "SELECT COUNT(*) FROM health_alerts WHERE checkin_id = :c", "i");
  st->Set(0, checkin_id).Run();
  const bool any = GetInt(st->Row(), 0) > 0;
  st->Finish();
  return any;
}

std::int64_t InsertAlert(soci::session& sql, std::int64_t person_id, std::int64_t checkin_id, const std::string& day,
                         int slot, const std::string& kind, const std::string& detail, int reading_tenths,
                         const std::string& recheck_due, const std::string& now) {
  return Query("INSERT INTO health_alerts (person_id, checkin_id, day, slot, kind, detail, status, recheck_due_at, "
               "reading_tenths, created_at, updated_at) VALUES (:p, :c, :d, :s, :k, :dt, 'open', :r, :rt, :n, :n2) "
               "RETURNING id")
      .Bind("p", person_id)
      .Bind("c", checkin_id)
      .Bind("d", day)
      .Bind("s", std::int64_t{slot})
      .Bind("k", kind)
      .Bind("dt", detail)
      .Bind("r", recheck_due)
      .Bind("rt", std::int64_t{reading_tenths})
      .Bind("n", now)
      .Bind("n2", now)
      .Scalar(sql);
}

std::vector<std::int64_t> OpenAlerts(soci::session& sql, std::int64_t person_id, const std::string& kind,
                                     std::int64_t except_checkin) {
  auto st = storage::Cached(
      sql, "SELECT id FROM health_alerts WHERE person_id = :p AND kind = :k AND status = 'open' AND checkin_id <> :c",
      "isi");
  std::vector<std::int64_t> out;
  for (bool row = st->Set(0, person_id).Set(1, kind).Set(2, except_checkin).Run(); row; row = st->Next()) {
    out.push_back(GetInt(st->Row(), 0));
  }
  return out;
}

bool SetAlertStatus(soci::session& sql, std::int64_t id, const std::string& status, const std::string& now,
                    const std::string& escalation) {
  // A new escalation is announced to staff again (escalation_notified_at cleared).
  Query q(status == "escalated"
              ? "UPDATE health_alerts SET status = :s, updated_at = :n, escalation = :e, escalation_notified_at = '' "
                "WHERE id = :id AND status <> 'escalated'"
              : "UPDATE health_alerts SET status = :s, updated_at = :n WHERE id = :id");
  q.Bind("s", status).Bind("n", now).Bind("id", id);
  if (status == "escalated") q.Bind("e", escalation);
  return q.Exec(sql) == 1;
}

void Reescalate(soci::session& sql, std::int64_t id, const std::string& escalation, const std::string& now) {
  Query("UPDATE health_alerts SET escalation = :e, escalation_notified_at = '', updated_at = :n "
        "WHERE id = :id AND status = 'escalated'")
      .Bind("e", escalation)
      .Bind("n", now)
      .Bind("id", id)
      .Exec(sql);
}

std::optional<std::int64_t> AlertPerson(soci::session& sql, std::int64_t id) {
  Query q("SELECT person_id FROM health_alerts WHERE id = :id");
  q.Bind("id", id);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return GetInt(r, 0);
  return std::nullopt;
}

namespace {

const RowMap<AlertRow> kAlertRows(
    "FROM health_alerts a JOIN people p ON p.id = a.person_id JOIN units u ON u.id = p.unit_id",
    "a", {{"name_zh", "p.name_zh"}, {"name_latin", "p.name_latin"}, {"unit_name_zh", "u.name_zh"},
          {"unit_name_en", "u.name_en"}});

const RowMap<Recheck> kRechecks("FROM health_rechecks");

std::vector<AlertRow> AlertsWhere(soci::session& sql, Query& q) { return kAlertRows.All(sql, q); }

}  // namespace

core::Page<AlertRow> ListAlerts(soci::session& sql, const core::Principal& who,
                                const std::vector<std::string>& statuses, const core::PageRequest& page) {
  Query where(" WHERE 1=1");
  if (!statuses.empty()) {
    where.Append(" AND a.status IN (");
    for (std::size_t i = 0; i < statuses.size(); ++i) {
      const std::string name = "st" + std::to_string(i);
      where.Append((i ? ", :" : ":") + name);
      where.Bind(name, statuses[i]);
    }
    where.Append(")");
  }
  storage::AppendUnitScope(where, who, "p.unit_id");
  auto out = kAlertRows.Page(sql, where, " ORDER BY a.id DESC", page,
                             "FROM health_alerts a JOIN people p ON p.id = a.person_id");
  AttachRechecks(sql, out.items);
  return out;
}

std::optional<AlertRow> FindAlert(soci::session& sql, std::int64_t id) {
  Query q(kAlertRows.Select() + " WHERE a.id = :id");
  q.Bind("id", id);
  return kAlertRows.One(sql, q);
}

std::vector<AlertRow> PersonAlerts(soci::session& sql, std::int64_t person_id, const std::string& from_day,
                                   const std::string& to_day) {
  Query q(kAlertRows.Select() + " WHERE a.person_id = :p AND a.day >= :f AND a.day <= :t ORDER BY a.id DESC");
  q.Bind("p", person_id).Bind("f", from_day).Bind("t", to_day);
  return AlertsWhere(sql, q);
}

std::vector<AlertRow> PendingRechecks(soci::session& sql, std::int64_t person_id, const std::string& since_day) {
  Query q(kAlertRows.Select() +
          " WHERE a.person_id = :p AND a.day >= :d AND a.kind <> 'contact' AND (a.status = 'open' OR "
          "(a.status = 'escalated' AND a.escalation = 'recheck_overdue')) AND NOT EXISTS "
          "(SELECT 1 FROM health_rechecks r WHERE r.checkin_id = a.checkin_id) ORDER BY a.id");
  q.Bind("p", person_id).Bind("d", since_day);
  return AlertsWhere(sql, q);
}

std::vector<AlertRow> AlertsOfCheckin(soci::session& sql, std::int64_t checkin_id) {
  Query q(kAlertRows.Select() + " WHERE a.checkin_id = :c ORDER BY a.id");
  q.Bind("c", checkin_id);
  return AlertsWhere(sql, q);
}

void SetAlertCorrected(soci::session& sql, std::int64_t id, int tenths, const std::string& now) {
  Query("UPDATE health_alerts SET corrected_tenths = :t, corrected_at = :n, updated_at = :n2 WHERE id = :id")
      .Bind("t", std::int64_t{tenths})
      .Bind("n", now)
      .Bind("n2", now)
      .Bind("id", id)
      .Exec(sql);
}

std::int64_t InsertRecheck(soci::session& sql, const Recheck& r) {
  Query q("INSERT INTO health_rechecks (alert_id, checkin_id, person_id, day, temperature_tenths, method, symptoms, "
          "symptom_other, location, location_country, contact, remarks, channel, recorded_by, outcome, late, "
          "submitted_at) VALUES (:a, :c, :p, :d, :t, :m, :s, :so, :l, :lc, :ct, :rm, :ch, " +
          std::string(r.recorded_by ? ":rb" : "NULL") + ", :o, :late, :at) RETURNING id");
  q.Bind("a", r.alert_id).Bind("c", r.checkin_id).Bind("p", r.person_id).Bind("d", r.day);
  q.Bind("t", std::int64_t{r.temperature_tenths}).Bind("m", r.method).Bind("s", JoinCodes(r.symptoms));
  q.Bind("so", r.symptom_other).Bind("l", r.location).Bind("lc", r.location_country).Bind("ct", r.contact);
  q.Bind("rm", r.remarks).Bind("ch", r.channel).Bind("o", r.outcome).Bind("late", std::int64_t{r.late ? 1 : 0});
  q.Bind("at", r.submitted_at);
  if (r.recorded_by) q.Bind("rb", *r.recorded_by);
  return q.Scalar(sql);
}

std::vector<Recheck> RechecksOf(soci::session& sql, const std::vector<std::int64_t>& checkin_ids) {
  std::vector<Recheck> out;
  if (checkin_ids.empty()) return out;
  Query q(kRechecks.Select("symptoms") + " WHERE checkin_id IN (");
  for (std::size_t i = 0; i < checkin_ids.size(); ++i) {
    const std::string name = "c" + std::to_string(i);
    q.Append((i ? ", :" : ":") + name);
    q.Bind(name, checkin_ids[i]);
  }
  q.Append(") ORDER BY id");
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& row : rs) {
    Recheck r = kRechecks.Read(row);
    r.symptoms = core::SplitList(GetStr(row, "symptoms"));
    out.push_back(std::move(r));
  }
  return out;
}

void AttachRechecks(soci::session& sql, std::vector<AlertRow>& alerts) {
  std::vector<std::int64_t> ids;
  for (const auto& a : alerts) {
    if (std::find(ids.begin(), ids.end(), a.checkin_id) == ids.end()) ids.push_back(a.checkin_id);
  }
  const auto all = RechecksOf(sql, ids);
  for (auto& a : alerts) {
    for (const auto& r : all) {
      if (r.checkin_id == a.checkin_id) a.rechecks.push_back(r);
    }
  }
}

}  // namespace tongxin::health::repo
