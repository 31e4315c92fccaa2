#pragma once

#include <QPointer>
#include <QRectF>
#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

class NodeModel;

/// The nodes of a NodeModel whose boxes lie in (or near) the visible part of the canvas: the canvas creates text
/// items only for these, so a 500-state workflow costs as much to draw and to open as the few dozen states in view.
/// The viewport is snapped outwards to a grid, so panning changes the rows only when it crosses a grid line.
class NodeViewportModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(NodeModel* nodes READ nodes WRITE setNodes NOTIFY nodesChanged)
    /// The visible part of the diagram, in diagram coordinates.
    Q_PROPERTY(QRectF viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    /// Extra room around the viewport, as a fraction of its size, so that nodes exist before they scroll in.
    Q_PROPERTY(qreal margin READ margin WRITE setMargin NOTIFY viewportChanged)
    /// False: no rows at all (names too small to read at this zoom).
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    explicit NodeViewportModel(QObject* parent = nullptr);

    [[nodiscard]] NodeModel* nodes() const { return m_nodes; }
    void setNodes(NodeModel* nodes);
    [[nodiscard]] QRectF viewport() const { return m_viewport; }
    void setViewport(const QRectF& viewport);
    [[nodiscard]] qreal margin() const { return m_margin; }
    void setMargin(qreal margin);
    [[nodiscard]] bool active() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] int count() const { return rowCount(); }
    /// The area whose nodes are rows: the viewport with its margin, snapped to the grid.
    [[nodiscard]] QRectF coveredArea() const { return m_covered; }

Q_SIGNALS:
    void nodesChanged();
    void viewportChanged();
    void activeChanged();
    void countChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void refilter();

    QPointer<NodeModel> m_nodes;
    QRectF m_viewport;
    QRectF m_covered;
    qreal m_margin = 0.5;
    bool m_active = true;
};

} // namespace Stepscope
