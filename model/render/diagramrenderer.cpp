#include "diagramrenderer.h"

#include "layout/diagramfonts.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace Stepscope {

namespace {
constexpr qreal LegendRow = 18;
constexpr qreal LegendWidth = 150;
const RunStatus LegendOrder[] = { RunStatus::Succeeded, RunStatus::Failed, RunStatus::Caught, RunStatus::Retried,
    RunStatus::Running, RunStatus::Aborted, RunStatus::TimedOut, RunStatus::NotRun };

QPainterPath bezierPath(const QList<QPointF>& points)
{
    QPainterPath path;
    if (points.isEmpty())
        return path;
    path.moveTo(points.first());
    for (qsizetype i = 1; i + 2 < points.size(); i += 3)
        path.cubicTo(points[i], points[i + 1], points[i + 2]);
    return path;
}

void paintArrowHead(QPainter* painter, const QList<QPointF>& points, const QColor& color)
{
    if (points.size() < 2)
        return;
    const QPointF tip = points.last();
    QPointF from = points[points.size() - 2];
    for (qsizetype i = points.size() - 2; i >= 0 && QLineF(points[i], tip).length() < 0.5; --i)
        from = points[i];
    QLineF line(tip, from);
    if (line.length() < 0.01)
        return;
    line.setLength(8);
    const QLineF left = QLineF(tip, line.p2()).normalVector();
    QLineF side(line.p2(), line.p2() + (left.p2() - left.p1()) * 0.45);
    const QPointF a = side.p2();
    const QPointF b = line.p2() - (left.p2() - left.p1()) * 0.45;
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(QPolygonF({ tip, a, b }));
    painter->restore();
}
} // namespace

DiagramRenderer::DiagramRenderer(const Diagram& diagram, const Theme& theme, const StatusOverlay* overlay)
    : m_diagram(diagram)
    , m_theme(theme)
    , m_overlay(overlay && !overlay->isEmpty() ? overlay : nullptr)
{
}

bool DiagramRenderer::hasLegend() const
{
    return m_overlay && m_overlay->showLegend;
}

QSizeF DiagramRenderer::canvasSize() const
{
    QSizeF size = m_diagram.size;
    if (hasLegend()) {
        const qreal legendHeight = 12 + LegendRow * std::size(LegendOrder);
        size = QSizeF(size.width() + LegendWidth + 16, std::max(size.height(), legendHeight + 16));
    }
    return size;
}

const StateStatus* DiagramRenderer::statusOf(const DiagramNode& node) const
{
    if (!m_overlay)
        return nullptr;
    const auto it = m_overlay->byStateId.constFind(node.ghostOf >= 0 ? m_diagram.nodes[node.ghostOf].id : node.id);
    return it == m_overlay->byStateId.cend() ? nullptr : &*it;
}

void DiagramRenderer::paint(QPainter* painter) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    paintContainers(painter);
    paintEdges(painter);
    paintMarkers(painter);
    for (const DiagramNode& node : m_diagram.nodes)
        paintNode(painter, node);
    if (hasLegend())
        paintLegend(painter);
    painter->restore();
}

void DiagramRenderer::paintContainers(QPainter* painter) const
{
    const QFont small = DiagramFonts::smallFont();
    for (const DiagramContainer& container : m_diagram.containers) {
        const bool group = container.kind == DiagramContainerKind::Group;
        QPen pen(group ? m_theme.groupBorder : m_theme.branchBorder, group ? 1.4 : 1.0);
        if (!group)
            pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        painter->setBrush(group ? m_theme.groupFill : m_theme.branchFill);
        painter->drawRoundedRect(container.box, 6, 6);
        if (!group) {
            painter->setFont(small);
            painter->setPen(m_theme.mutedText);
            painter->drawText(container.labelBox, Qt::AlignLeft | Qt::AlignVCenter,
                DiagramFonts::elide(container.label, small, container.labelBox.width()));
        }
    }
}

void DiagramRenderer::paintEdges(QPainter* painter) const
{
    const QFont small = DiagramFonts::smallFont();
    for (const DiagramEdge& edge : m_diagram.edges) {
        const bool isCatch = edge.kind == EdgeKind::Catch;
        const QColor color = isCatch ? m_theme.catchEdge : m_theme.edge;
        QPen pen(color, edge.kind == EdgeKind::Default ? 1.8 : 1.2);
        if (isCatch)
            pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(bezierPath(edge.points));
        paintArrowHead(painter, edge.points, color);
        if (edge.kind == EdgeKind::Default && edge.points.size() >= 2) {
            // The Default edge carries a slash across its start, as in many flowchart notations.
            const QPointF p = edge.points.first();
            QLineF dir(p, edge.points[1]);
            if (dir.length() > 0.01) {
                dir.setLength(7);
                const QLineF normal = dir.normalVector();
                const QPointF mid = dir.p2();
                const QPointF n = (normal.p2() - normal.p1()) * 0.6;
                painter->setPen(QPen(color, 1.4));
                painter->drawLine(mid - n + (dir.p2() - dir.p1()) * 0.3, mid + n - (dir.p2() - dir.p1()) * 0.3);
            }
        }
        if (!edge.labelBox.isEmpty()) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(m_theme.labelBackground);
            painter->drawRoundedRect(edge.labelBox, 3, 3);
            QFont font = small;
            font.setItalic(edge.kind == EdgeKind::Default);
            painter->setFont(font);
            painter->setPen(isCatch ? m_theme.catchEdge : m_theme.mutedText);
            painter->drawText(edge.labelBox, Qt::AlignCenter, edge.shownLabel);
        }
    }
}

void DiagramRenderer::paintMarkers(QPainter* painter) const
{
    for (const DiagramMarker& marker : m_diagram.markers) {
        painter->setPen(QPen(m_theme.edge, 1.2));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(bezierPath(marker.points));
        paintArrowHead(painter, marker.points, m_theme.edge);
        painter->setPen(QPen(m_theme.marker, 1.5));
        if (marker.isStart) {
            painter->setBrush(m_theme.marker);
            painter->drawEllipse(marker.box);
        } else {
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(marker.box);
            painter->setBrush(m_theme.marker);
            painter->drawEllipse(marker.box.adjusted(3, 3, -3, -3));
        }
    }
}

void DiagramRenderer::paintNode(QPainter* painter, const DiagramNode& node) const
{
    const QFont nameFont = DiagramFonts::nameFont();
    const QFont small = DiagramFonts::smallFont();
    const StateStatus* status = statusOf(node);
    const QColor accent = m_theme.typeAccent(node.type);
    QColor fill = m_theme.nodeFill;
    QColor border = m_theme.nodeBorder;
    if (status) {
        border = Theme::statusColor(status->status);
        fill = border;
        fill.setAlpha(status->status == RunStatus::NotRun ? 30 : 46);
    }
    const QRectF box = node.box;
    const bool terminal = node.type == StateType::Succeed || node.type == StateType::Fail;
    const qreal radius = terminal ? box.height() / 2 : 5;

    if (node.ghostOf >= 0) {
        painter->setPen(QPen(m_theme.catchEdge, 1, Qt::DashLine));
        painter->setBrush(m_theme.nodeFill);
        painter->drawRoundedRect(box, 4, 4);
        painter->setFont(small);
        painter->setPen(m_theme.text);
        painter->drawText(node.labelBox, Qt::AlignCenter, QStringLiteral("↪ ") + node.label);
        return;
    }
    painter->setPen(QPen(border, status ? 2.0 : 1.2, node.collapsedContainer ? Qt::DashLine : Qt::SolidLine));
    painter->setBrush(m_theme.nodeFill);
    painter->drawRoundedRect(box, radius, radius);
    if (status) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(box, radius, radius);
    }
    // A type stripe on the left and a small shape icon: the type is visible without reading.
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    if (!terminal)
        painter->drawRoundedRect(QRectF(box.left(), box.top(), 4, box.height()), 2, 2);
    const QRectF icon(box.left() + 8, box.top() + 7, 8, 8);
    painter->setPen(QPen(accent, 1.3));
    painter->setBrush(Qt::NoBrush);
    switch (node.type) {
    case StateType::Choice:
        painter->drawPolygon(QPolygonF({ QPointF(icon.center().x(), icon.top()), QPointF(icon.right(), icon.center().y()),
            QPointF(icon.center().x(), icon.bottom()), QPointF(icon.left(), icon.center().y()) }));
        break;
    case StateType::Wait:
        painter->drawEllipse(icon);
        painter->drawLine(icon.center(), QPointF(icon.center().x(), icon.top() + 1.5));
        break;
    case StateType::Parallel:
        painter->drawLine(QPointF(icon.left() + 2, icon.top()), QPointF(icon.left() + 2, icon.bottom()));
        painter->drawLine(QPointF(icon.right() - 2, icon.top()), QPointF(icon.right() - 2, icon.bottom()));
        break;
    case StateType::Map:
        painter->drawRect(icon.adjusted(0, 2, -2, 0));
        painter->drawLine(QPointF(icon.left() + 2, icon.top()), QPointF(icon.right(), icon.top()));
        painter->drawLine(QPointF(icon.right(), icon.top()), QPointF(icon.right(), icon.bottom() - 2));
        break;
    case StateType::Pass:
        painter->drawLine(QPointF(icon.left(), icon.center().y()), QPointF(icon.right(), icon.center().y()));
        break;
    case StateType::Succeed:
        painter->drawPolyline(QPolygonF({ QPointF(icon.left(), icon.center().y()), QPointF(icon.left() + 3, icon.bottom()),
            QPointF(icon.right(), icon.top()) }));
        break;
    case StateType::Fail:
        painter->drawLine(icon.topLeft(), icon.bottomRight());
        painter->drawLine(icon.topRight(), icon.bottomLeft());
        break;
    default:
        painter->drawRoundedRect(icon, 2, 2);
        break;
    }

    painter->setFont(nameFont);
    painter->setPen(m_theme.text);
    QRectF nameBox = node.labelBox;
    painter->drawText(nameBox, Qt::AlignHCenter | Qt::AlignTop, node.label);
    qreal y = nameBox.bottom();
    painter->setFont(small);
    painter->setPen(m_theme.mutedText);
    const qreal smallHeight = DiagramFonts::lineHeight(small);
    const QString typeLine = status && !status->note.isEmpty() ? node.typeName + QStringLiteral(" · ") + status->note
                                                                : node.typeName;
    painter->drawText(QRectF(box.left() + 4, y, box.width() - 8, smallHeight), Qt::AlignHCenter | Qt::AlignTop,
        DiagramFonts::elide(typeLine, small, box.width() - 8));
    y += smallHeight + 1;
    if (!node.badge.isEmpty()) {
        const qreal width = std::min(box.width() - 8, DiagramFonts::textWidth(node.badge, small) + 8);
        const QRectF badge(box.center().x() - width / 2, y, width, smallHeight);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_theme.badgeFill);
        painter->drawRoundedRect(badge, smallHeight / 2, smallHeight / 2);
        painter->setPen(m_theme.badgeText);
        painter->drawText(badge, Qt::AlignCenter, DiagramFonts::elide(node.badge, small, badge.width()));
    }
    if (status)
        paintStatusIcon(painter, QRectF(box.right() - 15, box.top() + 3, 12, 12), status->status);
}

void DiagramRenderer::paintStatusIcon(QPainter* painter, const QRectF& box, RunStatus status)
{
    painter->save();
    const QColor color = Theme::statusColor(status);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    if (status == RunStatus::NotRun) {
        painter->setPen(QPen(color, 1.5));
        painter->setBrush(Qt::NoBrush);
    }
    painter->drawEllipse(box);
    QPen mark(Qt::white, 1.6);
    mark.setCapStyle(Qt::RoundCap);
    painter->setPen(mark);
    painter->setBrush(Qt::NoBrush);
    const QRectF in = box.adjusted(3, 3, -3, -3);
    switch (status) {
    case RunStatus::Succeeded:
        painter->drawPolyline(QPolygonF({ QPointF(in.left(), in.center().y()),
            QPointF(in.left() + in.width() * 0.4, in.bottom()), QPointF(in.right(), in.top()) }));
        break;
    case RunStatus::Failed:
        painter->drawLine(in.topLeft(), in.bottomRight());
        painter->drawLine(in.topRight(), in.bottomLeft());
        break;
    case RunStatus::Caught:
        painter->drawLine(QPointF(in.center().x(), in.top()), QPointF(in.center().x(), in.bottom() - 2));
        painter->drawPoint(QPointF(in.center().x(), in.bottom()));
        break;
    case RunStatus::Retried:
        painter->drawArc(in, 30 * 16, 280 * 16);
        break;
    case RunStatus::Running:
        painter->setPen(Qt::NoPen);
        painter->setBrush(Qt::white);
        painter->drawPolygon(QPolygonF({ in.topLeft(), QPointF(in.right(), in.center().y()), in.bottomLeft() }));
        break;
    case RunStatus::Aborted:
        painter->setPen(Qt::NoPen);
        painter->setBrush(Qt::white);
        painter->drawRect(in.adjusted(0.5, 0.5, -0.5, -0.5));
        break;
    case RunStatus::TimedOut:
        painter->drawLine(in.center(), QPointF(in.center().x(), in.top()));
        painter->drawLine(in.center(), QPointF(in.right(), in.center().y()));
        break;
    case RunStatus::NotRun:
        break;
    }
    painter->restore();
}

void DiagramRenderer::paintLegend(QPainter* painter) const
{
    const QFont small = DiagramFonts::smallFont();
    const QRectF frame(m_diagram.size.width() + 8, 8, LegendWidth, 12 + LegendRow * std::size(LegendOrder));
    painter->setPen(QPen(m_theme.nodeBorder, 1));
    painter->setBrush(m_theme.nodeFill);
    painter->drawRoundedRect(frame, 4, 4);
    painter->setFont(small);
    qreal y = frame.top() + 6;
    for (const RunStatus status : LegendOrder) {
        paintStatusIcon(painter, QRectF(frame.left() + 8, y + 3, 12, 12), status);
        painter->setPen(m_theme.text);
        painter->drawText(QRectF(frame.left() + 26, y, frame.width() - 30, LegendRow), Qt::AlignLeft | Qt::AlignVCenter,
            runStatusName(status));
        y += LegendRow;
    }
}

} // namespace Stepscope
