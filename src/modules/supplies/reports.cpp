// Supplies reports: sums over the ledger and the distributions in a date range.
#include "modules/supplies/reports.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

#include "core/clock.hpp"
#include "core/local_time.hpp"
#include "core/pick.hpp"
#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::supplies {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)

std::int64_t ItemMovement::in() const {
  return receipt + transfer_in + (adjustment > 0 ? adjustment : 0) + (reversal > 0 ? reversal : 0);
}
std::int64_t ItemMovement::out() const {
  return issue + transfer_out + loss + (adjustment < 0 ? -adjustment : 0) + (reversal < 0 ? -reversal : 0);
}

std::pair<std::string, std::string> SupplyReports::UtcBounds(const ReportRange& range) const {
  return {core::FormatIso(core::AtLocal(range.from, 0, time_zone_)),
          core::FormatIso(core::AtLocal(core::AddDays(range.to, 1), 0, time_zone_))};
}

core::Result<MovementReport> SupplyReports::Movements(const core::Principal& who, const ReportRange& range) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<MovementReport> {
    if (range.store_id) TX_CHECK(supplies_.ReadableStore(sql, who, *range.store_id, "store_id"));
    const auto [from, to] = UtcBounds(range);
    Query where(" WHERE p.posted_at >= :f AND p.posted_at < :t");
    where.Bind("f", from).Bind("t", to);
    storage::AppendUnitScope(where, who, "s.unit_id");
    if (range.store_id) where.Where("l.store_id = ?", *range.store_id);
    if (range.item_id) where.Where("l.item_id = ?", *range.item_id);
    const std::string joins =
        " FROM supply_posting_lines l JOIN supply_postings p ON p.id = l.posting_id JOIN supply_stores s ON s.id = "
        "l.store_id";
    Query q = where.Wrap(
        "SELECT l.item_id, p.kind, SUM(CASE WHEN l.qty_milli > 0 THEN l.qty_milli ELSE 0 END), SUM(CASE WHEN "
        "l.qty_milli < 0 THEN -l.qty_milli ELSE 0 END)" + joins,
        " GROUP BY l.item_id, p.kind");
    std::map<std::int64_t, ItemMovement> items;
    {
      soci::rowset<soci::row> rs = q.Rows(sql);
      for (const auto& r : rs) {
        ItemMovement& m = items[GetInt(r, 0)];
        m.item_id = GetInt(r, 0);
        const std::string kind = GetStr(r, 1);
        const std::int64_t in = GetInt(r, 2), out = GetInt(r, 3);
        if (kind == "receipt") m.receipt += in - out;
        if (kind == "issue") m.issue += out - in;
        if (kind == "loss") m.loss += out - in;
        if (kind == "transfer") {
          m.transfer_in += in;
          m.transfer_out += out;
        }
        if (kind == "adjustment") m.adjustment += in - out;
        if (kind == "reversal") m.reversal += in - out;
      }
    }
    MovementReport out;
    if (!items.empty()) {
      Query names("SELECT id, code, name_zh, name_en, unit_zh, unit_en, category FROM supply_items");
      soci::rowset<soci::row> rs = names.Rows(sql);
      for (const auto& r : rs) {
        auto it = items.find(GetInt(r, 0));
        if (it == items.end()) continue;
        ItemMovement& m = it->second;
        m.item_code = GetStr(r, 1);
        m.item_name_zh = GetStr(r, 2);
        m.item_name_en = GetStr(r, 3);
        m.unit_zh = GetStr(r, 4);
        m.unit_en = GetStr(r, 5);
        m.category = GetStr(r, 6);
      }
      for (auto& [id, m] : items) out.items.push_back(std::move(m));
      std::sort(out.items.begin(), out.items.end(), [](const ItemMovement& a, const ItemMovement& b) {
        return a.category != b.category ? a.category < b.category : a.item_code < b.item_code;
      });
    }
    if (range.item_id) {
      // By UTC hour, then into local days (exact for whole-hour offsets).
      Query hours = where.Wrap(
          "SELECT SUBSTR(p.posted_at, 1, 13), SUM(CASE WHEN l.qty_milli > 0 THEN l.qty_milli ELSE 0 END), SUM(CASE "
          "WHEN l.qty_milli < 0 THEN -l.qty_milli ELSE 0 END)" + joins,
          " GROUP BY SUBSTR(p.posted_at, 1, 13)");
      std::map<std::string, DayMovement> days;
      for (std::string d = range.from; d <= range.to; d = core::AddDays(d, 1)) days[d].day = d;
      soci::rowset<soci::row> rs = hours.Rows(sql);
      for (const auto& r : rs) {
        auto t = core::ParseIso(GetStr(r, 0) + ":00:00Z");
        if (!t) continue;
        DayMovement& d = days[core::LocalDay(*t, time_zone_)];
        d.in += GetInt(r, 1);
        d.out += GetInt(r, 2);
      }
      for (auto& [day, d] : days) {
        d.day = day;
        out.days.push_back(d);
      }
    }
    return out;
  });
}

core::Result<DistributionReport> SupplyReports::Distributions(const core::Principal& who, const ReportRange& range) {
  return db_.WithSession([&](soci::session& sql) -> core::Result<DistributionReport> {
    if (range.store_id) TX_CHECK(supplies_.ReadableStore(sql, who, *range.store_id, "store_id"));
    const auto [from, to] = UtcBounds(range);
    Query where(" WHERE d.status = 'posted' AND d.posted_at >= :f AND d.posted_at < :t");
    where.Bind("f", from).Bind("t", to);
    storage::AppendUnitScope(where, who, "s.unit_id");
    if (range.store_id) where.Where("d.store_id = ?", *range.store_id);
    const std::string dist = " FROM supply_distributions d JOIN supply_stores s ON s.id = d.store_id";
    DistributionReport out;
    out.distributions = where.Wrap("SELECT COUNT(*)" + dist).Scalar(sql);
    {
      // What went out and stayed out: each line times the shares not returned.
      Query q = where.Wrap(
          "SELECT i.id, i.code, i.name_zh, i.name_en, i.unit_zh, i.unit_en, SUM(l.qty_milli * (d.recipient_count - "
          "(SELECT COUNT(*) FROM supply_distribution_recipients r WHERE r.distribution_id = d.id AND r.status = "
          "'returned'))), SUM(d.recipient_count)" + dist +
              " JOIN supply_distribution_lines l ON l.distribution_id = d.id JOIN supply_items i ON i.id = l.item_id",
          " GROUP BY i.id, i.code, i.name_zh, i.name_en, i.unit_zh, i.unit_en, i.category ORDER BY i.category, i.code");
      soci::rowset<soci::row> rs = q.Rows(sql);
      for (const auto& r : rs) {
        out.items.push_back({GetInt(r, 0), GetStr(r, 1), GetStr(r, 2), GetStr(r, 3), GetStr(r, 4), GetStr(r, 5),
                             GetInt(r, 6), GetInt(r, 7)});
      }
    }
    const std::string counts =
        "COUNT(*), SUM(CASE WHEN r.status = 'received' THEN 1 ELSE 0 END), SUM(CASE WHEN r.status = 'returned' THEN 1 "
        "ELSE 0 END)";
    const std::string recipients = dist + " JOIN supply_distribution_recipients r ON r.distribution_id = d.id JOIN "
                                          "units u ON u.id = r.unit_id";
    {
      Query q = where.Wrap("SELECT u.name_zh, u.name_en, " + counts + recipients,
                           " GROUP BY u.id, u.name_zh, u.name_en ORDER BY COUNT(*) DESC, u.name_zh");
      soci::rowset<soci::row> rs = q.Rows(sql);
      for (const auto& r : rs) {
        out.units.push_back({"", GetStr(r, 0), GetStr(r, 1), GetInt(r, 2), GetInt(r, 3), GetInt(r, 4)});
      }
    }
    {
      Query q = where.Wrap("SELECT r.name, u.name_zh, u.name_en, " + counts + recipients,
                           " GROUP BY r.person_id, r.name, u.name_zh, u.name_en ORDER BY COUNT(*) DESC, r.name LIMIT 500");
      soci::rowset<soci::row> rs = q.Rows(sql);
      for (const auto& r : rs) {
        out.recipients.push_back({GetStr(r, 0), GetStr(r, 1), GetStr(r, 2), GetInt(r, 3), GetInt(r, 4), GetInt(r, 5)});
      }
    }
    return out;
  });
}

boost::json::object MovementReportToJson(const MovementReport& r, core::Lang lang) {
  boost::json::array items;
  for (const auto& m : r.items) {
    items.push_back({{"item_id", m.item_id},
                     {"item_code", m.item_code},
                     {"item_name", core::Pick(lang, m.item_name_zh, m.item_name_en)},
                     {"unit", core::Pick(lang, m.unit_zh, m.unit_en)},
                     {"category", m.category},
                     {"receipt", FromMilli(m.receipt)},
                     {"issue", FromMilli(m.issue)},
                     {"transfer_in", FromMilli(m.transfer_in)},
                     {"transfer_out", FromMilli(m.transfer_out)},
                     {"loss", FromMilli(m.loss)},
                     {"adjustment", FromMilli(m.adjustment)},
                     {"reversal", FromMilli(m.reversal)},
                     {"in", FromMilli(m.in())},
                     {"out", FromMilli(m.out())}});
  }
  boost::json::array days;
  for (const auto& d : r.days) days.push_back({{"day", d.day}, {"in", FromMilli(d.in)}, {"out", FromMilli(d.out)}});
  return {{"items", std::move(items)}, {"days", std::move(days)}};
}

boost::json::object DistributionReportToJson(const DistributionReport& r, core::Lang lang) {
  boost::json::array items;
  for (const auto& i : r.items) {
    items.push_back({{"item_id", i.item_id},
                     {"item_code", i.item_code},
                     {"item_name", core::Pick(lang, i.item_name_zh, i.item_name_en)},
                     {"unit", core::Pick(lang, i.unit_zh, i.unit_en)},
                     {"quantity", FromMilli(i.qty_milli)},
                     {"shares", i.shares}});
  }
  auto rows = [&](const std::vector<RecipientRow>& list) {
    boost::json::array a;
    for (const auto& x : list) {
      a.push_back({{"name", x.name.empty() ? core::Pick(lang, x.unit_name_zh, x.unit_name_en) : x.name},
                   {"unit_name", core::Pick(lang, x.unit_name_zh, x.unit_name_en)},
                   {"shares", x.shares},
                   {"received", x.received},
                   {"returned", x.returned}});
    }
    return a;
  };
  return {{"distributions", r.distributions}, {"items", std::move(items)}, {"units", rows(r.units)},
          {"recipients", rows(r.recipients)}};
}

}  // namespace tongxin::supplies
