#pragma once

#include <QAbstractListModel>
#include <QPointer>
#include <QRectF>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

class NodeModel;

/// The nodes of a NodeModel whose boxes lie in (or near) the visible part of the canvas: the canvas creates text
/// items only for these, so a 500-state workflow costs as much to draw and to open as the few dozen states in view.
/// The viewport is snapped outwards to a grid, so panning changes the nodes only when it crosses a grid line.
///
/// Rows are slots that are reused, not one row per node: a node scrolling out frees its slot and the next node
/// scrolling in takes it (a dataChanged), so panning moves and re-labels delegates instead of destroying and
/// creating them. A free slot has `inView` false and blank roles. Slots are added when more nodes are in view than
/// ever before and only go when the source is replaced.
class NodeViewportModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Stepscope::NodeModel* nodes READ nodes WRITE setNodes NOTIFY nodesChanged)
    /// The visible part of the diagram, in diagram coordinates.
    Q_PROPERTY(QRectF viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    /// Extra room around the viewport, as a fraction of its size, so that nodes exist before they scroll in.
    Q_PROPERTY(qreal margin READ margin WRITE setMargin NOTIFY viewportChanged)
    /// False: no nodes at all (names too small to read at this zoom).
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    /// The number of nodes in view (slots in use), not of rows.
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    /// Added to the source's roles: is this slot showing a node?
    static constexpr int InViewRole = Qt::UserRole + 1000;

    explicit NodeViewportModel(QObject* parent = nullptr);

    [[nodiscard]] NodeModel* nodes() const { return m_nodes; }
    void setNodes(NodeModel* nodes);
    [[nodiscard]] QRectF viewport() const { return m_viewport; }
    void setViewport(const QRectF& viewport);
    [[nodiscard]] qreal margin() const { return m_margin; }
    void setMargin(qreal margin);
    [[nodiscard]] bool active() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] int count() const { return m_count; }
    /// The area whose nodes are shown: the viewport with its margin, snapped to the grid.
    [[nodiscard]] QRectF coveredArea() const { return m_covered; }
    /// The source row a slot shows, -1 for a free slot.
    [[nodiscard]] int sourceRow(int slot) const { return slot >= 0 && slot < m_slots.size() ? m_slots[slot] : -1; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void nodesChanged();
    void viewportChanged();
    void activeChanged();
    void countChanged();

private:
    void refilter(bool force = false);
    void sourceReset();
    void sourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);
    void setCount(int count);
    void slotsChanged(const QList<int>& changed);

    QPointer<NodeModel> m_nodes;
    QRectF m_viewport;
    QRectF m_covered;
    qreal m_margin = 0.5;
    bool m_active = true;
    bool m_refillQueued = false;
    int m_count = 0;
    QList<int> m_slots; ///< slot -> source row, -1 when free
    QList<int> m_slotOf; ///< source row -> slot, -1 when not in view
    QHash<int, QVariant> m_blank; ///< what a free slot answers, per role (typed, so QML can assign it)
};

} // namespace Stepscope
