// Distributions: request parsing and JSON.
#include "modules/supplies/distribution.hpp"

#include <boost/json.hpp>

#include "core/described_json.hpp"
#include "core/json_reader.hpp"
#include "core/pick.hpp"

namespace tongxin::supplies {
namespace {

constexpr LineRules kShareLines{.max_lines = 50, .signed_quantities = false, .batches = false};

}  // namespace

core::Result<PackageInput> ParsePackageInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"name_zh", "name_en", "note", "active", "lines"});
  PackageInput in;
  in.name_zh = r.String("name_zh", create, 100);
  in.name_en = r.String("name_en", false, 150);
  in.note = r.String("note", false, 1000, true);
  in.active = r.Bool("active", false);
  if (!create && in.name_zh && in.name_zh->empty()) r.AddError({"name_zh", "validation.empty", {}});
  if (create || r.Has("lines")) in.lines = ReadLines(r, body, kShareLines);
  TX_CHECK(r.Finish());
  return in;
}

core::Result<DistributionInput> ParseDistributionInput(const boost::json::object& body, bool preview) {
  core::JsonReader r(body, {"store_id", "package_id", "lines", "recipients", "title", "planned_for", "note", "post"});
  DistributionInput in;
  in.store_id = r.Int("store_id", true, 1, INT64_MAX).value_or(0);
  in.package_id = r.Int("package_id", false, 1, INT64_MAX);
  if (r.Has("lines") || !in.package_id) in.lines = ReadLines(r, body, kShareLines);
  in.title = r.String("title", !preview, 200).value_or("");
  in.planned_for = r.Date("planned_for", false).value_or("");
  in.note = r.String("note", false, 1000, true).value_or("");
  in.post = r.Bool("post", false).value_or(true);
  auto it = body.find("recipients");
  if (it == body.end() || !it->value().is_object()) {
    r.AddError({"recipients", "supplies.recipients_required", {}});
  } else {
    core::JsonReader rr(it->value().as_object(), {"person_ids", "unit_id", "category", "unit_ids"});
    in.recipients.person_ids = rr.IntArray("person_ids", false, 20000).value_or(std::vector<std::int64_t>{});
    in.recipients.unit_id = rr.Int("unit_id", false, 1, INT64_MAX);
    in.recipients.category =
        rr.Choice("category", false, {"foreign_staff", "staff", "student", "resident", "other"}).value_or("");
    in.recipients.unit_ids = rr.IntArray("unit_ids", false, 1000).value_or(std::vector<std::int64_t>{});
    if (!in.recipients.category.empty() && !in.recipients.unit_id) {
      rr.AddError({"unit_id", "validation.required", {}});
    }
    r.AddErrorsOf(rr.Finish(), "recipients.");
    if (!rr.HasErrors() && in.recipients.Empty()) r.AddError({"recipients", "supplies.recipients_required", {}});
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<ConfirmInput> ParseConfirmInput(const boost::json::object& body) {
  core::JsonReader r(body, {"received_by_name"});
  ConfirmInput in;
  in.received_by_name = r.String("received_by_name", false, 100).value_or("");
  TX_CHECK(r.Finish());
  return in;
}

std::string ShareText(const std::vector<PackageLine>& lines, core::Lang lang) {
  std::string out;
  for (const auto& l : lines) {
    out += (out.empty() ? "" : lang == core::Lang::kEn ? ", " : "、") + core::Pick(lang, l.item_name_zh, l.item_name_en) +
           " " + QuantityText(l.qty_milli, core::Pick(lang, l.unit_zh, l.unit_en), lang);
  }
  return out;
}

boost::json::object PackageLineToJson(const PackageLine& l, core::Lang lang) {
  boost::json::object o = core::DescribedToJson(l, {"qty_milli"});
  o["quantity"] = FromMilli(l.qty_milli);
  o["item_name"] = core::Pick(lang, l.item_name_zh, l.item_name_en);
  o["unit"] = core::Pick(lang, l.unit_zh, l.unit_en);
  return o;
}

namespace {

boost::json::array LinesJson(const std::vector<PackageLine>& lines, core::Lang lang) {
  boost::json::array out;
  for (const auto& l : lines) out.push_back(PackageLineToJson(l, lang));
  return out;
}

}  // namespace

boost::json::object PackageToJson(const Package& p, core::Lang lang) {
  boost::json::object o = core::DescribedToJson(p, {"lines"});
  o["name"] = core::Pick(lang, p.name_zh, p.name_en);
  o["lines"] = LinesJson(p.lines, lang);
  return o;
}

boost::json::object DistributionToJson(const Distribution& d, core::Lang lang) {
  boost::json::object o = core::DescribedToJson(d, {"lines", "store_unit_path"});
  o["store_name"] = core::Pick(lang, d.store_name_zh, d.store_name_en);
  o["lines"] = LinesJson(d.lines, lang);
  o["pending_count"] = d.status == "posted" ? d.recipient_count - d.received_count - d.returned_count : 0;
  return o;
}

boost::json::object RecipientToJson(const Recipient& r, core::Lang lang) {
  boost::json::object o = core::DescribedToJson(r, {"unit_path"});
  o["unit_name"] = core::Pick(lang, r.unit_name_zh, r.unit_name_en);
  return o;
}

boost::json::object PreviewToJson(const Preview& p, core::Lang lang) {
  boost::json::object o;
  o["recipient_count"] = p.recipient_count;
  boost::json::array sample;
  for (const auto& r : p.sample) sample.push_back(RecipientToJson(r, lang));
  o["recipients"] = std::move(sample);
  boost::json::array needs;
  for (const auto& n : p.needs) {
    boost::json::object no = PackageLineToJson(n.line, lang);
    no["total"] = FromMilli(n.total_milli);
    no["available"] = FromMilli(n.available_milli);
    no["short"] = FromMilli(n.short_milli());
    needs.push_back(std::move(no));
  }
  o["needs"] = std::move(needs);
  o["ok"] = !p.Short() && p.recipient_count > 0;
  return o;
}

}  // namespace tongxin::supplies
