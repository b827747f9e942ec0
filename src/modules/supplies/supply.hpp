// Supplies: items of the catalogue with their pack units, stores owned by units, stock on
// hand, and the ledger's postings. Quantities are integers in thousandths of the item's
// base unit ("milli"): 1.8 L of oil is 1800, 50 masks 50000. An item's `decimals` (0–3)
// says how finely it is counted; a quantity finer than that is refused, never rounded.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/json_reader.hpp"
#include "core/result.hpp"

namespace tongxin::supplies {

inline constexpr std::int64_t kMilli = 1000;

struct Pack {
  std::int64_t id = 0;
  std::int64_t item_id = 0;
  std::string name_zh, name_en;
  std::int64_t factor_milli = 0;  // base units in one pack, in thousandths
};
BOOST_DESCRIBE_STRUCT(Pack, (), (id, item_id, name_zh, name_en, factor_milli))

struct Item {
  std::int64_t id = 0;
  std::string code;
  std::string name_zh, name_en;
  std::string category;  // see Categories()
  std::string unit_zh, unit_en;
  int decimals = 0;
  bool batched = false;  // received in batches with an expiry date, issued first-expiry-first
  bool active = true;
  std::string created_at, updated_at;
  std::vector<Pack> packs;
};
BOOST_DESCRIBE_STRUCT(Item, (), (id, code, name_zh, name_en, category, unit_zh, unit_en, decimals, batched, active,
                                 created_at, updated_at, packs))

struct Store {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string name_zh, name_en, location;
  bool active = true;
  std::string created_at, updated_at;
  std::string unit_path, unit_name_zh, unit_name_en;  // read with the store
  std::vector<std::int64_t> keeper_ids;
};
BOOST_DESCRIBE_STRUCT(Store, (), (id, unit_id, name_zh, name_en, location, active, created_at, updated_at, unit_path,
                                  unit_name_zh, unit_name_en, keeper_ids))

// One store's holding of one item (and batch).
struct StockRow {
  std::int64_t store_id = 0;
  std::int64_t item_id = 0;
  std::string batch, expiry;
  std::int64_t qty_milli = 0;
  std::string updated_at;
  std::string item_code, item_name_zh, item_name_en, unit_zh, unit_en, category;  // read with the row
  std::int64_t low_milli = 0;  // the store's low-stock threshold for the item, 0 = none
};
BOOST_DESCRIBE_STRUCT(StockRow, (), (store_id, item_id, batch, expiry, qty_milli, updated_at, item_code, item_name_zh,
                                     item_name_en, unit_zh, unit_en, category, low_milli))

struct PostingLine {
  std::int64_t id = 0;
  std::int64_t posting_id = 0;
  std::int64_t store_id = 0;
  std::int64_t item_id = 0;
  std::string batch, expiry;
  std::int64_t qty_milli = 0;  // signed: + into the store, - out of it
  std::optional<std::int64_t> pack_id;
  std::int64_t pack_count = 0;
};
BOOST_DESCRIBE_STRUCT(PostingLine, (), (id, posting_id, store_id, item_id, batch, expiry, qty_milli, pack_id,
                                        pack_count))

struct Posting {
  std::int64_t id = 0;
  std::string kind;  // receipt, issue, transfer, loss, adjustment, reversal
  std::string source, reason;
  std::int64_t store_id = 0;
  std::optional<std::int64_t> to_store_id;
  std::string reference, note;
  std::optional<std::int64_t> reverses_id, reversed_by, posted_by;
  std::string posted_at;
  std::vector<PostingLine> lines;
};
BOOST_DESCRIBE_STRUCT(Posting, (), (id, kind, source, reason, store_id, to_store_id, reference, note, reverses_id,
                                    reversed_by, posted_by, posted_at, lines))

// A line of an item's movement history, with its posting.
struct Movement {
  PostingLine line;
  std::string kind, source, reason, reference, note, posted_at;
  std::optional<std::int64_t> posted_by;
  std::string posted_by_name, store_name_zh, store_name_en;
};

const std::vector<std::string>& Categories();
bool IsProtective(const std::string& category);

// Input of a create (every required field) or an update (only what is present).
struct ItemInput {
  std::optional<std::string> code, name_zh, name_en, category, unit_zh, unit_en;
  std::optional<std::int64_t> decimals;
  std::optional<bool> batched, active;
  struct PackIn {
    std::string name_zh, name_en;
    double factor = 0;
  };
  std::optional<std::vector<PackIn>> packs;  // replaces the item's packs when present
};
core::Result<ItemInput> ParseItemInput(const boost::json::object& body, bool create);

struct StoreInput {
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> name_zh, name_en, location;
  std::optional<bool> active;
  std::optional<std::vector<std::int64_t>> keeper_ids;
};
core::Result<StoreInput> ParseStoreInput(const boost::json::object& body, bool create);

// A posting as asked for: quantities are as typed (in the item's base unit or in packs),
// converted and checked by the service, which knows the items.
struct LineInput {
  std::int64_t item_id = 0;
  double quantity = 0;
  std::optional<std::int64_t> pack_id;
  std::string batch, expiry;
};
// How a list of lines under "lines" is read: at most max_lines; negative quantities only
// when signed (stocktake adjustments); batch and expiry only where batches are named.
struct LineRules {
  std::size_t max_lines = 200;
  bool signed_quantities = false;
  bool batches = true;
};
// Field errors go to `r`, named "lines[n].<field>".
std::vector<LineInput> ReadLines(core::JsonReader& r, const boost::json::object& body, const LineRules& rules);

struct PostingInput {
  std::string kind, source, reason, reference, note;
  std::int64_t store_id = 0;
  std::optional<std::int64_t> to_store_id;
  bool allow_expired = false;
  std::vector<LineInput> lines;
};
core::Result<PostingInput> ParsePostingInput(const boost::json::object& body);

// `value` in thousandths when it has at most `decimals` decimals; nullopt otherwise.
std::optional<std::int64_t> ToMilli(double value, int decimals);
// 1800 -> 1.8
double FromMilli(std::int64_t milli);
// 1800 -> "1.8", 50000 -> "50"
std::string FormatQuantity(std::int64_t milli);
// A unit as English counts it: "piece" -> "pieces", "box" -> "boxes", "battery" ->
// "batteries" unless the quantity is exactly one; abbreviations ("kg", "L", "ml", "pcs")
// and Chinese stay as they are.
std::string UnitWord(const std::string& unit, std::int64_t milli, core::Lang lang);
// "1.8 L", "50 pieces", "50 只".
std::string QuantityText(std::int64_t milli, const std::string& unit, core::Lang lang);

boost::json::object ItemToJson(const Item& i, core::Lang lang);
boost::json::object StoreToJson(const Store& s, core::Lang lang);
boost::json::object StockToJson(const StockRow& r, core::Lang lang, const std::string& today);
boost::json::object PostingToJson(const Posting& p);
boost::json::object MovementToJson(const Movement& m, core::Lang lang);

}  // namespace tongxin::supplies
