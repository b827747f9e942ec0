// Visits storage: visits of the partners in scope with their visitors, people visited,
// follow-up actions and photos. SQL only; runs on the caller's session.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/roles.hpp"
#include "modules/partners/visit.hpp"

namespace tongxin::partners::repo {

core::Page<Visit> ListVisits(soci::session& sql, const core::Principal& who, const VisitFilter& f,
                             const core::PageRequest& page);
// With visitors, people, actions and photos (without bytes).
std::optional<Visit> FindVisit(soci::session& sql, std::int64_t id);
std::int64_t InsertVisit(soci::session& sql, const Visit& v);
void UpdateVisit(soci::session& sql, const Visit& v);
void SetVisitors(soci::session& sql, std::int64_t visit_id, const std::vector<VisitorInput>& visitors);
void SetVisitPeople(soci::session& sql, std::int64_t visit_id, const std::vector<std::int64_t>& person_ids);

std::optional<VisitAction> FindAction(soci::session& sql, std::int64_t visit_id, std::int64_t id);
std::int64_t InsertAction(soci::session& sql, const VisitAction& a);
void UpdateAction(soci::session& sql, const VisitAction& a);

// Open actions with an owner due between from and until (YYYY-MM-DD, both included).
struct ActionDue {
  std::int64_t id = 0, visit_id = 0, owner_id = 0;
  std::string action, due_on, visited_on, partner_name_zh, partner_name_en;
};
std::vector<ActionDue> ActionsDue(soci::session& sql, const std::string& from, const std::string& until);

std::int64_t InsertPhoto(soci::session& sql, std::int64_t visit_id, const io::Attachment& a);
std::optional<io::Attachment> FindPhoto(soci::session& sql, std::int64_t visit_id, std::int64_t id);

}  // namespace tongxin::partners::repo
