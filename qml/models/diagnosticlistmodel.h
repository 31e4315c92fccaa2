#pragma once

#include "workflow/diagnostic.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace Stepscope {

/// Diagnostics of the open file, with line and column, for the diagnostics panel.
class DiagnosticListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by DocumentController")
public:
    enum Role { SeverityRole = Qt::UserRole + 1, MessageRole, PointerRole, LineRole, ColumnRole, FileRole };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;
    void setDiagnostics(const Diagnostics& diagnostics);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    Diagnostics m_diagnostics;
};

} // namespace Stepscope
