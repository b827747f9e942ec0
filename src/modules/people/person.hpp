// People: foreign staff, staff, students, residents. The entity, its JSON forms (identifiers
// masked unless the caller may see them) and validation of create/update input.
#pragma once

#include <boost/describe/class.hpp>

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"

namespace tongxin::people {

struct Person {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string name_zh;
  std::string name_latin;
  std::string gender;       // male, female, other, ""
  std::string birth_date;   // YYYY-MM-DD or ""
  std::string nationality;  // ISO 3166-1 alpha-2
  std::string id_type;      // passport, id_card, hk_macau_permit, taiwan_permit, residence_permit, other
  std::string id_number;
  std::string phone;
  std::string email;
  std::string wechat;
  std::string language;  // zh-CN, en, ""
  std::string category;  // foreign_staff, staff, student, resident, other
  std::string employment_status;  // active, on_leave, left, retired, ""
  std::string emergency_contact_name;
  std::string emergency_contact_phone;
  std::string embassy;
  std::string notes;
  std::string status = "active";  // active, archived
  int version = 1;
  std::string created_at;
  std::string updated_at;

  std::string DisplayName() const;   // "王伟 (Wang Wei)" or either part
  std::string SortName() const;      // lower-case key for ordering by name
  std::string SearchText() const;    // lower-case names, email and WeChat: searchable by every reader
  std::string SearchIds() const;     // lower-case ID number and phone: searchable where shown unmasked
};
// Every described member is read from the table and written to JSON (PersonToJson masks
// the identifiers): describe a new member only once its masking is decided.
BOOST_DESCRIBE_STRUCT(Person, (), (
    id, unit_id, name_zh, name_latin, gender, birth_date, nationality, id_type, id_number, phone, email, wechat,
    language, category, employment_status, emergency_contact_name, emergency_contact_phone, embassy, notes, status,
    version, created_at, updated_at))

// reveal: full ID number and phone; otherwise masked ("E1****78", "138****8000").
// unit_name is included when not empty.
boost::json::object PersonToJson(const Person& p, bool reveal, const std::string& unit_name = "");
// The full record as stored in the audit log.
std::string PersonAuditJson(const Person& p);

struct PersonInput {
  std::optional<std::int64_t> unit_id;
  std::optional<std::string> name_zh, name_latin, gender, birth_date, nationality, id_type, id_number, phone,
      email, wechat, language, category, employment_status, emergency_contact_name, emergency_contact_phone,
      embassy, notes;
  std::optional<std::int64_t> version;  // optimistic concurrency on update
};

// create: unit_id and category are required. Errors: kInvalid naming each field.
core::Result<PersonInput> ParsePersonInput(const boost::json::object& body, bool create);
void ApplyInput(Person& p, const PersonInput& in);
// Rules across fields: at least one name. Errors: kInvalid validation.name_required.
core::Status ValidatePerson(const Person& p);

}  // namespace tongxin::people
