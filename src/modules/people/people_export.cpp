// People export layout.
#include "modules/people/people_export.hpp"

#include "core/labels.hpp"
#include "core/text.hpp"

namespace tongxin::people {

std::string ChoiceLabel(const std::string& field, const std::string& value, core::Lang lang) {
  static const core::LabelTable kLabels = {
      {"category.foreign_staff", {"外籍工作人员", "Foreign staff"}}, {"category.staff", {"教职工", "Staff"}},
      {"category.student", {"学生", "Student"}}, {"category.resident", {"居民", "Resident"}},
      {"category.other", {"其他", "Other"}}, {"gender.male", {"男", "Male"}}, {"gender.female", {"女", "Female"}},
      {"gender.other", {"其他", "Other"}}, {"id_type.passport", {"护照", "Passport"}},
      {"id_type.id_card", {"居民身份证", "ID card"}}, {"id_type.hk_macau_permit", {"港澳通行证", "HK/Macau permit"}},
      {"id_type.taiwan_permit", {"台胞证", "Taiwan permit"}}, {"id_type.residence_permit", {"居留许可", "Residence permit"}},
      {"id_type.other", {"其他", "Other"}}, {"employment_status.active", {"在职", "Active"}},
      {"employment_status.on_leave", {"休假", "On leave"}}, {"employment_status.left", {"离职", "Left"}},
      {"employment_status.retired", {"退休", "Retired"}}, {"status.active", {"在册", "Active"}},
      {"status.archived", {"已归档", "Archived"}}};
  return kLabels(field, value, lang);
}

io::SheetShape PeopleColumns(core::Lang lang) {
  const bool zh = lang == core::Lang::kZh;
  io::SheetShape c;
  c.sheet_name = zh ? "人员" : "People";
  c.headers = zh ? std::vector<std::string>{"编号", "中文姓名", "外文姓名", "性别", "出生日期", "国籍", "证件类型",
                                            "证件号码", "手机", "邮箱", "微信", "类别", "单位", "在职状态",
                                            "紧急联系人", "紧急联系人电话", "使领馆", "状态", "备注"}
                 : std::vector<std::string>{"ID", "Chinese name", "Latin name", "Gender", "Date of birth",
                                            "Nationality", "ID type", "ID number", "Phone", "Email", "WeChat",
                                            "Category", "Unit", "Employment status", "Emergency contact",
                                            "Emergency contact phone", "Embassy", "Status", "Notes"};
  c.widths = {8, 12, 22, 6, 12, 8, 12, 20, 16, 26, 14, 14, 22, 10, 14, 16, 24, 8, 30};
  return c;
}

std::vector<io::Cell> PersonCells(const PersonRow& r, bool reveal, core::Lang lang) {
  const Person& p = r.person;
  const bool zh = lang == core::Lang::kZh;
  return {io::Cell::Number(static_cast<double>(p.id)), p.name_zh, p.name_latin,
          ChoiceLabel("gender", p.gender, lang), p.birth_date, p.nationality,
          ChoiceLabel("id_type", p.id_type, lang),
          reveal ? p.id_number : core::MaskIdentifier(p.id_number),
          reveal ? p.phone : core::MaskPhone(p.phone), p.email, p.wechat,
          ChoiceLabel("category", p.category, lang),
          zh || r.unit_name_en.empty() ? r.unit_name_zh : r.unit_name_en,
          ChoiceLabel("employment_status", p.employment_status, lang), p.emergency_contact_name,
          reveal ? p.emergency_contact_phone : core::MaskPhone(p.emergency_contact_phone), p.embassy,
          ChoiceLabel("status", p.status, lang), p.notes};
}

}  // namespace tongxin::people
