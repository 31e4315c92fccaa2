#pragma once

#include "layout/diagram.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

/// The state boxes of a Diagram, with the status painted on each, for the canvas delegates.
class NodeModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DocumentController")
public:
    enum Role {
        StateRole = Qt::UserRole + 1,
        StateIdRole,
        NameRole,
        LabelRole,
        TypeRole,
        BoxRole,
        StatusRole, ///< "FAILED", "SUCCEEDED", ... ("" without an execution)
        StatusNameRole, ///< "failed", ...
        NoteRole,
        BadgeRole,
        IsStartRole,
        IsEndRole,
        IsGhostRole,
        IsGroupRole, ///< the header of an expanded Parallel / Map
        CollapsibleRole,
        CollapsedRole,
        MatchedRole, ///< matches the search text
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;
    void setDiagram(const Diagram& diagram);
    /// Statuses by state index; an empty map means "no execution" (nothing painted).
    void setStatuses(const QHash<StateIndex, StateStatus>& statuses, bool hasExecution);
    void setSearch(const QString& text);

    [[nodiscard]] const Diagram& diagram() const { return m_diagram; }
    [[nodiscard]] QList<int> matches() const { return m_matches; }
    /// "FAILED", "SUCCEEDED", ... for the node in `row`; empty without an execution.
    [[nodiscard]] QString statusKeyAt(int row) const;
    [[nodiscard]] bool isMatchedRow(int row) const { return m_matchedRows.value(row, false); }

    /// The topmost node row at a point in diagram coordinates, -1 if none (the canvas hit-tests here instead of
    /// giving every node its own handlers).
    [[nodiscard]] Q_INVOKABLE int rowAt(qreal x, qreal y) const;
    [[nodiscard]] Q_INVOKABLE int stateOfRow(int row) const;
    [[nodiscard]] Q_INVOKABLE QString stateIdOfRow(int row) const;
    [[nodiscard]] Q_INVOKABLE bool isCollapsibleRow(int row) const;
    /// Is the point on the collapse / expand mark in the top-right corner of a Parallel / Map node?
    [[nodiscard]] Q_INVOKABLE bool isCollapseHit(int row, qreal x, qreal y) const;
    [[nodiscard]] Q_INVOKABLE QRectF boxOfRow(int row) const;
    /// The hover text of a node (plain text: names come from users' files).
    [[nodiscard]] Q_INVOKABLE QString toolTip(int row) const;
    [[nodiscard]] RunStatus statusOf(StateIndex state) const { return m_statuses.value(state).status; }
    [[nodiscard]] bool hasExecution() const { return m_hasExecution; }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    void updateMatches();

    Diagram m_diagram;
    QHash<StateIndex, StateStatus> m_statuses;
    bool m_hasExecution = false;
    QString m_search;
    QList<int> m_matches; ///< node rows matching the search, in diagram order
    QList<bool> m_matchedRows; ///< by row, for painting without a search per node
};

/// The boxes of Parallel / Map groups and of their branches, drawn under the nodes.
class ContainerModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DocumentController")
public:
    enum Role { KindRole = Qt::UserRole + 1, LabelRole, BoxRole, LabelBoxRole, DepthRole, StateRole };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;
    void setDiagram(const Diagram& diagram);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    QList<DiagramContainer> m_containers;
    QList<int> m_depth;
};

} // namespace Stepscope
