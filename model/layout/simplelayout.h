#pragma once

#include "layoutengine.h"
#include "layoutgeometry.h"

namespace Stepscope {

/// Layered layout in-process, no Graphviz: longest-path layers per container, straight edges. The fallback
/// when Graphviz fails, and fast enough for any size.
class SimpleLayout : public LayoutEngine {
public:
    [[nodiscard]] Diagram layout(const Workflow& workflow, const LayoutOptions& options) override;
    [[nodiscard]] static LayoutGeometry place(const LayoutGraph& graph);
};

/// Where the segment from the centre of `box` towards `toward` leaves `box`.
[[nodiscard]] QPointF boxExit(const QRectF& box, QPointF toward);

} // namespace Stepscope
