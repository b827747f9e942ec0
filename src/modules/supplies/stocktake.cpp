// Stocktake: the count sheet out, counts in, differences posted as one adjustment.
#include "modules/supplies/stocktake.hpp"

#include <boost/json.hpp>

#include <cstdlib>
#include <map>

#include "core/json_reader.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"
#include "io/xlsx.hpp"
#include "modules/supplies/supplies_repo.hpp"

namespace tongxin::supplies {
namespace {

// The sheet's columns, by position: what the reader looks for where.
enum Column { kCode = 0, kName, kBatch, kExpiry, kUnit, kBooks, kCounted, kColumns };

std::string Key(std::int64_t item, const std::string& batch) { return std::to_string(item) + "|" + batch; }

// "12", "12.5", "1,200" -> thousandths; nullopt for anything else (negative too).
std::optional<std::int64_t> ReadCount(std::string text) {
  std::string clean;
  for (char c : core::Trim(text)) {
    if (c != ',' && c != ' ') clean.push_back(c);
  }
  if (clean.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(clean.c_str(), &end);
  if (end == nullptr || *end != '\0' || !(v >= 0) || v > 1e12) return std::nullopt;
  return ToMilli(v, 3);
}

std::string Cell(const io::Row& row, int c) { return static_cast<std::size_t>(c) < row.size() ? core::Trim(row[c]) : ""; }

}  // namespace

core::Result<StocktakeInput> ParseStocktakeInput(const boost::json::object& body) {
  core::JsonReader r(body, {"reason", "note", "counts"});
  StocktakeInput in;
  in.reason = r.String("reason", false, 200).value_or("");
  in.note = r.String("note", false, 1000, true).value_or("");
  auto it = body.find("counts");
  if (it == body.end() || !it->value().is_array() || it->value().as_array().empty() ||
      it->value().as_array().size() > 5000) {
    r.AddError({"counts", "supplies.lines_invalid", {{"max", "5000"}}});
  } else {
    int n = 0;
    for (const auto& v : it->value().as_array()) {
      const std::string prefix = "counts[" + std::to_string(++n) + "].";
      if (!v.is_object()) {
        r.AddError({"counts", "supplies.lines_invalid", {{"max", "5000"}}});
        break;
      }
      core::JsonReader cr(v.as_object(), {"item_id", "batch", "expiry", "books", "counted"});
      Count c;
      c.item_id = cr.Int("item_id", true, 1, INT64_MAX).value_or(0);
      c.batch = cr.String("batch", false, 64).value_or("");
      c.expiry = cr.Date("expiry", false).value_or("");
      for (const char* key : {"books", "counted"}) {
        auto q = cr.Number(key, true);
        if (!q) continue;
        auto milli = *q < 0 ? std::nullopt : ToMilli(*q, 3);
        if (!milli) {
          cr.AddError({key, "supplies.too_many_decimals", {{"decimals", "3"}}});
          continue;
        }
        (std::string_view(key) == "books" ? c.books_milli : c.counted_milli) = *milli;
      }
      r.AddErrorsOf(cr.Finish(), prefix);
      in.counts.push_back(std::move(c));
    }
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<std::pair<std::string, std::string>> Stocktake::Sheet(const core::Principal& who, std::int64_t store_id,
                                                                   core::Lang lang) {
  TX_TRY(stock, supplies_.Stock(who, store_id));
  const bool zh = lang == core::Lang::kZh;
  io::Sheet sheet;
  sheet.name = zh ? "盘点表" : "Count sheet";
  sheet.headers = zh ? std::vector<std::string>{"编码", "物资", "批次", "有效期", "单位", "账面数量", "实盘数量"}
                     : std::vector<std::string>{"Code", "Item", "Batch", "Expiry", "Unit", "On the books", "Counted"};
  sheet.widths = {14, 30, 14, 14, 10, 14, 14};
  for (const auto& r : stock->second) {
    sheet.rows.push_back({r.item_code, core::Pick(lang, r.item_name_zh, r.item_name_en), r.batch, r.expiry,
                          core::Pick(lang, r.unit_zh, r.unit_en), io::Cell::Number(FromMilli(r.qty_milli)), ""});
  }
  TX_TRY(bytes, io::WriteXlsx({sheet}));
  const std::string name = (zh ? "盘点表-" : "count-sheet-") + core::Pick(lang, stock->first.name_zh, stock->first.name_en) +
                           "-" + supplies_.Today() + ".xlsx";
  return std::make_pair(std::move(*bytes), name);
}

core::Result<CountPreview> Stocktake::Preview(const core::Principal& who, std::int64_t store_id,
                                              const std::string& xlsx) {
  TX_TRY(table, io::ReadXlsx(xlsx));
  TX_TRY(stock, supplies_.Stock(who, store_id));
  TX_TRY(items, supplies_.ListItems(false));
  std::map<std::string, const StockRow*> books;
  for (const auto& r : stock->second) books[Key(r.item_id, r.batch)] = &r;
  std::map<std::string, const Item*> by_code;
  for (const auto& i : *items) by_code[i.code] = &i;
  CountPreview out;
  std::map<std::string, int> seen;
  for (std::size_t n = 1; n < table->size(); ++n) {  // row 1 is the header
    const io::Row& row = (*table)[n];
    const int line = static_cast<int>(n) + 1;
    const std::string code = Cell(row, kCode);
    const std::string counted = Cell(row, kCounted);
    if (code.empty() && counted.empty()) continue;
    auto problem = [&](const char* column, const char* reason, std::map<std::string, std::string> args = {}) {
      out.problems.push_back({line, column, reason, std::move(args)});
    };
    auto item = by_code.find(code);
    if (item == by_code.end()) {
      problem("code", "supplies.count_unknown_item", {{"code", code}});
      continue;
    }
    const Item& it = *item->second;
    const std::string batch = it.batched ? Cell(row, kBatch) : "";
    if (counted.empty()) {
      if (books.count(Key(it.id, batch))) ++out.uncounted;
      continue;
    }
    auto qty = ReadCount(counted);
    if (!qty) {
      problem("counted", "supplies.count_not_a_number");
      continue;
    }
    if (it.batched && batch.empty()) {
      problem("batch", "validation.required");
      continue;
    }
    if (auto [at, fresh] = seen.emplace(Key(it.id, batch), line); !fresh) {
      problem("code", "supplies.count_twice", {{"other_row", std::to_string(at->second)}});
      continue;
    }
    Count c;
    c.row = line;
    c.item_id = it.id;
    c.batch = batch;
    c.counted_milli = *qty;
    c.item_code = it.code;
    c.item_name_zh = it.name_zh;
    c.item_name_en = it.name_en;
    c.unit_zh = it.unit_zh;
    c.unit_en = it.unit_en;
    if (auto b = books.find(Key(it.id, batch)); b != books.end()) {
      c.books_milli = b->second->qty_milli;
      c.expiry = b->second->expiry;
    } else if (it.batched) {
      // A batch found that is not on the books needs its expiry date.
      std::string expiry = Cell(row, kExpiry);
      if (!expiry.empty() && !core::IsValidDate(expiry)) expiry = io::ExcelSerialToDate(expiry);
      if (expiry.empty()) {
        problem("expiry", "validation.invalid_date");
        continue;
      }
      c.expiry = expiry;
    }
    out.counts.push_back(std::move(c));
  }
  return out;
}

core::Result<Posting> Stocktake::Post(const core::Principal& who, std::int64_t store_id, const StocktakeInput& in,
                                      const auth::Actor& actor) {
  return db_.InTransaction([&](soci::session& sql) -> core::Result<Posting> {
    TX_TRY(store, supplies_.PostableStore(sql, who, store_id, "store_id"));
    std::map<std::string, std::int64_t> books;
    for (const auto& r : repo::StoreStock(sql, store_id)) books[Key(r.item_id, r.batch)] = r.qty_milli;
    PostingInput p;
    p.kind = "adjustment";
    p.store_id = store_id;
    p.reason = in.reason.empty() ? "盘点 / stocktake" : "盘点 / stocktake: " + in.reason;
    p.note = in.note;
    int n = 0;
    for (const auto& c : in.counts) {
      ++n;
      const auto b = books.find(Key(c.item_id, c.batch));
      const std::int64_t now = b == books.end() ? 0 : b->second;
      if (now != c.books_milli) {
        auto item = repo::FindItem(sql, c.item_id);
        if (!item) return core::FieldInvalid("counts[" + std::to_string(n) + "].item_id", "supplies.item_not_found");
        return core::Conflict("supplies.books_changed",
                              {{"item_zh", item->name_zh},
                               {"item_en", item->name_en.empty() ? item->name_zh : item->name_en},
                               {"field", "counts[" + std::to_string(n) + "].books"}});
      }
      if (c.difference() == 0) continue;
      LineInput l;
      l.item_id = c.item_id;
      l.quantity = FromMilli(c.difference());
      l.batch = c.batch;
      l.expiry = b == books.end() ? c.expiry : "";
      p.lines.push_back(std::move(l));
    }
    if (p.lines.empty()) return core::FieldInvalid("counts", "supplies.no_differences");
    return supplies_.PostOn(sql, who, p, actor);
  });
}

boost::json::object CountPreviewToJson(const CountPreview& p, core::Lang lang) {
  boost::json::array counts;
  std::int64_t differences = 0;
  for (const auto& c : p.counts) {
    if (c.difference() != 0) ++differences;
    counts.push_back({{"row", c.row},
                      {"item_id", c.item_id},
                      {"item_code", c.item_code},
                      {"item_name", core::Pick(lang, c.item_name_zh, c.item_name_en)},
                      {"unit", core::Pick(lang, c.unit_zh, c.unit_en)},
                      {"batch", c.batch},
                      {"expiry", c.expiry},
                      {"books", FromMilli(c.books_milli)},
                      {"counted", FromMilli(c.counted_milli)},
                      {"difference", FromMilli(c.difference())}});
  }
  boost::json::array problems;
  for (const auto& x : p.problems) {
    problems.push_back({{"row", x.row},
                        {"column", x.column},
                        {"reason", x.reason},
                        {"message", core::FieldMessage({x.column, x.reason, x.args}, lang)}});
  }
  return {{"counts", std::move(counts)},
          {"problems", std::move(problems)},
          {"differences", differences},
          {"uncounted", p.uncounted}};
}

}  // namespace tongxin::supplies
