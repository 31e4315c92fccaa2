#pragma once

#include "workflow/workflow.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

/// The states of a workflow, as a flat list (the canvas comes with the diagram model).
class StateListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DocumentController")
public:
    enum Role { NameRole = Qt::UserRole + 1, TypeRole, ContainerRole, LineRole, IsStartRole, IsEndRole };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;
    void setWorkflow(const Workflow& workflow);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    Workflow m_workflow;
};

} // namespace Stepscope
