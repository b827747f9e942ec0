// Broadcasts storage.
#include "modules/announcements/broadcasts_repo.hpp"

#include "storage/repo_kit.hpp"
#include "storage/scope.hpp"

namespace tongxin::announcements::repo {
using namespace storage::kit;  // NOLINT(google-build-using-namespace)
namespace {

const RowMap<Broadcast> kBroadcasts("FROM broadcasts b", "b");
const RowMap<BroadcastRun> kRuns("FROM broadcast_runs r", "r");

Query& BindColumns(Query& q, const Broadcast& b) {
  q.Bind("n", b.name).Bind("sz", b.subject_zh).Bind("se", b.subject_en).Bind("bz", b.body_zh).Bind("be", b.body_en);
  q.Bind("sc", b.schedule).Bind("st", b.send_time).Bind("sa", b.send_at).Bind("em", b.by_email);
  q.Bind("ac", b.active).Bind("ubn", b.updated_by_name).Bind("ua", b.updated_at);
  return q;
}

std::string Batch(std::int64_t run_id) { return "broadcast_run:" + std::to_string(run_id); }

}  // namespace

core::Page<Broadcast> ListBroadcasts(soci::session& sql, const core::PageRequest& page) {
  return kBroadcasts.Page(sql, Query(" WHERE 1 = 1"), " ORDER BY b.active DESC, b.name, b.id", page);
}

std::vector<Broadcast> ActiveBroadcasts(soci::session& sql) {
  Query q(kBroadcasts.Select() + " WHERE b.active = 1 AND b.schedule <> 'manual' ORDER BY b.id");
  return kBroadcasts.All(sql, q);
}

std::optional<Broadcast> FindBroadcast(soci::session& sql, std::int64_t id) {
  Query q(kBroadcasts.Select() + " WHERE b.id = :id");
  q.Bind("id", id);
  return kBroadcasts.One(sql, q);
}

std::int64_t InsertBroadcast(soci::session& sql, const Broadcast& b) {
  Query q("INSERT INTO broadcasts (name, subject_zh, subject_en, body_zh, body_en, schedule, send_time, send_at, "
          "by_email, active, created_by, created_by_name, updated_by_name, created_at, updated_at) VALUES (:n, :sz, "
          ":se, :bz, :be, :sc, :st, :sa, :em, :ac, NULLIF(:cb, 0), :cbn, :ubn, :cat, :ua) RETURNING id");
  q.Bind("cb", b.created_by.value_or(0)).Bind("cbn", b.created_by_name).Bind("cat", b.created_at);
  return BindColumns(q, b).Scalar(sql);
}

void UpdateBroadcast(soci::session& sql, const Broadcast& b) {
  Query q("UPDATE broadcasts SET name = :n, subject_zh = :sz, subject_en = :se, body_zh = :bz, body_en = :be, "
          "schedule = :sc, send_time = :st, send_at = :sa, by_email = :em, active = :ac, updated_by_name = :ubn, "
          "updated_at = :ua WHERE id = :id");
  q.Bind("id", b.id);
  BindColumns(q, b).Exec(sql);
}

std::vector<EditorFigure> FiguresOf(soci::session& sql, std::int64_t broadcast_id) {
  Query q("SELECT figure_key, label_zh, label_en, value, updated_at, updated_by_name FROM broadcast_figures WHERE "
          "broadcast_id = :b ORDER BY position, figure_key");
  q.Bind("b", broadcast_id);
  std::vector<EditorFigure> out;
  for (const auto& row : q.Rows(sql)) {
    out.push_back({GetStr(row, 0), GetStr(row, 1), GetStr(row, 2), GetStr(row, 3), GetStr(row, 4), GetStr(row, 5)});
  }
  return out;
}

void SetFigures(soci::session& sql, std::int64_t broadcast_id, const std::vector<EditorFigure>& figures) {
  Query del("DELETE FROM broadcast_figures WHERE broadcast_id = :b");
  del.Bind("b", broadcast_id).Exec(sql);
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const auto& f = figures[i];
    Query q("INSERT INTO broadcast_figures (broadcast_id, figure_key, position, label_zh, label_en, value, updated_at, "
            "updated_by_name) VALUES (:b, :k, :p, :lz, :le, :v, :ua, :ub)");
    q.Bind("b", broadcast_id).Bind("k", f.key).Bind("p", static_cast<std::int64_t>(i)).Bind("lz", f.label_zh);
    q.Bind("le", f.label_en).Bind("v", f.value).Bind("ua", f.updated_at).Bind("ub", f.updated_by_name).Exec(sql);
  }
}

std::optional<std::int64_t> StartRun(soci::session& sql, const BroadcastRun& r) {
  Query q("INSERT INTO broadcast_runs (broadcast_id, run_key, started_at, sent_by_name) VALUES (:b, :k, :s, :n) "
          "ON CONFLICT (run_key) DO NOTHING");
  q.Bind("b", r.broadcast_id).Bind("k", r.run_key).Bind("s", r.started_at).Bind("n", r.sent_by_name);
  if (q.Exec(sql) == 0) return std::nullopt;
  Query id("SELECT id FROM broadcast_runs WHERE run_key = :k");
  return id.Bind("k", r.run_key).Scalar(sql);
}

void FinishRun(soci::session& sql, BroadcastRun& r) {
  Query reached("SELECT COUNT(*) FROM (SELECT DISTINCT user_id, person_id FROM notifications WHERE batch = :b AND "
                "(user_id IS NOT NULL OR person_id IS NOT NULL)) d");
  r.reached = reached.Bind("b", Batch(r.id)).Scalar(sql);
  Query q("UPDATE broadcast_runs SET subject_zh = :sz, subject_en = :se, body_zh = :bz, body_en = :be, figures = :f, "
          "recipients = :n, recipients_en = :ne, queued = :q, reached = :r WHERE id = :id");
  q.Bind("sz", r.subject_zh).Bind("se", r.subject_en).Bind("bz", r.body_zh).Bind("be", r.body_en);
  q.Bind("f", r.figures).Bind("n", r.recipients).Bind("ne", r.recipients_en).Bind("q", r.queued).Bind("id", r.id);
  q.Bind("r", r.reached);
  q.Exec(sql);
}

std::optional<BroadcastRun> FindRun(soci::session& sql, std::int64_t id) {
  Query q(kRuns.Select() + " WHERE r.id = :id");
  q.Bind("id", id);
  return kRuns.One(sql, q);
}

std::optional<BroadcastRun> LastRun(soci::session& sql, std::int64_t broadcast_id) {
  Query q(kRuns.Select() + " WHERE r.broadcast_id = :b ORDER BY r.id DESC LIMIT 1");
  q.Bind("b", broadcast_id);
  return kRuns.One(sql, q);
}

bool HasRun(soci::session& sql, const std::string& run_key) {
  Query q("SELECT COUNT(*) FROM broadcast_runs WHERE run_key = :k");
  return q.Bind("k", run_key).Scalar(sql) > 0;
}

core::Page<BroadcastRun> Runs(soci::session& sql, std::int64_t broadcast_id, const core::PageRequest& page) {
  Query where(" WHERE 1 = 1");
  where.Where("r.broadcast_id = ?", broadcast_id);
  return kRuns.Page(sql, where, " ORDER BY r.id DESC", page);
}

core::Page<RunRecipient> RunRecipients(soci::session& sql, const core::Principal& who, std::int64_t run_id,
                                       const core::PageRequest& page) {
  Query base(
      " FROM (SELECT n.user_id, n.person_id, MAX(n.lang) AS lang, "
      "MAX(CASE WHEN n.channel = 'inapp' THEN (CASE WHEN n.read_at <> '' THEN 'read' ELSE n.status END) END) AS inapp, "
      "MAX(CASE WHEN n.channel = 'email' THEN n.status END) AS email, "
      "MAX(CASE WHEN n.channel = 'sms' THEN n.status END) AS sms FROM notifications n WHERE n.batch = :b AND "
      "(n.user_id IS NOT NULL OR n.person_id IS NOT NULL) GROUP BY n.user_id, n.person_id) g "
      "LEFT JOIN users u ON u.id = g.user_id LEFT JOIN people p ON p.id = g.person_id "
      "LEFT JOIN units un ON un.id = COALESCE(p.unit_id, (SELECT MIN(uu.unit_id) FROM user_units uu WHERE "
      "uu.user_id = u.id)) WHERE 1 = 1");
  base.Bind("b", Batch(run_id));
  storage::AppendUnitScope(base, who, "un.id");
  core::Page<RunRecipient> out;
  out.request = page;
  {
    Query n = base.Wrap("SELECT COUNT(*)");
    out.total = n.Scalar(sql);
  }
  Query list = base.Wrap(
      "SELECT g.user_id AS uid, g.person_id AS pid, COALESCE(NULLIF(p.name_zh, ''), NULLIF(p.name_latin, ''), u.display_name, '') "
      "AS name, COALESCE(un.name_zh, '') AS uz, COALESCE(un.name_en, '') AS ue, g.lang, COALESCE(g.inapp, '') AS i, "
      "COALESCE(g.email, '') AS e, COALESCE(g.sms, '') AS s",
      " ORDER BY name, g.person_id, g.user_id" + PageClause(page));
  for (const auto& row : list.Rows(sql)) {
    out.items.push_back({GetOptInt(row, "uid"), GetOptInt(row, "pid"), GetStr(row, 2), GetStr(row, 3), GetStr(row, 4),
                         GetStr(row, 5), GetStr(row, 6), GetStr(row, 7), GetStr(row, 8)});
  }
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> RunDelivery(soci::session& sql, std::int64_t run_id) {
  Query q("SELECT channel || ':' || (CASE WHEN channel = 'inapp' AND read_at <> '' THEN 'read' ELSE status END), "
          "COUNT(*) FROM notifications WHERE batch = :b GROUP BY 1 ORDER BY 1");
  q.Bind("b", Batch(run_id));
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& row : q.Rows(sql)) out.emplace_back(GetStr(row, 0), GetInt(row, 1));
  return out;
}

}  // namespace tongxin::announcements::repo
