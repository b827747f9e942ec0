// Health spreadsheets: the daily report in the layout offices send upward (one row per
// person with every slot of the day, fevers highlighted, a totals row per unit), and the
// history of reports over a date range. Rows stream to the sink; nothing is kept.
#pragma once

#include <soci/soci.h>

#include <functional>
#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/roles.hpp"
#include "io/table.hpp"

namespace tongxin::health {

using RowSink = std::function<void(const std::vector<io::Cell>&)>;

struct ExportShape {
  std::string sheet_name;
  std::vector<std::string> headers;
  std::vector<double> widths;
};

// The header of the daily report for a day (slot columns come from the roster).
ExportShape DailyReportShape(soci::session& sql, const std::string& day, core::Lang lang);
// Writes the rows; returns the number of people. fever_tenths marks highlighted cells.
std::int64_t WriteDailyReport(soci::session& sql, const core::Principal& who, const std::string& day,
                              const std::string& unit_path, int fever_tenths, core::Lang lang, const RowSink& sink);

ExportShape HistoryShape(core::Lang lang);
std::int64_t WriteHistory(soci::session& sql, const core::Principal& who, const std::string& from,
                          const std::string& to, const std::string& unit_path, int fever_tenths, bool reveal,
                          core::Lang lang, const RowSink& sink);

}  // namespace tongxin::health
