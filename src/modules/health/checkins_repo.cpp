// Check-in and history storage.
#include "modules/health/health_repo.hpp"

#include "core/text.hpp"
#include "storage/prepared.hpp"
#include "storage/scope.hpp"
#include "storage/repo_kit.hpp"

namespace tongxin::health::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Checkin> kCheckins("FROM health_checkins");

Checkin CheckinFromRow(const soci::row& r) {
  Checkin c = kCheckins.Read(r);
  c.symptoms = core::SplitList(GetStr(r, "symptoms"));
  return c;
}

}  // namespace

std::optional<Checkin> FindCheckin(soci::session& sql, const std::string& day, int slot, std::int64_t person_id) {
  auto st = storage::Cached(sql, kCheckins.Select("symptoms") + " WHERE day = :d AND slot = :s AND person_id = :p", "sii");
  if (!st->Set(0, day).Set(1, slot).Set(2, person_id).Run()) return std::nullopt;
  Checkin c = CheckinFromRow(st->Row());
  st->Finish();
  return c;
}

namespace {
// The values shared by insert and update, from :t on, in this order.
void SetCheckinValues(storage::Prepared& st, std::size_t at, const Checkin& c) {
  st.Set(at, c.temperature_tenths).Set(at + 1, c.method).Set(at + 2, JoinCodes(c.symptoms));
  st.Set(at + 3, c.symptom_other).Set(at + 4, c.location).Set(at + 5, c.location_country).Set(at + 6, c.contact);
  st.Set(at + 7, c.remarks).Set(at + 8, c.channel).Set(at + 9, c.recorded_by);
}
}  // namespace

std::int64_t InsertCheckin(soci::session& sql, const Checkin& c) {
  auto st = storage::Cached(
      sql,
      "INSERT INTO health_checkins (person_id, day, slot, slot_name, temperature_tenths, method, symptoms, "
      "symptom_other, location, location_country, contact, remarks, channel, recorded_by, late, version, "
      "submitted_at, updated_at) VALUES (:p, :d, :sl, :sn, :t, :m, :s, :so, :loc, :lc, :ct, :rm, :ch, :rb, :late, 1, "
      ":sa, :ua) RETURNING id",
      "isisissssssssiiss");
  st->Set(0, c.person_id).Set(1, c.day).Set(2, c.slot).Set(3, c.slot_name);
  SetCheckinValues(*st, 4, c);
  st->Set(14, c.late ? 1 : 0).Set(15, c.submitted_at).Set(16, c.updated_at);
  st->Run();
  const std::int64_t id = GetInt(st->Row(), 0);
  st->Finish();
  return id;
}

void UpdateCheckin(soci::session& sql, const Checkin& c) {
  auto st = storage::Cached(
      sql,
      "UPDATE health_checkins SET temperature_tenths = :t, method = :m, symptoms = :s, symptom_other = :so, "
      "location = :loc, location_country = :lc, contact = :ct, remarks = :rm, channel = :ch, recorded_by = :rb, "
      "version = :v, updated_at = :ua WHERE id = :id",
      "issssssssiisi");
  SetCheckinValues(*st, 0, c);
  st->Set(10, c.version).Set(11, c.updated_at).Set(12, c.id);
  st->Run();
}

void InsertHistory(soci::session& sql, std::int64_t checkin_id, int version, const std::string& data,
                   const std::string& at, std::optional<std::int64_t> by) {
  auto st = storage::Cached(sql,
                            "INSERT INTO health_checkin_history (checkin_id, version, data, replaced_at, replaced_by) "
                            "VALUES (:c, :v, :d, :a, :b)",
                            "iissi");
  st->Set(0, checkin_id).Set(1, version).Set(2, data).Set(3, at).Set(4, by).Run();
}

std::vector<Checkin> ListCheckins(soci::session& sql, std::int64_t person_id, const std::string& from_day,
                                  const std::string& to_day) {
  std::vector<Checkin> out;
  auto query = Query(kCheckins.Select("symptoms") + " WHERE person_id = :p AND day >= :f AND day <= :t ORDER BY day, slot")
          .Bind("p", person_id)
          .Bind("f", from_day)
          .Bind("t", to_day)
          ;
  soci::rowset<soci::row> rs = query.Rows(sql);
  for (const auto& r : rs) out.push_back(CheckinFromRow(r));
  return out;
}

std::vector<std::int64_t> SuspicionCandidates(soci::session& sql, const core::Principal& who, const std::string& from,
                                              const std::string& to, const std::string& unit_path, int min_reports,
                                              int same_second_days, int limit) {
  Query q("SELECT c.person_id FROM health_checkins c JOIN people p ON p.id = c.person_id WHERE c.day >= :f AND "
          "c.day <= :t AND c.channel = 'self'");
  q.Bind("f", from).Bind("t", to);
  storage::AppendUnitScope(q, who, "p.unit_id");
  storage::AppendUnitSubtree(q, "p.unit_id", unit_path);
  q.Append(" GROUP BY c.person_id HAVING COUNT(*) >= :n AND (MIN(c.temperature_tenths) = MAX(c.temperature_tenths) "
           "OR COUNT(DISTINCT substr(c.submitted_at, 12, 8)) <= COUNT(*) - :k) ORDER BY c.person_id LIMIT " +
           std::to_string(limit));
  q.Bind("n", std::int64_t{min_reports}).Bind("k", std::int64_t{same_second_days - 1});
  std::vector<std::int64_t> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) out.push_back(GetInt(r, 0));
  return out;
}

}  // namespace tongxin::health::repo
