#include "nodelayer.h"

#include "nodemodel.h"

#include <QSGGeometryNode>
#include <QSGVertexColorMaterial>

#include <cmath>

namespace Stepscope {

namespace {

using Vertex = QSGGeometry::ColoredPoint2D;

constexpr qreal SymbolOffset = 7; // the status symbol's disc sits on the top-left corner, 17 px wide
constexpr qreal SymbolSize = 17;
constexpr qreal RingGap = 2; // the selection / search ring: 3 px wide, 2 px outside the box
constexpr qreal RingWidth = 3;
constexpr qreal ZoomStep = 1.25;
constexpr int ChunkNodes = 128; // nodes per geometry node: about 13,000 vertices, far below 16-bit indices' limit

/// Indexed triangles with premultiplied per-vertex colours (what QSGVertexColorMaterial expects).
struct ShapeBuilder {
    QList<Vertex> vertices;
    QList<quint16> indices;
    qreal opacity = 1;

    void triangle(int a, int b, int c)
    {
        indices.append({ static_cast<quint16>(a), static_cast<quint16>(b), static_cast<quint16>(c) });
    }

    int vertex(QPointF p, const QColor& color)
    {
        const qreal a = color.alphaF() * opacity;
        vertices.append({ float(p.x()), float(p.y()), uchar(std::lround(color.red() * a)),
            uchar(std::lround(color.green() * a)), uchar(std::lround(color.blue() * a)), uchar(std::lround(255 * a)) });
        return static_cast<int>(vertices.size() - 1);
    }

    /// The outline of a rounded rectangle, clockwise, with the same number of points for any radius.
    static QList<QPointF> outline(const QRectF& r, qreal radius, int steps)
    {
        radius = std::clamp(radius, 0.0, std::min(r.width(), r.height()) / 2);
        const QPointF centres[4]
            = { { r.right() - radius, r.top() + radius }, { r.right() - radius, r.bottom() - radius },
                  { r.left() + radius, r.bottom() - radius }, { r.left() + radius, r.top() + radius } };
        QList<QPointF> points;
        points.reserve(4 * (steps + 1));
        for (int corner = 0; corner < 4; ++corner) {
            const qreal start = M_PI / 2 * (corner - 1); // -90°: up (y points down)
            for (int s = 0; s <= steps; ++s) {
                const qreal a = start + M_PI / 2 * s / steps;
                points.append(centres[corner] + QPointF(std::cos(a), std::sin(a)) * radius);
            }
        }
        return points;
    }

    void fill(const QRectF& r, qreal radius, int steps, const QColor& color)
    {
        const QList<QPointF> points = outline(r, radius, steps);
        const int centre = vertex(r.center(), color);
        for (const QPointF& p : points)
            vertex(p, color);
        const auto n = static_cast<int>(points.size());
        for (int i = 0; i < n; ++i)
            triangle(centre, centre + 1 + i, centre + 1 + (i + 1) % n);
    }

    /// A border inside `r` (as Qt Quick's Rectangle draws it).
    void border(const QRectF& r, qreal radius, int steps, qreal width, const QColor& color)
    {
        const QList<QPointF> outer = outline(r, radius, steps);
        const QList<QPointF> inner
            = outline(r.adjusted(width, width, -width, -width), std::max(0.0, radius - width), steps);
        const auto first = static_cast<int>(vertices.size());
        for (qsizetype i = 0; i < outer.size(); ++i) {
            vertex(outer[i], color);
            vertex(inner[i], color);
        }
        const auto n = static_cast<int>(outer.size());
        for (int i = 0; i < n; ++i) {
            const int o0 = first + 2 * i;
            const int i0 = o0 + 1;
            const int o1 = first + 2 * ((i + 1) % n);
            const int i1 = o1 + 1;
            triangle(o0, i0, o1);
            triangle(o1, i0, i1);
        }
    }
};

int cornerSteps(qreal radius)
{
    return radius > 10 ? 6 : 3;
}

} // namespace

NodeLayer::NodeLayer(QQuickItem* parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents, true);
}

void NodeLayer::setNodes(NodeModel* nodes)
{
    if (m_nodes == nodes)
        return;
    if (m_nodes)
        disconnect(m_nodes, nullptr, this, nullptr);
    m_nodes = nodes;
    if (m_nodes) {
        connect(m_nodes, &QAbstractItemModel::modelReset, this, &NodeLayer::markDirty);
        connect(m_nodes, &QAbstractItemModel::dataChanged, this, &NodeLayer::markDirty);
    }
    markDirty();
    Q_EMIT nodesChanged();
}

void NodeLayer::setSelectedState(int state)
{
    if (m_selectedState == state)
        return;
    m_selectedState = state;
    markDirty();
    Q_EMIT selectedStateChanged();
}

void NodeLayer::setZoom(qreal zoom)
{
    if (qFuzzyCompare(m_zoom, zoom) || zoom <= 0)
        return;
    m_zoom = zoom;
    const qreal level = std::pow(ZoomStep, std::round(std::log(zoom) / std::log(ZoomStep)));
    if (!qFuzzyCompare(level, m_levelZoom)) {
        m_levelZoom = level;
        markDirty();
    }
    Q_EMIT zoomChanged();
}

void NodeLayer::setColor(QColor& member, const QColor& color)
{
    if (member == color)
        return;
    member = color;
    markDirty();
    Q_EMIT colorsChanged();
}

void NodeLayer::setStatusColors(const QVariantMap& colors)
{
    if (m_statusColors == colors)
        return;
    m_statusColors = colors;
    markDirty();
    Q_EMIT colorsChanged();
}

void NodeLayer::setStatusFills(const QVariantMap& colors)
{
    if (m_statusFills == colors)
        return;
    m_statusFills = colors;
    markDirty();
    Q_EMIT colorsChanged();
}

void NodeLayer::markDirty()
{
    m_dirty = true;
    update();
}

QColor NodeLayer::statusColor(const QVariantMap& map, const QString& key, const QColor& fallback) const
{
    const QColor color = map.value(key).value<QColor>();
    return color.isValid() ? color : fallback;
}

NodeLayer::NodeStyle NodeLayer::styleOf(int row) const
{
    NodeStyle style;
    const DiagramNode& node = m_nodes->diagram().nodes[row];
    const QString status = m_nodes->statusKeyAt(row);
    style.fill = status.isEmpty() ? m_nodeFill : statusColor(m_statusFills, status, m_nodeFill);
    // The status keeps its border when selected or matched: those get rings of their own around the box.
    style.border = !status.isEmpty() && status != QLatin1String("NOT_RUN")
        ? statusColor(m_statusColors, status, m_nodeBorder)
        : m_nodeBorder;
    style.borderWidth = status == QLatin1String("FAILED") ? 2.5 : 1.2;
    const bool ghost = node.ghostOf >= 0;
    if (!ghost && node.state == m_selectedState && m_selectedState >= 0)
        style.ring = m_selectionColor;
    else if (m_nodes->isMatchedRow(row))
        style.ring = m_matchColor;
    if (!status.isEmpty())
        style.symbol = statusColor(m_statusColors, status, m_nodeBorder);
    style.opacity = ghost ? 0.6 : 1;
    return style;
}

QSGNode* NodeLayer::updatePaintNode(QSGNode* old, UpdatePaintNodeData*)
{
    QSGNode* root = old;
    if (!root) {
        root = new QSGNode;
        m_dirty = true;
    }
    if (!m_dirty)
        return root;
    m_dirty = false;

    // One geometry node per run of nodes: 16-bit indices (what the Qt 6.4 renderer draws unmerged geometry with)
    // address at most 65,536 vertices, about 600 nodes.
    QList<QSGGeometryNode*> chunks;
    auto flush = [&chunks](ShapeBuilder& builder) {
        if (builder.vertices.isEmpty())
            return;
        auto* node = new QSGGeometryNode;
        auto* geometry = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(),
            static_cast<int>(builder.vertices.size()), static_cast<int>(builder.indices.size()),
            QSGGeometry::UnsignedShortType);
        geometry->setDrawingMode(QSGGeometry::DrawTriangles);
        std::copy(builder.vertices.cbegin(), builder.vertices.cend(), geometry->vertexDataAsColoredPoint2D());
        std::copy(builder.indices.cbegin(), builder.indices.cend(), geometry->indexDataAsUShort());
        node->setGeometry(geometry);
        node->setFlag(QSGNode::OwnsGeometry);
        node->setMaterial(new QSGVertexColorMaterial);
        node->setFlag(QSGNode::OwnsMaterial);
        chunks.append(node);
        builder.vertices.clear();
        builder.indices.clear();
    };

    ShapeBuilder builder;
    int vertexCount = 0;
    // Without anti-aliasing a border thinner than a pixel on screen comes and goes while panning: keep it one
    // pixel wide at the current zoom level.
    const qreal pixel = 1 / m_levelZoom;
    if (m_nodes) {
        const QList<DiagramNode>& nodes = m_nodes->diagram().nodes;
        builder.vertices.reserve(ChunkNodes * 110);
        builder.indices.reserve(ChunkNodes * 300);
        for (int row = 0; row < nodes.size(); ++row) {
            const DiagramNode& n = nodes[row];
            const NodeStyle style = styleOf(row);
            builder.opacity = style.opacity;
            const qreal radius = n.typeName == QLatin1String("Choice") ? n.box.height() / 2 : 6;
            if (style.ring.isValid()) {
                const qreal out = RingGap + RingWidth;
                const QRectF ringBox = n.box.adjusted(-out, -out, out, out);
                builder.border(ringBox, radius + out, cornerSteps(radius + out), RingWidth, style.ring);
            }
            builder.fill(n.box, radius, cornerSteps(radius), style.fill);
            const qreal width
                = std::min(std::max(style.borderWidth, pixel), std::min(n.box.width(), n.box.height()) / 2);
            builder.border(n.box, radius, cornerSteps(radius), width, style.border);
            if (style.symbol.isValid()) {
                const QRectF disc(n.box.x() - SymbolOffset, n.box.y() - SymbolOffset, SymbolSize, SymbolSize);
                builder.fill(disc, SymbolSize / 2, 4, m_nodeFill);
                builder.border(disc, SymbolSize / 2, 4, std::min(std::max(1.5, pixel), SymbolSize / 2), style.symbol);
            }
            if ((row + 1) % ChunkNodes == 0) {
                vertexCount += static_cast<int>(builder.vertices.size());
                flush(builder);
            }
        }
    }
    vertexCount += static_cast<int>(builder.vertices.size());
    flush(builder);

    while (QSGNode* child = root->firstChild()) {
        root->removeChildNode(child);
        delete child;
    }
    for (QSGGeometryNode* chunk : std::as_const(chunks))
        root->appendChildNode(chunk);
    ++m_rebuildCount;
    m_vertexCount = vertexCount;
    QMetaObject::invokeMethod(this, &NodeLayer::verticesChanged, Qt::QueuedConnection);
    return root;
}

} // namespace Stepscope
