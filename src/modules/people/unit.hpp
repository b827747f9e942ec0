// Organisation units: a tree (university -> offices, departments, schools; communities ->
// compounds -> buildings -> entrances -> households). `path` ("/1/4/9/") makes subtree
// and scope checks a prefix match.
#pragma once

#include <boost/describe/class.hpp>

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/i18n.hpp"
#include "core/result.hpp"

namespace tongxin::people {

struct Unit {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  std::string code;
  std::string name_zh;
  std::string name_en;
  std::string kind;
  std::string path;
  int sort_order = 0;
  bool archived = false;
  std::string created_at;
  std::string updated_at;

  // The name in the given language, falling back to the other one.
  const std::string& Name(core::Lang lang) const {
    return lang == core::Lang::kEn && !name_en.empty() ? name_en : name_zh;
  }
};
BOOST_DESCRIBE_STRUCT(Unit, (), (
    id, parent_id, code, name_zh, name_en, kind, path, sort_order, archived, created_at, updated_at))

boost::json::object UnitToJson(const Unit& u);

struct UnitInput {
  bool parent_set = false;
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> code;
  std::optional<std::string> name_zh;
  std::optional<std::string> name_en;
  std::optional<std::string> kind;
  std::optional<std::int64_t> sort_order;
  std::optional<bool> archived;
};

// create: code, name_zh and kind are required. Errors: kInvalid naming each field.
core::Result<UnitInput> ParseUnitInput(const boost::json::object& body, bool create);

}  // namespace tongxin::people
