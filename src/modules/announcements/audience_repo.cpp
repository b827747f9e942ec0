// Audience storage and matching.
#include "modules/announcements/audience_repo.hpp"

#include "storage/repo_kit.hpp"

namespace tongxin::announcements::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)

std::string Match(const AudienceTable& t, const std::string& owner) {
  const std::string entries = std::string(" FROM ") + t.table + " x WHERE x." + t.owner + " = " + owner;
  return "(NOT EXISTS (SELECT 1" + entries + ") OR EXISTS (SELECT 1" + entries +
         " AND ((x.kind = 'role' AND x.value = u.role) OR (x.kind = 'category' AND x.value = p.category) OR "
         "(x.kind = 'nationality' AND x.value = p.nationality) OR (x.kind = 'unit' AND EXISTS (SELECT 1 FROM units xu, "
         "units mu WHERE xu.id = CAST(x.value AS BIGINT) AND mu.path LIKE xu.path || '%' AND (mu.id = p.unit_id OR "
         "mu.id IN (SELECT uu.unit_id FROM user_units uu WHERE uu.user_id = u.id)))))))";
}

Audience AudienceOf(soci::session& sql, const AudienceTable& t, std::int64_t id) {
  Audience out;
  Query q(std::string("SELECT kind, value FROM ") + t.table + " WHERE " + t.owner + " = :id ORDER BY kind, value");
  q.Bind("id", id);
  for (const auto& row : q.Rows(sql)) {
    const std::string kind = GetStr(row, 0), value = GetStr(row, 1);
    if (kind == "role") out.roles.push_back(value);
    if (kind == "category") out.categories.push_back(value);
    if (kind == "nationality") out.nationalities.push_back(value);
    if (kind == "unit") out.units.push_back(std::stoll(value));
  }
  return out;
}

void SetAudience(soci::session& sql, const AudienceTable& t, std::int64_t id, const Audience& a) {
  Query del(std::string("DELETE FROM ") + t.table + " WHERE " + t.owner + " = :id");
  del.Bind("id", id).Exec(sql);
  const auto add = [&](const char* kind, const std::string& value) {
    Query q(std::string("INSERT INTO ") + t.table + " (" + t.owner + ", kind, value) VALUES (:id, :k, :v)");
    q.Bind("id", id).Bind("k", kind).Bind("v", value).Exec(sql);
  };
  for (const auto& v : a.roles) add("role", v);
  for (const auto& v : a.categories) add("category", v);
  for (const auto& v : a.nationalities) add("nationality", v);
  for (auto v : a.units) add("unit", std::to_string(v));
}

}  // namespace tongxin::announcements::repo
