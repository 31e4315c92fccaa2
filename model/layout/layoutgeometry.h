#pragma once

#include "layoutgraph.h"

namespace Stepscope {

/// Raw engine output for a LayoutGraph, in points, y down, edges in their real direction (source to target).
struct LayoutGeometry {
    QSizeF size;
    QList<QRectF> nodeBoxes; ///< per LayoutGraph::nodes
    QList<QRectF> clusterBoxes; ///< per LayoutGraph::clusters
    QList<QList<QPointF>> edgePoints; ///< per LayoutGraph::edges: start, (c1, c2, end)...
    QList<QPointF> edgeLabelCenters; ///< per LayoutGraph::edges; only meaningful when the edge has a label
};

/// Builds the Diagram from a graph and its geometry (shared by every engine).
[[nodiscard]] Diagram assembleDiagram(const Workflow& workflow, const LayoutGraph& graph,
    const LayoutGeometry& geometry, LayoutEngineKind engine);

/// A straight line as one cubic segment.
void appendLine(QList<QPointF>& points, QPointF from, QPointF to);

} // namespace Stepscope
