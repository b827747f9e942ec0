// The travel module's live figures (see app/figures.hpp): travellers abroad, stranded,
// on their way back, and entry rules in force.
#pragma once

#include "app/figures.hpp"

namespace tongxin::travel {

void AddFigures(app::Figures& figures);

}  // namespace tongxin::travel
