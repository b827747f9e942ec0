// Supplies rules: catalogue, stores, ledger.
#include "modules/supplies/supplies_service.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>

#include "auth/guard.hpp"
#include "core/local_time.hpp"
#include "modules/supplies/stock_alerts.hpp"
#include "modules/supplies/supplies_repo.hpp"

namespace tongxin::supplies {
core::Error ShortfallError(const Item& item, const std::string& field, std::int64_t needed, std::int64_t available) {
  // Each language's names and units, for the message in the caller's language.
  const std::string& name_en = item.name_en.empty() ? item.name_zh : item.name_en;
  const std::string& unit_en = item.unit_en.empty() ? item.unit_zh : item.unit_en;
  return core::Conflict("supplies.shortfall", {{"item_zh", item.name_zh},
                                               {"item_en", name_en},
                                               {"item_id", std::to_string(item.id)},
                                               {"needed_zh", FormatQuantity(needed) + " " + item.unit_zh},
                                               {"needed_en", QuantityText(needed, unit_en, core::Lang::kEn)},
                                               {"available_zh", FormatQuantity(available) + " " + item.unit_zh},
                                               {"available_en", QuantityText(available, unit_en, core::Lang::kEn)},
                                               {"field", field}});
}

namespace {

std::string Json(const Posting& p) { return boost::json::serialize(PostingToJson(p)); }

bool Outgoing(const std::string& kind) { return kind == "issue" || kind == "loss" || kind == "transfer"; }

}  // namespace

SuppliesService::SuppliesService(storage::Database& db, const core::Clock& clock, std::string time_zone)
    : db_(db), clock_(clock), time_zone_(std::move(time_zone)) {}

std::string SuppliesService::Today() const { return core::LocalDay(clock_.Now(), time_zone_); }

// ---- catalogue ----

core::Result<std::vector<Item>> SuppliesService::ListItems(bool active_only) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<Item>> {
    return repo::ListItems(sql, active_only);
  });
}

namespace {

core::Status ApplyItemInput(Item& i, const ItemInput& in, std::vector<Pack>* packs) {
  if (in.code) i.code = *in.code;
  if (in.name_zh) i.name_zh = *in.name_zh;
  if (in.name_en) i.name_en = *in.name_en;
  if (in.category) i.category = *in.category;
  if (in.unit_zh) i.unit_zh = *in.unit_zh;
  if (in.unit_en) i.unit_en = *in.unit_en;
  if (in.decimals) i.decimals = static_cast<int>(*in.decimals);
  if (in.batched) i.batched = *in.batched;
  if (in.active) i.active = *in.active;
  if (!in.packs) return {};
  int n = 0;
  for (const auto& p : *in.packs) {
    ++n;
    auto factor = ToMilli(p.factor, i.decimals);
    if (!factor) {
      return core::FieldInvalid("packs[" + std::to_string(n) + "].factor", "supplies.too_many_decimals",
                                {{"decimals", std::to_string(i.decimals)}});
    }
    packs->push_back({0, i.id, p.name_zh, p.name_en, *factor});
  }
  return {};
}

}  // namespace

core::Result<Item> SuppliesService::CreateItem(const ItemInput& in, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Item> {
    Item i;
    std::vector<Pack> packs;
    TX_CHECK(ApplyItemInput(i, in, &packs));
    if (repo::ItemCodeTaken(sql, i.code, 0)) return core::Conflict("supplies.item_code_taken", {{"field", "code"}});
    i.created_at = i.updated_at = Now();
    i.id = repo::InsertItem(sql, i);
    repo::SetPacks(sql, i.id, packs);
    auto saved = repo::FindItem(sql, i.id);
    auth::RecordAudit(sql, actor, i.created_at, "create", "supply_item", std::to_string(i.id), "",
                      boost::json::serialize(ItemToJson(*saved, core::Lang::kZh)));
    return *saved;
  });
}

core::Result<Item> SuppliesService::UpdateItem(std::int64_t id, const ItemInput& in, const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Item> {
    auto before = repo::FindItem(sql, id);
    if (!before) return core::NotFound("supplies.item_not_found");
    Item i = *before;
    std::vector<Pack> packs;
    TX_CHECK(ApplyItemInput(i, in, &packs));
    if ((i.decimals != before->decimals || i.batched != before->batched) && repo::ItemHasLedger(sql, id)) {
      return core::FieldInvalid(i.decimals != before->decimals ? "decimals" : "batched", "supplies.item_in_use");
    }
    if (repo::ItemCodeTaken(sql, i.code, id)) return core::Conflict("supplies.item_code_taken", {{"field", "code"}});
    i.updated_at = Now();
    repo::UpdateItem(sql, i);
    if (in.packs) repo::SetPacks(sql, id, packs);
    auto saved = repo::FindItem(sql, id);
    auth::RecordAudit(sql, actor, i.updated_at, "update", "supply_item", std::to_string(id),
                      boost::json::serialize(ItemToJson(*before, core::Lang::kZh)),
                      boost::json::serialize(ItemToJson(*saved, core::Lang::kZh)));
    return *saved;
  });
}

// ---- stores ----

core::Result<Store> SuppliesService::ReadableStore(soci::session& sql, const core::Principal& who, std::int64_t id,
                                                   std::string_view field) {
  auto s = repo::FindStore(sql, id);
  if (!s) {
    return field.empty() ? core::NotFound("supplies.store_not_found")
                         : core::FieldInvalid(std::string(field), "supplies.store_not_found");
  }
  TX_CHECK(auth::guard::Path(who, s->unit_path));
  return *s;
}

core::Result<Store> SuppliesService::PostableStore(soci::session& sql, const core::Principal& who, std::int64_t id,
                                                   std::string_view field) {
  TX_TRY(s, ReadableStore(sql, who, id, field));
  if (who.role == core::Role::kAdmin || who.role == core::Role::kOffice) return *s;
  if (who.role == core::Role::kDepartment &&
      std::find(s->keeper_ids.begin(), s->keeper_ids.end(), who.user_id) != s->keeper_ids.end()) {
    return *s;
  }
  return core::Forbidden("supplies.not_keeper");
}

core::Status SuppliesService::CheckKeepers(soci::session& sql, const Store& s) {
  for (auto id : s.keeper_ids) TX_CHECK(auth::guard::AccountCovers(sql, id, s.unit_path, "keeper_ids"));
  return {};
}

core::Result<std::vector<Store>> SuppliesService::ListStores(const core::Principal& who) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<Store>> {
    return repo::ListStores(sql, who);
  });
}

core::Result<Store> SuppliesService::CreateStore(const core::Principal& who, const StoreInput& in,
                                                 const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Store> {
    TX_TRY(unit, auth::guard::Unit(sql, who, *in.unit_id, "unit_id"));
    Store s;
    s.unit_id = unit->id;
    s.unit_path = unit->path;
    s.name_zh = *in.name_zh;
    s.name_en = in.name_en.value_or("");
    s.location = in.location.value_or("");
    s.active = in.active.value_or(true);
    s.keeper_ids = in.keeper_ids.value_or(std::vector<std::int64_t>{});
    TX_CHECK(CheckKeepers(sql, s));
    s.created_at = s.updated_at = Now();
    s.id = repo::InsertStore(sql, s);
    repo::SetKeepers(sql, s.id, s.keeper_ids);
    auto saved = repo::FindStore(sql, s.id);
    auth::RecordAudit(sql, actor, s.created_at, "create", "supply_store", std::to_string(s.id), "",
                      boost::json::serialize(StoreToJson(*saved, core::Lang::kZh)));
    return *saved;
  });
}

core::Result<Store> SuppliesService::UpdateStore(const core::Principal& who, std::int64_t id, const StoreInput& in,
                                                 const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Store> {
    TX_TRY(before, ReadableStore(sql, who, id));
    Store s = *before;
    if (in.unit_id && *in.unit_id != s.unit_id) {
      TX_TRY(unit, auth::guard::Unit(sql, who, *in.unit_id, "unit_id"));
      s.unit_id = unit->id;
      s.unit_path = unit->path;
    }
    if (in.name_zh) s.name_zh = *in.name_zh;
    if (in.name_en) s.name_en = *in.name_en;
    if (in.location) s.location = *in.location;
    if (in.active) s.active = *in.active;
    if (in.keeper_ids) s.keeper_ids = *in.keeper_ids;
    TX_CHECK(CheckKeepers(sql, s));
    s.updated_at = Now();
    repo::UpdateStore(sql, s);
    if (in.keeper_ids) repo::SetKeepers(sql, id, s.keeper_ids);
    auto saved = repo::FindStore(sql, id);
    auth::RecordAudit(sql, actor, s.updated_at, "update", "supply_store", std::to_string(id),
                      boost::json::serialize(StoreToJson(*before, core::Lang::kZh)),
                      boost::json::serialize(StoreToJson(*saved, core::Lang::kZh)));
    return *saved;
  });
}

core::Result<std::pair<Store, std::vector<StockRow>>> SuppliesService::Stock(const core::Principal& who,
                                                                            std::int64_t store_id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::pair<Store, std::vector<StockRow>>> {
    TX_TRY(s, ReadableStore(sql, who, store_id));
    return std::make_pair(*s, repo::StoreStock(sql, store_id));
  });
}

// ---- ledger ----

core::Status SuppliesService::Apply(soci::session& sql, const PostingLine& l, const Item& item,
                                    const std::string& field, std::int64_t needed) {
  if (l.qty_milli > 0) {
    repo::AddStock(sql, l.store_id, l.item_id, l.batch, l.expiry, l.qty_milli, Now());
    return {};
  }
  if (repo::TakeStock(sql, l.store_id, l.item_id, l.batch, -l.qty_milli, Now())) return {};
  return ShortfallError(item, field, needed > 0 ? needed : -l.qty_milli, repo::OnHand(sql, l.store_id, l.item_id, l.batch));
}

core::Result<std::pair<std::int64_t, Item>> SuppliesService::BaseQuantity(soci::session& sql, const LineInput& li,
                                                                          const std::string& prefix) {
  auto item = repo::FindItem(sql, li.item_id);
  if (!item) return core::FieldInvalid(prefix + "item_id", "supplies.item_not_found");
  if (li.pack_id) {
    auto pack = std::find_if(item->packs.begin(), item->packs.end(), [&](const Pack& x) { return x.id == *li.pack_id; });
    if (pack == item->packs.end()) return core::FieldInvalid(prefix + "pack_id", "supplies.pack_of_other_item");
    auto count = ToMilli(li.quantity, 0);
    if (!count) return core::FieldInvalid(prefix + "quantity", "supplies.whole_packs");
    return std::make_pair((*count / kMilli) * pack->factor_milli, std::move(*item));
  }
  auto q = ToMilli(li.quantity, item->decimals);
  if (!q) {
    return core::FieldInvalid(prefix + "quantity", "supplies.too_many_decimals",
                              {{"decimals", std::to_string(item->decimals)}});
  }
  return std::make_pair(*q, std::move(*item));
}

core::Result<Posting> SuppliesService::Post(const core::Principal& who, const PostingInput& in,
                                            const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Posting> { return PostOn(sql, who, in, actor); });
}

core::Result<Posting> SuppliesService::PostOn(soci::session& sql, const core::Principal& who, const PostingInput& in,
                                              const auth::Actor& actor) {
  TX_TRY(store, PostableStore(sql, who, in.store_id, "store_id"));
  if (!store->active) return core::FieldInvalid("store_id", "supplies.store_inactive");
  if (in.to_store_id) {
    TX_TRY(to, ReadableStore(sql, who, *in.to_store_id, "to_store_id"));
    if (!to->active) return core::FieldInvalid("to_store_id", "supplies.store_inactive");
  }
  const std::string today = Today();
  Posting p;
  p.kind = in.kind;
  p.source = in.source;
  p.reason = in.reason;
  p.store_id = in.store_id;
  p.to_store_id = in.to_store_id;
  p.reference = in.reference;
  p.note = in.note;
  if (who.user_id) p.posted_by = who.user_id;
  p.posted_at = Now();
  StockAlerts::Totals before;
  if (alerts_ && in.kind != "receipt") {
    std::vector<std::int64_t> ids;
    for (const auto& li : in.lines) ids.push_back(li.item_id);
    before = StockAlerts::Read(sql, in.store_id, ids);
  }
  int n = 0;
  for (const auto& li : in.lines) {
    const std::string prefix = "lines[" + std::to_string(++n) + "].";
    TX_TRY(resolved, BaseQuantity(sql, li, prefix));
    const std::int64_t qty = resolved->first;
    const Item* item = &resolved->second;
    PostingLine base;
    base.store_id = in.store_id;
    base.item_id = item->id;
    if (li.pack_id) {
      base.pack_id = li.pack_id;
      base.pack_count = qty / std::find_if(item->packs.begin(), item->packs.end(), [&](const Pack& x) {
                                return x.id == *li.pack_id;
                              })->factor_milli;
    }
    if (!item->batched && (!li.batch.empty() || !li.expiry.empty())) {
      return core::FieldInvalid(prefix + (li.batch.empty() ? "expiry" : "batch"), "supplies.not_batched");
    }
    const bool out = Outgoing(in.kind) || (in.kind == "adjustment" && qty < 0);
    if (!out) {
      // Into the store: a receipt or a count above the books.
      if (item->batched) {
        if (li.batch.empty()) return core::FieldInvalid(prefix + "batch", "validation.required");
        std::string expiry = li.expiry;
        for (const auto& b : repo::Batches(sql, in.store_id, item->id)) {
          if (b.batch == li.batch) expiry = b.expiry;  // a known batch keeps its date
        }
        if (expiry.empty()) return core::FieldInvalid(prefix + "expiry", "validation.required");
        if (!li.expiry.empty() && li.expiry != expiry) return core::FieldInvalid(prefix + "expiry", "supplies.batch_expiry_differs");
        base.batch = li.batch;
        base.expiry = expiry;
      }
      base.qty_milli = qty;
      TX_CHECK(Apply(sql, base, *item, prefix + "quantity"));
      p.lines.push_back(base);
      continue;
    }
    // Out of the store: from the named batch, or first expiry first over batches that
    // have not expired (a loss may take expired stock; an issue only with the override).
    const std::int64_t need = qty < 0 ? -qty : qty;
    const bool expired_ok = in.allow_expired || in.kind == "loss" || in.kind == "adjustment";
    std::vector<PostingLine> taken;
    if (!item->batched) {
      base.qty_milli = -need;
      taken.push_back(base);
    } else if (!li.batch.empty()) {
      std::string expiry;
      bool found = false;
      for (const auto& b : repo::Batches(sql, in.store_id, item->id)) {
        if (b.batch == li.batch) {
          expiry = b.expiry;
          found = true;
        }
      }
      if (!found) return ShortfallError(*item, prefix + "quantity", need, 0);
      if (!expiry.empty() && expiry < today && !expired_ok) {
        return core::FieldInvalid(prefix + "batch", "supplies.batch_expired", {{"expiry", expiry}});
      }
      base.batch = li.batch;
      base.expiry = expiry;
      base.qty_milli = -need;
      taken.push_back(base);
    } else {
      std::int64_t left = need, usable = 0;
      for (const auto& b : repo::Batches(sql, in.store_id, item->id)) {
        if (!b.expiry.empty() && b.expiry < today && !expired_ok) continue;
        usable += b.qty_milli;
        if (left == 0) continue;
        const std::int64_t take = std::min(left, b.qty_milli);
        PostingLine l = base;
        l.batch = b.batch;
        l.expiry = b.expiry;
        l.qty_milli = -take;
        // The pack count belongs to the whole line; split lines keep it on the first.
        if (!taken.empty()) l.pack_count = 0;
        taken.push_back(l);
        left -= take;
      }
      if (left > 0) return ShortfallError(*item, prefix + "quantity", need, usable);
    }
    for (const auto& l : taken) {
      TX_CHECK(Apply(sql, l, *item, prefix + "quantity", need));
      p.lines.push_back(l);
      if (in.kind == "transfer") {
        PostingLine to = l;
        to.store_id = *in.to_store_id;
        to.qty_milli = -l.qty_milli;
        TX_CHECK(Apply(sql, to, *item, prefix + "quantity"));
        p.lines.push_back(to);
      }
    }
  }
  p.id = repo::InsertPosting(sql, p);
  repo::InsertLines(sql, p.id, p.lines);
  if (alerts_ && !before.empty()) alerts_->AfterTaking(sql, *store, before, p.id);
  auto saved = repo::FindPosting(sql, p.id);
  auth::RecordAudit(sql, actor, p.posted_at, "create", "supply_posting", std::to_string(p.id), "", Json(*saved));
  return *saved;
}

core::Result<Posting> SuppliesService::Reverse(const core::Principal& who, std::int64_t id, const std::string& note,
                                               const auth::Actor& actor) {
  return db_.InTransaction(
      [&](soci::session& sql) -> core::Result<Posting> { return ReverseOn(sql, who, id, note, actor); });
}

core::Result<Posting> SuppliesService::ReverseOn(soci::session& sql, const core::Principal& who, std::int64_t id,
                                                 const std::string& note, const auth::Actor& actor) {
  {
    auto original = repo::FindPosting(sql, id);
    if (!original) return core::NotFound("supplies.posting_not_found");
    TX_CHECK(PostableStore(sql, who, original->store_id));
    if (original->kind == "reversal") return core::Conflict("supplies.reversal_of_reversal", {{"field", "id"}});
    if (original->reversed_by) return core::Conflict("supplies.already_reversed", {{"field", "id"}});
    Posting r;
    r.kind = "reversal";
    r.store_id = original->store_id;
    r.to_store_id = original->to_store_id;
    r.reverses_id = original->id;
    r.reference = original->reference;
    r.note = note;
    if (who.user_id) r.posted_by = who.user_id;
    r.posted_at = Now();
    // Take back what went in before putting back what went out, so a transfer's reversal
    // fails on the receiving store's shortfall, not half-way.
    std::vector<PostingLine> lines;
    for (const auto& l : original->lines) {
      PostingLine x = l;
      x.id = 0;
      x.qty_milli = -l.qty_milli;
      lines.push_back(x);
    }
    std::stable_partition(lines.begin(), lines.end(), [](const PostingLine& l) { return l.qty_milli < 0; });
    // The stores the reversal takes from (a receipt's store, a transfer's receiving one)
    // may fall to a threshold: their totals before, for the alerts.
    std::map<std::int64_t, StockAlerts::Totals> before;
    if (alerts_) {
      std::map<std::int64_t, std::vector<std::int64_t>> taking;
      for (const auto& l : lines) {
        if (l.qty_milli < 0) taking[l.store_id].push_back(l.item_id);
      }
      for (const auto& [store_id, ids] : taking) before[store_id] = StockAlerts::Read(sql, store_id, ids);
    }
    for (const auto& l : lines) {
      auto item = repo::FindItem(sql, l.item_id);
      if (!item) return core::Internal("supplies: posting line names a missing item");
      TX_CHECK(Apply(sql, l, *item, "id"));
    }
    r.lines = lines;
    r.id = repo::InsertPosting(sql, r);
    repo::InsertLines(sql, r.id, r.lines);
    if (!repo::MarkReversed(sql, original->id, r.id)) {
      return core::Conflict("supplies.already_reversed", {{"field", "id"}});
    }
    for (const auto& [store_id, totals] : before) {
      if (auto store = repo::FindStore(sql, store_id)) alerts_->AfterTaking(sql, *store, totals, r.id);
    }
    auto saved = repo::FindPosting(sql, r.id);
    auth::RecordAudit(sql, actor, r.posted_at, "create", "supply_posting", std::to_string(r.id), Json(*original),
                      Json(*saved));
    return *saved;
  }
}

core::Result<std::pair<std::int64_t, std::int64_t>> SuppliesService::SetThreshold(const core::Principal& who,
                                                                                  std::int64_t store_id,
                                                                                  std::int64_t item_id, double low,
                                                                                  const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<std::pair<std::int64_t, std::int64_t>> {
    TX_CHECK(PostableStore(sql, who, store_id));
    auto item = repo::FindItem(sql, item_id);
    if (!item) return core::FieldInvalid("item_id", "supplies.item_not_found");
    auto milli = ToMilli(low, item->decimals);
    if (!milli) {
      return core::FieldInvalid("low", "supplies.too_many_decimals", {{"decimals", std::to_string(item->decimals)}});
    }
    if (*milli < 0) return core::FieldInvalid("low", "supplies.quantity_positive");
    const std::int64_t was = repo::Threshold(sql, store_id, item_id);
    repo::SetThreshold(sql, store_id, item_id, *milli);
    const std::string key = std::to_string(store_id) + ":" + std::to_string(item_id);
    auth::RecordAudit(sql, actor, Now(), "update", "supply_threshold", key,
                      "{\"low\":" + FormatQuantity(was) + "}", "{\"low\":" + FormatQuantity(*milli) + "}");
    return std::make_pair(item_id, *milli);
  });
}

core::Result<std::vector<std::pair<std::int64_t, std::int64_t>>> SuppliesService::Thresholds(
    const core::Principal& who, std::int64_t store_id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<std::vector<std::pair<std::int64_t, std::int64_t>>> {
    TX_CHECK(ReadableStore(sql, who, store_id));
    return repo::Thresholds(sql, store_id);
  });
}

core::Result<Posting> SuppliesService::GetPosting(const core::Principal& who, std::int64_t id) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<Posting> {
    auto p = repo::FindPosting(sql, id);
    if (!p) return core::NotFound("supplies.posting_not_found");
    TX_CHECK(ReadableStore(sql, who, p->store_id));
    return *p;
  });
}

core::Result<core::Page<Movement>> SuppliesService::Movements(const core::Principal& who, std::int64_t item_id,
                                                              std::optional<std::int64_t> store_id,
                                                              const core::PageRequest& page) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<core::Page<Movement>> {
    if (!repo::FindItem(sql, item_id)) return core::NotFound("supplies.item_not_found");
    if (store_id) TX_CHECK(ReadableStore(sql, who, *store_id, "store_id"));
    return repo::Movements(sql, who, item_id, store_id, page);
  });
}

}  // namespace tongxin::supplies
