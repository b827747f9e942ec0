// Alert and inquiry storage.
#include "modules/health/health_repo.hpp"

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

namespace {

const RowMap<AlertRow> kAlertRows(
    "FROM health_alerts a JOIN people p ON p.id = a.person_id JOIN units u ON u.id = p.unit_id "
    "JOIN health_checkins c ON c.id = a.checkin_id",
    "a", {{"name_zh", "p.name_zh"}, {"name_latin", "p.name_latin"}, {"unit_name_zh", "u.name_zh"},
          {"unit_name_en", "u.name_en"}, {"temperature_tenths", "c.temperature_tenths"}});

}  // namespace

core::Page<AlertRow> ListAlerts(soci::session& sql, const core::Principal& who, const std::string& status,
                                const core::PageRequest& page) {
  Query where(" WHERE 1=1");
  if (!status.empty()) where.Where("a.status = ?", status);
  storage::AppendUnitScope(where, who, "p.unit_id");
  return kAlertRows.Page(sql, where, " ORDER BY a.id DESC", page,
                         "FROM health_alerts a JOIN people p ON p.id = a.person_id");
}

}  // namespace tongxin::health::repo
