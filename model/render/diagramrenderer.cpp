#include "diagramrenderer.h"

#include "layout/diagramfonts.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace Stepscope {

namespace {
constexpr qreal LegendRow = 18;
constexpr qreal LegendWidth = 150;

// QPainter compares pens and brushes by identity, not value, and QSvgGenerator writes a new group for every change:
// only touch the painter when the value really differs.
void usePen(QPainter* painter, const QPen& pen)
{
    if (painter->pen() != pen)
        painter->setPen(pen);
}

void useBrush(QPainter* painter, const QBrush& brush)
{
    if (painter->brush() != brush)
        painter->setBrush(brush);
}

void useFont(QPainter* painter, const QFont& font)
{
    if (painter->font() != font)
        painter->setFont(font);
}

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
    usePen(painter, Qt::NoPen);
    useBrush(painter, color);
    painter->drawPolygon(QPolygonF({ tip, a, b }));
}
} // namespace

DiagramRenderer::DiagramRenderer(const Diagram& diagram, const Theme& theme, const StatusOverlay* overlay)
    : m_diagram(diagram)
    , m_theme(theme)
    , m_overlay(overlay && !overlay->isEmpty() ? overlay : nullptr)
    , m_nameFont(DiagramFonts::nameFont())
    , m_smallFont(DiagramFonts::smallFont())
    , m_smallLineHeight(DiagramFonts::lineHeight(m_smallFont))
{
}

bool DiagramRenderer::hasLegend() const
{
    return hasStatusLegend() || hasHeatLegend();
}

bool DiagramRenderer::hasStatusLegend() const
{
    return m_overlay && m_overlay->showLegend && m_overlay->hasStatuses();
}

bool DiagramRenderer::hasHeatLegend() const
{
    return m_overlay && m_overlay->showLegend && !m_overlay->heatScale.isEmpty();
}

// Wide enough for the heat legend's title and entries (measure names and durations vary), never narrower than the
// status legend.
qreal DiagramRenderer::legendWidth() const
{
    qreal width = LegendWidth;
    if (hasHeatLegend()) {
        QFont title = DiagramFonts::smallFont();
        title.setBold(true);
        width = std::max(width, DiagramFonts::textWidth(DiagramFonts::printable(m_overlay->heatScale.title), title) + 20);
        for (const auto& entry : m_overlay->heatScale.entries)
            width = std::max(width, DiagramFonts::textWidth(DiagramFonts::printable(entry.first), DiagramFonts::smallFont()) + 38);
    }
    return std::min<qreal>(width, 360);
}

// The status legend, then the heat legend below it, in one column right of the diagram.
qreal DiagramRenderer::legendHeight() const
{
    qreal height = 0;
    if (hasStatusLegend())
        height += 12 + LegendRow * std::size(AllRunStatuses) + 8;
    if (hasHeatLegend())
        height += 12 + LegendRow * (1 + m_overlay->heatScale.entries.size()) + 8;
    return height;
}

QSizeF DiagramRenderer::canvasSize() const
{
    QSizeF size = m_diagram.size;
    if (hasLegend())
        size = QSizeF(size.width() + legendWidth() + 16, std::max(size.height(), legendHeight() + 8));
    return size;
}

const StateHeatFill* DiagramRenderer::heatOf(const DiagramNode& node) const
{
    if (!m_overlay || m_overlay->heatByStateId.isEmpty())
        return nullptr;
    const auto it = m_overlay->heatByStateId.constFind(node.ghostOf >= 0 ? m_diagram.nodes[node.ghostOf].id : node.id);
    return it == m_overlay->heatByStateId.cend() || !it->color.isValid() ? nullptr : &*it;
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
    // Layer by layer, so that the painter state (pen, brush, font) changes rarely: QSvgGenerator writes a new
    // group (some 300 bytes) for every change, and the SVG of a large workflow stays several times smaller this way.
    // Stripes and icons take their colour from the state type: those layers go type by type. (States never overlap,
    // so the order between states changes nothing on screen.)
    QList<const DiagramNode*> byType;
    byType.reserve(m_diagram.nodes.size());
    for (const DiagramNode& node : m_diagram.nodes)
        byType.append(&node);
    std::stable_sort(byType.begin(), byType.end(), [](const DiagramNode* a, const DiagramNode* b) { return a->type < b->type; });
    for (const NodeLayer layer : { NodeLayer::Box, NodeLayer::Stripe, NodeLayer::Icon, NodeLayer::Badge, NodeLayer::Name,
             NodeLayer::Details }) {
        const bool typeColoured = layer == NodeLayer::Stripe || layer == NodeLayer::Icon;
        for (qsizetype i = 0; i < m_diagram.nodes.size(); ++i)
            paintNode(painter, typeColoured ? *byType[i] : m_diagram.nodes[i], layer);
    }
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
        usePen(painter, pen);
        useBrush(painter, group ? m_theme.groupFill : m_theme.branchFill);
        paintRoundedRect(painter, container.box, 6);
    }
    // Labels after all boxes (one painter state for all of them): a label sits in its container's top band, which
    // no nested container covers.
    useFont(painter, small);
    usePen(painter, m_theme.mutedText);
    for (const DiagramContainer& container : m_diagram.containers) {
        if (container.kind != DiagramContainerKind::Group)
            painter->drawText(container.labelBox, Qt::AlignLeft | Qt::AlignVCenter,
                DiagramFonts::elide(container.label, small, container.labelBox.width()));
    }
}

void DiagramRenderer::paintEdges(QPainter* painter) const
{
    const QFont small = DiagramFonts::smallFont();
    for (const EdgeKind kind : { EdgeKind::Next, EdgeKind::Choice, EdgeKind::Default, EdgeKind::Catch }) {
        const bool isCatch = kind == EdgeKind::Catch;
        const QColor color = isCatch ? m_theme.catchEdge : m_theme.edge;
        QPen pen(color, kind == EdgeKind::Default ? 1.8 : 1.2);
        if (isCatch)
            pen.setStyle(Qt::DashLine);
        usePen(painter, pen);
        useBrush(painter, Qt::NoBrush);
        for (const DiagramEdge& edge : m_diagram.edges) {
            if (edge.kind == kind)
                painter->drawPath(bezierPath(edge.points));
        }
        if (kind == EdgeKind::Default) {
            // The Default edge carries a slash across its start, as in many flowchart notations.
            usePen(painter, QPen(color, 1.4));
            for (const DiagramEdge& edge : m_diagram.edges) {
                if (edge.kind != kind || edge.points.size() < 2)
                    continue;
                const QPointF p = edge.points.first();
                QLineF dir(p, edge.points[1]);
                if (dir.length() <= 0.01)
                    continue;
                dir.setLength(7);
                const QLineF normal = dir.normalVector();
                const QPointF mid = dir.p2();
                const QPointF n = (normal.p2() - normal.p1()) * 0.6;
                painter->drawLine(mid - n + (dir.p2() - dir.p1()) * 0.3, mid + n - (dir.p2() - dir.p1()) * 0.3);
            }
        }
        for (const DiagramEdge& edge : m_diagram.edges) {
            if (edge.kind == kind)
                paintArrowHead(painter, edge.points, color);
        }
    }
    usePen(painter, Qt::NoPen);
    useBrush(painter, m_theme.labelBackground);
    for (const DiagramEdge& edge : m_diagram.edges) {
        if (!edge.labelBox.isEmpty())
            paintRoundedRect(painter, edge.labelBox, 3);
    }
    for (const EdgeKind kind : { EdgeKind::Choice, EdgeKind::Default, EdgeKind::Catch, EdgeKind::Next }) {
        QFont font = small;
        font.setItalic(kind == EdgeKind::Default);
        useFont(painter, font);
        usePen(painter, kind == EdgeKind::Catch ? m_theme.catchEdge : m_theme.mutedText);
        for (const DiagramEdge& edge : m_diagram.edges) {
            if (edge.kind == kind && !edge.labelBox.isEmpty())
                painter->drawText(edge.labelBox, Qt::AlignCenter, edge.shownLabel);
        }
    }
}

void DiagramRenderer::paintMarkers(QPainter* painter) const
{
    for (const DiagramMarker& marker : m_diagram.markers) {
        usePen(painter, QPen(m_theme.edge, 1.2));
        useBrush(painter, Qt::NoBrush);
        painter->drawPath(bezierPath(marker.points));
        paintArrowHead(painter, marker.points, m_theme.edge);
        usePen(painter, QPen(m_theme.marker, 1.5));
        if (marker.isStart) {
            useBrush(painter, m_theme.marker);
            painter->drawEllipse(marker.box);
        } else {
            useBrush(painter, Qt::NoBrush);
            painter->drawEllipse(marker.box);
            useBrush(painter, m_theme.marker);
            painter->drawEllipse(marker.box.adjusted(3, 3, -3, -3));
        }
    }
}

void DiagramRenderer::paintNode(QPainter* painter, const DiagramNode& node, NodeLayer layer) const
{
    const QFont& nameFont = m_nameFont;
    const QFont& small = m_smallFont;
    const StateStatus* status = statusOf(node);
    const StateHeatFill* heat = heatOf(node);
    const QColor accent = m_theme.typeAccent(node.type);
    QColor fill = m_theme.nodeFill;
    QColor border = m_theme.nodeBorder;
    if (status) {
        border = m_theme.statusColor(status->status);
        fill = border;
        fill.setAlpha(status->status == RunStatus::NotRun ? 30 : 46);
    }
    // Text on a dark heat fill is drawn light, so that names stay readable on the hot end of the scale.
    const bool darkHeat = heat && heat->color.lightnessF() < 0.45;
    const QColor textColor = darkHeat ? QColor(Qt::white) : heat ? QColor(0x21, 0x21, 0x21) : m_theme.text;
    const QColor mutedColor = darkHeat ? QColor(0xee, 0xee, 0xee) : heat ? QColor(0x42, 0x42, 0x42) : m_theme.mutedText;
    const QRectF box = node.box;
    const bool terminal = node.type == StateType::Succeed || node.type == StateType::Fail;
    const qreal radius = terminal ? box.height() / 2 : 5;

    if (node.ghostOf >= 0) {
        if (layer == NodeLayer::Box) {
            usePen(painter, QPen(m_theme.catchEdge, 1, Qt::DashLine));
            useBrush(painter, m_theme.nodeFill);
            paintRoundedRect(painter, box, 4);
        } else if (layer == NodeLayer::Details) {
            useFont(painter, small);
            usePen(painter, m_theme.text);
            painter->drawText(node.labelBox, Qt::AlignCenter, QStringLiteral("↪ ") + node.label);
        }
        return;
    }
    if (layer == NodeLayer::Box) {
        usePen(painter, QPen(border, status ? 2.0 : 1.2, node.collapsedContainer ? Qt::DashLine : Qt::SolidLine));
        useBrush(painter, heat ? heat->color : m_theme.nodeFill);
        paintRoundedRect(painter, box, radius);
        if (status && !heat) {
            usePen(painter, Qt::NoPen);
            useBrush(painter, fill);
            paintRoundedRect(painter, box, radius);
        }
        return;
    }
    const qreal smallHeight = m_smallLineHeight;
    const qreal badgeTop = node.labelBox.bottom() + smallHeight + 1;
    const qreal badgeWidth = std::min(box.width() - 8, DiagramFonts::textWidth(node.badge, small) + 8);
    const QRectF badge(box.center().x() - badgeWidth / 2, badgeTop, badgeWidth, smallHeight);
    if (layer == NodeLayer::Name) {
        useFont(painter, nameFont);
        usePen(painter, textColor);
        painter->drawText(node.labelBox, Qt::AlignHCenter | Qt::AlignTop, node.label);
        return;
    }
    if (layer == NodeLayer::Details) {
        useFont(painter, small);
        usePen(painter, mutedColor);
        // With heat, the value takes the type's place (the stripe and the icon still tell the type): boxes are sized
        // for the name and the type, and the value is what the reader looks for.
        QString typeLine = heat && !heat->note.isEmpty() ? QString() : node.typeName;
        if (status && !status->note.isEmpty())
            typeLine += (typeLine.isEmpty() ? QString() : QStringLiteral(" · ")) + status->note;
        if (heat && !heat->note.isEmpty())
            typeLine += (typeLine.isEmpty() ? QString() : QStringLiteral(" · ")) + heat->note;
        typeLine = DiagramFonts::printable(typeLine);
        painter->drawText(QRectF(box.left() + 4, node.labelBox.bottom(), box.width() - 8, smallHeight),
            Qt::AlignHCenter | Qt::AlignTop, DiagramFonts::elide(typeLine, small, box.width() - 8));
        if (!node.badge.isEmpty()) {
            usePen(painter, m_theme.badgeText);
            painter->drawText(badge, Qt::AlignCenter, DiagramFonts::elide(node.badge, small, badge.width()));
        }
        return;
    }
    // A type stripe on the left and a small shape icon: the type is visible without reading.
    if (layer == NodeLayer::Stripe) {
        usePen(painter, Qt::NoPen);
        useBrush(painter, accent);
        if (!terminal)
            paintRoundedRect(painter, QRectF(box.left(), box.top(), 4, box.height()), 2);
        return;
    }
    if (layer == NodeLayer::Badge) {
        if (!node.badge.isEmpty()) {
            usePen(painter, Qt::NoPen);
            useBrush(painter, m_theme.badgeFill);
            paintRoundedRect(painter, badge, smallHeight / 2);
        }
        if (status)
            paintStatusIcon(painter, QRectF(box.right() - 15, box.top() + 3, 12, 12), status->status);
        return;
    }
    const QRectF icon(box.left() + 8, box.top() + 7, 8, 8);
    usePen(painter, QPen(accent, 1.3));
    useBrush(painter, Qt::NoBrush);
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
        paintRoundedRect(painter, icon, 2);
        break;
    }
}

void DiagramRenderer::paintStatusIcon(QPainter* painter, const QRectF& box, RunStatus status) const
{
    painter->save();
    const QColor color = m_theme.statusColor(status);
    usePen(painter, Qt::NoPen);
    useBrush(painter, color);
    if (status == RunStatus::NotRun) {
        usePen(painter, QPen(color, 1.5));
        useBrush(painter, Qt::NoBrush);
    }
    painter->drawEllipse(box);
    QPen mark(Qt::white, 1.6);
    mark.setCapStyle(Qt::RoundCap);
    usePen(painter, mark);
    useBrush(painter, Qt::NoBrush);
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
        usePen(painter, Qt::NoPen);
        useBrush(painter, Qt::white);
        painter->drawPolygon(QPolygonF({ in.topLeft(), QPointF(in.right(), in.center().y()), in.bottomLeft() }));
        break;
    case RunStatus::Aborted:
        usePen(painter, Qt::NoPen);
        useBrush(painter, Qt::white);
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

void DiagramRenderer::paintRoundedRect(QPainter* painter, const QRectF& rect, qreal radius) const
{
    if (!m_plainRounded) {
        painter->drawRoundedRect(rect, radius, radius);
        return;
    }
    painter->drawRect(rect);
    m_plainRounded->append({ rect, radius });
}

void DiagramRenderer::paintLegend(QPainter* painter) const
{
    qreal top = 8;
    if (hasStatusLegend())
        top += 12 + LegendRow * std::size(AllRunStatuses) + 8;
    if (hasHeatLegend())
        paintHeatLegend(painter, top);
    if (!hasStatusLegend())
        return;
    const QFont small = DiagramFonts::smallFont();
    const QRectF frame(m_diagram.size.width() + 8, 8, legendWidth(), 12 + LegendRow * std::size(AllRunStatuses));
    usePen(painter, QPen(m_theme.nodeBorder, 1));
    useBrush(painter, m_theme.nodeFill);
    paintRoundedRect(painter, frame, 4);
    useFont(painter, small);
    qreal y = frame.top() + 6;
    for (const RunStatus status : AllRunStatuses) {
        paintStatusIcon(painter, QRectF(frame.left() + 8, y + 3, 12, 12), status);
        usePen(painter, m_theme.text);
        painter->drawText(QRectF(frame.left() + 26, y, frame.width() - 30, LegendRow), Qt::AlignLeft | Qt::AlignVCenter,
            runStatusName(status));
        y += LegendRow;
    }
}

// The heat scale: its title (the measure), then one swatch per entry from low to high.
void DiagramRenderer::paintHeatLegend(QPainter* painter, qreal top) const
{
    const HeatScale& scale = m_overlay->heatScale;
    QFont small = DiagramFonts::smallFont();
    const QRectF frame(m_diagram.size.width() + 8, top, legendWidth(), 12 + LegendRow * (1 + scale.entries.size()));
    usePen(painter, QPen(m_theme.nodeBorder, 1));
    useBrush(painter, m_theme.nodeFill);
    paintRoundedRect(painter, frame, 4);
    qreal y = frame.top() + 6;
    QFont title = small;
    title.setBold(true);
    useFont(painter, title);
    usePen(painter, m_theme.text);
    painter->drawText(QRectF(frame.left() + 8, y, frame.width() - 12, LegendRow), Qt::AlignLeft | Qt::AlignVCenter,
        DiagramFonts::elide(DiagramFonts::printable(scale.title), title, frame.width() - 12));
    y += LegendRow;
    useFont(painter, small);
    for (const auto& [label, color] : scale.entries) {
        usePen(painter, QPen(m_theme.nodeBorder, 0.8));
        useBrush(painter, color);
        paintRoundedRect(painter, QRectF(frame.left() + 8, y + 3, 12, 12), 2);
        usePen(painter, m_theme.text);
        painter->drawText(QRectF(frame.left() + 26, y, frame.width() - 30, LegendRow), Qt::AlignLeft | Qt::AlignVCenter,
            DiagramFonts::elide(DiagramFonts::printable(label), small, frame.width() - 30));
        y += LegendRow;
    }
}

} // namespace Stepscope
