#pragma once

#include <QPointer>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

class NodeModel;
class TiledGeometry;

/// What the canvas's geometry layers share: the diagram they draw (through the node model), the part in view, and
/// the scene-graph bookkeeping. A layer writes all its triangles into tiles when something it draws changes
/// (markDirty); panning and zooming only show and hide tiles (`viewport`) and move the parent item.
class DiagramLayer : public QQuickItem {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(Stepscope::NodeModel* nodes READ nodes WRITE setNodes NOTIFY nodesChanged)
    /// The visible part of the diagram (this item's coordinates); invalid: draw everything.
    Q_PROPERTY(QRectF viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    Q_PROPERTY(int vertexCount READ vertexCount NOTIFY verticesChanged)
public:
    explicit DiagramLayer(QQuickItem* parent = nullptr);

    [[nodiscard]] NodeModel* nodes() const { return m_nodes; }
    void setNodes(NodeModel* nodes);
    [[nodiscard]] QRectF viewport() const { return m_viewport; }
    void setViewport(const QRectF& viewport);
    [[nodiscard]] int vertexCount() const { return m_vertexCount; }

Q_SIGNALS:
    void nodesChanged();
    void verticesChanged();
    void viewportChanged();

protected:
    /// Writes every triangle of the layer (the node model may be null).
    virtual void buildGeometry(TiledGeometry& out) = 0;
    /// Connects to the model's signals that change what the layer draws (by default: its resets).
    virtual void watchModel(NodeModel* nodes);
    /// Something the layer draws changed: rebuild the geometry at the next frame.
    virtual void markDirty();
    /// Rebuild at the next frame without markDirty's side effects (same look, other detail).
    void markGeometryDirty();

    QSGNode* updatePaintNode(QSGNode* old, UpdatePaintNodeData*) final;

private:
    QPointer<NodeModel> m_nodes;
    QRectF m_viewport;
    bool m_dirty = true;
    int m_vertexCount = 0;
};

} // namespace Stepscope
