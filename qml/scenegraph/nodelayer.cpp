#include "scenegraph/nodelayer.h"

#include "models/nodemodel.h"

#include "scenegraph/tiledgeometry.h"

#include <array>
#include <cmath>

namespace Stepscope {

namespace {

constexpr qreal SymbolOffset = 7; // the status symbol's disc sits on the top-left corner, 17 px wide
constexpr qreal SymbolSize = 17;
constexpr qreal RingGap = 2; // the selection / search ring: 3 px wide, 2 px outside the box
constexpr qreal RingWidth = 3;
constexpr qreal ZoomStep = 1.25;
constexpr int MaxNodeVertices = 320; // ring, fill, border and disc at the finest corner steps

constexpr int MaxCornerSteps = 6;
constexpr int MaxOutlinePoints = 4 * (MaxCornerSteps + 1);

/// The outline of a rounded rectangle, clockwise, with the same number of points for any radius.
struct Outline {
    std::array<QPointF, MaxOutlinePoints> points;
    int size = 0;
};

/// cos and sin of the corner angles for `steps` (1..MaxCornerSteps) points per quarter turn, computed once: a zoom
/// step rebuilds every box of the diagram, and the trigonometry was most of that.
const std::array<QPointF, MaxOutlinePoints>& unitCorners(int steps)
{
    static const auto tables = [] {
        std::array<std::array<QPointF, MaxOutlinePoints>, MaxCornerSteps + 1> t {};
        for (int n = 1; n <= MaxCornerSteps; ++n) {
            int i = 0;
            for (int corner = 0; corner < 4; ++corner) {
                const qreal start = M_PI / 2 * (corner - 1); // -90°: up (y points down)
                for (int s = 0; s <= n; ++s) {
                    const qreal a = start + M_PI / 2 * s / n;
                    t[n][i++] = QPointF(std::cos(a), std::sin(a));
                }
            }
        }
        return t;
    }();
    return tables[std::clamp(steps, 1, MaxCornerSteps)];
}

void outline(Outline& out, const QRectF& r, qreal radius, int steps)
{
    steps = std::clamp(steps, 1, MaxCornerSteps);
    radius = std::clamp(radius, 0.0, std::min(r.width(), r.height()) / 2);
    const QPointF centres[4] = { { r.right() - radius, r.top() + radius }, { r.right() - radius, r.bottom() - radius },
        { r.left() + radius, r.bottom() - radius }, { r.left() + radius, r.top() + radius } };
    const auto& unit = unitCorners(steps);
    int i = 0;
    for (int corner = 0; corner < 4; ++corner) {
        for (int s = 0; s <= steps; ++s, ++i)
            out.points[i] = centres[corner] + unit[i] * radius;
    }
    out.size = i;
}

void fill(TiledGeometry& out, const QRectF& r, qreal radius, int steps, const QColor& color)
{
    Outline points;
    outline(points, r, radius, steps);
    const int centre = out.vertex(r.center(), color);
    for (int i = 0; i < points.size; ++i)
        (void)out.vertex(points.points[i], color);
    const int n = points.size;
    for (int i = 0; i < n; ++i)
        out.triangle(centre, centre + 1 + i, centre + 1 + (i + 1) % n);
}

/// A border inside `r` (as Qt Quick's Rectangle draws it).
void border(TiledGeometry& out, const QRectF& r, qreal radius, int steps, qreal width, const QColor& color)
{
    Outline outer;
    Outline inner;
    outline(outer, r, radius, steps);
    outline(inner, r.adjusted(width, width, -width, -width), std::max(0.0, radius - width), steps);
    int first = -1;
    for (int i = 0; i < outer.size; ++i) {
        const int o = out.vertex(outer.points[i], color);
        (void)out.vertex(inner.points[i], color);
        if (first < 0)
            first = o;
    }
    const int n = outer.size;
    for (int i = 0; i < n; ++i) {
        const int o0 = first + 2 * i;
        const int i0 = o0 + 1;
        const int o1 = first + 2 * ((i + 1) % n);
        const int i1 = o1 + 1;
        out.triangle(o0, i0, o1);
        out.triangle(o1, i0, i1);
    }
}

/// Points per rounded corner: about one per 2 px on screen, so a box far away costs a few triangles.
int cornerSteps(qreal radius, qreal zoom)
{
    return std::clamp(static_cast<int>(std::ceil(radius * zoom / 2)), 1, MaxCornerSteps);
}

} // namespace

NodeLayer::NodeLayer(QQuickItem* parent)
    : DiagramLayer(parent)
{
}

void NodeLayer::watchModel(NodeModel* nodes)
{
    DiagramLayer::watchModel(nodes);
    connect(nodes, &QAbstractItemModel::dataChanged, this, &NodeLayer::markDirty);
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
        markGeometryDirty(); // finer or coarser geometry, same look: not a stylesChanged
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
    DiagramLayer::markDirty();
    Q_EMIT stylesChanged();
}

QColor NodeLayer::statusColor(const QVariantMap& map, const QString& key, const QColor& fallback) const
{
    const QColor color = map.value(key).value<QColor>();
    return color.isValid() ? color : fallback;
}

NodeLayer::NodeStyle NodeLayer::styleOf(int row) const
{
    NodeStyle style;
    const DiagramNode& node = nodes()->diagram().nodes[row];
    const QString status = nodes()->statusKeyAt(row);
    style.fill = status.isEmpty() ? m_nodeFill : statusColor(m_statusFills, status, m_nodeFill);
    // The status keeps its border when selected or matched: those get rings of their own around the box.
    style.border = !status.isEmpty() && status != QLatin1String("NOT_RUN")
        ? statusColor(m_statusColors, status, m_nodeBorder)
        : m_nodeBorder;
    style.borderWidth = status == QLatin1String("FAILED") ? 2.5 : 1.2;
    const bool ghost = node.ghostOf >= 0;
    if (!ghost && node.state == m_selectedState && m_selectedState >= 0)
        style.ring = m_selectionColor;
    else if (nodes()->isMatchedRow(row))
        style.ring = m_matchColor;
    if (!status.isEmpty())
        style.symbol = statusColor(m_statusColors, status, m_nodeBorder);
    style.opacity = ghost ? 0.6 : 1;
    return style;
}

void NodeLayer::buildGeometry(TiledGeometry& out)
{
    // Without anti-aliasing a border thinner than a pixel on screen comes and goes while panning: keep it one
    // pixel wide at the current zoom level.
    const qreal pixel = 1 / m_levelZoom;
    if (nodes()) {
        const QList<DiagramNode>& boxes = nodes()->diagram().nodes;
        for (int row = 0; row < boxes.size(); ++row) {
            const DiagramNode& n = boxes[row];
            const NodeStyle style = styleOf(row);
            out.setTile(n.box.center(), MaxNodeVertices);
            out.setOpacity(style.opacity);
            const qreal radius = n.typeName == QLatin1String("Choice") ? n.box.height() / 2 : 6;
            if (style.ring.isValid()) {
                const qreal gap = RingGap + RingWidth;
                const qreal r = radius + gap;
                border(
                    out, n.box.adjusted(-gap, -gap, gap, gap), r, cornerSteps(r, m_levelZoom), RingWidth, style.ring);
            }
            const int steps = cornerSteps(radius, m_levelZoom);
            fill(out, n.box, radius, steps, style.fill);
            const qreal width
                = std::min(std::max(style.borderWidth, pixel), std::min(n.box.width(), n.box.height()) / 2);
            border(out, n.box, radius, steps, width, style.border);
            if (style.symbol.isValid()) {
                const QRectF disc(n.box.x() - SymbolOffset, n.box.y() - SymbolOffset, SymbolSize, SymbolSize);
                const int discSteps = cornerSteps(SymbolSize / 2, m_levelZoom);
                fill(out, disc, SymbolSize / 2, discSteps, m_nodeFill);
                border(
                    out, disc, SymbolSize / 2, discSteps, std::min(std::max(1.5, pixel), SymbolSize / 2), style.symbol);
            }
        }
    }
}

} // namespace Stepscope
