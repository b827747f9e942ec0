// Health notification texts.
#include "modules/health/notices.hpp"

#include "core/clock.hpp"
#include "modules/health/slot_time.hpp"

namespace tongxin::health::notices {
namespace {

constexpr std::size_t kMaxListed = 50;

bool Zh(core::Lang lang) { return lang == core::Lang::kZh; }

std::string Hm(const std::string& iso, const std::string& tz) {
  const std::string local = Local(iso, tz);
  return local.size() >= 16 ? local.substr(11, 5) : local;
}

std::string UnitFor(const Named& n, core::Lang lang) {
  return !Zh(lang) && !n.unit_en.empty() ? n.unit_en : n.unit_zh;
}

std::string What(const AlertText& a, core::Lang lang) {
  if (a.kind == "fever") return Zh(lang) ? "体温 " + a.detail + " °C" : "a temperature of " + a.detail + " °C";
  if (a.kind == "red_flag") return Zh(lang) ? "红旗症状（呼吸困难等）" : "a red-flag symptom (such as shortness of breath)";
  if (a.kind == "contact") {
    return Zh(lang) ? "与确诊或疑似病例接触" : "contact with a confirmed or suspected case";
  }
  return a.kind;
}

}  // namespace

std::string SlotLabel(const std::string& slot_name, core::Lang lang) {
  if (!Zh(lang)) return slot_name;
  if (slot_name == "morning") return "上午";
  if (slot_name == "noon") return "中午";
  if (slot_name == "afternoon") return "下午";
  if (slot_name == "evening") return "晚上";
  return slot_name;
}

std::string Local(const std::string& iso, const std::string& tz) {
  auto t = core::ParseIso(iso);
  return t ? LocalText(*t, tz) : iso;
}

std::string NameFor(const Named& n, core::Lang lang) {
  if (Zh(lang)) return n.name_zh.empty() ? n.name_latin : n.name_zh;
  return n.name_latin.empty() ? n.name_zh : n.name_latin;
}

notify::Message Reminder(const SlotText& s, const Named& person, core::Lang lang) {
  const std::string slot = SlotLabel(s.slot_name, lang);
  const std::string span = Hm(s.starts_at, s.tz) + "–" + Hm(s.ends_at, s.tz);
  const std::string late = Local(s.late_until, s.tz);
  if (Zh(lang)) {
    return {"请提交" + s.day + " " + slot + "健康报告",
            NameFor(person, lang) + "，您好：\n\n" + s.day + " " + slot + "健康报告时段为 " + span +
                "，我们还没有收到您的报告。请打开同心，填写体温和健康情况。\n" + late +
                " 前仍可补报（标记为迟报）。\n\n同心 · 疫情防控"};
  }
  return {"Please submit your " + slot + " health report (" + s.day + ")",
          "Dear " + NameFor(person, lang) + ",\n\nThe " + slot + " health report of " + s.day + " is open " + span +
              " and we have not received yours yet. Please open Tongxin and submit your temperature and how you "
              "feel.\nLate reports are accepted until " + late + " and marked late.\n\nTongxin · epidemic prevention"};
}

notify::Message MissingList(const SlotText& s, const std::vector<Named>& people, core::Lang lang) {
  const std::string slot = SlotLabel(s.slot_name, lang);
  const std::string span = Hm(s.starts_at, s.tz) + "–" + Hm(s.ends_at, s.tz);
  const std::string n = std::to_string(people.size());
  std::string list;
  for (std::size_t i = 0; i < people.size() && i < kMaxListed; ++i) {
    list += "- " + NameFor(people[i], lang) + " (" + UnitFor(people[i], lang) + ")\n";
  }
  if (people.size() > kMaxListed) {
    const std::string more = std::to_string(people.size() - kMaxListed);
    list += Zh(lang) ? "……另有 " + more + " 人\n" : "... and " + more + " more\n";
  }
  if (Zh(lang)) {
    return {s.day + " " + slot + "：" + n + " 人未提交健康报告",
            s.day + " " + slot + "（" + span + "）以下 " + n + " 人尚未提交健康报告：\n\n" + list +
                "\n请联系督促；完整名单见同心“今日健康”。"};
  }
  return {s.day + " " + slot + ": " + n + " people have not reported",
          "These " + n + " people have not submitted the " + slot + " health report of " + s.day + " (" + span +
              "):\n\n" + list + "\nPlease follow up; the full list is under Today in Tongxin."};
}

notify::Message AlertRaised(const AlertText& a, const Named& person, core::Lang lang) {
  const std::string name = NameFor(person, lang);
  const std::string due = Local(a.recheck_due_at, a.tz);
  const std::string slot = SlotLabel(a.slot_name, lang);
  if (Zh(lang)) {
    return {"健康预警：" + name + " " + What(a, lang),
            name + "（" + UnitFor(person, lang) + "）在 " + a.day + " " + slot + "报告中" + What(a, lang) +
                "。\n已请本人在 " + due + " 前复测；未按时复测或复测仍异常将升级。"};
  }
  return {"Health alert: " + name + ", " + What(a, lang),
          name + " (" + UnitFor(person, lang) + ") reported " + What(a, lang) + " in the " + slot + " report of " +
              a.day + ".\nThey have been asked to re-check before " + due +
              "; no re-check in time, or another abnormal reading, escalates the alert."};
}

notify::Message RecheckRequest(const AlertText& a, const Named& person, core::Lang lang) {
  const std::string due = Local(a.recheck_due_at, a.tz);
  const std::string slot = SlotLabel(a.slot_name, lang);
  if (Zh(lang)) {
    return {"请在 " + due + " 前复测体温",
            NameFor(person, lang) + "，您好：\n\n您 " + a.day + " " + slot + "的报告中有" + What(a, lang) +
                "。请在 " + due + " 前再次测量体温并在同心提交报告。\n如有发热、咳嗽、呼吸困难等症状加重，请立即联系国际处。"};
  }
  return {"Please re-check your temperature before " + due,
          "Dear " + NameFor(person, lang) + ",\n\nYour " + slot + " report of " + a.day + " showed " + What(a, lang) +
              ". Please take your temperature again and submit a report in Tongxin before " + due +
              ".\nIf fever, cough or shortness of breath get worse, contact the International Office at once."};
}

notify::Message AlertEscalated(const AlertText& a, const Named& person, core::Lang lang) {
  const std::string name = NameFor(person, lang);
  const std::string due = Local(a.recheck_due_at, a.tz);
  std::string why;
  if (a.escalation == "second_high") {
    why = Zh(lang) ? "复测体温仍然偏高" : "the re-check was high again";
  } else if (a.escalation == "recheck_overdue") {
    why = Zh(lang) ? "未在 " + due + " 前复测" : "no re-check arrived before " + due;
  } else {
    why = Zh(lang) ? "工作人员已手动升级" : "staff escalated it";
  }
  if (Zh(lang)) {
    return {"预警升级：" + name + " " + What(a, lang),
            name + "（" + UnitFor(person, lang) + "）" + a.day + " 报告" + What(a, lang) + "的预警已升级：" + why +
                "。\n请立即联系本人，按应急预案处置。"};
  }
  return {"Alert escalated: " + name + ", " + What(a, lang),
          "The alert for " + name + " (" + UnitFor(person, lang) + "), " + What(a, lang) + " on " + a.day +
              ", has been escalated: " + why + ".\nPlease contact them now and act under the emergency plan."};
}

}  // namespace tongxin::health::notices
