// Alert and inquiry storage.
#include "modules/health/health_repo.hpp"

#include "core/text.hpp"
#include "storage/prepared.hpp"
#include "storage/query.hpp"
#include "storage/rows.hpp"
#include "storage/scope.hpp"

namespace tongxin::health::repo {
namespace {

using storage::GetInt;
using storage::GetStr;
using storage::Query;

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
                         int slot, const std::string& kind, const std::string& detail, const std::string& recheck_due,
                         const std::string& now) {
  return Query("INSERT INTO health_alerts (person_id, checkin_id, day, slot, kind, detail, status, recheck_due_at, "
               "created_at, updated_at) VALUES (:p, :c, :d, :s, :k, :dt, 'open', :r, :n, :n2) RETURNING id")
      .Bind("p", person_id)
      .Bind("c", checkin_id)
      .Bind("d", day)
      .Bind("s", std::int64_t{slot})
      .Bind("k", kind)
      .Bind("dt", detail)
      .Bind("r", recheck_due)
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

std::optional<std::int64_t> AlertPerson(soci::session& sql, std::int64_t id) {
  Query q("SELECT person_id FROM health_alerts WHERE id = :id");
  q.Bind("id", id);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return GetInt(r, 0);
  return std::nullopt;
}

core::Page<AlertRow> ListAlerts(soci::session& sql, const core::Principal& who, const std::string& status,
                                const core::PageRequest& page) {
  Query where(" WHERE 1=1");
  if (!status.empty()) where.Where("a.status = ?", status);
  storage::AppendUnitScope(where, who, "p.unit_id");
  core::Page<AlertRow> out;
  out.request = page;
  out.total = where.Wrap("SELECT COUNT(*) FROM health_alerts a JOIN people p ON p.id = a.person_id").Scalar(sql);
  Query list = where.Wrap(
      "SELECT a.id, a.person_id, a.checkin_id, a.day, a.kind, a.detail, a.status, a.recheck_due_at, a.created_at, "
      "p.name_zh, p.name_latin, u.name_zh AS unit_zh, u.name_en AS unit_en, a.slot, c.temperature_tenths, "
      "a.escalation FROM "
      "health_alerts a JOIN people p ON p.id = a.person_id JOIN units u ON u.id = p.unit_id JOIN health_checkins c "
      "ON c.id = a.checkin_id",
      " ORDER BY a.id DESC" + storage::PageClause(page));
  soci::rowset<soci::row> rs = list.Rows(sql);
  for (const auto& r : rs) {
    AlertRow a;
    a.id = GetInt(r, 0);
    a.person_id = GetInt(r, 1);
    a.checkin_id = GetInt(r, 2);
    a.day = GetStr(r, 3);
    a.kind = GetStr(r, 4);
    a.detail = GetStr(r, 5);
    a.status = GetStr(r, 6);
    a.recheck_due_at = GetStr(r, 7);
    a.created_at = GetStr(r, 8);
    a.name_zh = GetStr(r, 9);
    a.name_latin = GetStr(r, 10);
    a.unit_name_zh = GetStr(r, 11);
    a.unit_name_en = GetStr(r, 12);
    a.slot = static_cast<int>(GetInt(r, 13));
    a.temperature_tenths = static_cast<int>(GetInt(r, 14));
    a.escalation = GetStr(r, 15);
    out.items.push_back(std::move(a));
  }
  return out;
}

}  // namespace tongxin::health::repo
