#pragma once

#include <QColor>
#include <QPointer>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

class NodeModel;

/// Every edge, arrowhead and start/end marker of a diagram in a few scene-graph geometry nodes (triangles with
/// per-vertex colours, in tiles: only the tiles in `viewport` are drawn), and panning or zooming the parent item
/// moves them without touching a vertex. Vertices are rewritten only when the diagram or the colours change.
class EdgeLayer : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(NodeModel* nodes READ nodes WRITE setNodes NOTIFY nodesChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor catchColor READ catchColor WRITE setCatchColor NOTIFY colorsChanged)
    Q_PROPERTY(qreal lineWidth READ lineWidth WRITE setLineWidth NOTIFY colorsChanged)
    /// The visible part of the diagram (this item's coordinates); invalid: draw everything.
    Q_PROPERTY(QRectF viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    Q_PROPERTY(int vertexCount READ vertexCount NOTIFY verticesChanged)
public:
    explicit EdgeLayer(QQuickItem* parent = nullptr);

    [[nodiscard]] NodeModel* nodes() const { return m_nodes; }
    void setNodes(NodeModel* nodes);
    [[nodiscard]] QColor color() const { return m_color; }
    void setColor(const QColor& color);
    [[nodiscard]] QColor catchColor() const { return m_catchColor; }
    void setCatchColor(const QColor& color);
    [[nodiscard]] qreal lineWidth() const { return m_lineWidth; }
    void setLineWidth(qreal width);
    [[nodiscard]] QRectF viewport() const { return m_viewport; }
    void setViewport(const QRectF& viewport);
    [[nodiscard]] int vertexCount() const { return m_vertexCount; }

Q_SIGNALS:
    void nodesChanged();
    void colorsChanged();
    void verticesChanged();
    void viewportChanged();

protected:
    QSGNode* updatePaintNode(QSGNode* old, UpdatePaintNodeData*) override;

private:
    void markDirty();

    QPointer<NodeModel> m_nodes;
    QColor m_color = QColor(0x87, 0x95, 0x96);
    QColor m_catchColor = QColor(0xec, 0x72, 0x11);
    qreal m_lineWidth = 1.5;
    QRectF m_viewport;
    bool m_dirty = true;
    int m_vertexCount = 0;
};

} // namespace Stepscope
