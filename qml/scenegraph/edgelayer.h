#pragma once

#include "scenegraph/diagramlayer.h"

#include <QColor>

namespace Stepscope {

/// Every edge, arrowhead and start/end marker of a diagram in a few scene-graph geometry nodes (triangles with
/// per-vertex colours, in tiles: only the tiles in `viewport` are drawn), and panning or zooming the parent item
/// moves them without touching a vertex. Vertices are rewritten only when the diagram or the colours change.
class EdgeLayer : public Stepscope::DiagramLayer { // qualified: QML type registration reads the name as written
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor catchColor READ catchColor WRITE setCatchColor NOTIFY colorsChanged)
    Q_PROPERTY(qreal lineWidth READ lineWidth WRITE setLineWidth NOTIFY colorsChanged)
public:
    explicit EdgeLayer(QQuickItem* parent = nullptr);

    [[nodiscard]] QColor color() const { return m_color; }
    void setColor(const QColor& color);
    [[nodiscard]] QColor catchColor() const { return m_catchColor; }
    void setCatchColor(const QColor& color);
    [[nodiscard]] qreal lineWidth() const { return m_lineWidth; }
    void setLineWidth(qreal width);

Q_SIGNALS:
    void colorsChanged();

protected:
    void buildGeometry(TiledGeometry& out) override;

private:
    QColor m_color = QColor(0x87, 0x95, 0x96);
    QColor m_catchColor = QColor(0xec, 0x72, 0x11);
    qreal m_lineWidth = 1.5;
};

} // namespace Stepscope
