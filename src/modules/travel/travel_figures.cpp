// Travel figures, counted over the trips by status.
#include "modules/travel/travel_figures.hpp"

#include "storage/query.hpp"

namespace tongxin::travel {
namespace {

app::Figure TripsIn(std::string key, std::string zh, std::string en, std::string statuses) {
  return {std::move(key), std::move(zh), std::move(en),
          [statuses = std::move(statuses)](soci::session& sql, const app::FigureDay&) {
            storage::Query q("SELECT COUNT(DISTINCT person_id) FROM trips WHERE status IN (" + statuses + ")");
            return q.Scalar(sql);
          }};
}

}  // namespace

void AddFigures(app::Figures& figures) {
  figures.Add(TripsIn("abroad", "在外人员（含滞留）", "Travellers abroad (stranded included)",
                      "'abroad', 'stranded', 'returning'"));
  figures.Add(TripsIn("stranded", "滞留境外人员", "Travellers stranded abroad", "'stranded'"));
  figures.Add(TripsIn("returning", "回国途中人员", "Travellers on their way back", "'returning'"));
}

}  // namespace tongxin::travel
