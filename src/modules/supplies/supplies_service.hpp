// Supplies rules: the catalogue, stores and who keeps them, and the ledger. A posting is
// written with its lines and the stock it changes in one transaction, audited, and never
// edited or deleted; a mistake is undone by a reversal. Stock never goes below zero: an
// issue that would is refused with 409 supplies.shortfall naming the item, what it needs
// and what there is. Who may post in a store: admins, office staff whose units cover the
// store's unit, and the store's keepers (department staff of that unit); staff in scope
// read. Thread-safe; blocks on the database.
#pragma once

#include "auth/audit.hpp"
#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/supplies/supply.hpp"
#include "storage/database.hpp"

namespace tongxin::supplies {

class StockAlerts;

// 409 supplies.shortfall naming the item, what is needed and what there is, and `field`.
core::Error ShortfallError(const Item& item, const std::string& field, std::int64_t needed, std::int64_t available);

class SuppliesService {
 public:
  SuppliesService(storage::Database& db, const core::Clock& clock, std::string time_zone);

  core::Result<std::vector<Item>> ListItems(bool active_only);
  // Errors: field errors, supplies.item_code_taken (409).
  core::Result<Item> CreateItem(const ItemInput& in, const auth::Actor& actor);
  // Errors: supplies.item_not_found, supplies.decimals_in_use (400: stock finer than it).
  core::Result<Item> UpdateItem(std::int64_t id, const ItemInput& in, const auth::Actor& actor);

  core::Result<std::vector<Store>> ListStores(const core::Principal& who);
  // Errors: units.not_found (400 unit_id), auth.out_of_scope, supplies.keeper_invalid
  // (400 keeper_ids: not an active account covering the store's unit).
  core::Result<Store> CreateStore(const core::Principal& who, const StoreInput& in, const auth::Actor& actor);
  core::Result<Store> UpdateStore(const core::Principal& who, std::int64_t id, const StoreInput& in,
                                  const auth::Actor& actor);
  // The store's stock on hand. Errors: supplies.store_not_found, auth.out_of_scope.
  core::Result<std::pair<Store, std::vector<StockRow>>> Stock(const core::Principal& who, std::int64_t store_id);

  // Errors: field errors (lines[n].quantity, .pack_id, .batch, .expiry, allow_expired,
  // to_store_id), supplies.store_not_found, auth.out_of_scope, supplies.not_keeper (403),
  // supplies.shortfall (409).
  core::Result<Posting> Post(const core::Principal& who, const PostingInput& in, const auth::Actor& actor);
  // A posting with every line negated. Errors: supplies.posting_not_found,
  // supplies.already_reversed (409), supplies.reversal_of_reversal (409),
  // supplies.shortfall (409: what it put in has gone out since).
  core::Result<Posting> Reverse(const core::Principal& who, std::int64_t id, const std::string& note,
                                const auth::Actor& actor);
  core::Result<Posting> GetPosting(const core::Principal& who, std::int64_t id);
  core::Result<core::Page<Movement>> Movements(const core::Principal& who, std::int64_t item_id,
                                               std::optional<std::int64_t> store_id, const core::PageRequest& page);

  std::string Now() const { return core::FormatIso(clock_.Now()); }
  std::string Today() const;

  // Low-stock notices after postings that take stock (none until set).
  void SetAlerts(StockAlerts* alerts) { alerts_ = alerts; }
  StockAlerts* alerts() const { return alerts_; }
  // An item's low-stock threshold in a store (low 0 clears it). Errors: as PostableStore,
  // item_id supplies.item_not_found, low supplies.too_many_decimals / validation.out_of_range.
  core::Result<std::pair<std::int64_t, std::int64_t>> SetThreshold(const core::Principal& who, std::int64_t store_id,
                                                                   std::int64_t item_id, double low,
                                                                   const auth::Actor& actor);
  core::Result<std::vector<std::pair<std::int64_t, std::int64_t>>> Thresholds(const core::Principal& who,
                                                                              std::int64_t store_id);

  // On the caller's session (inside its transaction), for the other supplies services.
  // A store in scope. Errors: supplies.store_not_found (404, or 400 naming `field`),
  // auth.out_of_scope.
  core::Result<Store> ReadableStore(soci::session& sql, const core::Principal& who, std::int64_t id,
                                    std::string_view field = "");
  // A store the caller may post in. Errors: as ReadableStore, supplies.not_keeper (403).
  core::Result<Store> PostableStore(soci::session& sql, const core::Principal& who, std::int64_t id,
                                    std::string_view field = "");
  // Post, on the caller's session.
  core::Result<Posting> PostOn(soci::session& sql, const core::Principal& who, const PostingInput& in,
                               const auth::Actor& actor);
  // Reverse, on the caller's session.
  core::Result<Posting> ReverseOn(soci::session& sql, const core::Principal& who, std::int64_t id,
                                  const std::string& note, const auth::Actor& actor);
  // A line's quantity in thousandths of its item's base unit, with the item. Errors:
  // <prefix>item_id supplies.item_not_found, <prefix>pack_id supplies.pack_of_other_item,
  // <prefix>quantity supplies.whole_packs / supplies.too_many_decimals.
  core::Result<std::pair<std::int64_t, Item>> BaseQuantity(soci::session& sql, const LineInput& line,
                                                           const std::string& prefix);

 private:
  core::Status CheckKeepers(soci::session& sql, const Store& s);
  // Applies a line to the stock (adds or takes); when it cannot take, the shortfall error
  // naming `field` and what the request needed (default: the line's own quantity).
  core::Status Apply(soci::session& sql, const PostingLine& l, const Item& item, const std::string& field,
                     std::int64_t needed = 0);

  storage::Database& db_;
  const core::Clock& clock_;
  std::string time_zone_;
  StockAlerts* alerts_ = nullptr;
};

}  // namespace tongxin::supplies
