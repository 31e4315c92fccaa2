#include "models/statelistmodel.h"

namespace Stepscope {

void StateListModel::setWorkflow(const Workflow& workflow)
{
    beginResetModel();
    m_workflow = workflow;
    endResetModel();
}

int StateListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_workflow.states.size());
}

QVariant StateListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const State& state = m_workflow.states.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return state.name;
    case TypeRole:
        return state.typeName;
    case ContainerRole: {
        QStringList path;
        for (const ContainerIndex c : m_workflow.containerPath(state.container)) {
            const Container& container = m_workflow.containers.at(c);
            path.append(m_workflow.states.at(container.owner).name + QStringLiteral(" › ") + container.label);
        }
        return path.join(QStringLiteral(" › "));
    }
    case LineRole:
        return state.pos.line;
    case IsStartRole:
        return state.isStart;
    case IsEndRole:
        return state.isEnd;
    default:
        return {};
    }
}

QHash<int, QByteArray> StateListModel::roleNames() const
{
    return { { NameRole, "name" }, { TypeRole, "type" }, { ContainerRole, "containerPath" }, { LineRole, "line" },
        { IsStartRole, "isStart" }, { IsEndRole, "isEnd" } };
}

} // namespace Stepscope
