// Entry rules import: header mapping, value normalisation, matching rules that exist,
// pending storage, confirm.
#include "modules/travel/entry_rules_import.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <vector>

#include "auth/crypto.hpp"
#include "core/local_time.hpp"
#include "core/text.hpp"
#include "io/xlsx.hpp"
#include "modules/travel/entry_rules_repo.hpp"

namespace tongxin::travel {
namespace {

constexpr const char* kKind = "entry_rules";  // the imports table's kind

const std::vector<io::imports::HeaderAlias>& Aliases() {
  static const std::vector<io::imports::HeaderAlias> kAliases = {
      {"country", {"country", "countrycode", "iso2", "国家", "国家或地区", "国家/地区", "国家代码"}},
      {"measure", {"measure", "policytype", "policy", "type", "措施类型", "措施", "类型"}},
      {"effective_from", {"effective_from", "startdate", "start", "from", "生效日期", "开始日期", "起始日期"}},
      {"effective_to", {"effective_to", "enddate", "end", "to", "失效日期", "结束日期", "截止日期"}},
      {"summary_en", {"summary_en", "summaryen", "summary", "description", "policydescription", "措施内容（英文）",
                      "英文内容", "英文说明"}},
      {"summary_zh", {"summary_zh", "summaryzh", "措施内容（中文）", "措施内容", "中文内容", "中文说明", "内容"}},
      {"quarantine_days", {"quarantine_days", "quarantinedays", "days", "隔离天数"}},
      {"quarantine_place", {"quarantine_place", "quarantineplace", "place", "隔离地点", "隔离场所"}},
      {"source_authority", {"source", "source_authority", "sourceauthority", "authority", "issuedby", "发布机关",
                            "来源", "发布机构"}},
      {"source_ref", {"source_ref", "sourceref", "reference", "ref", "文号"}},
      {"source_url", {"source_url", "sourceurl", "url", "link", "来源网址", "网址", "链接"}},
  };
  return kAliases;
}

// "2020/3/28", "2020.3.28", "2020-3-28" -> "2020-03-28"; an Excel serial day too.
std::string DateText(const std::string& raw) {
  if (core::IsValidDate(raw)) return raw;
  if (auto serial = io::ExcelSerialToDate(raw); !serial.empty()) return serial;
  int parts[3] = {0, 0, 0};
  int n = 0;
  const char* p = raw.data();
  const char* end = raw.data() + raw.size();
  while (n < 3 && p < end) {
    auto [next, ec] = std::from_chars(p, end, parts[n]);
    if (ec != std::errc{}) return raw;
    ++n;
    p = next;
    if (p < end && (*p == '/' || *p == '.' || *p == '-')) ++p;
  }
  if (n != 3 || p != end) return raw;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", parts[0], parts[1], parts[2]);
  return core::IsValidDate(buf) ? std::string(buf) : raw;
}

std::string Str(const boost::json::object& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
}

void AddFieldErrors(io::imports::Preview& pv, int row, const core::Error& e) {
  if (e.fields.empty()) {
    pv.issues.push_back({row, "country", e.reason, e.details});
    return;
  }
  for (const auto& f : e.fields) pv.issues.push_back({row, f.field, f.reason, f.args});
}

}  // namespace

std::string RuleFieldForHeader(std::string_view header) {
  return io::imports::FieldForHeader(header, Aliases());
}

std::string MeasureFromText(std::string_view text) {
  const std::string t = core::ToLowerAscii(core::Trim(std::string(text)));
  static const std::map<std::string, std::string> kNames = {
      {"禁止入境", "entry_ban"},
      {"暂停入境", "entry_ban"},
      {"入境禁令", "entry_ban"},
      {"entry ban", "entry_ban"},
      {"complete border closure", "entry_ban"},
      {"partial border closure", "entry_ban"},
      {"border closure", "entry_ban"},
      {"暂停签证", "visa_suspension"},
      {"visa suspension", "visa_suspension"},
      {"visa ban", "visa_suspension"},
      {"visa restrictions", "visa_suspension"},
      {"入境隔离", "quarantine"},
      {"隔离", "quarantine"},
      {"隔离观察", "quarantine"},
      {"quarantine", "quarantine"},
      {"检测要求", "test_required"},
      {"核酸检测", "test_required"},
      {"test required", "test_required"},
      {"testing", "test_required"},
      {"health certificate", "test_required"},
      {"航班限制", "flight_restriction"},
      {"航班熔断", "flight_restriction"},
      {"flight restriction", "flight_restriction"},
      {"flight suspension", "flight_restriction"},
      {"其他", "other"},
      {"其他措施", "other"},
      {"other", "other"},
      {"other measure", "other"},
  };
  if (auto it = kNames.find(t); it != kNames.end()) return it->second;
  for (const auto m : kMeasures) {
    if (t == m) return t;
  }
  std::string spaced = t;  // "entry-ban", "entry_ban"
  for (char& c : spaced) c = (c == '_' || c == '-') ? ' ' : c;
  if (auto it = kNames.find(spaced); it != kNames.end()) return it->second;
  return t;
}

core::Result<io::imports::Preview> EntryRulesImporter::Preview(const core::Principal& who, std::string_view bytes,
                                                               const std::string& filename,
                                                               const auth::Actor& actor) {
  if (!core::roles::kManagers.Has(who.role)) return core::Forbidden("auth.forbidden");
  TX_TRY(table, io::imports::ReadUpload(bytes));
  const io::Table& t = *table;
  std::vector<std::string> fields;
  bool has_country = false, has_measure = false, has_start = false;
  for (const auto& h : t.front()) {
    fields.push_back(RuleFieldForHeader(h));
    has_country = has_country || fields.back() == "country";
    has_measure = has_measure || fields.back() == "measure";
    has_start = has_start || fields.back() == "effective_from";
  }
  if (!has_country || !has_measure || !has_start) {
    return core::MakeError(core::Errc::kInvalid, "imports.missing_column",
                           {{"column", !has_country ? "country" : !has_measure ? "policy_type" : "start_date"}});
  }
  return rules_.db().InTransaction([&](soci::session& sql) -> core::Result<io::imports::Preview> {
    io::imports::Preview pv;
    std::map<std::string, int> seen;  // country|measure|start -> first row
    std::int64_t created = 0, changed = 0, unchanged = 0;
    for (std::size_t i = 1; i < t.size(); ++i) {
      const io::Row& row = t[i];
      const int rownum = static_cast<int>(i) + 1;
      if (io::imports::BlankRow(row)) continue;
      ++pv.total;
      const std::size_t issues_before = pv.issues.size();
      boost::json::object rule;
      for (std::size_t c = 0; c < row.size() && c < fields.size(); ++c) {
        const std::string value = core::Trim(row[c]);
        const std::string& f = fields[c];
        if (f.empty() || value.empty()) continue;
        if (f == "measure") {
          rule[f] = MeasureFromText(value);
        } else if (f == "country") {
          rule[f] = core::ToUpperAscii(value);
        } else if (f == "effective_from" || f == "effective_to") {
          rule[f] = DateText(value);
        } else if (f == "quarantine_days") {
          std::int64_t days = 0;
          auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), days);
          if (ec != std::errc{} || end != value.data() + value.size()) {
            pv.issues.push_back({rownum, f, "validation.wrong_type", {{"expected", "integer"}}});
          } else if (days > 0 || Str(rule, "measure") == "quarantine") {
            rule[f] = days;
          }
        } else {
          rule[f] = value;
        }
      }
      if (pv.issues.size() != issues_before) continue;
      auto parsed = ParseEntryRuleInput(rule, true);
      if (!parsed) {
        AddFieldErrors(pv, rownum, parsed.error());
        continue;
      }
      const std::string key = *parsed->country + "|" + *parsed->measure + "|" + *parsed->effective_from;
      if (auto prev = seen.find(key); prev != seen.end()) {
        pv.issues.push_back({rownum, "effective_from", "entry_rules.import_repeats",
                             {{"other_row", std::to_string(prev->second)}}});
        continue;
      }
      seen[key] = rownum;
      boost::json::object out{{"rule", rule}};
      const auto existing = repo::FindRuleByKey(sql, *parsed->country, *parsed->measure, *parsed->effective_from);
      auto after = ApplyInput(existing.value_or(EntryRule{}), *parsed);
      if (!after) {
        AddFieldErrors(pv, rownum, after.error());
        continue;
      }
      if (existing) {
        out["existing_id"] = existing->id;
        const bool same = Diff(RuleFields(*existing), RuleFields(*after)).empty();
        out["action"] = same ? "unchanged" : "change";
        ++(same ? unchanged : changed);
      } else {
        out["action"] = "create";
        ++created;
      }
      ++pv.valid;
      pv.rows.push_back(std::move(out));
      pv.row_numbers.push_back(rownum);
    }
    if (pv.total == 0) return core::MakeError(core::Errc::kInvalid, "imports.no_rows");
    std::stable_sort(pv.issues.begin(), pv.issues.end(), [](const auto& a, const auto& b) { return a.row < b.row; });
    pv.summary = {{"new_rules", created}, {"changed_rules", changed}, {"unchanged_rules", unchanged}};
    pv.id = auth::RandomHex(12);
    pv.filename = filename.substr(0, 200);
    const std::string now = rules_.Now();
    io::imports::Save(sql, pv, who.user_id, kKind, now);
    boost::json::object detail{{"filename", pv.filename}, {"total", pv.total}, {"valid", pv.valid}};
    detail["kind"] = kKind;
    auth::RecordAudit(sql, actor, now, "import_preview", "import", pv.id, "", boost::json::serialize(detail));
    return pv;
  });
}

core::Result<io::imports::Preview> EntryRulesImporter::Get(const core::Principal& who, const std::string& id) {
  if (!core::roles::kManagers.Has(who.role)) return core::Forbidden("auth.forbidden");
  return rules_.db().WithSession([&](soci::session& sql) { return io::imports::Load(sql, id, who.user_id, kKind); });
}

core::Result<RuleImportResult> EntryRulesImporter::Confirm(const core::Principal& who, const std::string& id,
                                                           const auth::Actor& actor) {
  TX_TRY(pv, Get(who, id));
  TX_CHECK(io::imports::Confirmable(*pv));
  return rules_.db().InTransaction([&](soci::session& sql) -> core::Result<RuleImportResult> {
    if (!io::imports::Claim(sql, id)) return core::Conflict("imports.already_done");
    RuleImportResult done;
    auto at_row = [&](core::Error e, int row) {
      e.details["row"] = std::to_string(row);
      return e;
    };
    for (std::size_t i = 0; i < pv->rows.size(); ++i) {
      const auto& o = pv->rows[i];
      const int row = pv->row_numbers[i];
      auto in = ParseEntryRuleInput(o.at("rule").as_object(), true);
      if (!in) return at_row(in.error(), row);
      // Looked up again: the rule may have been entered or changed since the preview.
      const auto existing = repo::FindRuleByKey(sql, *in->country, *in->measure, *in->effective_from);
      if (existing) {
        auto d = rules_.UpdateOn(sql, *existing, *in, actor);
        if (!d) return at_row(d.error(), row);
        ++(d->rule.version == existing->version ? done.unchanged : done.changed);
        done.travellers_alerted += d->travellers_alerted;
      } else {
        auto d = rules_.CreateOn(sql, *in, actor);
        if (!d) return at_row(d.error(), row);
        ++done.created;
        done.travellers_alerted += d->travellers_alerted;
      }
    }
    boost::json::object detail{{"filename", pv->filename},
                               {"created", done.created},
                               {"changed", done.changed},
                               {"unchanged", done.unchanged}};
    detail["kind"] = kKind;
    auth::RecordAudit(sql, actor, rules_.Now(), "import", "import", id, "", boost::json::serialize(detail));
    return done;
  });
}

}  // namespace tongxin::travel
