#pragma once

#include "layout/diagram.h"
#include "theme.h"

#include <QFont>

class QPainter;

namespace Stepscope {

/// Draws a Diagram with QPainter, on any paint device (SVG, image, PDF, a widget). Coordinates are diagram points;
/// the caller sets up the painter's transform. Status is never shown by colour alone: each status has an icon.
class DiagramRenderer {
public:
    DiagramRenderer(const Diagram& diagram, const Theme& theme, const StatusOverlay* overlay = nullptr);

    /// The diagram plus the legend (when an overlay asks for one).
    [[nodiscard]] QSizeF canvasSize() const;
    void paint(QPainter* painter) const;

    /// A rounded rectangle painted as a plain one (see paintRoundedAsPlain()).
    struct PlainRoundedRect {
        QRectF rect;
        qreal radius = 0;
    };
    /// For vector writers without rounded rectangles (QSvgGenerator turns each into a path of nine curves, slow to
    /// write and heavy to read): from now on rounded rectangles are painted as plain ones and listed in `list`, in
    /// painting order, for the writer to round afterwards. Null paints them rounded again.
    void paintRoundedAsPlain(QList<PlainRoundedRect>* list) { m_plainRounded = list; }

    /// Draws the icon of a status in `box` (also used by the legend).
    void paintStatusIcon(QPainter* painter, const QRectF& box, RunStatus status) const;

private:
    void paintContainers(QPainter* painter) const;
    void paintEdges(QPainter* painter) const;
    void paintMarkers(QPainter* painter) const;
    enum class NodeLayer { Box, Stripe, Icon, Badge, Name, Details };
    void paintNode(QPainter* painter, const DiagramNode& node, NodeLayer layer) const;
    void paintLegend(QPainter* painter) const;
    void paintRoundedRect(QPainter* painter, const QRectF& rect, qreal radius) const;
    void paintHeatLegend(QPainter* painter, qreal top) const;
    [[nodiscard]] bool hasLegend() const;
    [[nodiscard]] bool hasStatusLegend() const;
    [[nodiscard]] bool hasHeatLegend() const;
    [[nodiscard]] qreal legendHeight() const;
    [[nodiscard]] qreal legendWidth() const;
    [[nodiscard]] const StateStatus* statusOf(const DiagramNode& node) const;
    [[nodiscard]] const StateHeatFill* heatOf(const DiagramNode& node) const;

    const Diagram& m_diagram;
    Theme m_theme;
    const StatusOverlay* m_overlay;
    QList<PlainRoundedRect>* m_plainRounded = nullptr;
    // Made once: each new QFont looks its font engine up again, and paintNode runs six times per state.
    QFont m_nameFont;
    QFont m_smallFont;
    qreal m_smallLineHeight;
};

} // namespace Stepscope
