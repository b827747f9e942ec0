// Health export layouts.
#include "modules/health/health_export.hpp"

#include "core/labels.hpp"
#include "core/text.hpp"
#include "modules/health/health_repo.hpp"

namespace tongxin::health {
namespace {

// Slots, report states, channels, places and contact as the reports spell them.
std::string Word(const std::string& key, core::Lang lang) {
  static const core::LabelTable k = {
      {"morning", {"上午", "Morning"}}, {"afternoon", {"下午", "Afternoon"}}, {"noon", {"中午", "Noon"}},
      {"evening", {"晚上", "Evening"}}, {"missing", {"未报", "missing"}}, {"reported", {"已报", "reported"}},
      {"late", {"迟报", "late"}}, {"self", {"本人", "self"}}, {"phone", {"电话", "phone"}},
      {"wechat", {"微信", "WeChat"}}, {"email", {"邮件", "email"}}, {"in_person", {"当面", "in person"}},
      {"campus", {"校内", "on campus"}}, {"home_city", {"本市家中", "home, city"}},
      {"elsewhere_china", {"国内其他地区", "elsewhere in China"}}, {"abroad", {"境外", "abroad"}},
      {"none", {"无", "none"}}, {"suspected", {"疑似", "suspected"}}, {"confirmed", {"确诊", "confirmed"}}};
  return k(key, lang);
}

std::string Temp(int tenths) { return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10); }

}  // namespace

ExportShape DailyReportShape(soci::session& sql, const std::string& day, core::Lang lang) {
  const bool zh = lang == core::Lang::kZh;
  ExportShape s;
  s.sheet_name = (zh ? "健康日报 " : "Daily health report ") + day;
  s.headers = zh ? std::vector<std::string>{"单位", "中文姓名", "外文姓名", "国籍"}
                 : std::vector<std::string>{"Unit", "Chinese name", "Latin name", "Nationality"};
  s.widths = {24, 12, 22, 8};
  for (const auto& name : repo::SlotNames(sql, day)) {
    const std::string label = Word(name, lang);
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
  const std::size_t slots = repo::SlotNames(sql, day).size();
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
  repo::ForEachDailyCell(sql, who, day, unit_path, [&](const repo::DailyCell& r) {
    const std::int64_t pid = r.person_id;
    const std::int64_t uid = r.unit_id;
    if (pid != person || uid != unit) {
      flush_person();
      if (uid != unit) {
        flush_unit();
        unit = uid;
        unit_name = zh || r.unit_en.empty() ? r.unit_zh : r.unit_en;
      }
      person = pid;
      ++people;
      ++unit_people;
      row = {unit_name, r.name_zh, r.name_latin, r.nationality};
      row.resize(4 + 2 * slots, io::Cell(""));
    }
    const auto slot = static_cast<std::size_t>(r.slot);
    const std::string& status = r.status;
    if (slot < slots) {
      if (status != "missing") {
        // A fever stays in the report as it was raised, whatever correction followed.
        const int t = r.alert_tenths > 0 ? r.alert_tenths : r.temperature_tenths;
        io::Cell temp(Temp(t));
        temp.highlight = t >= fever_tenths;
        if (temp.highlight) ++unit_fever;
        row[4 + 2 * slot] = temp;
        auto note = [&](const std::string& text) { notes += (notes.empty() ? "" : "; ") + text; };
        if (r.alert_tenths > 0 && r.alert_tenths != r.temperature_tenths) {
          note((zh ? "更正为 " : "corrected to ") + Temp(r.temperature_tenths));
        }
        if (r.recheck_tenths > 0) note((zh ? "复测 " : "re-check ") + Temp(r.recheck_tenths));
        const std::string& symptoms = r.symptoms;
        if (!symptoms.empty()) note(symptoms);
        if (r.contact != "none") note(Word(r.contact, lang));
        if (r.location == "abroad") note(Word("abroad", lang));
      } else {
        ++unit_missing;
      }
      io::Cell st(Word(status, lang));
      st.highlight = status == "missing";
      row[5 + 2 * slot] = st;
    }
  });
  flush_person();
  flush_unit();
  return people;
}

ExportShape HistoryShape(core::Lang lang) {
  const bool zh = lang == core::Lang::kZh;
  ExportShape s;
  s.sheet_name = zh ? "健康打卡记录" : "Health reports";
  s.headers = zh ? std::vector<std::string>{"日期", "时段", "单位", "中文姓名", "外文姓名", "证件号码", "体温",
                                            "报警体温", "复测体温", "测量方式", "症状", "所在地", "接触史", "方式",
                                            "迟报", "提交时间", "版本"}
                 : std::vector<std::string>{"Day", "Slot", "Unit", "Chinese name", "Latin name", "ID number", "°C",
                                            "Alert °C", "Re-check °C", "Measured", "Symptoms", "Location", "Contact",
                                            "Channel", "Late", "Submitted", "Version"};
  s.widths = {11, 8, 22, 10, 20, 16, 7, 9, 11, 9, 24, 14, 9, 8, 6, 21, 6};
  return s;
}

std::int64_t WriteHistory(soci::session& sql, const core::Principal& who, const std::string& from,
                          const std::string& to, const std::string& unit_path, int fever_tenths, bool reveal,
                          core::Lang lang, const RowSink& sink) {
  std::int64_t n = 0;
  const bool zh = lang == core::Lang::kZh;
  repo::ForEachHistoryLine(sql, who, from, to, unit_path, [&](const repo::HistoryLine& r) {
    io::Cell temp(Temp(r.temperature_tenths));
    temp.highlight = r.temperature_tenths >= fever_tenths;
    io::Cell alert(r.alert_tenths > 0 ? Temp(r.alert_tenths) : "");
    alert.highlight = r.alert_tenths > 0;
    io::Cell recheck(r.recheck_tenths > 0 ? Temp(r.recheck_tenths) : "");
    recheck.highlight = r.recheck_tenths >= fever_tenths;
    std::string location = Word(r.location, lang);
    if (!r.location_country.empty()) location += " " + r.location_country;
    sink({r.day, Word(r.slot_name, lang), zh || r.unit_en.empty() ? r.unit_zh : r.unit_en, r.name_zh,
          r.name_latin, reveal ? r.id_number : core::MaskIdentifier(r.id_number), temp, alert, recheck, r.method, r.symptoms, location,
          Word(r.contact, lang), Word(r.channel, lang), r.late ? (zh ? "是" : "yes") : "",
          r.submitted_at, io::Cell::Number(static_cast<double>(r.version))});
    ++n;
  });
  return n;
}

}  // namespace tongxin::health
