// Stocktake (盘点): a count sheet per store (XLSX: every item and batch on the books, a
// column to write the counts in), read back and previewed as the differences it would
// post, then posted as one stocktake adjustment. The books a count was made against go
// back with it: if stock moved since the preview, the post is refused (409
// supplies.books_changed) and the sheet must be previewed again.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "modules/supplies/supplies_service.hpp"

namespace tongxin::supplies {

struct Count {
  int row = 0;  // sheet row, for messages (0 from JSON)
  std::int64_t item_id = 0;
  std::string batch, expiry;
  std::int64_t books_milli = 0, counted_milli = 0;
  std::string item_code, item_name_zh, item_name_en, unit_zh, unit_en;
  std::int64_t difference() const { return counted_milli - books_milli; }
};

struct CountProblem {
  int row = 0;
  std::string column, reason;  // reason: a message key
  std::map<std::string, std::string> args;
};

struct CountPreview {
  std::vector<Count> counts;  // counted rows
  std::vector<CountProblem> problems;
  std::int64_t uncounted = 0;  // rows on the books left blank
};

struct StocktakeInput {
  std::string reason, note;
  std::vector<Count> counts;  // item_id, batch, expiry, books and counted
};
core::Result<StocktakeInput> ParseStocktakeInput(const boost::json::object& body);

class Stocktake {
 public:
  Stocktake(storage::Database& db, SuppliesService& supplies) : db_(db), supplies_(supplies) {}

  // The count sheet of a store, in `lang`. Errors: as SuppliesService::Stock.
  core::Result<std::pair<std::string, std::string>> Sheet(const core::Principal& who, std::int64_t store_id,
                                                          core::Lang lang);
  // A filled-in sheet read against the books now. Errors: as Stock; imports.bad_file.
  core::Result<CountPreview> Preview(const core::Principal& who, std::int64_t store_id, const std::string& xlsx);
  // Posts the differences as one adjustment. Errors: as PostableStore, supplies.books_changed
  // (409 naming the item), supplies.no_differences (400), posting errors.
  core::Result<Posting> Post(const core::Principal& who, std::int64_t store_id, const StocktakeInput& in,
                             const auth::Actor& actor);

 private:
  storage::Database& db_;
  SuppliesService& supplies_;
};

boost::json::object CountPreviewToJson(const CountPreview& p, core::Lang lang);

}  // namespace tongxin::supplies
