// Donations: request parsing, money and JSON.
#include "modules/supplies/donation.hpp"

#include <boost/json.hpp>

#include "core/currencies.hpp"
#include "core/described_json.hpp"
#include "core/json_reader.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"

namespace tongxin::supplies {
namespace {

constexpr LineRules kDonationLines{.max_lines = 100, .signed_quantities = false, .batches = true};

// The amount under `key` in minor units of `currency` (already checked), errors to `r`.
std::int64_t ReadAmount(core::JsonReader& r, const std::string& text, const std::string& currency,
                        std::string_view key) {
  const core::Currency* c = core::FindCurrency(currency);
  if (c == nullptr) return 0;
  auto minor = core::ParseMinor(text, c->digits);
  if (!minor) {
    // Which is wrong: the digits for this currency, or the number itself?
    auto any = core::ParseMinor(text, 15);
    if (any) {
      r.AddError({std::string(key), "supplies.currency_decimals",
                  {{"currency", currency}, {"digits", std::to_string(c->digits)}}});
    } else {
      r.AddError({std::string(key), "validation.wrong_type", {{"expected", "number"}}});
    }
    return 0;
  }
  if (*minor <= 0) r.AddError({std::string(key), "supplies.quantity_positive", {}});
  return *minor;
}

std::string ReadCurrency(core::JsonReader& r, bool required) {
  auto cur = r.String("currency", required, 3);
  if (!cur || cur->empty()) return "";
  if (core::FindCurrency(*cur) == nullptr) {
    r.AddError({"currency", "supplies.currency_unknown", {{"currency", *cur}}});
    return "";
  }
  return *cur;
}

// 40000 -> "40,000"; 1.5 stays "1.5".
std::string Grouped(std::int64_t milli) {
  std::string s = FormatQuantity(milli);
  const auto dot = s.find('.');
  std::size_t end = dot == std::string::npos ? s.size() : dot;
  for (std::size_t i = end; i > 3; i -= 3) s.insert(i - 3, ",");
  return s;
}

}  // namespace

core::Result<DonorInput> ParseDonorInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"unit_id", "kind", "name_zh", "name_en", "country", "contact_name", "email", "phone",
                            "address", "note"});
  DonorInput in;
  in.unit_id = r.Int("unit_id", create, 1, INT64_MAX);
  in.kind = r.Choice("kind", create, {"institution", "company", "person"});
  in.name_zh = r.String("name_zh", false, 200);
  in.name_en = r.String("name_en", false, 200);
  in.country = r.String("country", false, 2);
  in.contact_name = r.String("contact_name", false, 100);
  in.email = r.String("email", false, 200);
  in.phone = r.String("phone", false, 40);
  in.address = r.String("address", false, 300, true);
  in.note = r.String("note", false, 1000, true);
  if (create && in.name_zh.value_or("").empty() && in.name_en.value_or("").empty()) {
    r.AddError({"name_zh", "supplies.donor_name_required", {}});
  }
  if (in.country && !in.country->empty() && !core::IsCountryCode(*in.country)) {
    r.AddError({"country", "validation.invalid_country", {}});
  }
  if (in.email && !in.email->empty() && !core::IsValidEmail(*in.email)) {
    r.AddError({"email", "validation.invalid_email", {}});
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<RateInput> ParseRateInput(const boost::json::object& body) {
  core::JsonReader r(body, {"currency", "valid_from", "cny_per_unit", "source"});
  RateInput in;
  in.currency = ReadCurrency(r, true);
  in.valid_from = r.Date("valid_from", true).value_or("");
  in.source = r.String("source", false, 200).value_or("");
  if (auto text = r.Decimal("cny_per_unit", true)) {
    auto micro = core::ParseMinor(*text, 6);
    if (!micro) {
      r.AddError({"cny_per_unit", "supplies.too_many_decimals", {{"decimals", "6"}}});
    } else if (*micro <= 0) {
      r.AddError({"cny_per_unit", "supplies.quantity_positive", {}});
    } else {
      in.cny_micro = *micro;
    }
  }
  if (in.currency == "CNY") r.AddError({"currency", "supplies.rate_of_cny", {}});
  TX_CHECK(r.Finish());
  return in;
}

core::Result<DonationInput> ParseDonationInput(const boost::json::object& body) {
  core::JsonReader r(body, {"direction", "kind", "unit_id", "donor_id", "store_id", "recipient_kind", "recipient_name",
                            "currency", "amount", "donated_on", "purpose", "receipt_no", "note", "lines"});
  DonationInput in;
  in.direction = r.Choice("direction", true, {"in", "out"}).value_or("");
  in.kind = r.Choice("kind", true, {"money", "goods"}).value_or("");
  in.unit_id = r.Int("unit_id", true, 1, INT64_MAX).value_or(0);
  in.donor_id = r.Int("donor_id", in.direction == "in", 1, INT64_MAX);
  in.store_id = r.Int("store_id", in.direction == "in" && in.kind == "goods", 1, INT64_MAX);
  const bool out = in.direction == "out";
  in.recipient_kind = r.Choice("recipient_kind", out, {"hospital", "community", "school", "other"}).value_or("");
  in.recipient_name = r.String("recipient_name", out, 200).value_or("");
  if (!out && (r.Has("recipient_kind") || r.Has("recipient_name"))) {
    r.AddError({r.Has("recipient_kind") ? "recipient_kind" : "recipient_name", "supplies.only_for_out", {}});
  }
  in.donated_on = r.Date("donated_on", true).value_or("");
  in.purpose = r.String("purpose", false, 500, true).value_or("");
  in.receipt_no = r.String("receipt_no", false, 64).value_or("");
  in.note = r.String("note", false, 1000, true).value_or("");
  if (in.kind == "money") {
    in.currency = ReadCurrency(r, true);
    auto text = r.Decimal("amount", true);
    if (text && !in.currency.empty()) in.amount_minor = ReadAmount(r, *text, in.currency, "amount");
    if (r.Has("lines")) r.AddError({"lines", "supplies.only_for_goods", {}});
    if (r.Has("store_id")) r.AddError({"store_id", "supplies.only_for_goods", {}});
  } else if (in.kind == "goods") {
    if (r.Has("currency") || r.Has("amount")) {
      r.AddError({r.Has("amount") ? "amount" : "currency", "supplies.only_for_money", {}});
    }
    // Batches and expiry only where goods go into a store.
    LineRules rules = kDonationLines;
    rules.batches = !out;
    in.lines = ReadLines(r, body, rules);
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<DonationPatch> ParseDonationPatch(const boost::json::object& body) {
  core::JsonReader r(body, {"purpose", "receipt_no", "note", "donated_on", "recipient_name", "currency", "amount"});
  DonationPatch in;
  in.purpose = r.String("purpose", false, 500, true);
  in.receipt_no = r.String("receipt_no", false, 64);
  in.note = r.String("note", false, 1000, true);
  in.donated_on = r.Date("donated_on", false);
  in.recipient_name = r.String("recipient_name", false, 200);
  if (in.recipient_name && in.recipient_name->empty()) r.AddError({"recipient_name", "validation.empty", {}});
  if (r.Has("currency")) {
    std::string c = ReadCurrency(r, true);
    if (!c.empty()) in.currency = c;
  }
  in.amount_text = r.Decimal("amount", false);
  TX_CHECK(r.Finish());
  return in;
}

// The amount of a patch in minor units of `currency`. Errors: amount as on create.
core::Result<std::int64_t> PatchAmount(const std::string& text, const std::string& currency) {
  boost::json::object none;
  core::JsonReader r(none, {});
  const std::int64_t minor = ReadAmount(r, text, currency, "amount");
  TX_CHECK(r.Finish());
  return minor;
}

core::Result<StatusInput> ParseThanksInput(const boost::json::object& body) {
  core::JsonReader r(body, {"status"});
  StatusInput in;
  in.status = r.Choice("status", true, {"to_thank", "letter_sent", "acknowledged"}).value_or("");
  TX_CHECK(r.Finish());
  return in;
}

core::Result<StatusInput> ParseDeliveryInput(const boost::json::object& body) {
  core::JsonReader r(body, {"delivered_on", "delivered_to"});
  StatusInput in;
  in.status = "delivered";
  in.on = r.Date("delivered_on", true).value_or("");
  in.by = r.String("delivered_to", true, 100).value_or("");
  TX_CHECK(r.Finish());
  return in;
}

std::string GoodsSentence(const std::vector<GoodsTotal>& goods, core::Lang lang) {
  std::string out;
  for (std::size_t i = 0; i < goods.size(); ++i) {
    const DonationLine& l = goods[i].line;
    const bool packs = l.pack_id && l.pack_count > 0;
    const std::string qty = packs ? Grouped(l.pack_count * 1000) : Grouped(l.qty_milli);
    const std::string unit =
        UnitWord(packs ? core::Pick(lang, l.pack_name_zh, l.pack_name_en) : core::Pick(lang, l.unit_zh, l.unit_en),
                 packs ? l.pack_count * 1000 : l.qty_milli, lang);
    const char* sep = i == 0 ? "" : lang == core::Lang::kEn ? (i + 1 == goods.size() ? " and " : ", ")
                                                           : (i + 1 == goods.size() ? "和" : "、");
    out += sep + core::Pick(lang, l.item_name_zh, l.item_name_en) + " " + qty + " " + unit;
  }
  return out;
}

boost::json::object DonorToJson(const Donor& d, core::Lang lang, bool contacts) {
  boost::json::object o = core::DescribedToJson(d, {"unit_path"});
  o["name"] = core::Pick(lang, d.name_zh, d.name_en);
  if (!contacts) {
    o["contact_name"] = d.contact_name.empty() ? "" : core::MaskIdentifier(d.contact_name);
    o["email"] = core::MaskEmail(d.email);
    o["phone"] = core::MaskPhone(d.phone);
    o["address"] = d.address.empty() ? "" : "***";
    o["masked"] = true;
  }
  return o;
}

boost::json::object RateToJson(const Rate& r) {
  boost::json::object o = core::DescribedToJson(r, {"cny_micro"});
  o["cny_per_unit"] = core::FormatMinor(r.cny_micro, 6);
  return o;
}

boost::json::object DonationToJson(const Donation& d, core::Lang lang, bool amounts) {
  boost::json::object o = core::DescribedToJson(d, {"amount_minor", "rate_micro", "rate_from", "lines", "documents",
                                                    "unit_path"});
  o["unit_name"] = core::Pick(lang, d.unit_name_zh, d.unit_name_en);
  o["donor_name"] = core::Pick(lang, d.donor_name_zh, d.donor_name_en);
  o["store_name"] = core::Pick(lang, d.store_name_zh, d.store_name_en);
  if (d.kind == "money") {
    if (amounts) {
      const core::Currency* c = core::FindCurrency(d.currency);
      const int digits = c ? c->digits : 2;
      o["amount_minor"] = d.amount_minor;
      o["amount"] = core::FormatMinor(d.amount_minor, digits);
      o["digits"] = digits;
      if (d.rate_micro > 0) {
        o["cny"] = core::FormatMinor(core::ToFen(d.amount_minor, digits, d.rate_micro), 2);
        o["cny_per_unit"] = core::FormatMinor(d.rate_micro, 6);
        o["rate_from"] = d.rate_from;
      } else {
        o["cny"] = nullptr;
        o["rate_missing"] = true;
      }
    } else {
      o["amount_hidden"] = true;
    }
  }
  boost::json::array lines;
  for (const auto& l : d.lines) {
    boost::json::object lo = core::DescribedToJson(l, {"qty_milli"});
    lo["quantity"] = FromMilli(l.qty_milli);
    lo["item_name"] = core::Pick(lang, l.item_name_zh, l.item_name_en);
    lo["unit"] = core::Pick(lang, l.unit_zh, l.unit_en);
    if (l.pack_id) lo["pack_name"] = core::Pick(lang, l.pack_name_zh, l.pack_name_en);
    lines.push_back(std::move(lo));
  }
  o["lines"] = std::move(lines);
  if (!d.lines.empty()) {
    std::vector<GoodsTotal> g;
    for (const auto& l : d.lines) g.push_back({l, 1});
    o["goods_text"] = GoodsSentence(g, lang);
  }
  boost::json::array docs;
  for (const auto& a : d.documents) docs.push_back(core::DescribedToJson(a, {"bytes"}));
  o["documents"] = std::move(docs);
  return o;
}

boost::json::object TotalsToJson(const Totals& t, core::Lang lang, bool amounts) {
  boost::json::object o;
  if (amounts) {
    boost::json::array money;
    for (const auto& m : t.money) {
      const core::Currency* c = core::FindCurrency(m.currency);
      money.push_back({{"currency", m.currency},
                       {"amount", core::FormatMinor(m.amount_minor, c ? c->digits : 2)},
                       {"amount_minor", m.amount_minor},
                       {"cny", core::FormatMinor(m.fen, 2)},
                       {"count", m.count},
                       {"without_rate", m.without_rate}});
    }
    o["money"] = std::move(money);
    o["cny"] = core::FormatMinor(t.fen, 2);
  } else {
    o["amount_hidden"] = true;
  }
  auto goods_json = [&](const std::vector<GoodsTotal>& list) {
    boost::json::array a;
    for (const auto& g : list) {
      const DonationLine& l = g.line;
      boost::json::object x{{"item_id", l.item_id},
                            {"item_code", l.item_code},
                            {"item_name", core::Pick(lang, l.item_name_zh, l.item_name_en)},
                            {"category", l.category},
                            {"quantity", FromMilli(l.qty_milli)},
                            {"unit", core::Pick(lang, l.unit_zh, l.unit_en)},
                            {"count", g.count}};
      if (l.pack_id && l.pack_count > 0) {
        x["pack_count"] = l.pack_count;
        x["pack_name"] = core::Pick(lang, l.pack_name_zh, l.pack_name_en);
      }
      a.push_back(std::move(x));
    }
    return a;
  };
  o["goods"] = goods_json(t.goods);
  o["goods_text"] = GoodsSentence(t.goods, lang);
  boost::json::array rec;
  for (const auto& r : t.recipients) {
    rec.push_back({{"name", r.name},
                   {"kind", r.kind},
                   {"count", r.count},
                   {"goods", goods_json(r.goods)},
                   {"goods_text", GoodsSentence(r.goods, lang)}});
  }
  o["recipients"] = std::move(rec);
  return o;
}

}  // namespace tongxin::supplies
