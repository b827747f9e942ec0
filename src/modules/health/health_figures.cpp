// Health figures, read from the per-unit counters and the alerts.
#include "modules/health/health_figures.hpp"

#include "storage/query.hpp"

namespace tongxin::health {
namespace {

std::int64_t Count(soci::session& sql, const char* text, const std::string& day) {
  storage::Query q(text);
  q.Bind("d", day);
  return q.Scalar(sql);
}

constexpr const char* kReported = "SELECT COALESCE(SUM(reported), 0) FROM health_counts WHERE day = :d";
constexpr const char* kFevers =
    "SELECT COUNT(DISTINCT person_id) FROM health_alerts WHERE kind = 'fever' AND day = :d";

}  // namespace

void AddFigures(app::Figures& figures) {
  figures.Add({"reports_today", "今日已报告（人次）", "Reports today",
               [](soci::session& sql, const app::FigureDay& d) { return Count(sql, kReported, d.today); }});
  figures.Add({"expected_today", "今日应报告（人次）", "Reports expected today",
               [](soci::session& sql, const app::FigureDay& d) {
                 return Count(sql, "SELECT COALESCE(SUM(expected), 0) FROM health_counts WHERE day = :d", d.today);
               }});
  figures.Add({"fevers_today", "今日发热人数", "People with a fever today",
               [](soci::session& sql, const app::FigureDay& d) { return Count(sql, kFevers, d.today); }});
  figures.Add({"reports_yesterday", "昨日已报告（人次）", "Reports yesterday",
               [](soci::session& sql, const app::FigureDay& d) { return Count(sql, kReported, d.yesterday); }});
  figures.Add({"fevers_yesterday", "昨日发热人数", "People with a fever yesterday",
               [](soci::session& sql, const app::FigureDay& d) { return Count(sql, kFevers, d.yesterday); }});
  figures.Add({"in_observation", "医学观察中人数", "People in observation",
               [](soci::session& sql, const app::FigureDay& d) {
                 storage::Query q(
                     "SELECT COUNT(DISTINCT pp.person_id) FROM report_plans rp JOIN report_plan_people pp ON "
                     "pp.plan_id = rp.id WHERE rp.kind = 'observation' AND rp.active = 1 AND rp.start_date <= :d AND "
                     "(rp.end_date = '' OR rp.end_date >= :d2)");
                 q.Bind("d", d.today).Bind("d2", d.today);
                 return q.Scalar(sql);
               }});
}

}  // namespace tongxin::health
