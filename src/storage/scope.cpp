// Scope conditions.
#include "storage/scope.hpp"

#include "core/text.hpp"

namespace tongxin::storage {

void AppendUnitScope(Query& q, const core::Principal& who, const std::string& unit_column,
                     std::string_view param_prefix) {
  if (who.all_units) return;
  if (who.scope_paths.empty()) {
    q.Append(" AND 1=0");
    return;
  }
  q.Append(" AND " + unit_column + " IN (SELECT id FROM units WHERE ");
  for (std::size_t i = 0; i < who.scope_paths.size(); ++i) {
    const std::string name = std::string(param_prefix) + std::to_string(i);
    q.Append((i ? " OR " : "") + std::string("path LIKE :") + name + " ESCAPE '\\'");
    q.Bind(name, core::EscapeLike(who.scope_paths[i]) + "%");
  }
  q.Append(")");
}

void AppendUnitSubtree(Query& q, const std::string& unit_column, const std::string& unit_path) {
  if (unit_path.empty()) return;
  q.Where(unit_column + " IN (SELECT id FROM units WHERE path LIKE ? ESCAPE '\\')", core::EscapeLike(unit_path) + "%");
}

}  // namespace tongxin::storage
