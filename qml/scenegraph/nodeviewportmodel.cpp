#include "scenegraph/nodeviewportmodel.h"

#include "models/nodemodel.h"

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
    : QAbstractListModel(parent)
{
}

void NodeViewportModel::setNodes(NodeModel* nodes)
{
    if (m_nodes == nodes)
        return;
    if (m_nodes)
        disconnect(m_nodes, nullptr, this, nullptr);
    beginResetModel();
    m_nodes = nodes;
    m_slots.clear();
    m_slotOf.clear();
    m_covered = QRectF();
    endResetModel();
    if (m_nodes) {
        connect(m_nodes, &QAbstractItemModel::modelReset, this, &NodeViewportModel::sourceReset);
        connect(m_nodes, &QAbstractItemModel::dataChanged, this, &NodeViewportModel::sourceDataChanged);
    }
    setCount(0);
    refilter(true);
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

void NodeViewportModel::sourceReset()
{
    // Every slot is freed now and filled again by the next change of the view (a new document is fitted right after
    // it is published: filling for the old zoom first would make items only to drop them), or else a moment later.
    QList<int> used;
    for (int slot = 0; slot < m_slots.size(); ++slot) {
        if (m_slots[slot] >= 0)
            used.append(slot);
        m_slots[slot] = -1;
    }
    m_slotOf.clear();
    m_covered = QRectF();
    setCount(0);
    slotsChanged(used);
    if (!m_refillQueued) {
        m_refillQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_refillQueued = false;
                refilter();
            },
            Qt::QueuedConnection);
    }
}

void NodeViewportModel::sourceDataChanged(
    const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    if (m_slotOf.isEmpty())
        return;
    for (int row = topLeft.row(); row <= bottomRight.row() && row < m_slotOf.size(); ++row) {
        const int slot = m_slotOf[row];
        if (slot >= 0)
            Q_EMIT dataChanged(index(slot), index(slot), roles);
    }
}

void NodeViewportModel::refilter(bool force)
{
    const qreal dx = m_viewport.width() * m_margin;
    const qreal dy = m_viewport.height() * m_margin;
    const QRectF covered
        = m_active && m_viewport.isValid() ? snapOutwards(m_viewport.adjusted(-dx, -dy, dx, dy)) : QRectF();
    if (covered == m_covered && !force)
        return;
    m_covered = covered;

    const int sourceRows = m_nodes ? m_nodes->rowCount() : 0;
    if (m_slotOf.size() != sourceRows)
        m_slotOf = QList<int>(sourceRows, -1);
    QList<bool> inView(sourceRows, false);
    int count = 0;
    for (int row = 0; row < sourceRows && !m_covered.isEmpty(); ++row) {
        const QRectF box = m_nodes->boxOfRow(row).adjusted(-SymbolOverhang, -SymbolOverhang, 0, 0);
        inView[row] = box.intersects(m_covered);
        count += inView[row] ? 1 : 0;
    }
    if (sourceRows > 0 && m_blank.isEmpty()) {
        const QModelIndex first = m_nodes->index(0);
        const QHash<int, QByteArray> roles = m_nodes->roleNames();
        for (auto it = roles.cbegin(); it != roles.cend(); ++it) {
            const QVariant value = m_nodes->data(first, it.key());
            m_blank.insert(it.key(), value.isValid() ? QVariant(value.metaType()) : QVariant());
        }
    }

    // Free the slots of nodes that left, then give the nodes that came in the free slots, then new ones.
    QList<int> changed;
    QList<int> free;
    for (int slot = 0; slot < m_slots.size(); ++slot) {
        const int row = m_slots[slot];
        if (row >= 0 && (row >= sourceRows || !inView[row])) {
            if (row < sourceRows)
                m_slotOf[row] = -1;
            m_slots[slot] = -1;
            changed.append(slot);
        }
        if (m_slots[slot] < 0)
            free.append(slot);
    }
    QList<int> added;
    qsizetype nextFree = 0;
    for (int row = 0; row < sourceRows; ++row) {
        if (!inView[row] || m_slotOf[row] >= 0)
            continue;
        if (nextFree < free.size()) {
            const int slot = free[nextFree++];
            m_slots[slot] = row;
            m_slotOf[row] = slot;
            changed.append(slot);
        } else {
            added.append(row);
        }
    }
    // Freed slots that were not taken again stay blank; slots taken again show their new node.
    slotsChanged(changed);
    if (!added.isEmpty()) {
        const auto first = static_cast<int>(m_slots.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (int row : std::as_const(added)) {
            m_slotOf[row] = static_cast<int>(m_slots.size());
            m_slots.append(row);
        }
        endInsertRows();
    }
    setCount(count);
}

void NodeViewportModel::slotsChanged(const QList<int>& changed)
{
    for (int slot : changed)
        Q_EMIT dataChanged(index(slot), index(slot));
}

void NodeViewportModel::setCount(int count)
{
    if (m_count == count)
        return;
    m_count = count;
    Q_EMIT countChanged();
}

int NodeViewportModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_slots.size());
}

QVariant NodeViewportModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_slots.size())
        return {};
    const int row = m_slots[index.row()];
    if (role == InViewRole)
        return row >= 0;
    if (row < 0 || !m_nodes)
        return m_blank.value(role);
    return m_nodes->data(m_nodes->index(row), role);
}

QHash<int, QByteArray> NodeViewportModel::roleNames() const
{
    QHash<int, QByteArray> roles = m_nodes ? m_nodes->roleNames() : NodeModel().roleNames();
    roles.insert(InViewRole, "inView");
    return roles;
}

} // namespace Stepscope
