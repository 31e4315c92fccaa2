#include "scenegraph/minimapitem.h"

#include "scenegraph/nodelayer.h"
#include "models/nodemodel.h"

#include <QPainter>
#include <QPainterPath>

namespace Stepscope {

MinimapItem::MinimapItem(QQuickItem* parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    connect(this, &MinimapItem::colorsChanged, this, [this] { update(); });
}

void MinimapItem::setNodeLayer(NodeLayer* layer)
{
    if (m_layer == layer)
        return;
    if (m_layer)
        disconnect(m_layer, nullptr, this, nullptr);
    m_layer = layer;
    if (m_layer) {
        // Repainted when what the boxes look like changes, not when zooming rebuilds the canvas' vertices (the
        // minimap does not zoom: repainting it then cost a QPainter pass and a texture upload per zoom step).
        connect(m_layer, &NodeLayer::stylesChanged, this, [this] { update(); });
    }
    update();
    Q_EMIT nodeLayerChanged();
}

void MinimapItem::paint(QPainter* painter)
{
    if (!m_layer || !m_layer->nodes())
        return;
    const Diagram& diagram = m_layer->nodes()->diagram();
    if (diagram.size.isEmpty())
        return;
    const qreal scale = std::min(width() / diagram.size.width(), height() / diagram.size.height());
    painter->scale(scale, scale);
    painter->setRenderHint(QPainter::Antialiasing, true);
    QPen thin(m_containerColor, 0);
    thin.setCosmetic(true);
    painter->setPen(thin);
    painter->setBrush(Qt::NoBrush);
    for (const DiagramContainer& c : diagram.containers)
        painter->drawRect(c.box);
    QPen edgePen(m_edgeColor, 0);
    edgePen.setCosmetic(true);
    painter->setPen(edgePen);
    for (const DiagramEdge& edge : diagram.edges) {
        if (edge.points.size() < 2)
            continue;
        QPainterPath path(edge.points.first());
        for (qsizetype i = 1; i + 2 < edge.points.size(); i += 3)
            path.cubicTo(edge.points[i], edge.points[i + 1], edge.points[i + 2]);
        painter->drawPath(path);
    }
    for (int row = 0; row < diagram.nodes.size(); ++row) {
        const NodeLayer::NodeStyle style = m_layer->styleOf(row);
        painter->setOpacity(style.opacity);
        QPen pen(style.ring.isValid() ? style.ring : style.border, style.ring.isValid() ? 2.5 : 1);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->setBrush(style.fill);
        painter->drawRect(diagram.nodes[row].box);
    }
}

} // namespace Stepscope
