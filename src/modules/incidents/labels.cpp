// Incident labels.
#include "modules/incidents/labels.hpp"

#include "core/labels.hpp"

namespace tongxin::incidents {

std::string Label(const std::string& t, core::Lang lang) {
  static const core::LabelTable kLabels = {
      {"fever", {"发热", "Fever"}},
      {"suspected_case", {"疑似病例", "Suspected case"}},
      {"close_contact", {"密切接触者", "Close contact"}},
      {"confirmed_case", {"确诊病例", "Confirmed case"}},
      {"hospitalisation", {"住院", "Hospitalisation"}},
      {"death", {"死亡", "Death"}},
      {"stranded_abroad", {"滞留境外", "Stranded abroad"}},
      {"mental_health", {"心理危机", "Mental-health crisis"}},
      {"supply_shortage", {"物资短缺", "Supply shortage"}},
      {"other", {"其他", "Other"}},
      {"low", {"低", "Low"}},
      {"medium", {"中", "Medium"}},
      {"high", {"高", "High"}},
      {"critical", {"紧急", "Critical"}},
      {"open", {"待处理", "Open"}},
      {"in_progress", {"处理中", "In progress"}},
      {"resolved", {"已办结", "Resolved"}},
      {"closed", {"已关闭", "Closed"}},
      {"concerned", {"当事人", "Person concerned"}},
      {"contact", {"密切接触者", "Close contact"}},
      {"opened", {"创建事件", "Opened"}},
      {"opened_from_alert", {"由健康预警自动创建", "Opened from a health alert"}},
      {"note", {"记录", "Note"}},
      {"step_done", {"完成步骤", "Step done"}},
      {"status", {"状态变更", "Status"}},
      {"severity", {"严重程度变更", "Severity"}},
      {"assigned", {"指定负责人", "Responsible"}},
      {"contact_added", {"添加密切接触者", "Close contact added"}},
      {"person_removed", {"移除人员", "Person removed"}},
      {"person_added", {"添加相关人员", "Person added"}},
      {"attachment", {"添加附件", "Attachment"}},
  };
  return kLabels(t, lang);
}

}  // namespace tongxin::incidents
