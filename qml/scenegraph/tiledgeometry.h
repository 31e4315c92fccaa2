#pragma once

#include <QColor>
#include <QHash>
#include <QList>
#include <QPoint>
#include <QRectF>
#include <QSGGeometry>
#include <QSGOpacityNode>

namespace Stepscope {

/// Coloured triangles sorted into square tiles of the diagram, one geometry node per tile, so that the canvas hands
/// the renderer only the tiles in view (Qt Quick does not cull: software OpenGL would transform, clip and set up
/// every triangle of a 500-state workflow on every frame). Indices are 16-bit, what the Qt 6.4 renderer draws
/// unmerged geometry with; a full tile continues in a new geometry node.
class TiledGeometry {
public:
    explicit TiledGeometry(qreal tileSize = 512);

    /// Sends the next shapes to the tile holding `p`; they add at most `maxVertices` vertices in all.
    void setTile(QPointF p, int maxVertices);
    /// Colours are multiplied by this opacity (and premultiplied, as QSGVertexColorMaterial expects).
    void setOpacity(qreal opacity) { m_opacity = opacity; }
    [[nodiscard]] int vertex(QPointF p, const QColor& color);
    void triangle(int a, int b, int c);
    [[nodiscard]] int vertexCount() const { return m_vertexCount; }

    /// Replaces the children of `root` with one TileNode per tile, each shown or hidden for `viewport`.
    void build(QSGNode* root, const QRectF& viewport);

private:
    struct Chunk {
        QList<QSGGeometry::ColoredPoint2D> vertices;
        QList<quint16> indices;
        float left = 0, top = 0, right = 0, bottom = 0; ///< bounds of the vertices (valid when there are some)
    };
    qreal m_tileSize;
    qreal m_opacity = 1;
    // The last colour premultiplied: shapes come in runs of one colour, and rounding per vertex added up.
    QColor m_lastColor;
    qreal m_lastOpacity = -1;
    uchar m_rgba[4] = {};
    QList<Chunk> m_chunks;
    QHash<QPoint, int> m_open; ///< tile -> its chunk being filled
    Chunk* m_current = nullptr;
    int m_vertexCount = 0;
};

/// A tile of TiledGeometry: hidden (opacity 0, which the renderer skips) when its bounds are out of view.
class TileNode : public QSGOpacityNode {
public:
    explicit TileNode(const QRectF& bounds)
        : m_bounds(bounds)
    {
    }
    [[nodiscard]] QRectF bounds() const { return m_bounds; }

private:
    QRectF m_bounds;
};

/// Shows the tiles under `root` that intersect `viewport` (diagram coordinates) and hides the others; an invalid
/// viewport shows everything. Returns the number of tiles shown.
int cullTiles(QSGNode* root, const QRectF& viewport);

} // namespace Stepscope
