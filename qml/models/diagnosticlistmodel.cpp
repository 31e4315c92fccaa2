#include "models/diagnosticlistmodel.h"

namespace Stepscope {

void DiagnosticListModel::setDiagnostics(const Diagnostics& diagnostics)
{
    beginResetModel();
    m_diagnostics = diagnostics;
    endResetModel();
}

int DiagnosticListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diagnostics.size());
}

QVariant DiagnosticListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Diagnostic& d = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return formatDiagnostic(d, QString());
    case SeverityRole:
        return severityName(d.severity);
    case MessageRole:
        return d.message;
    case PointerRole:
        return d.pointer;
    case LineRole:
        return d.pos.line;
    case ColumnRole:
        return d.pos.column;
    case FileRole:
        return d.file;
    default:
        return {};
    }
}

QHash<int, QByteArray> DiagnosticListModel::roleNames() const
{
    return { { SeverityRole, "severity" }, { MessageRole, "message" }, { PointerRole, "pointer" },
        { LineRole, "line" }, { ColumnRole, "column" }, { FileRole, "file" } };
}

} // namespace Stepscope
