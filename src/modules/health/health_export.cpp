// Health export layouts.
#include "modules/health/health_export.hpp"

#include <map>

#include "core/text.hpp"
#include "storage/query.hpp"
#include "storage/rows.hpp"
#include "storage/scope.hpp"

namespace tongxin::health {
namespace {

using storage::GetInt;
using storage::GetStr;
using storage::Query;

std::string Label(const std::map<std::string, std::pair<const char*, const char*>>& m, const std::string& k,
                  core::Lang lang) {
  auto it = m.find(k);
  if (it == m.end()) return k;
  return lang == core::Lang::kZh ? it->second.first : it->second.second;
}

const std::map<std::string, std::pair<const char*, const char*>>& Words() {
  static const std::map<std::string, std::pair<const char*, const char*>> k = {
      {"morning", {"上午", "Morning"}}, {"afternoon", {"下午", "Afternoon"}}, {"noon", {"中午", "Noon"}},
      {"evening", {"晚上", "Evening"}}, {"missing", {"未报", "missing"}}, {"reported", {"已报", "reported"}},
      {"late", {"迟报", "late"}}, {"self", {"本人", "self"}}, {"phone", {"电话", "phone"}},
      {"wechat", {"微信", "WeChat"}}, {"email", {"邮件", "email"}}, {"in_person", {"当面", "in person"}},
      {"campus", {"校内", "on campus"}}, {"home_city", {"本市家中", "home, city"}},
      {"elsewhere_china", {"国内其他地区", "elsewhere in China"}}, {"abroad", {"境外", "abroad"}},
      {"none", {"无", "none"}}, {"suspected", {"疑似", "suspected"}}, {"confirmed", {"确诊", "confirmed"}}};
  return k;
}

std::string Temp(int tenths) { return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10); }

std::vector<std::string> SlotNames(soci::session& sql, const std::string& day) {
  std::vector<std::string> names;
  Query q("SELECT slot, MIN(slot_name) FROM health_roster WHERE day = :d GROUP BY slot ORDER BY slot");
  q.Bind("d", day);
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) names.push_back(GetStr(r, 1));
  return names;
}

}  // namespace

ExportShape DailyReportShape(soci::session& sql, const std::string& day, core::Lang lang) {
  const bool zh = lang == core::Lang::kZh;
  ExportShape s;
  s.sheet_name = (zh ? "健康日报 " : "Daily health report ") + day;
  s.headers = zh ? std::vector<std::string>{"单位", "中文姓名", "外文姓名", "国籍"}
                 : std::vector<std::string>{"Unit", "Chinese name", "Latin name", "Nationality"};
  s.widths = {24, 12, 22, 8};
  for (const auto& name : SlotNames(sql, day)) {
    const std::string label = Label(Words(), name, lang);
    s.headers.push_back(label + (zh ? " 体温" : " °C"));
    s.headers.push_back(label + (zh ? " 状态" : " status"));
    s.widths.push_back(10);
    s.widths.push_back(10);
  }
  s.headers.push_back(zh ? "备注" : "Notes");
  s.widths.push_back(30);
  return s;
}

std::int64_t WriteDailyReport(soci::session& sql, const core::Principal& who, const std::string& day,
                              const std::string& unit_path, int fever_tenths, core::Lang lang, const RowSink& sink) {
  const bool zh = lang == core::Lang::kZh;
  const std::size_t slots = SlotNames(sql, day).size();
  Query q("SELECT r.person_id, r.slot, r.status, u.id AS unit_id, u.name_zh AS unit_zh, u.name_en AS unit_en, "
          "p.name_zh, p.name_latin, p.nationality, c.temperature_tenths, c.symptoms, c.contact, c.location "
          "FROM health_roster r JOIN people p ON p.id = r.person_id JOIN units u ON u.id = r.unit_id "
          "LEFT JOIN health_checkins c ON c.id = r.checkin_id WHERE r.day = :day");
  q.Bind("day", day);
  storage::AppendUnitScope(q, who, "r.unit_id");
  storage::AppendUnitSubtree(q, "r.unit_id", unit_path);
  q.Append(" ORDER BY u.path, p.sort_name, p.id, r.slot");

  std::vector<io::Cell> row;
  std::int64_t person = -1, unit = -1, people = 0;
  std::string unit_name, notes;
  std::int64_t unit_people = 0, unit_missing = 0, unit_fever = 0;
  auto flush_person = [&] {
    if (person < 0) return;
    row.push_back(notes);
    sink(row);
    row.clear();
    notes.clear();
  };
  auto flush_unit = [&] {
    if (unit < 0) return;
    std::vector<io::Cell> total(4 + 2 * slots + 1, io::Cell(""));
    total[0] = io::Cell(unit_name + (zh ? " 合计" : " total"));
    total[1] = io::Cell((zh ? "人数 " : "people ") + std::to_string(unit_people));
    total[2] = io::Cell((zh ? "未报 " : "missing ") + std::to_string(unit_missing));
    total[3] = io::Cell((zh ? "发热 " : "fever ") + std::to_string(unit_fever));
    for (auto& c : total) c.bold = true;
    sink(total);
    unit_people = unit_missing = unit_fever = 0;
  };
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    const std::int64_t pid = GetInt(r, "person_id");
    const std::int64_t uid = GetInt(r, "unit_id");
    if (pid != person || uid != unit) {
      flush_person();
      if (uid != unit) {
        flush_unit();
        unit = uid;
        unit_name = zh || GetStr(r, "unit_en").empty() ? GetStr(r, "unit_zh") : GetStr(r, "unit_en");
      }
      person = pid;
      ++people;
      ++unit_people;
      row = {unit_name, GetStr(r, "name_zh"), GetStr(r, "name_latin"), GetStr(r, "nationality")};
      row.resize(4 + 2 * slots, io::Cell(""));
    }
    const auto slot = static_cast<std::size_t>(GetInt(r, "slot"));
    const std::string status = GetStr(r, "status");
    if (slot < slots) {
      if (status != "missing") {
        const int t = static_cast<int>(GetInt(r, "temperature_tenths"));
        io::Cell temp(Temp(t));
        temp.highlight = t >= fever_tenths;
        if (temp.highlight) ++unit_fever;
        row[4 + 2 * slot] = temp;
        const std::string symptoms = GetStr(r, "symptoms");
        if (!symptoms.empty()) notes += (notes.empty() ? "" : "; ") + symptoms;
        if (GetStr(r, "contact") != "none") notes += (notes.empty() ? "" : "; ") + Label(Words(), GetStr(r, "contact"), lang);
        if (GetStr(r, "location") == "abroad") notes += (notes.empty() ? "" : "; ") + Label(Words(), "abroad", lang);
      } else {
        ++unit_missing;
      }
      io::Cell st(Label(Words(), status, lang));
      st.highlight = status == "missing";
      row[5 + 2 * slot] = st;
    }
  }
  flush_person();
  flush_unit();
  return people;
}

ExportShape HistoryShape(core::Lang lang) {
  const bool zh = lang == core::Lang::kZh;
  ExportShape s;
  s.sheet_name = zh ? "健康打卡记录" : "Health reports";
  s.headers = zh ? std::vector<std::string>{"日期", "时段", "单位", "中文姓名", "外文姓名", "证件号码", "体温",
                                            "测量方式", "症状", "所在地", "接触史", "方式", "迟报", "提交时间", "版本"}
                 : std::vector<std::string>{"Day", "Slot", "Unit", "Chinese name", "Latin name", "ID number", "°C",
                                            "Measured", "Symptoms", "Location", "Contact", "Channel", "Late",
                                            "Submitted", "Version"};
  s.widths = {11, 8, 22, 10, 20, 16, 7, 9, 24, 14, 9, 8, 6, 21, 6};
  return s;
}

std::int64_t WriteHistory(soci::session& sql, const core::Principal& who, const std::string& from,
                          const std::string& to, const std::string& unit_path, int fever_tenths, bool reveal,
                          core::Lang lang, const RowSink& sink) {
  Query q("SELECT c.day, c.slot_name, u.name_zh AS unit_zh, u.name_en AS unit_en, p.name_zh, p.name_latin, "
          "p.id_number, c.temperature_tenths, c.method, c.symptoms, c.location, c.location_country, c.contact, "
          "c.channel, c.late, c.submitted_at, c.version FROM health_checkins c JOIN people p ON p.id = c.person_id "
          "JOIN units u ON u.id = p.unit_id WHERE c.day >= :f AND c.day <= :t");
  q.Bind("f", from).Bind("t", to);
  storage::AppendUnitScope(q, who, "p.unit_id");
  storage::AppendUnitSubtree(q, "p.unit_id", unit_path);
  q.Append(" ORDER BY c.day, u.path, p.sort_name, c.slot");
  std::int64_t n = 0;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    const int t = static_cast<int>(GetInt(r, "temperature_tenths"));
    io::Cell temp(Temp(t));
    temp.highlight = t >= fever_tenths;
    std::string location = Label(Words(), GetStr(r, "location"), lang);
    if (!GetStr(r, "location_country").empty()) location += " " + GetStr(r, "location_country");
    const bool zh = lang == core::Lang::kZh;
    sink({GetStr(r, "day"), Label(Words(), GetStr(r, "slot_name"), lang),
          zh || GetStr(r, "unit_en").empty() ? GetStr(r, "unit_zh") : GetStr(r, "unit_en"), GetStr(r, "name_zh"),
          GetStr(r, "name_latin"), reveal ? GetStr(r, "id_number") : core::MaskIdentifier(GetStr(r, "id_number")),
          temp, GetStr(r, "method"), GetStr(r, "symptoms"), location, Label(Words(), GetStr(r, "contact"), lang),
          Label(Words(), GetStr(r, "channel"), lang), GetInt(r, "late") ? (zh ? "是" : "yes") : "",
          GetStr(r, "submitted_at"), io::Cell::Number(static_cast<double>(GetInt(r, "version")))});
    ++n;
  }
  return n;
}

}  // namespace tongxin::health
