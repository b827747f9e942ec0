// Stock alerts.
#include "modules/supplies/stock_alerts.hpp"

#include <algorithm>

#include "core/local_time.hpp"
#include "core/pick.hpp"
#include "modules/supplies/supplies_repo.hpp"

namespace tongxin::supplies {
StockAlerts::StockAlerts(storage::Database& db, const core::Clock& clock, notify::NotifyService& notify,
                         std::string time_zone, int expiry_days)
    : db_(db), clock_(clock), notify_(notify), time_zone_(std::move(time_zone)), expiry_days_(expiry_days) {}

StockAlerts::Totals StockAlerts::Read(soci::session& sql, std::int64_t store_id,
                                      const std::vector<std::int64_t>& item_ids) {
  Totals out;
  for (auto id : item_ids) {
    if (!out.count(id)) out[id] = repo::ItemOnHand(sql, store_id, id);
  }
  return out;
}

std::vector<notify::Recipient> StockAlerts::KeepersOf(soci::session& sql, const Store& s) {
  if (s.keeper_ids.empty()) return notify_.StaffFor(sql, s.unit_path);
  std::vector<notify::Recipient> out;
  for (const auto& m : notify_.Staff(sql, {"admin", "office", "department"})) {
    if (m.to.user_id && std::find(s.keeper_ids.begin(), s.keeper_ids.end(), *m.to.user_id) != s.keeper_ids.end()) {
      out.push_back(m.to);
    }
  }
  return out;
}

int StockAlerts::AfterTaking(soci::session& sql, const Store& store, const Totals& before, std::int64_t posting_id) {
  int queued = 0;
  for (const auto& [item_id, was] : before) {
    const std::int64_t low = repo::Threshold(sql, store.id, item_id);
    if (low <= 0) continue;
    const std::int64_t now = repo::ItemOnHand(sql, store.id, item_id);
    if (!(was > low && now <= low)) continue;
    auto item = repo::FindItem(sql, item_id);
    if (!item) continue;
    const std::string key = "low_stock:" + std::to_string(store.id) + ":" + std::to_string(item_id) + ":" +
                            std::to_string(posting_id);
    for (const auto& to : KeepersOf(sql, store)) {
      queued += notify_.Queue(
          sql, to, "low_stock", key,
          [&](core::Lang lang) {
            const std::string i = core::Pick(lang, item->name_zh, item->name_en);
            const std::string s = core::Pick(lang, store.name_zh, store.name_en);
            const std::string u = core::Pick(lang, item->unit_zh, item->unit_en);
            if (lang == core::Lang::kEn) {
              return notify::Message{"Low stock: " + i + " at " + s,
                                     s + " has " + QuantityText(now, u, lang) + " of " + i +
                                         " left, at or below its threshold of " + QuantityText(low, u, lang) + "."};
            }
            return notify::Message{"库存预警：" + s + "的" + i,
                                   s + "的" + i + "现有 " + FormatQuantity(now) + " " + u + "，已不高于预警值 " +
                                       FormatQuantity(low) + " " + u + "。"};
          },
          "/supplies/stores?store=" + std::to_string(store.id));
    }
  }
  return queued;
}

core::Result<int> StockAlerts::ExpiringSoon() {
  if (expiry_days_ <= 0) return 0;
  const std::string today = core::LocalDay(clock_.Now(), time_zone_);
  const std::string until = core::LocalDay(clock_.Now() + std::chrono::hours(24) * expiry_days_, time_zone_);
  return db_.InTransaction([&](soci::session& sql) -> core::Result<int> {
    int queued = 0;
    for (const auto& b : repo::ExpiringBetween(sql, today, until)) {
      auto store = repo::FindStore(sql, b.store_id);
      if (!store || !store->active) continue;
      const std::string key =
          "expiry:" + std::to_string(b.store_id) + ":" + std::to_string(b.item_id) + ":" + b.batch + ":" + b.expiry;
      for (const auto& to : KeepersOf(sql, *store)) {
        queued += notify_.Queue(
            sql, to, "expiry_soon", key,
            [&](core::Lang lang) {
              const std::string i = core::Pick(lang, b.item_name_zh, b.item_name_en);
              const std::string s = core::Pick(lang, store->name_zh, store->name_en);
              const std::string u = core::Pick(lang, b.unit_zh, b.unit_en);
              if (lang == core::Lang::kEn) {
                return notify::Message{"Expiring soon: " + i + " at " + s,
                                       "Batch " + b.batch + " of " + i + " at " + s + " (" +
                                           QuantityText(b.qty_milli, u, lang) + ") expires on " + b.expiry + "."};
              }
              return notify::Message{"临近有效期：" + s + "的" + i,
                                     s + "的" + i + "批次 " + b.batch + "（" + FormatQuantity(b.qty_milli) + " " + u +
                                         "）将于 " + b.expiry + " 过期。"};
            },
            "/supplies/stores?store=" + std::to_string(b.store_id));
      }
    }
    return queued;
  });
}

}  // namespace tongxin::supplies
