#pragma once

#include "diagram.h"

#include <QByteArray>

namespace Stepscope {

/// The diagram as layout JSON for tools and tests (points, y down, x / y top-left):
/// {"width","height","nodes":[{"id","name","type","x","y","width","height","container"}],
///  "containers":[{"id","label","x","y","width","height","parent"}],
///  "edges":[{"from","to","kind","label","points":[[x,y],...]}]}
/// Edges into / out of an expanded Parallel / Map state name its group container; "points" are the cubic
/// Bézier control points (start, then three per segment) from the source box to the target box.
[[nodiscard]] QByteArray layoutJson(const Diagram& diagram);

} // namespace Stepscope
