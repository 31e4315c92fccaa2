#include "historyconvert.h"
#include "importer.h"

#include "history/execution.h"

#include <QFile>

namespace Stepscope {

QList<ArchivedExecution> readExecutionsFromFile(const QString& file, QString* error)
{
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        if (error)
            *error = input.errorString();
        return {};
    }
    // Read once: a log export holding several executions is rebuilt once per execution from the same bytes.
    const QByteArray data = input.readAll();
    HistoryReadResult first = readHistoryData(data, file);
    if (!first.read || first.format == HistoryFormat::Unknown) {
        if (error) {
            for (const Diagnostic& d : first.diagnostics) {
                if (d.isError()) {
                    *error = d.message;
                    break;
                }
            }
            if (error->isEmpty())
                *error = QStringLiteral("not an execution history that Stepscope reads");
        }
        return {};
    }
    QList<ArchivedExecution> executions;
    executions.append(archivedFromExecution(first.execution, file));
    for (qsizetype i = 1; i < first.executionArns.size(); ++i) {
        HistoryReadOptions options;
        options.executionArn = first.executionArns.at(i);
        const HistoryReadResult other = readHistoryData(data, file, options);
        if (other.read)
            executions.append(archivedFromExecution(other.execution, file));
    }
    return executions;
}

} // namespace Stepscope
