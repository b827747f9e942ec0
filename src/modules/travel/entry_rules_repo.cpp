// Entry-control rules storage.
#include "modules/travel/entry_rules_repo.hpp"

#include <map>

#include "core/text.hpp"
#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::travel::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<EntryRule> kRules("FROM entry_rules r", "r");
const RowMap<EntryRuleVersion> kVersions("FROM entry_rule_versions");

constexpr const char* kOrder = " ORDER BY r.country, r.effective_from DESC, r.id DESC";

Query RuleWhere(const EntryRuleFilter& f, const std::string& today) {
  Query where(" WHERE 1 = 1");
  if (!f.country.empty()) where.Where("r.country = ?", f.country);
  if (!f.measure.empty()) where.Where("r.measure = ?", f.measure);
  if (f.state == "current") {
    where.Where("r.effective_from <= ?", today).Where("(r.effective_to = '' OR r.effective_to >= ?)", today);
  } else if (f.state == "upcoming") {
    where.Where("r.effective_from > ?", today);
  } else if (f.state == "ended") {
    where.Where("(r.effective_to <> '' AND r.effective_to < ?)", today);
  }
  const std::string s = core::ToLowerAscii(core::Trim(f.q));
  if (!s.empty()) {
    where.Append(" AND (LOWER(r.summary_en) LIKE :q ESCAPE '\\' OR r.summary_zh LIKE :q2 ESCAPE '\\' OR "
                 "LOWER(r.source_authority) LIKE :q3 ESCAPE '\\' OR LOWER(r.source_ref) LIKE :q4 ESCAPE '\\')");
    const std::string pattern = "%" + core::EscapeLike(s) + "%";
    where.Bind("q", pattern).Bind("q2", pattern).Bind("q3", pattern).Bind("q4", pattern);
  }
  return where;
}

Query& BindColumns(Query& q, const EntryRule& r) {
  q.Bind("c", r.country).Bind("m", r.measure).Bind("sz", r.summary_zh).Bind("se", r.summary_en);
  q.Bind("qd", r.quarantine_days).Bind("qp", r.quarantine_place).Bind("ef", r.effective_from);
  q.Bind("et", r.effective_to).Bind("sa", r.source_authority).Bind("sr", r.source_ref).Bind("su", r.source_url);
  q.Bind("v", r.version).Bind("ub", r.updated_by_name).Bind("ua", r.updated_at);
  return q;
}

}  // namespace

core::Page<EntryRule> ListRules(soci::session& sql, const EntryRuleFilter& f, const std::string& today,
                                const core::PageRequest& page) {
  return kRules.Page(sql, RuleWhere(f, today), kOrder, page);
}

std::vector<EntryRule> AllRules(soci::session& sql, const EntryRuleFilter& f, const std::string& today) {
  Query q = RuleWhere(f, today).Wrap(kRules.Select(), kOrder);
  return kRules.All(sql, q);
}

std::optional<EntryRule> FindRule(soci::session& sql, std::int64_t id) {
  Query q(kRules.Select() + " WHERE r.id = :id");
  q.Bind("id", id);
  return kRules.One(sql, q);
}

std::optional<EntryRule> FindRuleByKey(soci::session& sql, const std::string& country, const std::string& measure,
                                       const std::string& effective_from) {
  Query q(kRules.Select() + " WHERE r.country = :c AND r.measure = :m AND r.effective_from = :f ORDER BY r.id");
  q.Bind("c", country).Bind("m", measure).Bind("f", effective_from);
  return kRules.One(sql, q);
}

std::int64_t InsertRule(soci::session& sql, const EntryRule& r) {
  Query q("INSERT INTO entry_rules (country, measure, summary_zh, summary_en, quarantine_days, quarantine_place, "
          "effective_from, effective_to, source_authority, source_ref, source_url, version, created_by, "
          "created_by_name, created_at, updated_by_name, updated_at) VALUES (:c, :m, :sz, :se, :qd, :qp, :ef, :et, "
          ":sa, :sr, :su, :v, NULLIF(:cb, 0), :cbn, :cat, :ub, :ua) RETURNING id");
  q.Bind("cb", r.created_by.value_or(0)).Bind("cbn", r.created_by_name).Bind("cat", r.created_at);
  return BindColumns(q, r).Scalar(sql);
}

void UpdateRule(soci::session& sql, const EntryRule& r) {
  Query q("UPDATE entry_rules SET country = :c, measure = :m, summary_zh = :sz, summary_en = :se, quarantine_days = "
          ":qd, quarantine_place = :qp, effective_from = :ef, effective_to = :et, source_authority = :sa, source_ref = "
          ":sr, source_url = :su, version = :v, updated_by_name = :ub, updated_at = :ua WHERE id = :id");
  q.Bind("id", r.id);
  BindColumns(q, r).Exec(sql);
}

void AddVersion(soci::session& sql, const EntryRuleVersion& v) {
  Query q("INSERT INTO entry_rule_versions (rule_id, version, at, actor_id, actor_name, data) VALUES (:r, :v, :at, "
          "NULLIF(:a, 0), :an, :d)");
  q.Bind("r", v.rule_id).Bind("v", v.version).Bind("at", v.at).Bind("a", v.actor_id.value_or(0));
  q.Bind("an", v.actor_name).Bind("d", v.data).Exec(sql);
}

std::vector<EntryRuleVersion> Versions(soci::session& sql, std::int64_t rule_id) {
  Query q(kVersions.Select() + " WHERE rule_id = :r ORDER BY version");
  q.Bind("r", rule_id);
  return kVersions.All(sql, q);
}

namespace {

constexpr const char* kTravelling =
    "t.status IN ('planned', 'abroad', 'stranded', 'returning') AND (',' || t.countries || ',' || "
    "t.location_country || ',') LIKE :cl";

// One row per reason a person is concerned: of the nationality (active), or on a trip there
// not over; `also` narrows both arms (to a page's people).
std::string Reasons(const std::string& also) {
  return "(SELECT p.id AS person_id, 'nationality' AS why, 0 AS trip_id, '' AS trip_status FROM people p WHERE "
         "p.nationality = :c AND p.status = 'active'" + (also.empty() ? "" : " AND p.id " + also) +
         " UNION ALL SELECT t.person_id, 'traveller', t.id, t.status FROM trips t WHERE " + kTravelling +
         (also.empty() ? "" : " AND t.person_id " + also) + ") x";
}
// Who was told, from one grouped read of the rule's notices.
std::string Told(const std::string& also) {
  return " LEFT JOIN (SELECT person_id, MAX(version) AS v, MAX(at) AS at FROM entry_rule_notices WHERE rule_id = "
         ":rid" + (also.empty() ? "" : " AND person_id " + also) + " GROUP BY person_id) n ON n.person_id = pe.id";
}

Query& BindAffected(Query& q, const EntryRule& r) {
  return q.Bind("rid", r.id).Bind("c", r.country).Bind("cl", "%," + r.country + ",%");
}

// The people once each, in scope, with what they were told: "FROM ... WHERE ...". The
// nationals come from people_nationality_sort alone, the travellers by id.
Query PeopleOf(const core::Principal& who, const EntryRule& r) {
  Query q("FROM people pe" + Told("") + " WHERE ((pe.nationality = :c AND pe.status = 'active') OR " +
          "pe.id IN (SELECT t.person_id FROM trips t WHERE " + kTravelling + "))");
  BindAffected(q, r);
  storage::AppendUnitScope(q, who, "pe.unit_id");
  return q;
}

std::vector<AffectedPerson> AffectedRows(soci::session& sql, const core::Principal& who, const EntryRule& r,
                                         const std::vector<std::int64_t>* only) {
  std::string in;
  if (only) {
    for (const auto id : *only) in += (in.empty() ? "" : ", ") + std::to_string(id);
    in = "IN (" + in + ")";
  }
  Query q(std::string("SELECT pe.id, pe.name_zh, pe.name_latin, pe.nationality, pe.category, pe.language, ") +
          "u.name_zh, u.name_en, x.why, x.trip_id, x.trip_status, COALESCE(n.v, 0), COALESCE(n.at, '') FROM " +
          Reasons(in) + " JOIN people pe ON pe.id = x.person_id JOIN units u ON u.id = pe.unit_id" + Told(in) +
          " WHERE 1 = 1");
  BindAffected(q, r);
  storage::AppendUnitScope(q, who, "pe.unit_id");
  q.Append(" ORDER BY pe.sort_name, pe.id, x.why");
  std::vector<AffectedPerson> out;
  std::map<std::int64_t, std::size_t> at;  // person -> index in out
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& row : rs) {
    const std::int64_t id = GetInt(row, 0);
    auto [it, fresh] = at.try_emplace(id, out.size());
    if (fresh) {
      AffectedPerson a;
      a.person_id = id;
      a.name_zh = GetStr(row, 1);
      a.name_latin = GetStr(row, 2);
      a.nationality = GetStr(row, 3);
      a.category = GetStr(row, 4);
      a.language = GetStr(row, 5);
      a.unit_name_zh = GetStr(row, 6);
      a.unit_name_en = GetStr(row, 7);
      a.told_version = GetInt(row, 11);
      a.told_at = GetStr(row, 12);
      out.push_back(std::move(a));
    }
    AffectedPerson& a = out[it->second];
    const std::string why = GetStr(row, 8);
    if (std::find(a.reasons.begin(), a.reasons.end(), why) == a.reasons.end()) a.reasons.push_back(why);
    if (why == "traveller" && !a.trip_id) {
      a.trip_id = GetInt(row, 9);
      a.trip_status = GetStr(row, 10);
    }
  }
  return out;
}

}  // namespace

std::vector<AffectedPerson> Affected(soci::session& sql, const core::Principal& who, const EntryRule& r) {
  return AffectedRows(sql, who, r, nullptr);
}

AffectedPage AffectedPaged(soci::session& sql, const core::Principal& who, const EntryRule& r,
                           std::optional<bool> told, const core::PageRequest& page) {
  // Counts in SQL, then the page's people by name, then only their details: a rule may
  // concern tens of thousands (a country's nationals).
  AffectedPage out;
  out.version = r.version;
  {
    Query q = PeopleOf(who, r).Wrap("SELECT COUNT(*), COALESCE(SUM(CASE WHEN n.v = :ver THEN 1 ELSE 0 END), 0) ");
    q.Bind("ver", r.version);
    soci::rowset<soci::row> rs = q.Rows(sql);
    for (const auto& row : rs) {
      out.total = GetInt(row, 0);
      out.told = GetInt(row, 1);
    }
  }
  out.matching = !told ? out.total : *told ? out.told : out.total - out.told;
  Query q = PeopleOf(who, r).Wrap("SELECT pe.id ");
  if (told) {
    q.Append(*told ? " AND n.v = :ver" : " AND (n.v IS NULL OR n.v <> :ver)");
    q.Bind("ver", r.version);
  }
  q.Append(" ORDER BY pe.sort_name, pe.id" + PageClause(page));
  std::vector<std::int64_t> ids;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& row : rs) ids.push_back(GetInt(row, 0));
  if (!ids.empty()) out.items = AffectedRows(sql, who, r, &ids);
  return out;
}

void AddNotice(soci::session& sql, std::int64_t rule_id, std::int64_t version, std::int64_t person_id,
               const std::string& reason, const std::string& lang, const std::string& channels, const std::string& at,
               std::optional<std::int64_t> actor_id, const std::string& actor_name) {
  Query q("INSERT INTO entry_rule_notices (rule_id, version, person_id, reason, lang, channels, at, actor_id, "
          "actor_name) VALUES (:r, :v, :p, :re, :l, :ch, :at, NULLIF(:a, 0), :an)");
  q.Bind("r", rule_id).Bind("v", version).Bind("p", person_id).Bind("re", reason).Bind("l", lang);
  q.Bind("ch", channels).Bind("at", at).Bind("a", actor_id.value_or(0)).Bind("an", actor_name).Exec(sql);
}

}  // namespace tongxin::travel::repo
