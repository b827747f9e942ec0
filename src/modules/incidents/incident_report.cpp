// Incident PDF report.
#include "modules/incidents/incident_report.hpp"

#include <map>

#include "io/pdf.hpp"
#include "modules/incidents/labels.hpp"
#include "modules/health/notices.hpp"

namespace tongxin::incidents {
namespace {

struct Words {
  const char* zh;
  const char* en;
};

std::string W(core::Lang lang, Words w) { return lang == core::Lang::kZh ? w.zh : w.en; }



}  // namespace

std::string IncidentReportPdf(const Incident& i, core::Lang lang, const std::string& tz, const std::string& printed_at) {
  auto local = [&](const std::string& iso) { return iso.empty() ? "" : health::notices::Local(iso, tz); };
  io::PdfWriter pdf;
  pdf.Title(W(lang, {"突发事件处置报告", "Incident report"}) + " · " + std::to_string(i.id));
  pdf.Paragraph(i.title);
  pdf.Fields({
      {W(lang, {"类型", "Type"}), Label(i.incident_type, lang)},
      {W(lang, {"严重程度", "Severity"}), Label(i.severity, lang)},
      {W(lang, {"状态", "Status"}), Label(i.status, lang)},
      {W(lang, {"当事人", "Person"}), Pick(lang, i.person_name_zh, i.person_name_latin)},
      {W(lang, {"单位", "Unit"}), Pick(lang, i.unit_name_zh, i.unit_name_en)},
      {W(lang, {"地点", "Location"}), i.location},
      {W(lang, {"发生时间", "Opened"}), local(i.opened_at)},
      {W(lang, {"关闭时间", "Closed"}), local(i.closed_at)},
      {W(lang, {"预案版本", "Plan version"}), std::to_string(i.plan_version)},
      {W(lang, {"处置结果", "Outcome"}), i.outcome},
  });
  pdf.Heading(W(lang, {"处置清单", "Checklist"}));
  for (const auto& s : i.steps) {
    const bool late = s.done_at.empty() ? printed_at > s.due_at : s.done_at > s.due_at;
    std::string detail = W(lang, {"期限 ", "due "}) + local(s.due_at);
    if (!s.done_at.empty()) detail += W(lang, {"，完成于 ", ", done "}) + local(s.done_at);
    if (late) detail += W(lang, {"（逾期）", " (late)"});
    if (!s.note.empty()) detail += " — " + s.note;
    pdf.Item(s.done_at.empty() ? "○" : "✓", std::to_string(s.position) + ". " + Pick(lang, s.title_zh, s.title_en),
             detail);
  }
  if (!i.people.empty()) {
    pdf.Heading(W(lang, {"相关人员", "People"}));
    for (const auto& p : i.people) {
      pdf.Item("•", Pick(lang, p.name_zh, p.name_latin) + " · " + Label(p.role, lang),
               p.observation_plan_id ? W(lang, {"已开始健康观察", "under health observation"}) : "");
    }
  }
  pdf.Heading(W(lang, {"时间线", "Timeline"}));
  for (const auto& e : i.events) {
    pdf.Item("•", local(e.at) + "  " + Label(e.kind, lang) + (e.text.empty() ? "" : " — " + e.text), e.username);
  }
  pdf.Paragraph(W(lang, {"打印时间 ", "Printed "}) + local(printed_at) + W(lang, {" · 同心", " · Tongxin"}), true);
  return pdf.Finish();
}

}  // namespace tongxin::incidents
