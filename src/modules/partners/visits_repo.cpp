// Visits storage.
#include "modules/partners/visits_repo.hpp"

#include "io/attachment_table.hpp"
#include "modules/partners/partners_repo.hpp"
#include "storage/repo_kit.hpp"

namespace tongxin::partners::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Visit> kVisits(
    "FROM partner_visits v JOIN partners p ON p.id = v.partner_id", "v",
    {{"partner_name_zh", "p.name_zh"},
     {"partner_name_en", "p.name_en"},
     {"partner_country", "p.country"},
     {"visitor_count", "(SELECT COUNT(*) FROM partner_visitors x WHERE x.visit_id = v.id)"},
     {"people_count", "(SELECT COUNT(*) FROM partner_visit_people x WHERE x.visit_id = v.id)"},
     {"open_actions", "(SELECT COUNT(*) FROM partner_visit_actions x WHERE x.visit_id = v.id AND x.done_at = '')"},
     {"photo_count", "(SELECT COUNT(*) FROM partner_visit_photos x WHERE x.visit_id = v.id)"}});
const RowMap<Visitor> kVisitors("FROM partner_visitors");
const RowMap<VisitedPerson> kPeople(
    "FROM partner_visit_people x JOIN people pe ON pe.id = x.person_id JOIN units u ON u.id = pe.unit_id", "pe",
    {{"unit_name_zh", "u.name_zh"}, {"unit_name_en", "u.name_en"}});
const RowMap<VisitAction> kActions("FROM partner_visit_actions a LEFT JOIN users o ON o.id = a.owner_id", "a",
                                   {{"owner_name", "COALESCE(o.display_name, '')"}});
const io::AttachmentTable kPhotos("partner_visit_photos", "visit_id");

}  // namespace

core::Page<Visit> ListVisits(soci::session& sql, const core::Principal& who, const VisitFilter& f,
                             const core::PageRequest& page) {
  Query where(" WHERE 1 = 1");
  AppendPartnerScope(where, who, "p");
  if (f.partner_id) where.Where("v.partner_id = ?", *f.partner_id);
  if (!f.from.empty()) where.Where("v.visited_on >= ?", f.from);
  if (!f.to.empty()) where.Where("v.visited_on <= ?", f.to);
  return kVisits.Page(sql, where, " ORDER BY v.visited_on DESC, v.id DESC", page, kVisits.From());
}

std::optional<Visit> FindVisit(soci::session& sql, std::int64_t id) {
  Query q(kVisits.Select() + " WHERE v.id = :id");
  q.Bind("id", id);
  auto v = kVisits.One(sql, q);
  if (!v) return v;
  Query visitors(kVisitors.Select() + " WHERE visit_id = :v ORDER BY id");
  visitors.Bind("v", id);
  v->visitors = kVisitors.All(sql, visitors);
  Query people(kPeople.Select() + " WHERE x.visit_id = :v ORDER BY pe.sort_name, pe.id");
  people.Bind("v", id);
  v->people = kPeople.All(sql, people);
  Query actions(kActions.Select() + " WHERE a.visit_id = :v ORDER BY a.id");
  actions.Bind("v", id);
  v->actions = kActions.All(sql, actions);
  v->photos = kPhotos.List(sql, id);
  return v;
}

std::int64_t InsertVisit(soci::session& sql, const Visit& v) {
  Query q("INSERT INTO partner_visits (partner_id, direction, visited_on, place, purpose, hosts, discussed, promised, "
          "created_by, created_at, updated_at) VALUES (:p, :d, :on, :pl, :pu, :h, :di, :pr, NULLIF(:cb, 0), :ca, :ua) "
          "RETURNING id");
  q.Bind("p", v.partner_id).Bind("d", v.direction).Bind("on", v.visited_on).Bind("pl", v.place).Bind("pu", v.purpose);
  q.Bind("h", v.hosts).Bind("di", v.discussed).Bind("pr", v.promised).Bind("cb", v.created_by.value_or(0));
  q.Bind("ca", v.created_at).Bind("ua", v.updated_at);
  return q.Scalar(sql);
}

void UpdateVisit(soci::session& sql, const Visit& v) {
  Query q("UPDATE partner_visits SET direction = :d, visited_on = :on, place = :pl, purpose = :pu, hosts = :h, "
          "discussed = :di, promised = :pr, updated_at = :ua WHERE id = :id");
  q.Bind("d", v.direction).Bind("on", v.visited_on).Bind("pl", v.place).Bind("pu", v.purpose).Bind("h", v.hosts);
  q.Bind("di", v.discussed).Bind("pr", v.promised).Bind("ua", v.updated_at).Bind("id", v.id).Exec(sql);
}

void SetVisitors(soci::session& sql, std::int64_t visit_id, const std::vector<VisitorInput>& visitors) {
  Query("DELETE FROM partner_visitors WHERE visit_id = :v").Bind("v", visit_id).Exec(sql);
  for (const auto& x : visitors) {
    Query q("INSERT INTO partner_visitors (visit_id, name, title, organisation, nationality) VALUES (:v, :n, :t, :o, "
            ":na)");
    q.Bind("v", visit_id).Bind("n", x.name).Bind("t", x.title).Bind("o", x.organisation).Bind("na", x.nationality);
    q.Exec(sql);
  }
}

void SetVisitPeople(soci::session& sql, std::int64_t visit_id, const std::vector<std::int64_t>& person_ids) {
  Query("DELETE FROM partner_visit_people WHERE visit_id = :v").Bind("v", visit_id).Exec(sql);
  for (auto id : person_ids) {
    Query q("INSERT INTO partner_visit_people (visit_id, person_id) VALUES (:v, :p) ON CONFLICT DO NOTHING");
    q.Bind("v", visit_id).Bind("p", id).Exec(sql);
  }
}

std::optional<VisitAction> FindAction(soci::session& sql, std::int64_t visit_id, std::int64_t id) {
  Query q(kActions.Select() + " WHERE a.visit_id = :v AND a.id = :id");
  q.Bind("v", visit_id).Bind("id", id);
  return kActions.One(sql, q);
}

std::int64_t InsertAction(soci::session& sql, const VisitAction& a) {
  Query q("INSERT INTO partner_visit_actions (visit_id, action, owner_id, due_on, done_at, created_at) VALUES (:v, :a, "
          "NULLIF(:o, 0), :d, :dn, :c) RETURNING id");
  q.Bind("v", a.visit_id).Bind("a", a.action).Bind("o", a.owner_id.value_or(0)).Bind("d", a.due_on);
  q.Bind("dn", a.done_at).Bind("c", a.created_at);
  return q.Scalar(sql);
}

void UpdateAction(soci::session& sql, const VisitAction& a) {
  Query q("UPDATE partner_visit_actions SET action = :a, owner_id = NULLIF(:o, 0), due_on = :d, done_at = :dn WHERE "
          "id = :id");
  q.Bind("a", a.action).Bind("o", a.owner_id.value_or(0)).Bind("d", a.due_on).Bind("dn", a.done_at).Bind("id", a.id);
  q.Exec(sql);
}

std::vector<ActionDue> ActionsDue(soci::session& sql, const std::string& from, const std::string& until) {
  Query q("SELECT a.id, a.visit_id, a.owner_id, a.action, a.due_on, v.visited_on, p.name_zh, p.name_en "
          "FROM partner_visit_actions a JOIN partner_visits v ON v.id = a.visit_id JOIN partners p ON p.id = "
          "v.partner_id WHERE a.done_at = '' AND a.owner_id IS NOT NULL AND a.due_on >= :f AND a.due_on <= :u "
          "ORDER BY a.due_on, a.id");
  q.Bind("f", from).Bind("u", until);
  std::vector<ActionDue> out;
  soci::rowset<soci::row> rs = q.Rows(sql);
  for (const auto& r : rs) {
    out.push_back({GetInt(r, 0), GetInt(r, 1), GetInt(r, 2), GetStr(r, 3), GetStr(r, 4), GetStr(r, 5), GetStr(r, 6),
                   GetStr(r, 7)});
  }
  return out;
}

std::int64_t InsertPhoto(soci::session& sql, std::int64_t visit_id, const io::Attachment& a) {
  return kPhotos.Insert(sql, visit_id, a);
}

std::optional<io::Attachment> FindPhoto(soci::session& sql, std::int64_t visit_id, std::int64_t id) {
  return kPhotos.Find(sql, visit_id, id);
}

}  // namespace tongxin::partners::repo
