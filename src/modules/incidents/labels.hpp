// Words of the incidents module in zh-CN and en, for texts the server writes itself
// (the PDF report, the XLSX export): incident types, severities, statuses, people's roles
// and timeline entries.
#pragma once

#include "core/pick.hpp"

#include <string>

#include "core/i18n.hpp"

namespace tongxin::incidents {

// The label of a key ("fever", "in_progress", "step_done"...); the key itself when unknown.
std::string Label(const std::string& key, core::Lang lang);
using core::Pick;

}  // namespace tongxin::incidents
