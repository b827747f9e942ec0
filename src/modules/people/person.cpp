// Person JSON and validation.
#include "modules/people/person.hpp"

#include <boost/json.hpp>

#include "core/described_json.hpp"
#include "core/json_reader.hpp"
#include "core/text.hpp"

namespace tongxin::people {

std::string Person::DisplayName() const {
  if (!name_zh.empty() && !name_latin.empty()) return name_zh + " (" + name_latin + ")";
  return name_zh.empty() ? name_latin : name_zh;
}

std::string Person::SortName() const { return core::ToLowerAscii(name_latin.empty() ? name_zh : name_latin); }

std::string Person::SearchText() const {
  return core::ToLowerAscii(name_zh + " " + name_latin + " " + email + " " + wechat);
}

std::string Person::SearchIds() const { return core::ToLowerAscii(id_number + " " + phone); }

boost::json::object PersonToJson(const Person& p, bool reveal, const std::string& unit_name) {
  boost::json::object o = core::DescribedToJson(p);  // every member: identifiers are masked below
  o["display_name"] = p.DisplayName();
  if (!reveal) {
    o["id_number"] = core::MaskIdentifier(p.id_number);
    o["phone"] = core::MaskPhone(p.phone);
    o["emergency_contact_phone"] = core::MaskPhone(p.emergency_contact_phone);
  }
  o["identifiers_masked"] = !reveal;
  if (!unit_name.empty()) o["unit_name"] = unit_name;
  return o;
}

std::string PersonAuditJson(const Person& p) {
  boost::json::object o = PersonToJson(p, true);
  o.erase("display_name");
  o.erase("identifiers_masked");
  return boost::json::serialize(o);
}

core::Result<PersonInput> ParsePersonInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"unit_id", "name_zh", "name_latin", "gender", "birth_date", "nationality", "id_type",
                            "id_number", "phone", "email", "wechat", "language", "category", "employment_status",
                            "emergency_contact_name", "emergency_contact_phone", "embassy", "notes", "version"});
  PersonInput in;
  in.unit_id = r.Int("unit_id", create, 1, INT64_MAX);
  in.name_zh = r.String("name_zh", false, 64);
  in.name_latin = r.String("name_latin", false, 128);
  in.gender = r.Choice("gender", false, {"male", "female", "other"});
  in.birth_date = r.Date("birth_date", false);
  in.nationality = r.String("nationality", false, 2);
  if (in.nationality && !in.nationality->empty()) {
    *in.nationality = core::ToUpperAscii(*in.nationality);
    if (!core::IsCountryCode(*in.nationality)) {
      r.AddError({"nationality", "validation.invalid_country", {}});
      in.nationality.reset();
    }
  }
  in.id_type = r.Choice("id_type", false,
                        {"passport", "id_card", "hk_macau_permit", "taiwan_permit", "residence_permit", "other"});
  in.id_number = r.String("id_number", false, 32);
  if (in.id_number) *in.id_number = core::ToUpperAscii(*in.id_number);
  in.phone = r.String("phone", false, 20);
  if (in.phone && !in.phone->empty() && !core::IsValidPhone(*in.phone)) {
    r.AddError({"phone", "validation.invalid_phone", {}});
    in.phone.reset();
  }
  in.email = r.String("email", false, 254);
  if (in.email && !in.email->empty() && !core::IsValidEmail(*in.email)) {
    r.AddError({"email", "validation.invalid_email", {}});
    in.email.reset();
  }
  in.wechat = r.String("wechat", false, 64);
  in.language = r.Choice("language", false, {"zh-CN", "en"});
  in.category = r.Choice("category", create, {"foreign_staff", "staff", "student", "resident", "other"});
  in.employment_status = r.Choice("employment_status", false, {"active", "on_leave", "left", "retired"});
  in.emergency_contact_name = r.String("emergency_contact_name", false, 64);
  in.emergency_contact_phone = r.String("emergency_contact_phone", false, 20);
  if (in.emergency_contact_phone && !in.emergency_contact_phone->empty() &&
      !core::IsValidPhone(*in.emergency_contact_phone)) {
    r.AddError({"emergency_contact_phone", "validation.invalid_phone", {}});
    in.emergency_contact_phone.reset();
  }
  in.embassy = r.String("embassy", false, 128);
  in.notes = r.String("notes", false, 2000, true);
  in.version = r.Int("version", false, 1, INT32_MAX);
  if (!create && in.category && in.category->empty()) r.AddError({"category", "validation.empty", {}});
  TX_CHECK(r.Finish());
  return in;
}

void ApplyInput(Person& p, const PersonInput& in) {
  if (in.unit_id) p.unit_id = *in.unit_id;
  auto set = [](std::string& field, const std::optional<std::string>& v) {
    if (v) field = *v;
  };
  set(p.name_zh, in.name_zh);
  set(p.name_latin, in.name_latin);
  set(p.gender, in.gender);
  set(p.birth_date, in.birth_date);
  set(p.nationality, in.nationality);
  set(p.id_type, in.id_type);
  set(p.id_number, in.id_number);
  set(p.phone, in.phone);
  set(p.email, in.email);
  set(p.wechat, in.wechat);
  set(p.language, in.language);
  set(p.category, in.category);
  set(p.employment_status, in.employment_status);
  set(p.emergency_contact_name, in.emergency_contact_name);
  set(p.emergency_contact_phone, in.emergency_contact_phone);
  set(p.embassy, in.embassy);
  set(p.notes, in.notes);
  // Identifiers compare case-insensitively: store them upper-case.
  p.id_number = core::ToUpperAscii(p.id_number);
  p.nationality = core::ToUpperAscii(p.nationality);
  if (!p.id_number.empty() && p.id_type.empty()) p.id_type = "passport";
}

core::Status ValidatePerson(const Person& p) {
  if (p.name_zh.empty() && p.name_latin.empty()) return core::FieldInvalid("name_zh", "validation.name_required");
  return {};
}

}  // namespace tongxin::people
