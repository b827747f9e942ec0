// The health module's live figures (see app/figures.hpp): reports and fevers of today and
// yesterday, reports expected today, people in observation.
#pragma once

#include "app/figures.hpp"

namespace tongxin::health {

void AddFigures(app::Figures& figures);

}  // namespace tongxin::health
