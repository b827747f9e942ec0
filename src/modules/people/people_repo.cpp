// People storage.
#include "modules/people/people_repo.hpp"

#include "core/text.hpp"
#include "storage/scope.hpp"
#include "storage/repo_kit.hpp"

namespace tongxin::people::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Person> kPeople("FROM people p JOIN units u ON u.id = p.unit_id", "p");
const std::string kPersonColumns =
    kPeople.Select("u.name_zh AS unit_name_zh, u.name_en AS unit_name_en, u.path AS unit_path");

PersonRow RowToPerson(const soci::row& r) {
  PersonRow out;
  kPeople.ReadInto(r, out.person);
  out.unit_name_zh = GetStr(r, "unit_name_zh");
  out.unit_name_en = GetStr(r, "unit_name_en");
  out.unit_path = GetStr(r, "unit_path");
  return out;
}

void BindPerson(Query& q, const Person& p) {
  q.Bind("unit_id", p.unit_id).Bind("name_zh", p.name_zh).Bind("name_latin", p.name_latin);
  q.Bind("gender", p.gender).Bind("birth_date", p.birth_date).Bind("nationality", p.nationality);
  q.Bind("id_type", p.id_type).Bind("id_number", p.id_number).Bind("phone", p.phone).Bind("email", p.email);
  q.Bind("wechat", p.wechat).Bind("language", p.language).Bind("category", p.category);
  q.Bind("employment_status", p.employment_status).Bind("ec_name", p.emergency_contact_name);
  q.Bind("ec_phone", p.emergency_contact_phone).Bind("embassy", p.embassy).Bind("notes", p.notes);
  q.Bind("status", p.status).Bind("sort_name", p.SortName()).Bind("search_text", p.SearchText());
  q.Bind("search_ids", p.SearchIds());
  q.Bind("updated_at", p.updated_at);
}

}  // namespace

namespace {

// Substring search on the trigram index (SQLite FTS5 / PostgreSQL pg_trgm behind the
// people_search name). Identifiers are matched only for roles that see them unmasked, so
// a masked phone cannot be guessed digit by digit. A pattern without % or _ needs no
// ESCAPE clause, which FTS5 could not pass to its index.
void AppendSearch(Query& where, const core::Principal& who, const std::string& text) {
  const std::string q = core::ToLowerAscii(text);
  const bool plain = q.find_first_of("%_\\") == std::string::npos;
  const std::string pattern = "%" + (plain ? q : core::EscapeLike(q)) + "%";
  const std::string esc = plain ? "" : " ESCAPE '\\'";
  const std::string like = " LIKE :sq" + esc, like_ids = " LIKE :sq2" + esc;  // one name per use (PostgreSQL)
  std::string cond;
  if (core::Utf8Length(q) < 3) {
    // Shorter than a trigram (a two-character Chinese name): the index cannot answer
    // (FTS5 finds nothing), so the columns are scanned.
    cond = "(p.search_text" + like + (who.MaySeeIdentifiers() ? " OR p.search_ids" + like_ids : "") + ")";
  } else {
    cond = "p.id IN (SELECT rowid FROM people_search WHERE search_text" + like;
    if (who.MaySeeIdentifiers()) cond += " UNION SELECT rowid FROM people_search WHERE search_ids" + like_ids;
    cond += ")";
  }
  where.Append(" AND " + cond);
  where.Bind("sq", pattern);
  if (who.MaySeeIdentifiers()) where.Bind("sq2", pattern);
}

// The WHERE clause of a people list: scope, unit subtree, status, search and filters.
// Scope and unit filters select unit ids by path prefix, so counts can run on the
// covering (status, ..., unit_id) indexes without touching the people rows.
Query BuildWhere(const core::Principal& who, const PersonFilter& f) {
  Query where(" WHERE 1=1");
  storage::AppendUnitScope(where, who, "p.unit_id");
  storage::AppendUnitSubtree(where, "p.unit_id", f.unit_path);
  if (f.status == "all") {
    where.Append(" AND p.status IN ('active', 'archived')");  // keeps the status-first indexes usable
  } else {
    where.Where("p.status = ?", f.status.empty() ? std::string("active") : f.status);
  }
  if (!f.q.empty()) AppendSearch(where, who, f.q);
  if (!f.category.empty()) where.Where("p.category = ?", f.category);
  if (!f.nationality.empty()) where.Where("p.nationality = ?", f.nationality);
  return where;
}

std::string OrderBy(const PersonFilter& f) {
  std::string order = "p.sort_name";
  if (f.sort == "nationality") order = "p.nationality";
  else if (f.sort == "category") order = "p.category";
  else if (f.sort == "unit") order = "u.path";
  else if (f.sort == "created_at") order = "p.created_at";
  else if (f.sort == "updated_at") order = "p.updated_at";
  const std::string dir = f.descending ? " DESC" : " ASC";
  return " ORDER BY " + order + dir + ", p.id" + dir;
}

}  // namespace

core::Page<PersonRow> ListPeople(soci::session& sql, const core::Principal& who, const PersonFilter& f,
                                 const core::PageRequest& page) {
  const Query where = BuildWhere(who, f);
  core::Page<PersonRow> out;
  out.request = page;
  out.total = where.Wrap("SELECT COUNT(*) FROM people p").Scalar(sql);
  Query list = where.Wrap(kPersonColumns, OrderBy(f) + PageClause(page));
  soci::rowset<soci::row> rs = list.Rows(sql);
  for (const auto& r : rs) out.items.push_back(RowToPerson(r));
  return out;
}

std::int64_t ForEachPerson(soci::session& sql, const core::Principal& who, const PersonFilter& f, std::int64_t limit,
                           const std::function<void(const PersonRow&)>& fn) {
  Query list = BuildWhere(who, f).Wrap(kPersonColumns, OrderBy(f) + " LIMIT " + std::to_string(limit));
  std::int64_t n = 0;
  soci::rowset<soci::row> rs = list.Rows(sql);
  for (const auto& r : rs) {
    fn(RowToPerson(r));
    ++n;
  }
  return n;
}

std::optional<PersonRow> FindPerson(soci::session& sql, std::int64_t id) {
  Query q(kPersonColumns + " WHERE p.id = :id");
  q.Bind("id", id);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return RowToPerson(r);
  return std::nullopt;
}

std::int64_t InsertPerson(soci::session& sql, const Person& p) {
  Query q(
      "INSERT INTO people (unit_id, name_zh, name_latin, gender, birth_date, nationality, id_type, id_number, phone, "
      "email, wechat, language, category, employment_status, emergency_contact_name, emergency_contact_phone, "
      "embassy, notes, status, sort_name, search_text, search_ids, version, created_at, updated_at) VALUES (:unit_id, :name_zh, "
      ":name_latin, :gender, :birth_date, :nationality, :id_type, :id_number, :phone, :email, :wechat, :language, "
      ":category, :employment_status, :ec_name, :ec_phone, :embassy, :notes, :status, :sort_name, :search_text, :search_ids, 1, "
      ":created_at, :updated_at) RETURNING id");
  BindPerson(q, p);
  q.Bind("created_at", p.created_at);
  return q.Scalar(sql);
}

bool UpdatePerson(soci::session& sql, const Person& p, int expected_version) {
  Query q(
      "UPDATE people SET unit_id = :unit_id, name_zh = :name_zh, name_latin = :name_latin, gender = :gender, "
      "birth_date = :birth_date, nationality = :nationality, id_type = :id_type, id_number = :id_number, "
      "phone = :phone, email = :email, wechat = :wechat, language = :language, category = :category, "
      "employment_status = :employment_status, emergency_contact_name = :ec_name, emergency_contact_phone = "
      ":ec_phone, embassy = :embassy, notes = :notes, status = :status, sort_name = :sort_name, search_text = "
      ":search_text, search_ids = :search_ids, version = version + 1, updated_at = :updated_at WHERE id = :id AND version = :v");
  BindPerson(q, p);
  q.Bind("id", p.id).Bind("v", std::int64_t{expected_version});
  return q.Exec(sql) == 1;
}

std::optional<std::int64_t> FindByIdNumber(soci::session& sql, const std::string& id_type,
                                           const std::string& id_number, std::int64_t except_id) {
  // "id_number <> ''" lets SQLite use the partial unique index (it cannot infer it from :n).
  Query q("SELECT id FROM people WHERE id_type = :t AND id_number = :n AND id_number <> '' AND id <> :x");
  q.Bind("t", id_type).Bind("n", id_number).Bind("x", except_id);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return GetInt(r, 0);
  return std::nullopt;
}

}  // namespace tongxin::people::repo
