#include "simplelayout.h"

#include <QHash>

#include <algorithm>
#include <functional>

namespace Stepscope {

namespace {
constexpr qreal NodeGap = 24;
constexpr qreal LayerGap = 36;
constexpr qreal Padding = 10;
constexpr qreal LabelRoom = 16;
constexpr qreal Margin = 8;

QSizeF transposed(QSizeF size, bool flip)
{
    return flip ? QSizeF(size.height(), size.width()) : size;
}
} // namespace

QPointF boxExit(const QRectF& box, QPointF toward)
{
    const QPointF c = box.center();
    const QPointF d = toward - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return QPointF(c.x(), box.bottom());
    qreal t = 1e9;
    if (!qFuzzyIsNull(d.x()))
        t = std::min(t, (box.width() / 2) / std::abs(d.x()));
    if (!qFuzzyIsNull(d.y()))
        t = std::min(t, (box.height() / 2) / std::abs(d.y()));
    return c + d * t;
}

LayoutGeometry SimpleLayout::place(const LayoutGraph& graph)
{
    // Work top-to-bottom; for left-to-right, lay out with swapped box sizes and transpose at the end.
    const bool flip = graph.direction == Direction::LeftToRight;
    const int nodeCount = int(graph.nodes.size());
    const int clusterCount = int(graph.clusters.size());
    // Items: nodes are 0..nodeCount-1, clusters nodeCount + c.
    QList<QSizeF> itemSize(nodeCount + clusterCount);
    QList<QPointF> itemPos(nodeCount + clusterCount); // relative to the parent block's top-left
    QList<QList<int>> children(clusterCount + 1);
    for (int n = 0; n < nodeCount; ++n) {
        children[graph.nodes[n].cluster + 1].append(n);
        itemSize[n] = transposed(graph.nodes[n].size, flip);
    }
    for (int c = 0; c < clusterCount; ++c)
        children[graph.clusters[c].parent + 1].append(nodeCount + c);
    auto parentOf = [&](int item) {
        return item < nodeCount ? graph.nodes[item].cluster : graph.clusters[item - nodeCount].parent;
    };
    // The item directly inside `cluster` that contains `item`, or -1.
    auto itemIn = [&](int item, int cluster) {
        while (item >= 0) {
            const int parent = parentOf(item);
            if (parent == cluster)
                return item;
            if (parent < 0)
                return -1;
            item = nodeCount + parent;
        }
        return -1;
    };

    std::function<QSizeF(int)> block = [&](int cluster) {
        const QList<int>& items = children[cluster + 1];
        for (const int item : items) {
            if (item >= nodeCount)
                itemSize[item] = block(item - nodeCount);
        }
        QHash<int, int> local;
        for (int i = 0; i < items.size(); ++i)
            local.insert(items[i], i);
        QList<QList<int>> successors(items.size());
        QList<int> indegree(items.size(), 0);
        for (const LayoutGraph::Edge& edge : graph.edges) {
            const int from = itemIn(edge.reversed ? edge.to : edge.from, cluster);
            const int to = itemIn(edge.reversed ? edge.from : edge.to, cluster);
            if (from < 0 || to < 0 || from == to)
                continue;
            successors[local[from]].append(local[to]);
            ++indegree[local[to]];
        }
        // Longest-path layering (Kahn); if contracting clusters made a cycle, release the first waiting item.
        QList<int> layer(items.size(), 0);
        QList<bool> done(items.size(), false);
        QList<int> ready;
        for (int i = 0; i < items.size(); ++i) {
            if (indegree[i] == 0)
                ready.append(i);
        }
        for (int processed = 0; processed < items.size(); ++processed) {
            if (ready.isEmpty()) {
                for (int i = 0; i < items.size(); ++i) {
                    if (!done[i]) {
                        ready.append(i);
                        break;
                    }
                }
            }
            const int i = ready.takeFirst();
            if (done[i]) {
                --processed;
                continue;
            }
            done[i] = true;
            for (const int s : successors[i]) {
                layer[s] = std::max(layer[s], layer[i] + 1);
                if (--indegree[s] == 0 && !done[s])
                    ready.append(s);
            }
        }
        const int layers = items.isEmpty() ? 0 : *std::max_element(layer.begin(), layer.end()) + 1;
        QList<qreal> layerWidth(layers, 0), layerHeight(layers, 0);
        for (int i = 0; i < items.size(); ++i) {
            const QSizeF s = itemSize[items[i]];
            layerWidth[layer[i]] += (layerWidth[layer[i]] > 0 ? NodeGap : 0) + s.width();
            layerHeight[layer[i]] = std::max(layerHeight[layer[i]], s.height());
        }
        const qreal top = cluster < 0 ? Margin : Padding + (flip ? 0 : LabelRoom);
        const qreal left = cluster < 0 ? Margin : Padding + (flip ? LabelRoom : 0);
        qreal width = 0;
        for (const qreal w : layerWidth)
            width = std::max(width, w);
        QList<qreal> layerY(layers, top), cursor(layers, 0);
        for (int l = 1; l < layers; ++l)
            layerY[l] = layerY[l - 1] + layerHeight[l - 1] + LayerGap;
        for (int l = 0; l < layers; ++l)
            cursor[l] = left + (width - layerWidth[l]) / 2;
        for (int i = 0; i < items.size(); ++i) {
            const QSizeF s = itemSize[items[i]];
            const int l = layer[i];
            itemPos[items[i]] = QPointF(cursor[l], layerY[l] + (layerHeight[l] - s.height()) / 2);
            cursor[l] += s.width() + NodeGap;
        }
        const qreal height = layers == 0 ? 0 : layerY[layers - 1] + layerHeight[layers - 1];
        const qreal extra = cluster < 0 ? Margin : Padding;
        return QSizeF(std::max(left + width + extra, 40.0), std::max(height + extra, 30.0));
    };
    const QSizeF total = block(-1);

    // Absolute positions, then back to the requested direction.
    LayoutGeometry geometry;
    QList<QRectF> absolute(nodeCount + clusterCount);
    std::function<void(int, QPointF)> absolutise = [&](int cluster, QPointF origin) {
        for (const int item : children[cluster + 1]) {
            absolute[item] = QRectF(origin + itemPos[item], itemSize[item]);
            if (item >= nodeCount)
                absolutise(item - nodeCount, absolute[item].topLeft());
        }
    };
    absolutise(-1, QPointF(0, 0));
    auto unflip = [&](const QRectF& r) { return flip ? QRectF(r.y(), r.x(), r.height(), r.width()) : r; };
    geometry.size = transposed(total, flip);
    for (int n = 0; n < nodeCount; ++n)
        geometry.nodeBoxes.append(unflip(absolute[n]));
    for (int c = 0; c < clusterCount; ++c)
        geometry.clusterBoxes.append(unflip(absolute[nodeCount + c]));
    for (const LayoutGraph::Edge& edge : graph.edges) {
        const QRectF from = edge.tailCluster >= 0 ? geometry.clusterBoxes[edge.tailCluster] : geometry.nodeBoxes[edge.from];
        const QRectF to = edge.headCluster >= 0 ? geometry.clusterBoxes[edge.headCluster] : geometry.nodeBoxes[edge.to];
        QList<QPointF> points;
        if (edge.from == edge.to) {
            // A self loop: out of the right side and back in.
            const QPointF a(from.right(), from.center().y() - 4), b(from.right(), from.center().y() + 4);
            points = { a, a + QPointF(24, -8), b + QPointF(24, 8), b };
        } else {
            appendLine(points, boxExit(from, to.center()), boxExit(to, from.center()));
        }
        geometry.edgePoints.append(points);
        geometry.edgeLabelCenters.append((points.first() + points.last()) / 2);
    }
    return geometry;
}

Diagram SimpleLayout::layout(const Workflow& workflow, const LayoutOptions& options)
{
    const LayoutGraph graph = LayoutGraph::build(workflow, options);
    return assembleDiagram(workflow, graph, place(graph), LayoutEngineKind::Simple);
}

} // namespace Stepscope
