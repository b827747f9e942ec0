// Volunteers, deployments and groups storage.
#include "modules/community/volunteers_repo.hpp"

#include "core/text.hpp"
#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::community::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

constexpr const char* kVolunteersFrom =
    "FROM volunteers v JOIN people p ON p.id = v.person_id LEFT JOIN units pu ON pu.id = p.unit_id";

const RowMap<Volunteer> kVolunteers(kVolunteersFrom, "v",
                                    {{"name_zh", "p.name_zh"},
                                     {"name_latin", "p.name_latin"},
                                     {"phone", "p.phone"},
                                     {"unit_id", "p.unit_id"},
                                     {"unit_name_zh", "COALESCE(pu.name_zh, '')"},
                                     {"unit_name_en", "COALESCE(pu.name_en, '')"},
                                     {"community_id", kNotRead},
                                     {"community_name_zh", kNotRead},
                                     {"community_name_en", kNotRead},
                                     {"deployed_since", kNotRead},
                                     {"minutes_served", kNotRead}});

const RowMap<Deployment> kDeployments(
    "FROM deployments d JOIN people p ON p.id = d.person_id JOIN units c ON c.id = d.community_id", "d",
    {{"name_zh", "p.name_zh"},
     {"name_latin", "p.name_latin"},
     {"community_name_zh", "c.name_zh"},
     {"community_name_en", "c.name_en"}});

const RowMap<Group> kGroups("FROM volunteer_groups g JOIN units c ON c.id = g.community_id", "g",
                            {{"community_name_zh", "c.name_zh"},
                             {"community_name_en", "c.name_en"},
                             {"members", "(SELECT COUNT(*) FROM volunteer_group_members m WHERE m.group_id = g.id)"}});

const RowMap<GroupMember> kMembers(
    "FROM volunteer_group_members m JOIN people p ON p.id = m.person_id JOIN volunteers v ON v.person_id = "
    "m.person_id",
    "m", {{"name_zh", "p.name_zh"}, {"name_latin", "p.name_latin"}, {"phone", "p.phone"}, {"skills", "v.skills"}});

}  // namespace

core::Page<Volunteer> Volunteers(soci::session& sql, const core::Principal& who, const VolunteerFilter& f,
                                 const core::PageRequest& page) {
  Query where(" WHERE 1 = 1");
  if (!who.all_units) {
    // The university's side (the person's unit) or the community's (a deployment there).
    where.Append(" AND (p.id IN (SELECT id FROM people WHERE 1 = 1");
    storage::AppendUnitScope(where, who, "unit_id", "pscope");
    where.Append(") OR v.person_id IN (SELECT person_id FROM deployments WHERE 1 = 1");
    storage::AppendUnitScope(where, who, "community_id", "cscope");
    where.Append("))");
  }
  if (!f.community_path.empty()) {
    where.Append(" AND v.person_id IN (SELECT person_id FROM deployments WHERE 1 = 1");
    storage::AppendUnitSubtree(where, "community_id", f.community_path);
    where.Append(")");
  }
  if (!f.skill.empty()) where.Where("(',' || v.skills || ',') LIKE ?", "%," + f.skill + ",%");
  if (!f.q.empty()) {
    const std::string like = "%" + core::EscapeLike(f.q) + "%";
    where.Append(" AND (p.name_zh LIKE :q1 ESCAPE '\\' OR p.name_latin LIKE :q2 ESCAPE '\\')");
    where.Bind("q1", like).Bind("q2", like);
  }
  return kVolunteers.Page(sql, where, " ORDER BY p.name_zh, p.name_latin, v.person_id", page,
                          std::string(kVolunteersFrom));
}

std::optional<Volunteer> FindVolunteer(soci::session& sql, std::int64_t person_id) {
  Query q(kVolunteers.Select() + " WHERE v.person_id = :p");
  q.Bind("p", person_id);
  return kVolunteers.One(sql, q);
}

void InsertVolunteer(soci::session& sql, const Volunteer& v) {
  Query q("INSERT INTO volunteers (person_id, skills, languages, availability, notes, created_at, updated_at) "
          "VALUES (:p, :s, :l, :a, :n, :c, :u)");
  q.Bind("p", v.person_id).Bind("s", v.skills).Bind("l", v.languages).Bind("a", v.availability);
  q.Bind("n", v.notes).Bind("c", v.created_at).Bind("u", v.updated_at).Exec(sql);
}

void UpdateVolunteer(soci::session& sql, const Volunteer& v) {
  Query q("UPDATE volunteers SET skills = :s, languages = :l, availability = :a, notes = :n, updated_at = :u "
          "WHERE person_id = :p");
  q.Bind("s", v.skills).Bind("l", v.languages).Bind("a", v.availability).Bind("n", v.notes);
  q.Bind("u", v.updated_at).Bind("p", v.person_id).Exec(sql);
}

std::vector<Deployment> DeploymentsOf(soci::session& sql, const std::vector<std::int64_t>& person_ids) {
  if (person_ids.empty()) return {};
  std::string in;
  for (auto id : person_ids) in += (in.empty() ? "" : ",") + std::to_string(id);
  Query q(kDeployments.Select() + " WHERE d.person_id IN (" + in + ") ORDER BY d.starts_on DESC, d.id DESC");
  return kDeployments.All(sql, q);
}

std::vector<Deployment> DeploymentsTo(soci::session& sql, const std::string& community_path) {
  Query q(kDeployments.Select() + " WHERE 1 = 1");
  storage::AppendUnitSubtree(q, "d.community_id", community_path);
  q.Append(" ORDER BY d.starts_on DESC, d.id DESC");
  return kDeployments.All(sql, q);
}

std::optional<Deployment> FindDeployment(soci::session& sql, std::int64_t id) {
  Query q(kDeployments.Select() + " WHERE d.id = :id");
  q.Bind("id", id);
  return kDeployments.One(sql, q);
}

std::optional<Deployment> OverlappingDeployment(soci::session& sql, std::int64_t person_id,
                                                const std::string& starts_on, const std::string& ends_on,
                                                std::int64_t except_id) {
  // Two periods meet unless one ends before the other starts ("" = not ended).
  Query q(kDeployments.Select() + " WHERE d.person_id = :p AND d.id <> :x AND (d.ends_on = '' OR d.ends_on >= :s)");
  q.Bind("p", person_id).Bind("x", except_id).Bind("s", starts_on);
  if (!ends_on.empty()) q.Where("d.starts_on <= ?", ends_on);
  q.Append(" ORDER BY d.starts_on LIMIT 1");
  return kDeployments.One(sql, q);
}

bool DeployedTo(soci::session& sql, std::int64_t person_id, std::int64_t community_id, const std::string& day) {
  Query q("SELECT COUNT(*) FROM deployments WHERE person_id = :p AND community_id = :c AND (ends_on = '' OR "
          "ends_on >= :d)");
  return q.Bind("p", person_id).Bind("c", community_id).Bind("d", day).Scalar(sql) > 0;
}

std::int64_t InsertDeployment(soci::session& sql, const Deployment& d) {
  Query q("INSERT INTO deployments (person_id, community_id, starts_on, ends_on, reports_to, duty, created_at, "
          "updated_at) VALUES (:p, :c, :s, :e, :r, :d, :ca, :ua) RETURNING id");
  q.Bind("p", d.person_id).Bind("c", d.community_id).Bind("s", d.starts_on).Bind("e", d.ends_on);
  q.Bind("r", d.reports_to).Bind("d", d.duty).Bind("ca", d.created_at).Bind("ua", d.updated_at);
  return q.Scalar(sql);
}

void UpdateDeployment(soci::session& sql, const Deployment& d) {
  Query q("UPDATE deployments SET starts_on = :s, ends_on = :e, reports_to = :r, duty = :d, updated_at = :u WHERE "
          "id = :id");
  q.Bind("s", d.starts_on).Bind("e", d.ends_on).Bind("r", d.reports_to).Bind("d", d.duty);
  q.Bind("u", d.updated_at).Bind("id", d.id).Exec(sql);
}

void DeleteDeployment(soci::session& sql, std::int64_t id) {
  Query("DELETE FROM deployments WHERE id = :id").Bind("id", id).Exec(sql);
}

std::vector<Group> Groups(soci::session& sql, const core::Principal& who, const std::string& community_path) {
  Query q(kGroups.Select() + " WHERE 1 = 1");
  storage::AppendUnitScope(q, who, "g.community_id");
  storage::AppendUnitSubtree(q, "g.community_id", community_path);
  q.Append(" ORDER BY c.path, g.kind, g.name, g.id");
  return kGroups.All(sql, q);
}

std::optional<Group> FindGroup(soci::session& sql, std::int64_t id) {
  Query q(kGroups.Select() + " WHERE g.id = :id");
  q.Bind("id", id);
  return kGroups.One(sql, q);
}

std::int64_t InsertGroup(soci::session& sql, const Group& g) {
  Query q("INSERT INTO volunteer_groups (community_id, kind, name, duties, chat_group, created_at, updated_at) "
          "VALUES (:c, :k, :n, :d, :g, :ca, :ua) RETURNING id");
  q.Bind("c", g.community_id).Bind("k", g.kind).Bind("n", g.name).Bind("d", g.duties).Bind("g", g.chat_group);
  return q.Bind("ca", g.created_at).Bind("ua", g.updated_at).Scalar(sql);
}

void UpdateGroup(soci::session& sql, const Group& g) {
  Query q("UPDATE volunteer_groups SET kind = :k, name = :n, duties = :d, chat_group = :g, updated_at = :u WHERE "
          "id = :id");
  q.Bind("k", g.kind).Bind("n", g.name).Bind("d", g.duties).Bind("g", g.chat_group).Bind("u", g.updated_at);
  q.Bind("id", g.id).Exec(sql);
}

std::vector<GroupMember> Members(soci::session& sql, std::int64_t group_id) {
  Query q(kMembers.Select() + " WHERE m.group_id = :g ORDER BY m.leader DESC, p.name_zh, m.person_id");
  q.Bind("g", group_id);
  return kMembers.All(sql, q);
}

void PutMember(soci::session& sql, const GroupMember& m) {
  Query q("INSERT INTO volunteer_group_members (group_id, person_id, leader, joined_at) VALUES (:g, :p, :l, :j) "
          "ON CONFLICT (group_id, person_id) DO UPDATE SET leader = excluded.leader");
  q.Bind("g", m.group_id).Bind("p", m.person_id).Bind("l", std::int64_t{m.leader}).Bind("j", m.joined_at).Exec(sql);
}

bool RemoveMember(soci::session& sql, std::int64_t group_id, std::int64_t person_id) {
  Query n("SELECT COUNT(*) FROM volunteer_group_members WHERE group_id = :g AND person_id = :p");
  if (n.Bind("g", group_id).Bind("p", person_id).Scalar(sql) == 0) return false;
  Query q("DELETE FROM volunteer_group_members WHERE group_id = :g AND person_id = :p");
  q.Bind("g", group_id).Bind("p", person_id).Exec(sql);
  return true;
}

std::vector<CommunityRef> Communities(soci::session& sql) {
  std::vector<CommunityRef> out;
  Query q("SELECT id, name_zh, name_en FROM units WHERE kind = 'community' AND archived = 0 ORDER BY sort_order, "
          "name_zh, id");
  for (const auto& row : q.Rows(sql)) out.push_back({GetInt(row, 0), GetStr(row, 1), GetStr(row, 2)});
  return out;
}

}  // namespace tongxin::community::repo
