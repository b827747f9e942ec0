// Donations storage.
#include "modules/supplies/donations_repo.hpp"

#include <map>

#include "io/attachment_table.hpp"
#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::supplies::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Donor> kDonors("FROM donors o JOIN units u ON u.id = o.unit_id", "o",
                            {{"unit_path", "u.path"},
                             {"donation_count", "(SELECT COUNT(*) FROM donations d WHERE d.donor_id = o.id)"}});
const RowMap<Rate> kRates("FROM exchange_rates");

// The rate in force on the donation's day: the latest from that day or before.
#define TX_RATE_OF(col)                                                                                           \
  "(SELECT r." col " FROM exchange_rates r WHERE r.currency = d.currency AND r.valid_from <= d.donated_on ORDER " \
  "BY r.valid_from DESC LIMIT 1)"
const char* const kRateMicro = "CASE WHEN d.currency = 'CNY' THEN 1000000 ELSE COALESCE(" TX_RATE_OF("cny_micro") ", 0) END";
const char* const kRateFrom = "CASE WHEN d.currency = 'CNY' THEN d.donated_on ELSE COALESCE(" TX_RATE_OF("valid_from") ", '') END";
#undef TX_RATE_OF

const RowMap<Donation> kDonations(
    "FROM donations d JOIN units u ON u.id = d.unit_id LEFT JOIN donors o ON o.id = d.donor_id LEFT JOIN "
    "supply_stores s ON s.id = d.store_id",
    "d",
    {{"unit_path", "u.path"},
     {"unit_name_zh", "u.name_zh"},
     {"unit_name_en", "u.name_en"},
     {"donor_name_zh", "COALESCE(o.name_zh, '')"},
     {"donor_name_en", "COALESCE(o.name_en, '')"},
     {"donor_kind", "COALESCE(o.kind, '')"},
     {"store_name_zh", "COALESCE(s.name_zh, '')"},
     {"store_name_en", "COALESCE(s.name_en, '')"},
     {"rate_micro", kRateMicro},
     {"rate_from", kRateFrom}});
const RowMap<DonationLine> kLines(
    "FROM donation_lines l JOIN supply_items i ON i.id = l.item_id LEFT JOIN supply_item_packs p ON p.id = l.pack_id",
    "l",
    {{"item_code", "i.code"},
     {"item_name_zh", "i.name_zh"},
     {"item_name_en", "i.name_en"},
     {"unit_zh", "i.unit_zh"},
     {"unit_en", "i.unit_en"},
     {"category", "i.category"},
     {"pack_name_zh", "COALESCE(p.name_zh, '')"},
     {"pack_name_en", "COALESCE(p.name_en, '')"}});
const io::AttachmentTable kDocuments("donation_documents", "donation_id");

Query DonationWhere(const core::Principal& who, const DonationFilter& f) {
  Query where(" WHERE 1 = 1");
  storage::AppendUnitScope(where, who, "d.unit_id");
  if (!f.direction.empty()) where.Where("d.direction = ?", f.direction);
  if (!f.kind.empty()) where.Where("d.kind = ?", f.kind);
  if (!f.thanks.empty()) where.Where("d.thanks = ?", f.thanks);
  if (!f.delivery.empty()) where.Where("d.delivery = ?", f.delivery);
  if (!f.currency.empty()) where.Where("d.currency = ?", f.currency);
  if (!f.from.empty()) where.Where("d.donated_on >= ?", f.from);
  if (!f.to.empty()) where.Where("d.donated_on <= ?", f.to);
  if (f.donor_id) where.Where("d.donor_id = ?", *f.donor_id);
  if (!f.q.empty()) {
    const std::string like = "%" + f.q + "%";
    where.Where(
        "(d.purpose LIKE ? OR d.receipt_no LIKE :q2 OR d.recipient_name LIKE :q3 OR o.name_zh LIKE :q4 OR o.name_en "
        "LIKE :q5)",
        like);
    where.Bind("q2", like).Bind("q3", like).Bind("q4", like).Bind("q5", like);
  }
  return where;
}

void LoadLines(soci::session& sql, std::vector<Donation>& list) {
  if (list.empty()) return;
  std::map<std::int64_t, Donation*> by_id;
  std::string ids;
  for (auto& d : list) {
    by_id[d.id] = &d;
    ids += (ids.empty() ? "" : ",") + std::to_string(d.id);
  }
  Query q(kLines.Select("l.donation_id AS donation_id") + " WHERE l.donation_id IN (" + ids +
          ") ORDER BY l.donation_id, l.line_no");
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) by_id.at(GetInt(r, "donation_id"))->lines.push_back(kLines.Read(r));
}

}  // namespace

std::optional<std::string> UnitPathOf(soci::session& sql, const std::string& code) {
  Query q("SELECT path FROM units WHERE code = :c");
  q.Bind("c", code);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) return GetStr(r, 0);
  return std::nullopt;
}

core::Page<Donor> ListDonors(soci::session& sql, const core::Principal& who, const std::string& q,
                             const std::string& kind, const core::PageRequest& page) {
  Query where(" WHERE 1 = 1");
  storage::AppendUnitScope(where, who, "o.unit_id");
  if (!kind.empty()) where.Where("o.kind = ?", kind);
  if (!q.empty()) {
    const std::string like = "%" + q + "%";
    where.Where("(o.name_zh LIKE ? OR o.name_en LIKE :q2)", like);
    where.Bind("q2", like);
  }
  return kDonors.Page(sql, where, " ORDER BY o.id", page);
}

std::optional<Donor> FindDonor(soci::session& sql, std::int64_t id) {
  Query q(kDonors.Select() + " WHERE o.id = :id");
  q.Bind("id", id);
  return kDonors.One(sql, q);
}

std::int64_t InsertDonor(soci::session& sql, const Donor& d) {
  Query q("INSERT INTO donors (unit_id, kind, name_zh, name_en, country, contact_name, email, phone, address, note, "
          "created_at, updated_at) VALUES (:u, :k, :nz, :ne, :c, :cn, :e, :p, :a, :n, :ca, :ua) RETURNING id");
  q.Bind("u", d.unit_id).Bind("k", d.kind).Bind("nz", d.name_zh).Bind("ne", d.name_en).Bind("c", d.country);
  q.Bind("cn", d.contact_name).Bind("e", d.email).Bind("p", d.phone).Bind("a", d.address).Bind("n", d.note);
  q.Bind("ca", d.created_at).Bind("ua", d.updated_at);
  return q.Scalar(sql);
}

void UpdateDonor(soci::session& sql, const Donor& d) {
  Query q("UPDATE donors SET unit_id = :u, kind = :k, name_zh = :nz, name_en = :ne, country = :c, contact_name = :cn, "
          "email = :e, phone = :p, address = :a, note = :n, updated_at = :ua WHERE id = :id");
  q.Bind("u", d.unit_id).Bind("k", d.kind).Bind("nz", d.name_zh).Bind("ne", d.name_en).Bind("c", d.country);
  q.Bind("cn", d.contact_name).Bind("e", d.email).Bind("p", d.phone).Bind("a", d.address).Bind("n", d.note);
  q.Bind("ua", d.updated_at).Bind("id", d.id);
  q.Exec(sql);
}

std::vector<Rate> ListRates(soci::session& sql, const std::string& currency) {
  Query q(kRates.Select() + " WHERE 1 = 1");
  if (!currency.empty()) q.Where("currency = ?", currency);
  q.Append(" ORDER BY currency, valid_from DESC");
  return kRates.All(sql, q);
}

std::optional<Rate> FindRate(soci::session& sql, const std::string& currency, const std::string& valid_from) {
  Query q(kRates.Select() + " WHERE currency = :c AND valid_from = :v");
  q.Bind("c", currency).Bind("v", valid_from);
  return kRates.One(sql, q);
}

void PutRate(soci::session& sql, const Rate& r, bool exists) {
  Query q(exists ? "UPDATE exchange_rates SET cny_micro = :m, source = :s, set_by = " +
                       std::string(r.set_by ? ":b" : "NULL") + ", set_at = :at WHERE currency = :c AND valid_from = :v"
                 : "INSERT INTO exchange_rates (currency, valid_from, cny_micro, source, set_by, set_at) VALUES (:c, "
                   ":v, :m, :s, " +
                       std::string(r.set_by ? ":b" : "NULL") + ", :at)");
  q.Bind("c", r.currency).Bind("v", r.valid_from).Bind("m", r.cny_micro).Bind("s", r.source).Bind("at", r.set_at);
  if (r.set_by) q.Bind("b", *r.set_by);
  q.Exec(sql);
}

void DeleteRate(soci::session& sql, const std::string& currency, const std::string& valid_from) {
  Query("DELETE FROM exchange_rates WHERE currency = :c AND valid_from = :v")
      .Bind("c", currency)
      .Bind("v", valid_from)
      .Exec(sql);
}

core::Page<Donation> ListDonations(soci::session& sql, const core::Principal& who, const DonationFilter& f,
                                   const core::PageRequest& page) {
  auto out = kDonations.Page(sql, DonationWhere(who, f), " ORDER BY d.donated_on DESC, d.id DESC", page);
  LoadLines(sql, out.items);
  return out;
}

std::vector<Donation> AllDonations(soci::session& sql, const core::Principal& who, const DonationFilter& f) {
  Query q = DonationWhere(who, f).Wrap(kDonations.Select(), " ORDER BY d.donated_on, d.id");
  auto out = kDonations.All(sql, q);
  LoadLines(sql, out);
  return out;
}

std::optional<Donation> FindDonation(soci::session& sql, std::int64_t id) {
  Query q(kDonations.Select() + " WHERE d.id = :id");
  q.Bind("id", id);
  auto d = kDonations.One(sql, q);
  if (!d) return d;
  std::vector<Donation> one{std::move(*d)};
  LoadLines(sql, one);
  one.front().documents = kDocuments.List(sql, id);
  return std::move(one.front());
}

bool ReceiptTaken(soci::session& sql, const std::string& direction, const std::string& receipt_no,
                  std::int64_t except_id) {
  Query q("SELECT COUNT(*) FROM donations WHERE direction = :d AND receipt_no = :r AND id <> :id");
  q.Bind("d", direction).Bind("r", receipt_no).Bind("id", except_id);
  return q.Scalar(sql) > 0;
}

std::int64_t InsertDonation(soci::session& sql, const Donation& d) {
  auto opt = [](const std::optional<std::int64_t>& v, const char* name) {
    return v ? std::string(":") + name : std::string("NULL");
  };
  Query q("INSERT INTO donations (direction, kind, unit_id, donor_id, recipient_kind, recipient_name, currency, "
          "amount_minor, store_id, posting_id, donated_on, purpose, receipt_no, thanks, thanks_at, delivery, "
          "delivered_on, delivered_to, note, created_by, created_at, updated_at) VALUES (:dir, :k, :u, " +
          opt(d.donor_id, "do") + ", :rk, :rn, :c, :am, " + opt(d.store_id, "st") + ", " + opt(d.posting_id, "po") +
          ", :on, :pu, :rc, :th, :tha, :de, :deo, :det, :n, " + opt(d.created_by, "cb") + ", :ca, :ua) RETURNING id");
  q.Bind("dir", d.direction).Bind("k", d.kind).Bind("u", d.unit_id).Bind("rk", d.recipient_kind);
  q.Bind("rn", d.recipient_name).Bind("c", d.currency).Bind("am", d.amount_minor).Bind("on", d.donated_on);
  q.Bind("pu", d.purpose).Bind("rc", d.receipt_no).Bind("th", d.thanks).Bind("tha", d.thanks_at);
  q.Bind("de", d.delivery).Bind("deo", d.delivered_on).Bind("det", d.delivered_to).Bind("n", d.note);
  q.Bind("ca", d.created_at).Bind("ua", d.updated_at);
  if (d.donor_id) q.Bind("do", *d.donor_id);
  if (d.store_id) q.Bind("st", *d.store_id);
  if (d.posting_id) q.Bind("po", *d.posting_id);
  if (d.created_by) q.Bind("cb", *d.created_by);
  return q.Scalar(sql);
}

void UpdateDonation(soci::session& sql, const Donation& d) {
  Query q("UPDATE donations SET recipient_name = :rn, currency = :c, amount_minor = :am, donated_on = :on, purpose = "
          ":pu, receipt_no = :rc, thanks = :th, thanks_at = :tha, delivery = :de, delivered_on = :deo, delivered_to = "
          ":det, note = :n, updated_at = :ua WHERE id = :id");
  q.Bind("rn", d.recipient_name).Bind("c", d.currency).Bind("am", d.amount_minor).Bind("on", d.donated_on);
  q.Bind("pu", d.purpose).Bind("rc", d.receipt_no).Bind("th", d.thanks).Bind("tha", d.thanks_at);
  q.Bind("de", d.delivery).Bind("deo", d.delivered_on).Bind("det", d.delivered_to).Bind("n", d.note);
  q.Bind("ua", d.updated_at).Bind("id", d.id);
  q.Exec(sql);
}

void InsertDonationLines(soci::session& sql, std::int64_t donation_id, const std::vector<DonationLine>& lines) {
  int n = 0;
  for (const auto& l : lines) {
    Query q(std::string("INSERT INTO donation_lines (donation_id, line_no, item_id, qty_milli, pack_id, pack_count) "
                        "VALUES (:d, :n, :i, :q, ") +
            (l.pack_id ? ":p" : "NULL") + ", :pc)");
    q.Bind("d", donation_id).Bind("n", std::int64_t{++n}).Bind("i", l.item_id).Bind("q", l.qty_milli);
    q.Bind("pc", l.pack_count);
    if (l.pack_id) q.Bind("p", *l.pack_id);
    q.Exec(sql);
  }
}

std::int64_t InsertDocument(soci::session& sql, std::int64_t donation_id, const io::Attachment& a) {
  return kDocuments.Insert(sql, donation_id, a);
}

std::optional<io::Attachment> FindDocument(soci::session& sql, std::int64_t donation_id, std::int64_t id) {
  return kDocuments.Find(sql, donation_id, id);
}

}  // namespace tongxin::supplies::repo
