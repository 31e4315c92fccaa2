#include "scenegraph/tiledgeometry.h"

#include <QSGGeometryNode>
#include <QSGVertexColorMaterial>

#include <algorithm>
#include <cmath>

namespace Stepscope {

namespace {
constexpr int MaxChunkVertices = 65536;
}

TiledGeometry::TiledGeometry(qreal tileSize)
    : m_tileSize(tileSize)
{
}

void TiledGeometry::setTile(QPointF p, int maxVertices)
{
    const QPoint key(
        static_cast<int>(std::floor(p.x() / m_tileSize)), static_cast<int>(std::floor(p.y() / m_tileSize)));
    auto it = m_open.find(key);
    if (it == m_open.end() || m_chunks[*it].vertices.size() + maxVertices > MaxChunkVertices) {
        m_chunks.append(Chunk {});
        it = m_open.insert(key, static_cast<int>(m_chunks.size() - 1));
    }
    m_current = &m_chunks[*it];
}

int TiledGeometry::vertex(QPointF p, const QColor& color)
{
    if (!m_current)
        setTile(p, 3);
    if (color != m_lastColor || m_opacity != m_lastOpacity) {
        const qreal a = color.alphaF() * m_opacity;
        m_rgba[0] = uchar(std::lround(color.red() * a));
        m_rgba[1] = uchar(std::lround(color.green() * a));
        m_rgba[2] = uchar(std::lround(color.blue() * a));
        m_rgba[3] = uchar(std::lround(255 * a));
        m_lastColor = color;
        m_lastOpacity = m_opacity;
    }
    const float x = float(p.x());
    const float y = float(p.y());
    Chunk& chunk = *m_current;
    if (chunk.vertices.isEmpty()) {
        chunk.left = chunk.right = x;
        chunk.top = chunk.bottom = y;
    } else {
        chunk.left = std::min(chunk.left, x);
        chunk.right = std::max(chunk.right, x);
        chunk.top = std::min(chunk.top, y);
        chunk.bottom = std::max(chunk.bottom, y);
    }
    chunk.vertices.append({ x, y, m_rgba[0], m_rgba[1], m_rgba[2], m_rgba[3] });
    ++m_vertexCount;
    return static_cast<int>(m_current->vertices.size() - 1);
}

void TiledGeometry::triangle(int a, int b, int c)
{
    m_current->indices.append({ static_cast<quint16>(a), static_cast<quint16>(b), static_cast<quint16>(c) });
}

void TiledGeometry::build(QSGNode* root, const QRectF& viewport)
{
    while (QSGNode* child = root->firstChild()) {
        root->removeChildNode(child);
        delete child;
    }
    for (const Chunk& chunk : std::as_const(m_chunks)) {
        if (chunk.indices.isEmpty())
            continue;
        auto* geometry
            = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), static_cast<int>(chunk.vertices.size()),
                static_cast<int>(chunk.indices.size()), QSGGeometry::UnsignedShortType);
        geometry->setDrawingMode(QSGGeometry::DrawTriangles);
        std::copy(chunk.vertices.cbegin(), chunk.vertices.cend(), geometry->vertexDataAsColoredPoint2D());
        std::copy(chunk.indices.cbegin(), chunk.indices.cend(), geometry->indexDataAsUShort());
        auto* node = new QSGGeometryNode;
        node->setGeometry(geometry);
        node->setFlag(QSGNode::OwnsGeometry);
        node->setMaterial(new QSGVertexColorMaterial);
        node->setFlag(QSGNode::OwnsMaterial);
        // Each vertex counts as a 0.01-wide square, so that a single point still has bounds.
        const QRectF bounds(QPointF(chunk.left, chunk.top), QPointF(chunk.right + 0.01, chunk.bottom + 0.01));
        auto* tile = new TileNode(bounds);
        tile->appendChildNode(node);
        root->appendChildNode(tile);
    }
    cullTiles(root, viewport);
}

int cullTiles(QSGNode* root, const QRectF& viewport)
{
    int shown = 0;
    for (QSGNode* child = root->firstChild(); child; child = child->nextSibling()) {
        auto* tile = static_cast<TileNode*>(child);
        const bool show = !viewport.isValid() || tile->bounds().intersects(viewport);
        shown += show ? 1 : 0;
        if ((tile->opacity() > 0) != show)
            tile->setOpacity(show ? 1 : 0);
    }
    return shown;
}

} // namespace Stepscope
