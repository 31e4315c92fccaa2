#pragma once

#include "scenegraph/diagramlayer.h"

#include <QColor>
#include <QVariantMap>

namespace Stepscope {

/// Every state box of a diagram in a few scene-graph geometry nodes (indexed triangles with per-vertex colours, in
/// tiles: only the tiles in `viewport` are drawn): fill, status border, selection and search rings, and the disc
/// under the status symbol. Like EdgeLayer, panning or zooming the parent only changes a transform; vertices are
/// rewritten when the diagram, the statuses, the selection, the search, the colours or the zoom level (in steps of
/// 1.25x: borders stay at least a pixel wide, corners get fewer points far away) change. Names and symbols are drawn
/// by QML items, created only for the nodes in view.
class NodeLayer : public Stepscope::DiagramLayer { // qualified: QML type registration reads the name as written
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int selectedState READ selectedState WRITE setSelectedState NOTIFY selectedStateChanged)
    Q_PROPERTY(qreal zoom READ zoom WRITE setZoom NOTIFY zoomChanged)
    Q_PROPERTY(QColor nodeFill MEMBER m_nodeFill WRITE setNodeFill NOTIFY colorsChanged)
    Q_PROPERTY(QColor nodeBorder MEMBER m_nodeBorder WRITE setNodeBorder NOTIFY colorsChanged)
    Q_PROPERTY(QColor selectionColor MEMBER m_selectionColor WRITE setSelectionColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor matchColor MEMBER m_matchColor WRITE setMatchColor NOTIFY colorsChanged)
    /// Status key ("FAILED", ...) to border colour, and to fill colour.
    Q_PROPERTY(QVariantMap statusColors READ statusColors WRITE setStatusColors NOTIFY colorsChanged)
    Q_PROPERTY(QVariantMap statusFills READ statusFills WRITE setStatusFills NOTIFY colorsChanged)
public:
    explicit NodeLayer(QQuickItem* parent = nullptr);

    [[nodiscard]] int selectedState() const { return m_selectedState; }
    void setSelectedState(int state);
    [[nodiscard]] qreal zoom() const { return m_zoom; }
    void setZoom(qreal zoom);
    void setNodeFill(const QColor& color) { setColor(m_nodeFill, color); }
    void setNodeBorder(const QColor& color) { setColor(m_nodeBorder, color); }
    void setSelectionColor(const QColor& color) { setColor(m_selectionColor, color); }
    void setMatchColor(const QColor& color) { setColor(m_matchColor, color); }
    [[nodiscard]] QVariantMap statusColors() const { return m_statusColors; }
    void setStatusColors(const QVariantMap& colors);
    [[nodiscard]] QVariantMap statusFills() const { return m_statusFills; }
    void setStatusFills(const QVariantMap& colors);

    /// How one node is painted. The one place that decides a node's colours from its status, selection and search
    /// (a heat-map fill, for example, belongs here).
    struct NodeStyle {
        QColor fill;
        QColor border;
        qreal borderWidth = 1.2;
        QColor ring; ///< selection or search ring around the box; invalid: none
        QColor symbol; ///< border of the status symbol's disc; invalid: no symbol
        qreal opacity = 1; ///< ghosts (copies of Catch handlers) are drawn faded
    };
    [[nodiscard]] NodeStyle styleOf(int row) const;

Q_SIGNALS:
    void selectedStateChanged();
    void zoomChanged();
    void colorsChanged();
    /// What a node looks like (styleOf) may have changed: diagram, statuses, selection, search or colours; not
    /// emitted for zoom steps, which only change how finely the same boxes are drawn.
    void stylesChanged();

protected:
    void buildGeometry(TiledGeometry& out) override;
    void watchModel(NodeModel* nodes) override;
    void markDirty() override;

private:
    void setColor(QColor& member, const QColor& color);
    [[nodiscard]] QColor statusColor(const QVariantMap& map, const QString& key, const QColor& fallback) const;

    int m_selectedState = -1;
    qreal m_zoom = 1;
    qreal m_levelZoom = 1; ///< m_zoom rounded to a power of 1.25: geometry is rebuilt only when it changes
    QColor m_nodeFill = Qt::white;
    QColor m_nodeBorder = QColor(0x8d, 0x99, 0xa6);
    QColor m_selectionColor = QColor(0x09, 0x72, 0xd3);
    QColor m_matchColor = QColor(0xf2, 0xb7, 0x05);
    QVariantMap m_statusColors;
    QVariantMap m_statusFills;
};

} // namespace Stepscope
