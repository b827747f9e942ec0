// Stock alerts through the outbox: a store's keepers (or, for a store without keepers, the
// staff covering its unit) hear when an item falls to its low-stock threshold — once per
// crossing, from above the threshold to at or below it — and when a batch will expire
// within `expiry_days`, once per batch. Messages in each recipient's language. Runs on the
// caller's session (the posting's transaction) or as a scheduler job. Thread-safe.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "modules/notify/notify_service.hpp"
#include "modules/supplies/supply.hpp"
#include "storage/database.hpp"

namespace tongxin::supplies {

class StockAlerts {
 public:
  StockAlerts(storage::Database& db, const core::Clock& clock, notify::NotifyService& notify, std::string time_zone,
              int expiry_days);

  // Each item's total on hand in the store (every batch), read before a posting takes.
  using Totals = std::map<std::int64_t, std::int64_t>;
  static Totals Read(soci::session& sql, std::int64_t store_id, const std::vector<std::int64_t>& item_ids);
  // After the posting: items that crossed their threshold. Returns notices queued.
  int AfterTaking(soci::session& sql, const Store& store, const Totals& before, std::int64_t posting_id);
  // Batches expiring within expiry_days that have not been announced; once a day is enough.
  core::Result<int> ExpiringSoon();

 private:
  std::vector<notify::Recipient> KeepersOf(soci::session& sql, const Store& s);

  storage::Database& db_;
  const core::Clock& clock_;
  notify::NotifyService& notify_;
  std::string time_zone_;
  int expiry_days_;
};

}  // namespace tongxin::supplies
