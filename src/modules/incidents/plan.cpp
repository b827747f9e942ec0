// Plans: JSON, validation and the default plans.
#include "modules/incidents/plan.hpp"

#include <boost/json.hpp>

#include "core/json_reader.hpp"

namespace tongxin::incidents {

const std::vector<std::string>& IncidentTypes() {
  static const std::vector<std::string> kTypes = {"fever",           "suspected_case", "close_contact",
                                                  "confirmed_case",  "hospitalisation", "death",
                                                  "stranded_abroad", "mental_health",  "supply_shortage",
                                                  "other"};
  return kTypes;
}

bool IsIncidentType(const std::string& t) {
  for (const auto& x : IncidentTypes()) {
    if (x == t) return true;
  }
  return false;
}

boost::json::object PlanToJson(const Plan& p) {
  boost::json::array steps;
  for (const auto& s : p.steps) {
    steps.push_back({{"position", s.position},
                     {"title_zh", s.title_zh},
                     {"title_en", s.title_en},
                     {"instructions_zh", s.instructions_zh},
                     {"instructions_en", s.instructions_en},
                     {"owner_role", s.owner_role},
                     {"owner_unit_code", s.owner_unit_code},
                     {"due_minutes", s.due_minutes},
                     {"due_from", s.due_from}});
  }
  boost::json::object o{{"id", p.id},           {"incident_type", p.incident_type}, {"version", p.version},
                        {"name_zh", p.name_zh}, {"name_en", p.name_en},             {"current", p.current},
                        {"created_at", p.created_at}, {"steps", std::move(steps)}};
  return o;
}

core::Result<Plan> ParsePlanBody(const boost::json::object& body) {
  core::JsonReader r(body, {"name_zh", "name_en", "steps"});
  Plan p;
  auto zh = r.String("name_zh", true, 100);
  auto en = r.String("name_en", true, 100);
  if (zh) p.name_zh = *zh;
  if (en) p.name_en = *en;
  auto it = body.find("steps");
  if (it == body.end() || !it->value().is_array() || it->value().as_array().empty() ||
      it->value().as_array().size() > 50) {
    r.AddError({"steps", "incidents.steps_invalid", {}});
  } else {
    int position = 0;
    for (const auto& v : it->value().as_array()) {
      ++position;
      const std::string prefix = "steps[" + std::to_string(position) + "].";
      if (!v.is_object()) {
        r.AddError({"steps", "incidents.steps_invalid", {}});
        continue;
      }
      core::JsonReader sr(v.as_object(), {"title_zh", "title_en", "instructions_zh", "instructions_en", "owner_role",
                                          "owner_unit_code", "due_minutes", "due_from"});
      PlanStep s;
      s.position = position;
      s.title_zh = sr.String("title_zh", true, 200).value_or("");
      s.title_en = sr.String("title_en", true, 200).value_or("");
      s.instructions_zh = sr.String("instructions_zh", false, 2000, true).value_or("");
      s.instructions_en = sr.String("instructions_en", false, 2000, true).value_or("");
      // "person": the person concerned (sees the step, is reminded of it).
      s.owner_role = sr.Choice("owner_role", true, {"office", "department", "leader", "volunteer", "person"}).value_or("");
      s.owner_unit_code = sr.String("owner_unit_code", false, 32).value_or("");
      s.due_minutes = static_cast<int>(sr.Int("due_minutes", true, 1, 60 * 24 * 30).value_or(0));
      s.due_from = sr.Choice("due_from", false, {"start", "previous"}).value_or("start");
      if (auto st = sr.Finish(); !st) {
        for (auto f : st.error().fields) {
          f.field = prefix + f.field;
          r.AddError(std::move(f));
        }
      }
      p.steps.push_back(std::move(s));
    }
  }
  TX_CHECK(r.Finish());
  return p;
}

namespace {

PlanStep Step(const char* tzh, const char* ten, const char* izh, const char* ien, const char* role, const char* unit,
              int minutes, const char* from = "start") {
  return {0, tzh, ten, izh, ien, role, unit, minutes, from};
}

Plan Make(const char* type, const char* zh, const char* en, std::vector<PlanStep> steps) {
  Plan p;
  p.incident_type = type;
  p.name_zh = zh;
  p.name_en = en;
  for (std::size_t i = 0; i < steps.size(); ++i) steps[i].position = static_cast<int>(i + 1);
  p.steps = std::move(steps);
  return p;
}

}  // namespace

std::vector<Plan> DefaultPlans() {
  const auto confirm = Step("电话核实情况，告知本人居家等待、佩戴口罩", "Call the person, confirm the report; ask them to stay home and wear a mask",
                            "核实体温、症状和近14天行程，记录在时间线中。", "Check temperature, symptoms and the last 14 days' movements; record them in the timeline.",
                            "office", "INTL", 30);
  const auto embassy = Step("必要时联系使领馆", "Contact the embassy or consulate if needed",
                            "按本人意愿，通过使领馆联络人告知情况并记录。", "With the person's consent, inform their embassy contact and record it.",
                            "office", "INTL", 24 * 60);
  return {
      Make("fever", "发热处置预案", "Fever response plan",
           {confirm,
            Step("居家休息，每日早晚报告体温", "Rest at home and report your temperature morning and evening",
                 "不去办公室或教室；如出现呼吸困难、持续高热，立即联系国际处。",
                 "Do not go to the office or classroom; if you have trouble breathing or a persistent high fever, "
                 "call the International Office at once.",
                 "person", "", 60),
            Step("校医院评估，必要时陪同前往发热门诊", "Clinic assessment; escort to the fever clinic if needed",
                 "校医院医生电话问诊；需就诊时安排专人陪同。", "A clinic doctor assesses by phone; if a visit is needed, arrange an escort.",
                 "department", "CLINIC", 120),
            Step("安排防护转运车辆", "Arrange protected transport", "后勤集团安排车辆与防护用品。",
                 "Logistics arranges a vehicle and protective equipment.", "department", "LOGISTICS", 120),
            Step("通知所在学院（部门）并安排工作", "Inform the school or department and cover the work",
                 "人事处通知所在单位，安排课程或工作替代。", "HR informs the unit and arranges cover for teaching or work.", "department",
                 "HR", 240),
            Step("每日两次跟进直至恢复，记录结论", "Follow up twice a day until recovery; record the outcome",
                 "复测正常 48 小时后可结束。", "Close after 48 hours of normal readings.", "office", "INTL", 48 * 60)}),
      Make("suspected_case", "疑似病例处置预案", "Suspected case plan",
           {confirm,
            Step("联系定点医院，安排转运就诊", "Contact the designated hospital and arrange transport",
                 "校医院联系定点医院，后勤安排负压转运。", "The clinic contacts the designated hospital; logistics arranges transport.",
                 "department", "CLINIC", 60),
            Step("排查密切接触者", "Trace close contacts", "列出近 14 天密切接触者，加入本事件。",
                 "List close contacts of the last 14 days and add them to this incident.", "office", "INTL", 240),
            Step("居住地消杀", "Disinfect the residence", "后勤集团对住所及公共区域消毒。",
                 "Logistics disinfects the residence and shared areas.", "department", "LOGISTICS", 360),
            embassy}),
      Make("close_contact", "密切接触者处置预案", "Close contact plan",
           {confirm,
            Step("启动 14 天健康观察（每日三次测温）", "Start 14 days of observation (three checks a day)",
                 "在本事件中将其加为密切接触者，系统自动建立观察计划。", "Add them as a close contact here; an observation plan starts.",
                 "office", "INTL", 120),
            Step("安排隔离住所与生活物资", "Arrange quarantine housing and supplies", "后勤集团安排住所、送餐与生活物资。",
                 "Logistics arranges housing, meals and supplies.", "department", "LOGISTICS", 240),
            Step("观察期满评估解除", "Assess release at the end of observation", "观察期满无异常后解除并记录。",
                 "Release after an uneventful observation period and record it.", "office", "INTL", 14 * 24 * 60)}),
      Make("confirmed_case", "确诊病例处置预案", "Confirmed case plan",
           {Step("向指挥部报告", "Report to headquarters", "两小时内书面报告指挥部。", "Report to headquarters in writing within two hours.",
                 "office", "INTL", 120),
            Step("配合医院救治，指定联络人", "Support treatment; name a liaison", "指定专人与医院、家属保持联系。",
                 "Name one person to keep in touch with the hospital and the family.", "office", "INTL", 240),
            Step("排查密切接触者", "Trace close contacts", "列出密切接触者，加入本事件。", "List close contacts and add them here.",
                 "office", "INTL", 240),
            Step("居住地和工作场所消杀", "Disinfect residence and workplace", "后勤集团完成消杀并记录。",
                 "Logistics disinfects and records it.", "department", "LOGISTICS", 360),
            embassy}),
      Make("hospitalisation", "住院处置预案", "Hospitalisation plan",
           {Step("确认医院、病区与主治医生", "Confirm hospital, ward and doctor", "", "", "office", "INTL", 120),
            Step("落实医疗费用与保险", "Arrange payment and insurance", "财务处协助办理押金与保险。",
                 "Finance helps with the deposit and insurance.", "department", "FINANCE", 24 * 60),
            Step("安排陪护与生活保障", "Arrange care and daily needs", "", "", "department", "LOGISTICS", 24 * 60), embassy}),
      Make("death", "死亡事件处置预案", "Death plan",
           {Step("立即报告指挥部和学校领导", "Report to headquarters and university leaders at once", "", "", "office", "INTL", 60),
            Step("通知使领馆与家属", "Inform the embassy and the family", "", "", "office", "INTL", 240),
            Step("协助办理相关手续", "Help with the formalities", "配合医院、公安与使领馆办理手续。",
                 "Work with the hospital, police and embassy on the formalities.", "department", "HR", 3 * 24 * 60)}),
      Make("stranded_abroad", "滞留境外处置预案", "Stranded abroad plan",
           {Step("确认所在地、返程计划与健康状况", "Confirm location, return plans and health", "", "", "office", "INTL", 24 * 60),
            Step("安排远程工作或教学", "Arrange remote work or teaching", "", "", "department", "HR", 3 * 24 * 60),
            Step("每周联系一次直至返校", "Contact weekly until return", "", "", "office", "INTL", 7 * 24 * 60)}),
      Make("mental_health", "心理危机处置预案", "Mental-health crisis plan",
           {Step("当面或电话联系，确认安全", "Reach the person in person or by phone; make sure they are safe", "", "", "office",
                 "INTL", 30),
            Step("安排心理咨询师介入", "Bring in a counsellor", "", "", "department", "CLINIC", 240),
            Step("安排同事或朋友陪伴", "Arrange company from colleagues or friends", "", "", "department", "HR", 24 * 60)}),
      Make("supply_shortage", "物资短缺处置预案", "Supply shortage plan",
           {Step("核实短缺物资与数量", "Confirm what is short and how much", "", "", "department", "LOGISTICS", 120),
            Step("联系供应商或调拨", "Contact suppliers or move stock", "", "", "department", "LOGISTICS", 24 * 60),
            Step("送达并登记", "Deliver and record", "", "", "department", "LOGISTICS", 48 * 60)}),
      Make("other", "其他事件处置预案", "Other incident plan",
           {Step("核实情况并指定负责人", "Confirm what happened and name an owner", "", "", "office", "INTL", 60),
            Step("处置并记录结论", "Act and record the outcome", "", "", "office", "INTL", 24 * 60)}),
  };
}

}  // namespace tongxin::incidents
