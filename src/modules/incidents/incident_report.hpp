// One incident as a printable PDF report, in the reader's language: what happened, the
// checklist with who did each step and when, the people involved and the timeline.
#pragma once

#include <string>

#include "core/i18n.hpp"
#include "modules/incidents/incident.hpp"

namespace tongxin::incidents {

std::string IncidentReportPdf(const Incident& i, core::Lang lang, const std::string& tz, const std::string& printed_at);

}  // namespace tongxin::incidents
