#include "models/nodemodel.h"

namespace Stepscope {

void NodeModel::setDiagram(const Diagram& diagram)
{
    beginResetModel();
    m_diagram = diagram;
    updateMatches();
    endResetModel();
}

void NodeModel::setStatuses(const QHash<StateIndex, StateStatus>& statuses, bool hasExecution)
{
    m_statuses = statuses;
    m_hasExecution = hasExecution;
    if (!m_diagram.nodes.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), { StatusRole, StatusNameRole, NoteRole });
}

void NodeModel::setSearch(const QString& text)
{
    m_search = text.trimmed();
    updateMatches();
    if (!m_diagram.nodes.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), { MatchedRole });
}

void NodeModel::updateMatches()
{
    m_matches.clear();
    m_matchedRows.fill(false, m_diagram.nodes.size());
    if (!m_search.isEmpty()) {
        for (int i = 0; i < m_diagram.nodes.size(); ++i) {
            if (m_diagram.nodes[i].ghostOf < 0 && m_diagram.nodes[i].name.contains(m_search, Qt::CaseInsensitive)) {
                m_matches.append(i);
                m_matchedRows[i] = true;
            }
        }
    }
}

int NodeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diagram.nodes.size());
}

QVariant NodeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DiagramNode& node = m_diagram.nodes[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return node.name;
    case StateRole:
        return node.state;
    case StateIdRole:
        return node.id;
    case LabelRole:
        return node.label.isEmpty() ? node.name : node.label;
    case TypeRole:
        return node.typeName;
    case BoxRole:
        return node.box;
    case StatusRole:
        return statusKeyAt(index.row());
    case StatusNameRole:
        return m_hasExecution ? runStatusName(m_statuses.value(node.state).status) : QString();
    case NoteRole:
        return m_statuses.value(node.state).note;
    case BadgeRole:
        return node.badge;
    case IsStartRole:
        return node.isStart;
    case IsEndRole:
        return node.isEnd;
    case IsGhostRole:
        return node.ghostOf >= 0;
    case IsGroupRole:
        return node.group >= 0;
    case CollapsibleRole:
        return isCollapsibleRow(index.row());
    case CollapsedRole:
        return node.collapsedContainer;
    case MatchedRole:
        return isMatchedRow(index.row());
    default:
        return {};
    }
}

QString NodeModel::statusKeyAt(int row) const
{
    if (!m_hasExecution || row < 0 || row >= m_diagram.nodes.size())
        return {};
    return runStatusKey(m_statuses.value(m_diagram.nodes[row].state).status);
}

int NodeModel::rowAt(qreal x, qreal y) const
{
    const QPointF p(x, y);
    for (qsizetype i = m_diagram.nodes.size() - 1; i >= 0; --i) { // drawn last = on top
        if (m_diagram.nodes[i].box.contains(p))
            return static_cast<int>(i);
    }
    return -1;
}

int NodeModel::stateOfRow(int row) const
{
    return row >= 0 && row < m_diagram.nodes.size() ? m_diagram.nodes[row].state : NoIndex;
}

QString NodeModel::stateIdOfRow(int row) const
{
    return row >= 0 && row < m_diagram.nodes.size() ? m_diagram.nodes[row].id : QString();
}

bool NodeModel::isCollapsibleRow(int row) const
{
    if (row < 0 || row >= m_diagram.nodes.size())
        return false;
    const DiagramNode& node = m_diagram.nodes[row];
    return node.ghostOf < 0 && (node.type == StateType::Map || node.type == StateType::Parallel);
}

bool NodeModel::isCollapseHit(int row, qreal x, qreal y) const
{
    if (!isCollapsibleRow(row))
        return false;
    const QRectF box = m_diagram.nodes[row].box;
    return QRectF(box.right() - 18, box.top(), 18, 18).contains(QPointF(x, y));
}

QRectF NodeModel::boxOfRow(int row) const
{
    return row >= 0 && row < m_diagram.nodes.size() ? m_diagram.nodes[row].box : QRectF();
}

QString NodeModel::toolTip(int row) const
{
    if (row < 0 || row >= m_diagram.nodes.size())
        return {};
    const DiagramNode& node = m_diagram.nodes[row];
    QString text = node.name + QStringLiteral(" (") + node.typeName + u')';
    if (m_hasExecution)
        text += QStringLiteral("\nstatus: ") + runStatusName(m_statuses.value(node.state).status);
    const QString note = m_statuses.value(node.state).note;
    if (!note.isEmpty())
        text += u'\n' + note;
    if (!node.badge.isEmpty())
        text += QStringLiteral("\nretry: ") + node.badge;
    if (node.ghostOf >= 0)
        text += QStringLiteral("\n(copy of the Catch handler, drawn near its source)");
    return text;
}

QHash<int, QByteArray> NodeModel::roleNames() const
{
    return { { StateRole, "stateIndex" }, { StateIdRole, "stateId" }, { NameRole, "name" }, { LabelRole, "label" },
        { TypeRole, "typeName" }, { BoxRole, "box" }, { StatusRole, "status" }, { StatusNameRole, "statusName" },
        { NoteRole, "note" }, { BadgeRole, "badge" }, { IsStartRole, "isStart" }, { IsEndRole, "isEnd" },
        { IsGhostRole, "isGhost" }, { IsGroupRole, "isGroup" }, { CollapsibleRole, "collapsible" },
        { CollapsedRole, "collapsed" }, { MatchedRole, "matched" } };
}

void ContainerModel::setDiagram(const Diagram& diagram)
{
    beginResetModel();
    m_containers = diagram.containers;
    m_depth.clear();
    for (const DiagramContainer& c : m_containers) // parents come first
        m_depth.append(c.parent >= 0 && c.parent < m_depth.size() ? m_depth[c.parent] + 1 : 0);
    endResetModel();
}

int ContainerModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_containers.size());
}

QVariant ContainerModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DiagramContainer& c = m_containers[index.row()];
    switch (role) {
    case KindRole:
        return c.kind == DiagramContainerKind::Group ? QStringLiteral("group") : QStringLiteral("branch");
    case Qt::DisplayRole:
    case LabelRole:
        return c.label;
    case BoxRole:
        return c.box;
    case LabelBoxRole:
        return c.labelBox;
    case DepthRole:
        return m_depth.value(index.row());
    case StateRole:
        return c.state;
    default:
        return {};
    }
}

QHash<int, QByteArray> ContainerModel::roleNames() const
{
    return { { KindRole, "kind" }, { LabelRole, "label" }, { BoxRole, "box" }, { LabelBoxRole, "labelBox" },
        { DepthRole, "depth" }, { StateRole, "stateIndex" } };
}

} // namespace Stepscope
