// Supplies storage.
#include "modules/supplies/supplies_repo.hpp"

#include <algorithm>

#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::supplies::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Item> kItems("FROM supply_items i", "i");
const RowMap<Pack> kPacks("FROM supply_item_packs");
const RowMap<Store> kStores("FROM supply_stores s JOIN units u ON u.id = s.unit_id", "s",
                            {{"unit_path", "u.path"}, {"unit_name_zh", "u.name_zh"}, {"unit_name_en", "u.name_en"}});
const RowMap<StockRow> kStock(
    "FROM supply_stock k JOIN supply_items i ON i.id = k.item_id LEFT JOIN supply_thresholds t ON t.store_id = "
    "k.store_id AND t.item_id = k.item_id",
    "k",
    {{"item_code", "i.code"}, {"item_name_zh", "i.name_zh"}, {"item_name_en", "i.name_en"}, {"unit_zh", "i.unit_zh"},
     {"unit_en", "i.unit_en"}, {"category", "i.category"}, {"low_milli", "COALESCE(t.low_milli, 0)"}});
const RowMap<Posting> kPostings("FROM supply_postings");
const RowMap<PostingLine> kLines("FROM supply_posting_lines");

void LoadPacks(soci::session& sql, Item& i) {
  Query q(kPacks.Select() + " WHERE item_id = :i ORDER BY id");
  q.Bind("i", i.id);
  i.packs = kPacks.All(sql, q);
}

void LoadKeepers(soci::session& sql, Store& s) {
  Query q("SELECT user_id FROM supply_store_keepers WHERE store_id = :s ORDER BY user_id");
  q.Bind("s", s.id);
  soci::rowset<soci::row> rs = q.Rows(sql);
  s.keeper_ids.clear();
  for (const auto& r : rs) s.keeper_ids.push_back(GetInt(r, 0));
}

}  // namespace

std::vector<Item> ListItems(soci::session& sql, bool active_only) {
  Query q(kItems.Select() + (active_only ? " WHERE i.active = 1" : "") + " ORDER BY i.category, i.code");
  auto out = kItems.All(sql, q);
  for (auto& i : out) LoadPacks(sql, i);
  return out;
}

std::optional<Item> FindItem(soci::session& sql, std::int64_t id) {
  Query q(kItems.Select() + " WHERE i.id = :id");
  q.Bind("id", id);
  auto out = kItems.One(sql, q);
  if (out) LoadPacks(sql, *out);
  return out;
}

std::int64_t InsertItem(soci::session& sql, const Item& i) {
  Query q("INSERT INTO supply_items (code, name_zh, name_en, category, unit_zh, unit_en, decimals, batched, active, "
          "created_at, updated_at) VALUES (:c, :nz, :ne, :cat, :uz, :ue, :d, :b, :a, :ca, :ua) RETURNING id");
  q.Bind("c", i.code).Bind("nz", i.name_zh).Bind("ne", i.name_en).Bind("cat", i.category).Bind("uz", i.unit_zh);
  q.Bind("ue", i.unit_en).Bind("d", std::int64_t{i.decimals}).Bind("b", std::int64_t{i.batched ? 1 : 0});
  q.Bind("a", std::int64_t{i.active ? 1 : 0}).Bind("ca", i.created_at).Bind("ua", i.updated_at);
  return q.Scalar(sql);
}

void UpdateItem(soci::session& sql, const Item& i) {
  Query q("UPDATE supply_items SET code = :c, name_zh = :nz, name_en = :ne, category = :cat, unit_zh = :uz, "
          "unit_en = :ue, decimals = :d, batched = :b, active = :a, updated_at = :ua WHERE id = :id");
  q.Bind("c", i.code).Bind("nz", i.name_zh).Bind("ne", i.name_en).Bind("cat", i.category).Bind("uz", i.unit_zh);
  q.Bind("ue", i.unit_en).Bind("d", std::int64_t{i.decimals}).Bind("b", std::int64_t{i.batched ? 1 : 0});
  q.Bind("a", std::int64_t{i.active ? 1 : 0}).Bind("ua", i.updated_at).Bind("id", i.id);
  q.Exec(sql);
}

void SetPacks(soci::session& sql, std::int64_t item_id, const std::vector<Pack>& packs) {
  // Packs are named by id on ledger lines: keep the ids of packs that stay (same name).
  Query old(kPacks.Select() + " WHERE item_id = :i");
  old.Bind("i", item_id);
  const auto before = kPacks.All(sql, old);
  for (const auto& b : before) {
    bool kept = false;
    for (const auto& p : packs) kept = kept || (p.name_zh == b.name_zh && p.factor_milli == b.factor_milli);
    if (!kept) {
      // A pack some ledger line counted in stays, so the line keeps its meaning.
      Query used("SELECT COUNT(*) FROM supply_posting_lines WHERE pack_id = :p");
      used.Bind("p", b.id);
      if (used.Scalar(sql) == 0) Query("DELETE FROM supply_item_packs WHERE id = :p").Bind("p", b.id).Exec(sql);
    }
  }
  for (const auto& p : packs) {
    bool exists = false;
    for (const auto& b : before) exists = exists || (p.name_zh == b.name_zh && p.factor_milli == b.factor_milli);
    if (exists) {
      Query("UPDATE supply_item_packs SET name_en = :ne WHERE item_id = :i AND name_zh = :nz AND factor_milli = :f")
          .Bind("ne", p.name_en).Bind("i", item_id).Bind("nz", p.name_zh).Bind("f", p.factor_milli).Exec(sql);
      continue;
    }
    Query ins("INSERT INTO supply_item_packs (item_id, name_zh, name_en, factor_milli) VALUES (:i, :nz, :ne, :f)");
    ins.Bind("i", item_id).Bind("nz", p.name_zh).Bind("ne", p.name_en).Bind("f", p.factor_milli).Exec(sql);
  }
}

bool ItemHasLedger(soci::session& sql, std::int64_t item_id) {
  Query q("SELECT COUNT(*) FROM supply_posting_lines WHERE item_id = :i");
  q.Bind("i", item_id);
  return q.Scalar(sql) > 0;
}

bool ItemCodeTaken(soci::session& sql, const std::string& code, std::int64_t except_id) {
  Query q("SELECT COUNT(*) FROM supply_items WHERE code = :c AND id <> :id");
  q.Bind("c", code).Bind("id", except_id);
  return q.Scalar(sql) > 0;
}

std::vector<Store> ListStores(soci::session& sql, const core::Principal& who) {
  Query q(kStores.Select() + " WHERE 1 = 1");
  storage::AppendUnitScope(q, who, "s.unit_id");
  q.Append(" ORDER BY u.path, s.id");
  auto out = kStores.All(sql, q);
  for (auto& s : out) LoadKeepers(sql, s);
  return out;
}

std::optional<Store> FindStore(soci::session& sql, std::int64_t id) {
  Query q(kStores.Select() + " WHERE s.id = :id");
  q.Bind("id", id);
  auto out = kStores.One(sql, q);
  if (out) LoadKeepers(sql, *out);
  return out;
}

std::int64_t InsertStore(soci::session& sql, const Store& s) {
  Query q("INSERT INTO supply_stores (unit_id, name_zh, name_en, location, active, created_at, updated_at) VALUES "
          "(:u, :nz, :ne, :l, :a, :ca, :ua) RETURNING id");
  q.Bind("u", s.unit_id).Bind("nz", s.name_zh).Bind("ne", s.name_en).Bind("l", s.location);
  q.Bind("a", std::int64_t{s.active ? 1 : 0}).Bind("ca", s.created_at).Bind("ua", s.updated_at);
  return q.Scalar(sql);
}

void UpdateStore(soci::session& sql, const Store& s) {
  Query q("UPDATE supply_stores SET unit_id = :u, name_zh = :nz, name_en = :ne, location = :l, active = :a, "
          "updated_at = :ua WHERE id = :id");
  q.Bind("u", s.unit_id).Bind("nz", s.name_zh).Bind("ne", s.name_en).Bind("l", s.location);
  q.Bind("a", std::int64_t{s.active ? 1 : 0}).Bind("ua", s.updated_at).Bind("id", s.id);
  q.Exec(sql);
}

void SetKeepers(soci::session& sql, std::int64_t store_id, const std::vector<std::int64_t>& user_ids) {
  Query("DELETE FROM supply_store_keepers WHERE store_id = :s").Bind("s", store_id).Exec(sql);
  for (auto id : user_ids) {
    Query("INSERT INTO supply_store_keepers (store_id, user_id) VALUES (:s, :u) ON CONFLICT DO NOTHING")
        .Bind("s", store_id).Bind("u", id).Exec(sql);
  }
}

std::vector<StockRow> StoreStock(soci::session& sql, std::int64_t store_id) {
  Query q(kStock.Select() + " WHERE k.store_id = :s AND k.qty_milli > 0 ORDER BY i.category, i.code, k.expiry, k.batch");
  q.Bind("s", store_id);
  return kStock.All(sql, q);
}

std::vector<StockRow> Batches(soci::session& sql, std::int64_t store_id, std::int64_t item_id) {
  Query q(kStock.Select() + " WHERE k.store_id = :s AND k.item_id = :i AND k.qty_milli > 0 ORDER BY CASE WHEN "
                            "k.expiry = '' THEN 1 ELSE 0 END, k.expiry, k.batch");
  q.Bind("s", store_id).Bind("i", item_id);
  return kStock.All(sql, q);
}

void AddStock(soci::session& sql, std::int64_t store_id, std::int64_t item_id, const std::string& batch,
              const std::string& expiry, std::int64_t qty, const std::string& now) {
  Query q("INSERT INTO supply_stock (store_id, item_id, batch, expiry, qty_milli, updated_at) VALUES (:s, :i, :b, :e, "
          ":q, :t) ON CONFLICT (store_id, item_id, batch) DO UPDATE SET qty_milli = supply_stock.qty_milli + "
          "excluded.qty_milli, updated_at = excluded.updated_at");
  q.Bind("s", store_id).Bind("i", item_id).Bind("b", batch).Bind("e", expiry).Bind("q", qty).Bind("t", now);
  q.Exec(sql);
}

bool TakeStock(soci::session& sql, std::int64_t store_id, std::int64_t item_id, const std::string& batch,
               std::int64_t qty, const std::string& now) {
  // One conditional statement: of two keepers racing for the last box, the second finds
  // the row changed (PostgreSQL re-reads it after the first commits; SQLite serialises
  // writers) and takes nothing.
  Query q("UPDATE supply_stock SET qty_milli = qty_milli - :q, updated_at = :t WHERE store_id = :s AND item_id = :i "
          "AND batch = :b AND qty_milli >= :q2");
  q.Bind("q", qty).Bind("t", now).Bind("s", store_id).Bind("i", item_id).Bind("b", batch).Bind("q2", qty);
  return q.Exec(sql) == 1;
}

std::int64_t OnHand(soci::session& sql, std::int64_t store_id, std::int64_t item_id, const std::string& batch) {
  Query q("SELECT COALESCE(SUM(qty_milli), 0) FROM supply_stock WHERE store_id = :s AND item_id = :i AND batch = :b");
  q.Bind("s", store_id).Bind("i", item_id).Bind("b", batch);
  return q.Scalar(sql);
}

std::int64_t ItemOnHand(soci::session& sql, std::int64_t store_id, std::int64_t item_id) {
  Query q("SELECT COALESCE(SUM(qty_milli), 0) FROM supply_stock WHERE store_id = :s AND item_id = :i");
  q.Bind("s", store_id).Bind("i", item_id);
  return q.Scalar(sql);
}

std::int64_t Threshold(soci::session& sql, std::int64_t store_id, std::int64_t item_id) {
  Query q("SELECT COALESCE(MAX(low_milli), 0) FROM supply_thresholds WHERE store_id = :s AND item_id = :i");
  q.Bind("s", store_id).Bind("i", item_id);
  return q.Scalar(sql);
}

void SetThreshold(soci::session& sql, std::int64_t store_id, std::int64_t item_id, std::int64_t low_milli) {
  Query("DELETE FROM supply_thresholds WHERE store_id = :s AND item_id = :i").Bind("s", store_id).Bind("i", item_id).Exec(sql);
  if (low_milli <= 0) return;
  Query("INSERT INTO supply_thresholds (store_id, item_id, low_milli) VALUES (:s, :i, :l)")
      .Bind("s", store_id).Bind("i", item_id).Bind("l", low_milli).Exec(sql);
}

std::vector<std::pair<std::int64_t, std::int64_t>> Thresholds(soci::session& sql, std::int64_t store_id) {
  Query q("SELECT item_id, low_milli FROM supply_thresholds WHERE store_id = :s ORDER BY item_id");
  q.Bind("s", store_id);
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) out.emplace_back(GetInt(r, 0), GetInt(r, 1));
  return out;
}

std::vector<StockRow> ExpiringBetween(soci::session& sql, const std::string& from, const std::string& to) {
  Query q(kStock.Select() + " WHERE k.qty_milli > 0 AND k.expiry <> '' AND k.expiry >= :f AND k.expiry <= :t ORDER BY "
                            "k.store_id, k.expiry");
  q.Bind("f", from).Bind("t", to);
  return kStock.All(sql, q);
}

std::int64_t InsertPosting(soci::session& sql, const Posting& p) {
  Query q(std::string("INSERT INTO supply_postings (kind, source, reason, store_id, to_store_id, reference, note, "
                      "reverses_id, posted_by, posted_at) VALUES (:k, :so, :r, :s, ") +
          (p.to_store_id ? ":ts" : "NULL") + ", :ref, :n, " + (p.reverses_id ? ":rv" : "NULL") + ", " +
          (p.posted_by ? ":pb" : "NULL") + ", :at) RETURNING id");
  q.Bind("k", p.kind).Bind("so", p.source).Bind("r", p.reason).Bind("s", p.store_id).Bind("ref", p.reference);
  q.Bind("n", p.note).Bind("at", p.posted_at);
  if (p.to_store_id) q.Bind("ts", *p.to_store_id);
  if (p.reverses_id) q.Bind("rv", *p.reverses_id);
  if (p.posted_by) q.Bind("pb", *p.posted_by);
  return q.Scalar(sql);
}

void InsertLines(soci::session& sql, std::int64_t posting_id, const std::vector<PostingLine>& lines) {
  std::vector<PostingLine> with_id = lines;
  for (auto& l : with_id) l.posting_id = posting_id;
  InsertLines(sql, with_id);
}

void InsertLines(soci::session& sql, const std::vector<PostingLine>& lines) {
  // Multi-row statements: a distribution's 25,000 lines are ~250 statements.
  constexpr std::size_t kChunk = 100;
  for (std::size_t from = 0; from < lines.size(); from += kChunk) {
    const std::size_t to = std::min(lines.size(), from + kChunk);
    Query q("INSERT INTO supply_posting_lines (posting_id, store_id, item_id, batch, expiry, qty_milli, pack_id, "
            "pack_count) VALUES ");
    for (std::size_t i = from; i < to; ++i) {
      const auto& l = lines[i];
      const std::string n = std::to_string(i - from);
      q.Append(std::string(i == from ? "" : ", ") + "(:p" + n + ", :s" + n + ", :i" + n + ", :b" + n + ", :e" + n +
               ", :q" + n + ", " + (l.pack_id ? ":pk" + n : "NULL") + ", :pc" + n + ")");
      q.Bind("p" + n, l.posting_id).Bind("s" + n, l.store_id).Bind("i" + n, l.item_id).Bind("b" + n, l.batch);
      q.Bind("e" + n, l.expiry).Bind("q" + n, l.qty_milli).Bind("pc" + n, l.pack_count);
      if (l.pack_id) q.Bind("pk" + n, *l.pack_id);
    }
    q.Exec(sql);
  }
}

std::optional<Posting> FindPosting(soci::session& sql, std::int64_t id) {
  Query q(kPostings.Select() + " WHERE id = :id");
  q.Bind("id", id);
  auto out = kPostings.One(sql, q);
  if (out) {
    Query l(kLines.Select() + " WHERE posting_id = :p ORDER BY id");
    l.Bind("p", id);
    out->lines = kLines.All(sql, l);
  }
  return out;
}

bool MarkReversed(soci::session& sql, std::int64_t id, std::int64_t reversal_id) {
  Query q("UPDATE supply_postings SET reversed_by = :r WHERE id = :id AND reversed_by IS NULL");
  q.Bind("r", reversal_id).Bind("id", id);
  return q.Exec(sql) == 1;
}

core::Page<Movement> Movements(soci::session& sql, const core::Principal& who, std::int64_t item_id,
                               std::optional<std::int64_t> store_id, const core::PageRequest& page) {
  Query where(" FROM supply_posting_lines l JOIN supply_postings p ON p.id = l.posting_id JOIN supply_stores s ON "
              "s.id = l.store_id LEFT JOIN users pu ON pu.id = p.posted_by WHERE l.item_id = :i");
  where.Bind("i", item_id);
  if (store_id) where.Where("l.store_id = ?", *store_id);
  storage::AppendUnitScope(where, who, "s.unit_id");
  core::Page<Movement> out;
  out.request = page;
  out.total = where.Wrap("SELECT COUNT(*)").Scalar(sql);
  Query list = where.Wrap(
      "SELECT l.id, l.posting_id, l.store_id, l.item_id, l.batch, l.expiry, l.qty_milli, l.pack_id, l.pack_count, "
      "p.kind, p.source, p.reason, p.reference, p.note, p.posted_at, p.posted_by, COALESCE(pu.display_name, ''), "
      "s.name_zh, s.name_en",
      " ORDER BY l.id DESC" + PageClause(page));
  soci::rowset<soci::row> rs = list.Rows(sql);
  for (const auto& r : rs) {
    Movement m;
    m.line.id = GetInt(r, 0);
    m.line.posting_id = GetInt(r, 1);
    m.line.store_id = GetInt(r, 2);
    m.line.item_id = GetInt(r, 3);
    m.line.batch = GetStr(r, 4);
    m.line.expiry = GetStr(r, 5);
    m.line.qty_milli = GetInt(r, 6);
    if (r.get_indicator(7) != soci::i_null) m.line.pack_id = GetInt(r, 7);
    m.line.pack_count = GetInt(r, 8);
    m.kind = GetStr(r, 9);
    m.source = GetStr(r, 10);
    m.reason = GetStr(r, 11);
    m.reference = GetStr(r, 12);
    m.note = GetStr(r, 13);
    m.posted_at = GetStr(r, 14);
    if (r.get_indicator(15) != soci::i_null) m.posted_by = GetInt(r, 15);
    m.posted_by_name = GetStr(r, 16);
    m.store_name_zh = GetStr(r, 17);
    m.store_name_en = GetStr(r, 18);
    out.items.push_back(std::move(m));
  }
  return out;
}

}  // namespace tongxin::supplies::repo
