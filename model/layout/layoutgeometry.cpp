#include "layoutgeometry.h"

#include "diagramfonts.h"

#include <algorithm>

namespace Stepscope {

void appendLine(QList<QPointF>& points, QPointF from, QPointF to)
{
    if (points.isEmpty())
        points.append(from);
    points.append(from + (to - from) / 3.0);
    points.append(from + (to - from) * 2.0 / 3.0);
    points.append(to);
}

namespace {

void shift(QList<QPointF>& points, QPointF by)
{
    for (QPointF& p : points)
        p += by;
}

// Graphviz sized edge labels with its own font estimate: the labels as drawn may run past its bounding box, on any
// side. Everything moves right / down by what runs off the left / top, and the canvas grows to hold the rest.
void fitEdgeLabels(Diagram& diagram)
{
    constexpr qreal Margin = 4;
    QRectF bounds(QPointF(0, 0), diagram.size);
    for (const DiagramEdge& edge : diagram.edges) {
        if (!edge.labelBox.isEmpty())
            bounds |= edge.labelBox.adjusted(-Margin, -Margin, Margin, Margin);
    }
    const QPointF by(-std::min<qreal>(bounds.left(), 0), -std::min<qreal>(bounds.top(), 0));
    diagram.size = bounds.size();
    if (by.isNull())
        return;
    for (DiagramNode& node : diagram.nodes) {
        node.box.translate(by);
        node.labelBox.translate(by);
    }
    for (DiagramContainer& container : diagram.containers) {
        container.box.translate(by);
        container.labelBox.translate(by);
    }
    for (DiagramEdge& edge : diagram.edges) {
        shift(edge.points, by);
        if (!edge.labelBox.isEmpty())
            edge.labelBox.translate(by);
    }
    for (DiagramMarker& marker : diagram.markers) {
        marker.box.translate(by);
        shift(marker.points, by);
    }
}

} // namespace

Diagram assembleDiagram(const Workflow& workflow, const LayoutGraph& graph, const LayoutGeometry& geometry,
    LayoutEngineKind engine)
{
    using Kind = LayoutGraph::NodeKind;
    Diagram diagram;
    diagram.size = geometry.size;
    diagram.direction = graph.direction;
    diagram.engine = engine;
    const QFont name = DiagramFonts::nameFont();
    const QFont small = DiagramFonts::smallFont();

    QList<int> diagramNode(graph.nodes.size(), -1);
    for (int n = 0; n < graph.nodes.size(); ++n) {
        const LayoutGraph::Node& source = graph.nodes[n];
        if (source.kind != Kind::State && source.kind != Kind::Ghost)
            continue;
        const State& state = workflow.states[source.state];
        DiagramNode node;
        node.state = source.state;
        node.id = state.id;
        node.name = state.name;
        node.typeName = state.typeName;
        node.type = state.type;
        node.box = geometry.nodeBoxes[n];
        node.label = source.label;
        node.badge = source.badge;
        node.container = source.cluster;
        node.group = source.groupOf;
        if (source.kind == Kind::Ghost) {
            node.ghostOf = diagramNode[source.ghostOf];
            node.id = state.id + QStringLiteral("#ghost") + QString::fromStdString(source.name.substr(2));
            node.labelBox = node.box.adjusted(4, 2, -4, -2);
        } else {
            node.isStart = state.isStart;
            node.isEnd = state.isEnd;
            node.collapsedContainer = source.groupOf < 0 && (state.type == StateType::Parallel || state.type == StateType::Map)
                && !state.children.isEmpty();
            const qreal lh = DiagramFonts::lineHeight(name);
            node.labelBox = QRectF(node.box.left() + 20, node.box.top() + 6, node.box.width() - 26, lh); // after the type icon
        }
        diagramNode[n] = int(diagram.nodes.size());
        diagram.nodes.append(std::move(node));
    }
    // Ghosts refer to nodes that may come later in graph order.
    for (int n = 0; n < graph.nodes.size(); ++n) {
        if (graph.nodes[n].kind == Kind::Ghost)
            diagram.nodes[diagramNode[n]].ghostOf = diagramNode[graph.nodes[n].ghostOf];
    }

    for (int c = 0; c < graph.clusters.size(); ++c) {
        const LayoutGraph::Cluster& source = graph.clusters[c];
        DiagramContainer container;
        container.kind = source.kind;
        container.state = source.state;
        container.container = source.container;
        container.id = source.id;
        container.label = source.label;
        container.box = geometry.clusterBoxes[c];
        container.parent = source.parent;
        if (source.kind == DiagramContainerKind::Group) {
            container.node = diagramNode[source.header];
            container.labelBox = geometry.nodeBoxes[source.header];
        } else {
            container.labelBox = QRectF(container.box.left() + 6, container.box.top() + 2,
                qMin(container.box.width() - 12, DiagramFonts::textWidth(source.label, small) + 4),
                DiagramFonts::lineHeight(small));
        }
        diagram.containers.append(std::move(container));
    }

    for (int i = 0; i < graph.edges.size(); ++i) {
        const LayoutGraph::Edge& source = graph.edges[i];
        if (source.invisible)
            continue;
        if (source.marker >= 0) {
            DiagramMarker marker;
            marker.isStart = graph.nodes[source.marker].kind == Kind::StartMarker;
            marker.box = geometry.nodeBoxes[source.marker];
            marker.points = geometry.edgePoints[i];
            const int stateSide = marker.isStart ? source.to : source.from;
            const int cluster = marker.isStart ? source.headCluster : source.tailCluster;
            marker.container = cluster;
            marker.node = cluster >= 0 ? -1 : diagramNode[stateSide];
            diagram.markers.append(std::move(marker));
            continue;
        }
        const Stepscope::Edge& original = workflow.edges[source.workflowEdge];
        DiagramEdge edge;
        edge.edge = source.workflowEdge;
        edge.fromState = original.from;
        edge.toState = original.to;
        edge.kind = source.kind;
        edge.label = source.label;
        edge.shownLabel = source.shownLabel;
        edge.backward = source.reversed;
        edge.fromContainer = source.tailCluster;
        edge.from = source.tailCluster >= 0 ? -1 : diagramNode[source.from];
        edge.toContainer = source.headCluster;
        edge.to = source.headCluster >= 0 ? -1 : diagramNode[source.to];
        edge.points = geometry.edgePoints[i];
        if (!edge.shownLabel.isEmpty()) {
            const QSizeF size(DiagramFonts::textWidth(edge.shownLabel, small) + 6, DiagramFonts::lineHeight(small) + 2);
            const QPointF center = geometry.edgeLabelCenters.value(i);
            edge.labelBox = QRectF(center - QPointF(size.width() / 2, size.height() / 2), size);
        }
        diagram.edges.append(std::move(edge));
    }
    fitEdgeLabels(diagram);
    return diagram;
}

} // namespace Stepscope
