// Unit JSON and validation.
#include "modules/people/unit.hpp"

#include <boost/json.hpp>

#include "core/json_reader.hpp"

namespace tongxin::people {

boost::json::object UnitToJson(const Unit& u) {
  boost::json::object o{{"id", u.id},           {"code", u.code},     {"name_zh", u.name_zh},
                        {"name_en", u.name_en}, {"kind", u.kind},     {"path", u.path},
                        {"sort_order", u.sort_order}, {"archived", u.archived},
                        {"created_at", u.created_at}, {"updated_at", u.updated_at}};
  o["parent_id"] = u.parent_id ? boost::json::value(*u.parent_id) : boost::json::value(nullptr);
  return o;
}

core::Result<UnitInput> ParseUnitInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"parent_id", "code", "name_zh", "name_en", "kind", "sort_order", "archived"});
  UnitInput in;
  if (r.Has("parent_id")) {
    in.parent_set = true;
    in.parent_id = r.Int("parent_id", false, 1, INT64_MAX);
  }
  in.code = r.String("code", create, 32);
  in.name_zh = r.String("name_zh", create, 100);
  in.name_en = r.String("name_en", false, 150);
  in.kind = r.Choice("kind", create,
                     {"university", "headquarters", "office", "department", "school", "community", "compound",
                      "building", "entrance", "household", "group", "other"});
  in.sort_order = r.Int("sort_order", false, -100000, 100000);
  in.archived = r.Bool("archived", false);
  if (!create && in.code && in.code->empty()) r.AddError({"code", "validation.empty", {}});
  if (!create && in.name_zh && in.name_zh->empty()) r.AddError({"name_zh", "validation.empty", {}});
  TX_CHECK(r.Finish());
  return in;
}

}  // namespace tongxin::people
