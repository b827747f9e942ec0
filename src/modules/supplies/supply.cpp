// Supplies: request parsing and JSON.
#include "modules/supplies/supply.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>

#include "core/described_json.hpp"
#include "core/json_reader.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"

namespace tongxin::supplies {
namespace {

}  // namespace

const std::vector<std::string>& Categories() {
  static const std::vector<std::string> kAll = {
      "mask_n95", "mask_surgical", "protective_suit", "goggles", "face_shield", "gloves", "disinfectant",
      "hand_sanitiser", "thermometer", "rice", "oil", "vegetables", "eggs", "noodles", "daily_necessities", "other"};
  return kAll;
}

bool IsProtective(const std::string& category) {
  static const std::vector<std::string> kProtective = {"mask_n95", "mask_surgical", "protective_suit", "goggles",
                                                       "face_shield", "gloves", "disinfectant", "hand_sanitiser",
                                                       "thermometer"};
  return std::find(kProtective.begin(), kProtective.end(), category) != kProtective.end();
}

std::optional<std::int64_t> ToMilli(double value, int decimals) {
  if (!std::isfinite(value) || std::fabs(value) > 1e12) return std::nullopt;
  const double scaled = value * std::pow(10.0, decimals);
  const double whole = std::round(scaled);
  if (std::fabs(scaled - whole) > 1e-6 * std::max(1.0, std::fabs(scaled))) return std::nullopt;
  return static_cast<std::int64_t>(whole) * static_cast<std::int64_t>(std::pow(10.0, 3 - decimals));
}

double FromMilli(std::int64_t milli) { return static_cast<double>(milli) / kMilli; }

std::string FormatQuantity(std::int64_t milli) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%lld.%03lld", static_cast<long long>(milli / kMilli),
                static_cast<long long>(std::llabs(milli % kMilli)));
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (milli < 0 && milli > -kMilli) s = "-" + s;
  return s;
}

std::string UnitWord(const std::string& unit, std::int64_t milli, core::Lang lang) {
  if (lang != core::Lang::kEn || milli == kMilli || unit.size() < 3) return unit;
  const auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  bool has_vowel = false;
  for (char c : unit) {
    if (c < 'a' || c > 'z') return unit;  // not one lower-case English word: an abbreviation, a phrase
    has_vowel = has_vowel || vowel(c) || c == 'y';
  }
  if (!has_vowel) return unit;  // pcs, ml
  const auto ends = [&](const char* tail) { return unit.ends_with(tail); };
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return unit + "es";
  if (ends("y") && !vowel(unit[unit.size() - 2])) return unit.substr(0, unit.size() - 1) + "ies";
  return unit + "s";
}

std::string QuantityText(std::int64_t milli, const std::string& unit, core::Lang lang) {
  return FormatQuantity(milli) + " " + UnitWord(unit, milli, lang);
}

core::Result<ItemInput> ParseItemInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"code", "name_zh", "name_en", "category", "unit_zh", "unit_en", "decimals", "batched",
                            "active", "packs"});
  ItemInput in;
  in.code = r.String("code", create, 32);
  in.name_zh = r.String("name_zh", create, 100);
  in.name_en = r.String("name_en", false, 150);
  if (r.Has("category")) {
    auto it = std::find(Categories().begin(), Categories().end(), body.at("category").is_string()
                                                                         ? std::string(body.at("category").as_string())
                                                                         : std::string());
    if (it == Categories().end()) {
      std::string choices;
      for (const auto& c : Categories()) choices += (choices.empty() ? "" : ", ") + c;
      r.AddError({"category", "validation.invalid_choice", {{"choices", choices}}});
    } else {
      in.category = *it;
    }
  } else if (create) {
    r.AddError({"category", "validation.required", {}});
  }
  in.unit_zh = r.String("unit_zh", create, 16);
  in.unit_en = r.String("unit_en", false, 24);
  in.decimals = r.Int("decimals", false, 0, 3);
  in.batched = r.Bool("batched", false);
  in.active = r.Bool("active", false);
  if (!create) {
    if (in.code && in.code->empty()) r.AddError({"code", "validation.empty", {}});
    if (in.name_zh && in.name_zh->empty()) r.AddError({"name_zh", "validation.empty", {}});
    if (in.unit_zh && in.unit_zh->empty()) r.AddError({"unit_zh", "validation.empty", {}});
  }
  if (auto it = body.find("packs"); it != body.end()) {
    if (!it->value().is_array() || it->value().as_array().size() > 10) {
      r.AddError({"packs", "supplies.packs_invalid", {}});
    } else {
      std::vector<ItemInput::PackIn> packs;
      int n = 0;
      for (const auto& v : it->value().as_array()) {
        const std::string prefix = "packs[" + std::to_string(++n) + "].";
        if (!v.is_object()) {
          r.AddError({"packs", "supplies.packs_invalid", {}});
          continue;
        }
        core::JsonReader pr(v.as_object(), {"name_zh", "name_en", "factor"});
        ItemInput::PackIn p;
        p.name_zh = pr.String("name_zh", true, 16).value_or("");
        p.name_en = pr.String("name_en", false, 24).value_or("");
        const auto factor = pr.Number("factor", true);
        if (factor && *factor <= 0) pr.AddError({"factor", "supplies.quantity_positive", {}});
        p.factor = factor.value_or(0);
        r.AddErrorsOf(pr.Finish(), prefix);
        packs.push_back(std::move(p));
      }
      in.packs = std::move(packs);
    }
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<StoreInput> ParseStoreInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"unit_id", "name_zh", "name_en", "location", "active", "keeper_ids"});
  StoreInput in;
  in.unit_id = r.Int("unit_id", create, 1, INT64_MAX);
  in.name_zh = r.String("name_zh", create, 100);
  in.name_en = r.String("name_en", false, 150);
  in.location = r.String("location", false, 200);
  in.active = r.Bool("active", false);
  in.keeper_ids = r.IntArray("keeper_ids", false, 50);
  if (!create && in.name_zh && in.name_zh->empty()) r.AddError({"name_zh", "validation.empty", {}});
  TX_CHECK(r.Finish());
  return in;
}

std::vector<LineInput> ReadLines(core::JsonReader& r, const boost::json::object& body, const LineRules& rules) {
  std::vector<LineInput> out;
  auto it = body.find("lines");
  if (it == body.end() || !it->value().is_array() || it->value().as_array().empty() ||
      it->value().as_array().size() > rules.max_lines) {
    r.AddError({"lines", "supplies.lines_invalid", {{"max", std::to_string(rules.max_lines)}}});
    return out;
  }
  int n = 0;
  for (const auto& v : it->value().as_array()) {
    const std::string prefix = "lines[" + std::to_string(++n) + "].";
    if (!v.is_object()) {
      r.AddError({"lines", "supplies.lines_invalid", {{"max", std::to_string(rules.max_lines)}}});
      continue;
    }
    core::JsonReader lr(v.as_object(), rules.batches ? std::initializer_list<std::string_view>{"item_id", "quantity",
                                                                                                "pack_id", "batch",
                                                                                                "expiry"}
                                                     : std::initializer_list<std::string_view>{"item_id", "quantity",
                                                                                                "pack_id"});
    LineInput l;
    l.item_id = lr.Int("item_id", true, 1, INT64_MAX).value_or(0);
    const auto q = lr.Number("quantity", true);
    if (q && (*q == 0 || (*q < 0 && !rules.signed_quantities))) {
      lr.AddError({"quantity", rules.signed_quantities ? "supplies.quantity_nonzero" : "supplies.quantity_positive", {}});
    }
    l.quantity = q.value_or(0);
    l.pack_id = lr.Int("pack_id", false, 1, INT64_MAX);
    if (rules.batches) {
      l.batch = lr.String("batch", false, 64).value_or("");
      l.expiry = lr.Date("expiry", false).value_or("");
    }
    r.AddErrorsOf(lr.Finish(), prefix);
    out.push_back(std::move(l));
  }
  return out;
}

core::Result<PostingInput> ParsePostingInput(const boost::json::object& body) {
  core::JsonReader r(body, {"kind", "source", "reason", "reference", "note", "store_id", "to_store_id",
                            "allow_expired", "lines"});
  PostingInput in;
  in.kind = r.Choice("kind", true, {"receipt", "issue", "transfer", "loss", "adjustment"}).value_or("");
  in.store_id = r.Int("store_id", true, 1, INT64_MAX).value_or(0);
  in.to_store_id = r.Int("to_store_id", in.kind == "transfer", 1, INT64_MAX);
  if (in.kind == "receipt") {
    in.source = r.Choice("source", true, {"purchase", "donation", "return", "other"}).value_or("");
  } else if (r.Has("source")) {
    r.AddError({"source", "supplies.only_for_receipts", {}});
  }
  if (in.kind == "loss") {
    in.reason = r.Choice("reason", true, {"expired", "damaged", "lost", "other"}).value_or("");
  } else {
    in.reason = r.String("reason", in.kind == "adjustment", 200).value_or("");
  }
  in.reference = r.String("reference", false, 64).value_or("");
  in.note = r.String("note", false, 1000, true).value_or("");
  in.allow_expired = r.Bool("allow_expired", false).value_or(false);
  in.lines = ReadLines(r, body, {.max_lines = 200, .signed_quantities = in.kind == "adjustment", .batches = true});
  TX_CHECK(r.Finish());
  if (in.to_store_id && *in.to_store_id == in.store_id) {
    return core::FieldInvalid("to_store_id", "supplies.same_store");
  }
  return in;
}

boost::json::object ItemToJson(const Item& i, core::Lang lang) {
  boost::json::object o = core::DescribedToJson(i, {"packs"});
  o["name"] = core::Pick(lang, i.name_zh, i.name_en);
  o["unit"] = core::Pick(lang, i.unit_zh, i.unit_en);
  o["protective"] = IsProtective(i.category);
  boost::json::array packs;
  for (const auto& p : i.packs) {
    boost::json::object po = core::DescribedToJson(p, {"factor_milli"});
    po["name"] = core::Pick(lang, p.name_zh, p.name_en);
    po["factor"] = FromMilli(p.factor_milli);
    packs.push_back(std::move(po));
  }
  o["packs"] = std::move(packs);
  return o;
}

boost::json::object StoreToJson(const Store& s, core::Lang lang) {
  boost::json::object o = core::DescribedToJson(s, {"unit_path"});
  o["name"] = core::Pick(lang, s.name_zh, s.name_en);
  o["unit_name"] = core::Pick(lang, s.unit_name_zh, s.unit_name_en);
  return o;
}

boost::json::object StockToJson(const StockRow& r, core::Lang lang, const std::string& today) {
  boost::json::object o = core::DescribedToJson(r, {"qty_milli", "low_milli"});
  o["item_name"] = core::Pick(lang, r.item_name_zh, r.item_name_en);
  o["unit"] = core::Pick(lang, r.unit_zh, r.unit_en);
  o["quantity"] = FromMilli(r.qty_milli);
  o["low_stock"] = r.low_milli > 0 ? boost::json::value(FromMilli(r.low_milli)) : boost::json::value(nullptr);
  o["expired"] = !r.expiry.empty() && r.expiry < today;
  return o;
}

boost::json::object PostingToJson(const Posting& p) {
  boost::json::object o = core::DescribedToJson(p, {"lines"});
  boost::json::array lines;
  for (const auto& l : p.lines) {
    boost::json::object lo = core::DescribedToJson(l, {"qty_milli"});
    lo["quantity"] = FromMilli(l.qty_milli);
    lines.push_back(std::move(lo));
  }
  o["lines"] = std::move(lines);
  return o;
}

boost::json::object MovementToJson(const Movement& m, core::Lang lang) {
  boost::json::object o = core::DescribedToJson(m.line, {"qty_milli"});
  o["quantity"] = FromMilli(m.line.qty_milli);
  o["kind"] = m.kind;
  o["source"] = m.source;
  o["reason"] = m.reason;
  o["reference"] = m.reference;
  o["note"] = m.note;
  o["posted_at"] = m.posted_at;
  o["posted_by_name"] = m.posted_by_name;
  o["store_name"] = core::Pick(lang, m.store_name_zh, m.store_name_en);
  return o;
}

}  // namespace tongxin::supplies
