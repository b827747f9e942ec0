// Supplies reports over a date range (local days in the office's time zone): movements per
// item and kind (what came in, went out, moved between stores, was lost or adjusted), with
// a day-by-day series for one item; and distributions by item and by recipient (unit and
// person), counting what was handed out and not returned.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/result.hpp"
#include "core/roles.hpp"
#include "modules/supplies/supplies_service.hpp"
#include "storage/database.hpp"

namespace tongxin::supplies {

struct ReportRange {
  std::string from, to;  // local days, inclusive
  std::optional<std::int64_t> store_id, item_id;
};

struct ItemMovement {
  std::int64_t item_id = 0;
  std::string item_code, item_name_zh, item_name_en, unit_zh, unit_en, category;
  std::int64_t receipt = 0, issue = 0, transfer_in = 0, transfer_out = 0, loss = 0, adjustment = 0, reversal = 0;
  std::int64_t in() const;
  std::int64_t out() const;
};
struct DayMovement {
  std::string day;
  std::int64_t in = 0, out = 0;
};
struct MovementReport {
  std::vector<ItemMovement> items;
  std::vector<DayMovement> days;  // with item_id only
};

struct DistributedItem {
  std::int64_t item_id = 0;
  std::string item_code, item_name_zh, item_name_en, unit_zh, unit_en;
  std::int64_t qty_milli = 0, shares = 0;
};
struct RecipientRow {
  std::string name;  // a person's name, or a unit's
  std::string unit_name_zh, unit_name_en;
  std::int64_t shares = 0, received = 0, returned = 0;
};
struct DistributionReport {
  std::int64_t distributions = 0;
  std::vector<DistributedItem> items;
  std::vector<RecipientRow> units, recipients;  // recipients: the 500 with most shares
};

class SupplyReports {
 public:
  SupplyReports(storage::Database& db, SuppliesService& supplies, std::string time_zone)
      : db_(db), supplies_(supplies), time_zone_(std::move(time_zone)) {}
  // Errors: supplies.store_not_found (404), auth.out_of_scope for a store outside scope.
  core::Result<MovementReport> Movements(const core::Principal& who, const ReportRange& range);
  core::Result<DistributionReport> Distributions(const core::Principal& who, const ReportRange& range);

 private:
  std::pair<std::string, std::string> UtcBounds(const ReportRange& range) const;

  storage::Database& db_;
  SuppliesService& supplies_;
  std::string time_zone_;
};

boost::json::object MovementReportToJson(const MovementReport& r, core::Lang lang);
boost::json::object DistributionReportToJson(const DistributionReport& r, core::Lang lang);

}  // namespace tongxin::supplies
