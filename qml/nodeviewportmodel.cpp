#include "nodeviewportmodel.h"

#include "nodemodel.h"

#include <cmath>

namespace Stepscope {

namespace {

constexpr qreal Grid = 256; // diagram units
constexpr qreal SymbolOverhang = 8; // the status symbol sticks out of the box's top-left corner

QRectF snapOutwards(const QRectF& r)
{
    const qreal left = std::floor(r.left() / Grid) * Grid;
    const qreal top = std::floor(r.top() / Grid) * Grid;
    const qreal right = std::ceil(r.right() / Grid) * Grid;
    const qreal bottom = std::ceil(r.bottom() / Grid) * Grid;
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

} // namespace

NodeViewportModel::NodeViewportModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &NodeViewportModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &NodeViewportModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &NodeViewportModel::countChanged);
}

void NodeViewportModel::setNodes(NodeModel* nodes)
{
    if (m_nodes == nodes)
        return;
    m_nodes = nodes;
    setSourceModel(nodes);
    Q_EMIT nodesChanged();
}

void NodeViewportModel::setViewport(const QRectF& viewport)
{
    if (m_viewport == viewport)
        return;
    m_viewport = viewport;
    refilter();
    Q_EMIT viewportChanged();
}

void NodeViewportModel::setMargin(qreal margin)
{
    if (qFuzzyCompare(m_margin, margin))
        return;
    m_margin = margin;
    refilter();
    Q_EMIT viewportChanged();
}

void NodeViewportModel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    refilter();
    Q_EMIT activeChanged();
}

void NodeViewportModel::refilter()
{
    const qreal dx = m_viewport.width() * m_margin;
    const qreal dy = m_viewport.height() * m_margin;
    const QRectF covered
        = m_active && m_viewport.isValid() ? snapOutwards(m_viewport.adjusted(-dx, -dy, dx, dy)) : QRectF();
    if (covered == m_covered)
        return;
    m_covered = covered;
    invalidateFilter(); // inserts and removes only the rows that changed
}

bool NodeViewportModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (sourceParent.isValid() || !m_nodes || m_covered.isEmpty())
        return false;
    const QRectF box = m_nodes->boxOfRow(sourceRow).adjusted(-SymbolOverhang, -SymbolOverhang, 0, 0);
    return box.intersects(m_covered);
}

} // namespace Stepscope
