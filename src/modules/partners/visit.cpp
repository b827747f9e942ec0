// Visits: request parsing and JSON.
#include "modules/partners/visit.hpp"

#include <boost/json.hpp>

#include "core/described_json.hpp"
#include "core/json_reader.hpp"
#include "core/pick.hpp"
#include "core/text.hpp"

namespace tongxin::partners {

core::Result<VisitInput> ParseVisitInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"partner_id", "direction", "visited_on", "place", "purpose", "hosts", "discussed",
                            "promised", "visitors", "person_ids"});
  VisitInput in;
  in.partner_id = r.Int("partner_id", create, 1, INT64_MAX);
  in.direction = r.Choice("direction", false, {"incoming", "outgoing"});
  in.visited_on = r.Date("visited_on", create);
  in.place = r.String("place", false, 200);
  in.purpose = r.String("purpose", false, 1000, true);
  in.hosts = r.String("hosts", false, 500, true);
  in.discussed = r.String("discussed", false, 10000, true);
  in.promised = r.String("promised", false, 5000, true);
  in.person_ids = r.IntArray("person_ids", false, 500);
  if (!create && r.Has("partner_id")) r.AddError({"partner_id", "partners.visit_partner_fixed", {}});
  if (auto it = body.find("visitors"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_array() || it->value().as_array().size() > 50) {
      r.AddError({"visitors", "validation.wrong_type", {{"expected", "array"}}});
    } else {
      std::vector<VisitorInput> visitors;
      const auto& a = it->value().as_array();
      for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string prefix = "visitors[" + std::to_string(i) + "].";
        if (!a[i].is_object()) {
          r.AddError({"visitors[" + std::to_string(i) + "]", "validation.wrong_type", {{"expected", "object"}}});
          continue;
        }
        core::JsonReader v(a[i].as_object(), {"name", "title", "organisation", "nationality"});
        VisitorInput x;
        x.name = v.String("name", true, 100).value_or("");
        x.title = v.String("title", false, 100).value_or("");
        x.organisation = v.String("organisation", false, 200).value_or("");
        x.nationality = v.String("nationality", false, 2).value_or("");
        if (!x.nationality.empty() && !core::IsCountryCode(x.nationality)) {
          v.AddError({"nationality", "validation.invalid_country", {}});
        }
        r.AddErrorsOf(v.Finish(), prefix);
        visitors.push_back(std::move(x));
      }
      in.visitors = std::move(visitors);
    }
  }
  TX_CHECK(r.Finish());
  return in;
}

core::Result<ActionInput> ParseActionInput(const boost::json::object& body, bool create) {
  core::JsonReader r(body, {"action", "due_on", "owner_id", "done"});
  ActionInput in;
  in.action = r.String("action", create, 500);
  in.due_on = r.Date("due_on", false);
  in.owner_id = r.Int("owner_id", false, 1, INT64_MAX);
  in.done = r.Bool("done", false);
  if (!create && in.action && in.action->empty()) r.AddError({"action", "validation.required", {}});
  TX_CHECK(r.Finish());
  return in;
}

boost::json::object VisitToJson(const Visit& v, core::Lang lang) {
  boost::json::object o = core::DescribedToJson(v, {"partner_name_zh", "partner_name_en", "people", "photos"});
  o["partner_name"] = core::Pick(lang, v.partner_name_zh, v.partner_name_en);
  boost::json::array people;
  for (const auto& p : v.people) {
    people.push_back({{"id", p.id},
                      {"name", core::Pick(lang, p.name_zh, p.name_latin)},
                      {"name_zh", p.name_zh},
                      {"name_latin", p.name_latin},
                      {"nationality", p.nationality},
                      {"category", p.category},
                      {"unit_name", core::Pick(lang, p.unit_name_zh, p.unit_name_en)}});
  }
  o["people"] = std::move(people);
  boost::json::array photos;
  for (const auto& a : v.photos) {
    photos.push_back({{"id", a.id}, {"filename", a.filename}, {"content_type", a.content_type}, {"size", a.size},
                      {"uploaded_at", a.uploaded_at}});
  }
  o["photos"] = std::move(photos);
  return o;
}

}  // namespace tongxin::partners
