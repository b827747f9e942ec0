// Import previews: reading the upload, storing and loading the checked rows, JSON.
#include "io/import_preview.hpp"

#include <boost/json.hpp>

#include "core/text.hpp"
#include "io/csv.hpp"
#include "io/imports_repo.hpp"
#include "io/xlsx.hpp"

namespace tongxin::io::imports {

core::Result<Table> ReadUpload(std::string_view bytes) {
  const bool is_xlsx = bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
  TX_TRY(table, is_xlsx ? ReadXlsx(bytes) : ParseCsv(bytes));
  if (table->empty()) return core::MakeError(core::Errc::kInvalid, "imports.no_rows");
  if (table->size() - 1 > kMaxRows) {
    return core::MakeError(core::Errc::kTooLarge, "request.too_large", {{"max", std::to_string(kMaxRows)}});
  }
  return std::move(*table);
}

std::string HeaderKey(std::string_view header) {
  std::string out;
  for (char c : core::ToLowerAscii(core::Trim(header))) {
    if (c != ' ' && c != '_' && c != '-' && c != '*') out.push_back(c);
  }
  return out;
}

bool BlankRow(const Row& row) {
  for (const auto& c : row) {
    if (!core::Trim(c).empty()) return false;
  }
  return true;
}

void Save(soci::session& sql, Preview& p, std::int64_t user_id, const std::string& kind, const std::string& now) {
  p.status = "pending";
  boost::json::array rows;
  for (const auto& r : p.rows) rows.push_back(r);
  boost::json::array issues;
  for (const auto& is : p.issues) {
    boost::json::object args;
    for (const auto& [k, v] : is.args) args[k] = v;
    issues.push_back({{"row", is.row}, {"field", is.field}, {"code", is.code}, {"args", std::move(args)}});
  }
  boost::json::array numbers;
  for (int n : p.row_numbers) numbers.push_back(n);
  const std::string payload = boost::json::serialize(boost::json::object{{"rows", std::move(rows)},
                                                                         {"issues", std::move(issues)},
                                                                         {"row_numbers", std::move(numbers)},
                                                                         {"summary", p.summary}});
  Insert(sql, {p.id, user_id, kind, p.filename, p.status, p.total, p.valid, payload, now});
}

core::Result<Preview> Load(soci::session& sql, const std::string& id, std::int64_t user_id, const std::string& kind) {
  auto stored = Find(sql, id, user_id, kind);
  if (!stored) return core::NotFound("imports.not_found");
  Preview p;
  p.id = stored->id;
  p.filename = stored->filename;
  p.status = stored->status;
  p.total = stored->total_rows;
  p.valid = stored->valid_rows;
  const boost::json::value payload = boost::json::parse(stored->payload);
  const auto& o = payload.as_object();
  for (const auto& row : o.at("rows").as_array()) p.rows.push_back(row.as_object());
  for (const auto& n : o.at("row_numbers").as_array()) p.row_numbers.push_back(static_cast<int>(n.as_int64()));
  for (const auto& is : o.at("issues").as_array()) {
    Issue issue;
    issue.row = static_cast<int>(is.at("row").as_int64());
    issue.field = std::string(is.at("field").as_string());
    issue.code = std::string(is.at("code").as_string());
    for (const auto& kv : is.at("args").as_object()) {
      issue.args[std::string(kv.key())] = std::string(kv.value().as_string());
    }
    p.issues.push_back(std::move(issue));
  }
  if (auto s = o.find("summary"); s != o.end() && s->value().is_object()) p.summary = s->value().as_object();
  return p;
}

std::string FieldForHeader(std::string_view header, const std::vector<HeaderAlias>& aliases) {
  const std::string key = HeaderKey(header);
  for (const auto& a : aliases) {
    for (const char* n : a.names) {
      if (key == HeaderKey(n)) return a.field;
    }
  }
  return "";
}

core::Status Confirmable(const Preview& p) {
  if (p.status == "done") return core::Conflict("imports.already_done");
  if (!p.issues.empty()) return core::Conflict("imports.has_errors", {{"invalid", std::to_string(p.total - p.valid)}});
  return {};
}

boost::json::object PreviewToJson(const Preview& p, core::Lang lang, std::size_t max_issues) {
  boost::json::array issues;
  for (std::size_t i = 0; i < p.issues.size() && i < max_issues; ++i) {
    const auto& is = p.issues[i];
    core::FieldError fe{is.field, is.code, is.args};
    issues.push_back({{"row", is.row}, {"field", is.field}, {"code", is.code}, {"message", core::FieldMessage(fe, lang)}});
  }
  boost::json::array sample;
  for (std::size_t i = 0; i < p.rows.size() && i < 20; ++i) {
    boost::json::object o = p.rows[i];
    o["row"] = p.row_numbers[i];
    sample.push_back(std::move(o));
  }
  return {{"id", p.id},
          {"filename", p.filename},
          {"status", p.status},
          {"total", p.total},
          {"valid", p.valid},
          {"invalid", static_cast<std::int64_t>(p.total - p.valid)},
          {"issues", std::move(issues)},
          {"sample", std::move(sample)},
          {"summary", p.summary}};
}

}  // namespace tongxin::io::imports
