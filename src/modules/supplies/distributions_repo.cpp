// Distributions storage.
#include "modules/supplies/distributions_repo.hpp"

#include <algorithm>

#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::supplies::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Package> kPackages("FROM supply_packages");
const char* const kLineItem = "JOIN supply_items i ON i.id = l.item_id";
const RowMap<PackageLine> kPackageLines(
    std::string("FROM supply_package_lines l ") + kLineItem, "l",
    {{"item_code", "i.code"}, {"item_name_zh", "i.name_zh"}, {"item_name_en", "i.name_en"}, {"unit_zh", "i.unit_zh"},
     {"unit_en", "i.unit_en"}});
const RowMap<PackageLine> kShareLines(
    std::string("FROM supply_distribution_lines l ") + kLineItem, "l",
    {{"item_code", "i.code"}, {"item_name_zh", "i.name_zh"}, {"item_name_en", "i.name_en"}, {"unit_zh", "i.unit_zh"},
     {"unit_en", "i.unit_en"}});
const RowMap<Distribution> kDistributions(
    "FROM supply_distributions d JOIN supply_stores s ON s.id = d.store_id JOIN units u ON u.id = s.unit_id", "d",
    {{"store_name_zh", "s.name_zh"}, {"store_name_en", "s.name_en"}, {"store_unit_path", "u.path"},
     {"received_count",
      "(SELECT COUNT(*) FROM supply_distribution_recipients r WHERE r.distribution_id = d.id AND r.status = "
      "'received')"},
     {"returned_count",
      "(SELECT COUNT(*) FROM supply_distribution_recipients r WHERE r.distribution_id = d.id AND r.status = "
      "'returned')"}});
const RowMap<Recipient> kRecipients("FROM supply_distribution_recipients r JOIN units u ON u.id = r.unit_id", "r",
                                    {{"unit_path", "u.path"}, {"unit_name_zh", "u.name_zh"},
                                     {"unit_name_en", "u.name_en"}});

std::string IdList(const std::vector<std::int64_t>& ids, std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t i = from; i < to; ++i) s += (i == from ? "" : ",") + std::to_string(ids[i]);
  return s;
}

std::string PersonName(const std::string& zh, const std::string& latin) {
  if (zh.empty()) return latin;
  if (latin.empty()) return zh;
  return zh + " (" + latin + ")";
}

std::vector<Recipient> ReadPeople(soci::session& sql, Query& q) {
  std::vector<Recipient> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    Recipient x;
    x.person_id = GetInt(r, 0);
    x.unit_id = GetInt(r, 1);
    x.name = PersonName(GetStr(r, 2), GetStr(r, 3));
    x.unit_path = GetStr(r, 4);
    x.unit_name_zh = GetStr(r, 5);
    x.unit_name_en = GetStr(r, 6);
    out.push_back(std::move(x));
  }
  return out;
}

const char* const kPeopleSelect =
    "SELECT p.id, p.unit_id, p.name_zh, p.name_latin, u.path, u.name_zh, u.name_en FROM people p JOIN units u ON "
    "u.id = p.unit_id WHERE p.status = 'active'";

void LoadLines(soci::session& sql, Package& p) {
  Query l(kPackageLines.Select() + " WHERE l.package_id = :p ORDER BY i.category, i.code");
  l.Bind("p", p.id);
  p.lines = kPackageLines.All(sql, l);
}

void LoadShare(soci::session& sql, Distribution& d) {
  Query l(kShareLines.Select() + " WHERE l.distribution_id = :d ORDER BY i.category, i.code");
  l.Bind("d", d.id);
  d.lines = kShareLines.All(sql, l);
}

}  // namespace

std::vector<Package> ListPackages(soci::session& sql, bool active_only) {
  Query q(kPackages.Select() + (active_only ? " WHERE active = 1" : "") + " ORDER BY id");
  auto out = kPackages.All(sql, q);
  for (auto& p : out) LoadLines(sql, p);
  return out;
}

std::optional<Package> FindPackage(soci::session& sql, std::int64_t id) {
  Query q(kPackages.Select() + " WHERE id = :id");
  q.Bind("id", id);
  auto out = kPackages.One(sql, q);
  if (out) LoadLines(sql, *out);
  return out;
}

std::int64_t InsertPackage(soci::session& sql, const Package& p) {
  Query q("INSERT INTO supply_packages (name_zh, name_en, note, active, created_at, updated_at) VALUES (:nz, :ne, :n, "
          ":a, :ca, :ua) RETURNING id");
  q.Bind("nz", p.name_zh).Bind("ne", p.name_en).Bind("n", p.note).Bind("a", std::int64_t{p.active ? 1 : 0});
  q.Bind("ca", p.created_at).Bind("ua", p.updated_at);
  return q.Scalar(sql);
}

void UpdatePackage(soci::session& sql, const Package& p) {
  Query q("UPDATE supply_packages SET name_zh = :nz, name_en = :ne, note = :n, active = :a, updated_at = :ua WHERE "
          "id = :id");
  q.Bind("nz", p.name_zh).Bind("ne", p.name_en).Bind("n", p.note).Bind("a", std::int64_t{p.active ? 1 : 0});
  q.Bind("ua", p.updated_at).Bind("id", p.id);
  q.Exec(sql);
}

void SetPackageLines(soci::session& sql, std::int64_t package_id, const std::vector<PackageLine>& lines) {
  Query("DELETE FROM supply_package_lines WHERE package_id = :p").Bind("p", package_id).Exec(sql);
  for (const auto& l : lines) {
    Query("INSERT INTO supply_package_lines (package_id, item_id, qty_milli) VALUES (:p, :i, :q)")
        .Bind("p", package_id).Bind("i", l.item_id).Bind("q", l.qty_milli).Exec(sql);
  }
}

std::vector<Recipient> PeopleByIds(soci::session& sql, const std::vector<std::int64_t>& ids) {
  std::vector<Recipient> out;
  constexpr std::size_t kChunk = 500;
  for (std::size_t from = 0; from < ids.size(); from += kChunk) {
    Query q(std::string(kPeopleSelect) + " AND p.id IN (" + IdList(ids, from, std::min(ids.size(), from + kChunk)) +
            ")");
    auto part = ReadPeople(sql, q);
    out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  return out;
}

std::vector<Recipient> PeopleOfSubtree(soci::session& sql, const std::string& unit_path, const std::string& category) {
  Query q(kPeopleSelect);
  storage::AppendUnitSubtree(q, "p.unit_id", unit_path);
  if (!category.empty()) q.Where("p.category = ?", category);
  q.Append(" ORDER BY p.sort_name, p.id");
  return ReadPeople(sql, q);
}

std::vector<Recipient> UnitsByIds(soci::session& sql, const std::vector<std::int64_t>& ids) {
  std::vector<Recipient> out;
  if (ids.empty()) return out;
  Query q("SELECT u.id, u.name_zh, u.name_en, u.path FROM units u WHERE u.id IN (" + IdList(ids, 0, ids.size()) +
          ")");
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    Recipient x;
    x.unit_id = GetInt(r, 0);
    x.unit_name_zh = GetStr(r, 1);
    x.unit_name_en = GetStr(r, 2);
    x.name = x.unit_name_en.empty() ? x.unit_name_zh : x.unit_name_zh + " (" + x.unit_name_en + ")";
    x.unit_path = GetStr(r, 3);
    out.push_back(std::move(x));
  }
  return out;
}

std::int64_t InsertDistribution(soci::session& sql, const Distribution& d) {
  Query q(std::string("INSERT INTO supply_distributions (store_id, package_id, title, planned_for, status, note, "
                      "recipient_count, created_by, created_at) VALUES (:s, ") +
          (d.package_id ? ":p" : "NULL") + ", :t, :pf, :st, :n, :rc, " + (d.created_by ? ":cb" : "NULL") +
          ", :ca) RETURNING id");
  q.Bind("s", d.store_id).Bind("t", d.title).Bind("pf", d.planned_for).Bind("st", d.status).Bind("n", d.note);
  q.Bind("rc", d.recipient_count).Bind("ca", d.created_at);
  if (d.package_id) q.Bind("p", *d.package_id);
  if (d.created_by) q.Bind("cb", *d.created_by);
  return q.Scalar(sql);
}

void SetDistributionLines(soci::session& sql, std::int64_t distribution_id, const std::vector<PackageLine>& lines) {
  for (const auto& l : lines) {
    Query("INSERT INTO supply_distribution_lines (distribution_id, item_id, qty_milli) VALUES (:d, :i, :q)")
        .Bind("d", distribution_id).Bind("i", l.item_id).Bind("q", l.qty_milli).Exec(sql);
  }
}

void InsertRecipients(soci::session& sql, std::int64_t distribution_id, const std::vector<Recipient>& rs) {
  // Multi-row statements: a 5,000-recipient list is ~50 statements, not 5,000.
  constexpr std::size_t kChunk = 100;
  for (std::size_t from = 0; from < rs.size(); from += kChunk) {
    const std::size_t to = std::min(rs.size(), from + kChunk);
    Query q("INSERT INTO supply_distribution_recipients (distribution_id, person_id, unit_id, name) VALUES ");
    for (std::size_t i = from; i < to; ++i) {
      const std::string n = std::to_string(i - from);
      q.Append(std::string(i == from ? "" : ", ") + "(:d" + n + ", " + (rs[i].person_id ? ":p" + n : "NULL") +
               ", :u" + n + ", :n" + n + ")");
      q.Bind("d" + n, distribution_id).Bind("u" + n, rs[i].unit_id).Bind("n" + n, rs[i].name);
      if (rs[i].person_id) q.Bind("p" + n, *rs[i].person_id);
    }
    q.Exec(sql);
  }
}

bool SetDistributionStatus(soci::session& sql, std::int64_t id, const std::string& status,
                           std::optional<std::int64_t> by, const std::string& at) {
  Query q(std::string("UPDATE supply_distributions SET status = :s, posted_at = :at, posted_by = ") +
          (by ? ":by" : "NULL") + " WHERE id = :id AND status = 'planned'");
  q.Bind("s", status).Bind("at", at).Bind("id", id);
  if (by) q.Bind("by", *by);
  return q.Exec(sql) == 1;
}

std::optional<Distribution> FindDistribution(soci::session& sql, std::int64_t id) {
  Query q(kDistributions.Select() + " WHERE d.id = :id");
  q.Bind("id", id);
  auto out = kDistributions.One(sql, q);
  if (out) LoadShare(sql, *out);
  return out;
}

core::Page<Distribution> ListDistributions(soci::session& sql, const core::Principal& who, const std::string& status,
                                           const core::PageRequest& page) {
  Query where(" WHERE 1 = 1");
  storage::AppendUnitScope(where, who, "s.unit_id");
  if (!status.empty()) where.Where("d.status = ?", status);
  auto out = kDistributions.Page(sql, where, " ORDER BY d.id DESC", page,
                                 "FROM supply_distributions d JOIN supply_stores s ON s.id = d.store_id");
  for (auto& d : out.items) LoadShare(sql, d);
  return out;
}

core::Page<Recipient> Recipients(soci::session& sql, std::int64_t distribution_id, const std::string& status,
                                 const core::PageRequest& page) {
  Query where(" WHERE r.distribution_id = :d");
  where.Bind("d", distribution_id);
  if (!status.empty()) where.Where("r.status = ?", status);
  return kRecipients.Page(sql, where, " ORDER BY r.id", page, "FROM supply_distribution_recipients r");
}

std::vector<Recipient> AllRecipients(soci::session& sql, std::int64_t distribution_id) {
  Query q(kRecipients.Select() + " WHERE r.distribution_id = :d ORDER BY r.id");
  q.Bind("d", distribution_id);
  return kRecipients.All(sql, q);
}

std::optional<Recipient> FindRecipient(soci::session& sql, std::int64_t id) {
  Query q(kRecipients.Select() + " WHERE r.id = :id");
  q.Bind("id", id);
  return kRecipients.One(sql, q);
}

void SetRecipientPostings(soci::session& sql, const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs) {
  constexpr std::size_t kChunk = 200;
  for (std::size_t from = 0; from < pairs.size(); from += kChunk) {
    const std::size_t to = std::min(pairs.size(), from + kChunk);
    // Integers from the database, not user text: written into the statement.
    std::string cases, ids;
    for (std::size_t i = from; i < to; ++i) {
      cases += " WHEN " + std::to_string(pairs[i].first) + " THEN " + std::to_string(pairs[i].second);
      ids += (i == from ? "" : ",") + std::to_string(pairs[i].first);
    }
    Query("UPDATE supply_distribution_recipients SET posting_id = CASE id" + cases + " END WHERE id IN (" + ids + ")")
        .Exec(sql);
  }
}

bool MarkReceived(soci::session& sql, std::int64_t id, std::optional<std::int64_t> by_user, const std::string& by_name,
                  const std::string& at) {
  Query q(std::string("UPDATE supply_distribution_recipients SET status = 'received', received_at = :at, "
                      "received_by_name = :n, received_by_user = ") +
          (by_user ? ":u" : "NULL") + " WHERE id = :id AND status = 'pending'");
  q.Bind("at", at).Bind("n", by_name).Bind("id", id);
  if (by_user) q.Bind("u", *by_user);
  return q.Exec(sql) == 1;
}

bool MarkReturned(soci::session& sql, std::int64_t id, std::int64_t posting_id, const std::string& at) {
  Query q("UPDATE supply_distribution_recipients SET status = 'returned', returned_at = :at, return_posting_id = :p "
          "WHERE id = :id AND status = 'pending'");
  q.Bind("at", at).Bind("p", posting_id).Bind("id", id);
  return q.Exec(sql) == 1;
}

std::vector<std::pair<Recipient, Distribution>> SharesOf(soci::session& sql, std::int64_t person_id, int limit) {
  Query q(kRecipients.Select() + " JOIN supply_distributions d ON d.id = r.distribution_id WHERE r.person_id = :p AND "
                                 "d.status <> 'cancelled' ORDER BY r.id DESC LIMIT " + std::to_string(limit));
  q.Bind("p", person_id);
  std::vector<std::pair<Recipient, Distribution>> out;
  for (auto& r : kRecipients.All(sql, q)) {
    auto d = FindDistribution(sql, r.distribution_id);
    if (d) out.emplace_back(std::move(r), std::move(*d));
  }
  return out;
}

}  // namespace tongxin::supplies::repo
