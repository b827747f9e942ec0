// Supplies storage: items and packs, stores and keepers, stock, postings and their lines.
// Plain statements on the caller's session; the service owns transactions and rules.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/supplies/supply.hpp"

namespace tongxin::supplies::repo {

std::vector<Item> ListItems(soci::session& sql, bool active_only);
std::optional<Item> FindItem(soci::session& sql, std::int64_t id);
std::int64_t InsertItem(soci::session& sql, const Item& i);
void UpdateItem(soci::session& sql, const Item& i);
void SetPacks(soci::session& sql, std::int64_t item_id, const std::vector<Pack>& packs);
bool ItemHasLedger(soci::session& sql, std::int64_t item_id);
bool ItemCodeTaken(soci::session& sql, const std::string& code, std::int64_t except_id);

// Stores whose unit lies in `who`'s scope (every store for whole-database scope).
std::vector<Store> ListStores(soci::session& sql, const core::Principal& who);
std::optional<Store> FindStore(soci::session& sql, std::int64_t id);
std::int64_t InsertStore(soci::session& sql, const Store& s);
void UpdateStore(soci::session& sql, const Store& s);
void SetKeepers(soci::session& sql, std::int64_t store_id, const std::vector<std::int64_t>& user_ids);

std::vector<StockRow> StoreStock(soci::session& sql, std::int64_t store_id);
// The batches of an item in a store with stock, first expiry first (no expiry last).
std::vector<StockRow> Batches(soci::session& sql, std::int64_t store_id, std::int64_t item_id);
// Adds qty (> 0) to a holding, creating it.
void AddStock(soci::session& sql, std::int64_t store_id, std::int64_t item_id, const std::string& batch,
              const std::string& expiry, std::int64_t qty, const std::string& now);
// Takes qty (> 0) from a holding when it has that much; false (nothing changed) otherwise.
bool TakeStock(soci::session& sql, std::int64_t store_id, std::int64_t item_id, const std::string& batch,
               std::int64_t qty, const std::string& now);
std::int64_t OnHand(soci::session& sql, std::int64_t store_id, std::int64_t item_id, const std::string& batch);
// Every batch of the item in the store.
std::int64_t ItemOnHand(soci::session& sql, std::int64_t store_id, std::int64_t item_id);
// The item's low-stock threshold in the store (0: none); 0 clears it.
std::int64_t Threshold(soci::session& sql, std::int64_t store_id, std::int64_t item_id);
void SetThreshold(soci::session& sql, std::int64_t store_id, std::int64_t item_id, std::int64_t low_milli);
std::vector<std::pair<std::int64_t, std::int64_t>> Thresholds(soci::session& sql, std::int64_t store_id);
// Holdings with stock whose expiry lies in [from, to], in every store.
std::vector<StockRow> ExpiringBetween(soci::session& sql, const std::string& from, const std::string& to);

std::int64_t InsertPosting(soci::session& sql, const Posting& p);
void InsertLines(soci::session& sql, std::int64_t posting_id, const std::vector<PostingLine>& lines);
// Lines of several postings (each names its posting_id).
void InsertLines(soci::session& sql, const std::vector<PostingLine>& lines);
std::optional<Posting> FindPosting(soci::session& sql, std::int64_t id);
// Marks `id` reversed by `reversal_id`; false when it was reversed already.
bool MarkReversed(soci::session& sql, std::int64_t id, std::int64_t reversal_id);

// An item's movements, newest first, in one store or in the stores in `who`'s scope.
core::Page<Movement> Movements(soci::session& sql, const core::Principal& who, std::int64_t item_id,
                               std::optional<std::int64_t> store_id, const core::PageRequest& page);

}  // namespace tongxin::supplies::repo
