// People import: header mapping, value normalisation, validation, pending storage, confirm.
#include "modules/people/people_import.hpp"

#include <boost/json.hpp>
#include <set>

#include "auth/crypto.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "io/xlsx.hpp"

namespace tongxin::people {
namespace {

const std::vector<io::imports::HeaderAlias>& Aliases() {
  static const std::vector<io::imports::HeaderAlias> kAliases = {
      {"name_zh", {"name_zh", "中文姓名", "姓名", "chinesename"}},
      {"name_latin", {"name_latin", "外文姓名", "英文姓名", "name", "latinname", "englishname", "fullname"}},
      {"gender", {"gender", "性别", "sex"}},
      {"birth_date", {"birth_date", "出生日期", "dateofbirth", "birthdate", "dob"}},
      {"nationality", {"nationality", "国籍", "country"}},
      {"id_type", {"id_type", "证件类型", "idtype", "documenttype"}},
      {"id_number", {"id_number", "证件号码", "证件号", "护照号", "护照号码", "身份证号", "idnumber", "passportnumber",
                     "passportno", "documentnumber"}},
      {"phone", {"phone", "手机", "手机号", "电话", "联系电话", "mobile", "telephone"}},
      {"email", {"email", "邮箱", "电子邮箱", "e-mail", "mail"}},
      {"wechat", {"wechat", "微信", "微信号"}},
      {"language", {"language", "语言", "首选语言"}},
      {"category", {"category", "类别", "人员类别", "type"}},
      {"unit", {"unit", "单位", "所在单位", "部门", "department"}},
      {"employment_status", {"employment_status", "在职状态", "employmentstatus", "status"}},
      {"emergency_contact_name", {"emergency_contact_name", "紧急联系人", "emergencycontact"}},
      {"emergency_contact_phone", {"emergency_contact_phone", "紧急联系人电话", "emergencyphone", "emergencycontactphone"}},
      {"embassy", {"embassy", "使领馆", "所属使馆", "使馆"}},
      {"notes", {"notes", "备注", "remarks", "note"}},
  };
  return kAliases;
}

// Chinese and English spellings of choice values -> the API value.
std::string NormaliseValue(const std::string& field, const std::string& raw) {
  static const std::map<std::string, std::map<std::string, std::string>> kValues = {
      {"gender", {{"男", "male"}, {"女", "female"}, {"其他", "other"}, {"m", "male"}, {"f", "female"},
                  {"male", "male"}, {"female", "female"}, {"other", "other"}}},
      {"category", {{"外籍工作人员", "foreign_staff"}, {"外籍教师", "foreign_staff"}, {"外籍", "foreign_staff"},
                    {"教职工", "staff"}, {"职工", "staff"}, {"学生", "student"}, {"居民", "resident"}, {"其他", "other"},
                    {"foreign staff", "foreign_staff"}, {"foreign_staff", "foreign_staff"}, {"staff", "staff"},
                    {"student", "student"}, {"resident", "resident"}, {"other", "other"}}},
      {"id_type", {{"护照", "passport"}, {"身份证", "id_card"}, {"居民身份证", "id_card"}, {"港澳通行证", "hk_macau_permit"},
                   {"台胞证", "taiwan_permit"}, {"居留许可", "residence_permit"}, {"其他", "other"},
                   {"passport", "passport"}, {"id card", "id_card"}, {"id_card", "id_card"},
                   {"residence permit", "residence_permit"}, {"residence_permit", "residence_permit"},
                   {"hk_macau_permit", "hk_macau_permit"}, {"taiwan_permit", "taiwan_permit"}, {"other", "other"}}},
      {"employment_status", {{"在职", "active"}, {"休假", "on_leave"}, {"离职", "left"}, {"退休", "retired"},
                             {"active", "active"}, {"on leave", "on_leave"}, {"on_leave", "on_leave"},
                             {"left", "left"}, {"retired", "retired"}}},
      {"language", {{"中文", "zh-CN"}, {"英文", "en"}, {"英语", "en"}, {"zh", "zh-CN"}, {"zh-cn", "zh-CN"},
                    {"chinese", "zh-CN"}, {"en", "en"}, {"english", "en"}}},
  };
  auto it = kValues.find(field);
  if (it == kValues.end()) return raw;
  auto v = it->second.find(core::ToLowerAscii(raw));
  return v == it->second.end() ? raw : v->second;
}

}  // namespace

std::string FieldForHeader(std::string_view header) {
  return io::imports::FieldForHeader(header, Aliases());
}

ImportPreview ValidateTable(const io::Table& table, const std::map<std::string, std::int64_t>& units_by_key,
                            std::int64_t default_unit_id) {
  ImportPreview out;
  const io::Row& headers = table.front();
  std::vector<std::string> fields;
  for (const auto& h : headers) fields.push_back(FieldForHeader(h));
  std::map<std::string, int> seen_ids;  // id_type|id_number -> row
  for (std::size_t i = 1; i < table.size(); ++i) {
    const io::Row& row = table[i];
    const int rownum = static_cast<int>(i) + 1;
    if (io::imports::BlankRow(row)) continue;
    ++out.total;
    boost::json::object obj;
    std::string unit_text;
    for (std::size_t c = 0; c < row.size() && c < fields.size(); ++c) {
      const std::string value = core::Trim(row[c]);
      if (fields[c].empty() || value.empty()) continue;
      if (fields[c] == "unit") {
        unit_text = value;
      } else if (fields[c] == "birth_date" && !core::IsValidDate(value) && !io::ExcelSerialToDate(value).empty()) {
        obj["birth_date"] = io::ExcelSerialToDate(value);
      } else {
        obj[fields[c]] = NormaliseValue(fields[c], value);
      }
    }
    std::size_t issues_before = out.issues.size();
    if (!unit_text.empty()) {
      auto u = units_by_key.find(core::ToLowerAscii(unit_text));
      if (u == units_by_key.end()) {
        out.issues.push_back({rownum, "unit", "imports.unknown_unit", {{"unit", unit_text}}});
      } else {
        obj["unit_id"] = u->second;
      }
    } else if (default_unit_id > 0) {
      obj["unit_id"] = default_unit_id;
    } else {
      out.issues.push_back({rownum, "unit", "validation.required", {}});
    }
    if (!obj.contains("unit_id")) obj["unit_id"] = 1;  // placeholder so other fields are still checked
    auto parsed = ParsePersonInput(obj, true);
    if (!parsed) {
      for (const auto& f : parsed.error().fields) out.issues.push_back({rownum, f.field, f.reason, f.args});
    } else {
      Person p;
      ApplyInput(p, *parsed);
      if (auto st = ValidatePerson(p); !st) {
        out.issues.push_back({rownum, "name_zh", st.error().reason, {}});
      }
    }
    // Repeated ID numbers within the file, whatever else is wrong with the row.
    if (auto idn = obj.find("id_number"); idn != obj.end() && idn->value().is_string()) {
      const std::string type = obj.contains("id_type") && obj.at("id_type").is_string()
                                   ? std::string(obj.at("id_type").as_string())
                                   : "passport";
      const std::string key = type + "|" + core::ToUpperAscii(std::string(idn->value().as_string()));
      if (auto prev = seen_ids.find(key); prev != seen_ids.end()) {
        out.issues.push_back({rownum, "id_number", "imports.duplicate_in_file",
                              {{"other_row", std::to_string(prev->second)}}});
      } else {
        seen_ids[key] = rownum;
      }
    }
    if (out.issues.size() == issues_before) {
      ++out.valid;
      out.rows.push_back(std::move(obj));
      out.row_numbers.push_back(rownum);
    }
  }
  return out;
}

core::Result<ImportPreview> PeopleImporter::Preview(const core::Principal& who, std::string_view bytes,
                                                    const std::string& filename, std::int64_t default_unit_id,
                                                    const auth::Actor& actor) {
  TX_TRY(table, io::imports::ReadUpload(bytes));
  const io::Table& t = table.value();
  bool has_name = false, has_category = false;
  for (const auto& h : t.front()) {
    const auto f = FieldForHeader(h);
    has_name = has_name || f == "name_zh" || f == "name_latin";
    has_category = has_category || f == "category";
  }
  if (!has_name) return core::MakeError(core::Errc::kInvalid, "imports.missing_column", {{"column", "name_zh / name_latin"}});
  if (!has_category) return core::MakeError(core::Errc::kInvalid, "imports.missing_column", {{"column", "category"}});

  return people_.db().InTransaction([&](soci::session& sql) -> core::Result<ImportPreview> {
    // Units the user may import into, by code and by both names (lower-case).
    std::map<std::string, std::int64_t> units;
    for (const auto& u : repo::ListUnits(sql)) {
      if (!who.InScope(u.path)) continue;
      units[core::ToLowerAscii(u.code)] = u.id;
      units[core::ToLowerAscii(u.name_zh)] = u.id;
      if (!u.name_en.empty()) units[core::ToLowerAscii(u.name_en)] = u.id;
    }
    if (default_unit_id > 0) {
      auto u = repo::FindUnit(sql, default_unit_id);
      if (!u) return core::FieldInvalid("unit_id", "units.not_found");
      if (!who.InScope(u->path)) return core::Forbidden("auth.out_of_scope");
    }
    ImportPreview pv = ValidateTable(t, units, default_unit_id);
    if (pv.total == 0) return core::MakeError(core::Errc::kInvalid, "imports.no_rows");
    // ID numbers already registered make their rows invalid too.
    std::vector<boost::json::object> rows;
    std::vector<int> numbers;
    for (std::size_t i = 0; i < pv.rows.size(); ++i) {
      const auto& o = pv.rows[i];
      std::string idn = o.contains("id_number") ? std::string(o.at("id_number").as_string()) : "";
      if (!idn.empty()) {
        idn = core::ToUpperAscii(idn);
        std::string idt = o.contains("id_type") ? std::string(o.at("id_type").as_string()) : "passport";
        if (repo::FindByIdNumber(sql, idt, idn, 0)) {
          pv.issues.push_back({pv.row_numbers[i], "id_number", "people.duplicate_id_number", {{"id_number", idn}}});
          --pv.valid;
          continue;
        }
      }
      rows.push_back(o);
      numbers.push_back(pv.row_numbers[i]);
    }
    pv.rows = std::move(rows);
    pv.row_numbers = std::move(numbers);
    std::sort(pv.issues.begin(), pv.issues.end(), [](const auto& a, const auto& b) { return a.row < b.row; });
    pv.id = auth::RandomHex(12);
    pv.filename = filename.substr(0, 200);
    const std::string now = people_.Now();
    io::imports::Save(sql, pv, who.user_id, "people", now);
    auth::RecordAudit(sql, actor, now, "import_preview", "import", pv.id, "",
                      boost::json::serialize(boost::json::object{
                          {"filename", pv.filename}, {"total", pv.total}, {"valid", pv.valid}}));
    return pv;
  });
}

core::Result<ImportPreview> PeopleImporter::Get(const core::Principal& who, const std::string& id) {
  return people_.db().WithSession([&](soci::session& sql) -> core::Result<ImportPreview> {
    return io::imports::Load(sql, id, who.user_id, "people");
  });
}

core::Result<int> PeopleImporter::Confirm(const core::Principal& who, const std::string& id,
                                          const auth::Actor& actor) {
  TX_TRY(pv, Get(who, id));
  TX_CHECK(io::imports::Confirmable(*pv));
  return people_.db().InTransaction([&](soci::session& sql) -> core::Result<int> {
    // Claim the import first so two confirmations cannot both write.
    if (!io::imports::Claim(sql, id)) return core::Conflict("imports.already_done");
    int written = 0;
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < pv->rows.size(); ++i) {
      TX_TRY(in, ParsePersonInput(pv->rows[i], true));
      Person p;
      ApplyInput(p, *in);
      auto pid = people_.InsertChecked(sql, who, p, actor);
      if (!pid) {
        core::Error e = pid.error();
        e.details["row"] = std::to_string(pv->row_numbers[i]);
        return e;
      }
      ids.push_back(*pid);
      ++written;
    }
    TX_CHECK(people_.PeopleChanged(sql, ids));
    auth::RecordAudit(sql, actor, people_.Now(), "import", "import", id, "",
                      boost::json::serialize(boost::json::object{{"filename", pv->filename}, {"written", written}}));
    return written;
  });
}

}  // namespace tongxin::people
