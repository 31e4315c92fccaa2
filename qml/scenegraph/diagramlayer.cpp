#include "scenegraph/diagramlayer.h"

#include "models/nodemodel.h"
#include "scenegraph/tiledgeometry.h"

namespace Stepscope {

DiagramLayer::DiagramLayer(QQuickItem* parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents, true);
}

void DiagramLayer::setNodes(NodeModel* nodes)
{
    if (m_nodes == nodes)
        return;
    if (m_nodes)
        disconnect(m_nodes, nullptr, this, nullptr);
    m_nodes = nodes;
    if (m_nodes)
        watchModel(m_nodes);
    markDirty();
    Q_EMIT nodesChanged();
}

void DiagramLayer::watchModel(NodeModel* nodes)
{
    connect(nodes, &QAbstractItemModel::modelReset, this, &DiagramLayer::markDirty);
}

void DiagramLayer::setViewport(const QRectF& viewport)
{
    if (m_viewport == viewport)
        return;
    m_viewport = viewport;
    update(); // only the tiles shown change
    Q_EMIT viewportChanged();
}

void DiagramLayer::markDirty()
{
    markGeometryDirty();
}

void DiagramLayer::markGeometryDirty()
{
    m_dirty = true;
    update();
}

QSGNode* DiagramLayer::updatePaintNode(QSGNode* old, UpdatePaintNodeData*)
{
    QSGNode* root = old;
    if (!root) {
        root = new QSGNode;
        m_dirty = true;
    }
    if (!m_dirty) {
        cullTiles(root, m_viewport);
        return root;
    }
    m_dirty = false;
    TiledGeometry out;
    buildGeometry(out);
    out.build(root, m_viewport);
    if (m_vertexCount != out.vertexCount()) {
        m_vertexCount = out.vertexCount();
        // On the render thread: tell QML from the item's own thread.
        QMetaObject::invokeMethod(this, &DiagramLayer::verticesChanged, Qt::QueuedConnection);
    }
    return root;
}

} // namespace Stepscope
