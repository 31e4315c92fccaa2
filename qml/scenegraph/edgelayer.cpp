#include "scenegraph/edgelayer.h"

#include "models/nodemodel.h"

#include "scenegraph/tiledgeometry.h"

#include <cmath>

namespace Stepscope {

namespace {

constexpr int CurveSteps = 10; // line pieces per Bézier segment: smooth at the zoom levels people use
constexpr qreal ArrowLength = 9;
constexpr qreal ArrowHalfWidth = 4.5;
constexpr qreal DashOn = 6;
constexpr qreal DashOff = 4;

QPointF cubic(const QPointF& p0, const QPointF& p1, const QPointF& p2, const QPointF& p3, qreal t)
{
    const qreal u = 1 - t;
    return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

/// Flattens "start, then (c1, c2, end)*" into a polyline.
QList<QPointF> flatten(const QList<QPointF>& points)
{
    QList<QPointF> line;
    if (points.isEmpty())
        return line;
    line.append(points.first());
    for (qsizetype i = 1; i + 2 < points.size(); i += 3) {
        for (int s = 1; s <= CurveSteps; ++s)
            line.append(cubic(points[i - 1], points[i], points[i + 1], points[i + 2], qreal(s) / CurveSteps));
    }
    if (line.size() == 1 && points.size() >= 2) // not a Bézier list: straight segments
        line = points;
    return line;
}

struct Builder {
    TiledGeometry& out;
    qreal halfWidth = 0.75;

    void triangle(QPointF a, QPointF b, QPointF c, QColor color)
    {
        const int first = out.vertex(a, color);
        (void)out.vertex(b, color);
        (void)out.vertex(c, color);
        out.triangle(first, first + 1, first + 2);
    }

    void segment(QPointF a, QPointF b, QColor color)
    {
        const QPointF d = b - a;
        const qreal length = std::hypot(d.x(), d.y());
        if (length < 1e-6)
            return;
        const QPointF n(-d.y() / length * halfWidth, d.x() / length * halfWidth);
        out.setTile((a + b) / 2, 6);
        triangle(a + n, a - n, b + n, color);
        triangle(b + n, a - n, b - n, color);
    }

    /// A polyline, optionally dashed; returns the direction of its last piece for the arrowhead.
    void polyline(const QList<QPointF>& line, QColor color, bool dashed)
    {
        qreal phase = 0; // distance into the current dash period
        for (qsizetype i = 1; i < line.size(); ++i) {
            QPointF a = line[i - 1];
            const QPointF b = line[i];
            if (!dashed) {
                segment(a, b, color);
                continue;
            }
            qreal remaining = std::hypot(b.x() - a.x(), b.y() - a.y());
            const QPointF unit = remaining > 0 ? (b - a) / remaining : QPointF();
            while (remaining > 1e-6) {
                const bool on = phase < DashOn;
                const qreal step = std::min(remaining, on ? DashOn - phase : DashOn + DashOff - phase);
                const QPointF next = a + unit * step;
                if (on)
                    segment(a, next, color);
                a = next;
                remaining -= step;
                phase += step;
                if (phase >= DashOn + DashOff)
                    phase = 0;
            }
        }
    }

    void arrowhead(const QList<QPointF>& line, QColor color)
    {
        if (line.size() < 2)
            return;
        const QPointF tip = line.last();
        QPointF from = line[line.size() - 2];
        for (qsizetype i = line.size() - 2; i >= 0 && std::hypot((tip - line[i]).x(), (tip - line[i]).y()) < 2; --i)
            from = line[i];
        const QPointF d = tip - from;
        const qreal length = std::hypot(d.x(), d.y());
        if (length < 1e-6)
            return;
        const QPointF u = d / length;
        const QPointF n(-u.y(), u.x());
        const QPointF base = tip - u * ArrowLength;
        out.setTile(tip, 3);
        triangle(tip, base + n * ArrowHalfWidth, base - n * ArrowHalfWidth, color);
    }

    void disc(const QRectF& box, QColor color, bool ring)
    {
        const QPointF c = box.center();
        const qreal r = std::min(box.width(), box.height()) / 2;
        constexpr int Steps = 20;
        out.setTile(c, Steps * 9);
        for (int i = 0; i < Steps; ++i) {
            const qreal a0 = 2 * M_PI * i / Steps;
            const qreal a1 = 2 * M_PI * (i + 1) / Steps;
            const QPointF p0 = c + QPointF(std::cos(a0), std::sin(a0)) * r;
            const QPointF p1 = c + QPointF(std::cos(a1), std::sin(a1)) * r;
            if (ring) {
                segment(p0, p1, color);
                const QPointF q0 = c + QPointF(std::cos(a0), std::sin(a0)) * r * 0.55;
                const QPointF q1 = c + QPointF(std::cos(a1), std::sin(a1)) * r * 0.55;
                triangle(c, q0, q1, color);
            } else {
                triangle(c, p0, p1, color);
            }
        }
    }
};

} // namespace

EdgeLayer::EdgeLayer(QQuickItem* parent)
    : DiagramLayer(parent)
{
}

void EdgeLayer::setColor(const QColor& color)
{
    if (m_color == color)
        return;
    m_color = color;
    markDirty();
    Q_EMIT colorsChanged();
}

void EdgeLayer::setCatchColor(const QColor& color)
{
    if (m_catchColor == color)
        return;
    m_catchColor = color;
    markDirty();
    Q_EMIT colorsChanged();
}

void EdgeLayer::setLineWidth(qreal width)
{
    if (qFuzzyCompare(m_lineWidth, width))
        return;
    m_lineWidth = width;
    markDirty();
    Q_EMIT colorsChanged();
}

void EdgeLayer::buildGeometry(TiledGeometry& out)
{
    Builder builder { out, m_lineWidth / 2 };
    if (!nodes())
        return;
    const Diagram& diagram = nodes()->diagram();
    for (const DiagramEdge& edge : diagram.edges) {
        const bool isCatch = edge.kind == EdgeKind::Catch;
        const QColor color = isCatch ? m_catchColor : m_color;
        const QList<QPointF> line = flatten(edge.points);
        // Catch edges are dashed as well as coloured, so they read apart without colour.
        builder.polyline(line, color, isCatch || edge.kind == EdgeKind::Default);
        builder.arrowhead(line, color);
    }
    for (const DiagramMarker& marker : diagram.markers) {
        const QList<QPointF> line = flatten(marker.points);
        builder.polyline(line, m_color, false);
        if (!marker.isStart)
            builder.arrowhead(line, m_color);
        builder.disc(marker.box, m_color, !marker.isStart);
    }
}

} // namespace Stepscope
