#pragma once

#include "archive/heatmap.h"
#include "layout/diagram.h"

#include <QColor>

namespace Stepscope {

/// The colour for a level on a heat scale (0..1, archive/heatmap.h), light yellow to dark red: the same in the
/// window and in exports, and light to dark so that it also reads in grey.
[[nodiscard]] QColor heatColor(double level);

/// Adds the heat of `statistics` to `overlay`: each matched state's fill and short value (by State::id, see
/// stateHeat) and the legend (the measure's title, five entries). Returns how many states were matched.
int applyHeat(StatusOverlay& overlay, const StateMachineStatistics& statistics, const Workflow& workflow,
    HeatMeasure measure);

} // namespace Stepscope
