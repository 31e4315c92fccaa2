#include "sfnreader.h"

#include <QSet>

// CloudWatch logs of Express (and logged Standard) workflows: several executions interleaved, and at log levels
// ERROR / FATAL only the failing events.
namespace Stepscope::Sfn {

QStringList executionArnsOf(const std::vector<HistoryEvent>& events)
{
    QStringList arns;
    QSet<QString> seen;
    for (const HistoryEvent& event : events) {
        if (!event.executionArn.isEmpty() && !seen.contains(event.executionArn)) {
            seen.insert(event.executionArn);
            arns.append(event.executionArn);
        }
    }
    return arns;
}

QString selectLogExecution(std::vector<HistoryEvent>& events, const QString& wanted, const QString& file,
                           Diagnostics& diagnostics)
{
    const QStringList arns = executionArnsOf(events);
    if (arns.size() <= 1)
        return arns.value(0);
    QString chosen = arns.first();
    if (!wanted.isEmpty()) {
        if (arns.contains(wanted)) {
            chosen = wanted;
        } else {
            diagnostics.append({ Severity::Warning,
                QStringLiteral("execution %1 is not in this log; showing the first one instead").arg(wanted), {}, {},
                file });
        }
    }
    diagnostics.append({ Severity::Info,
        QStringLiteral("this log holds %1 executions; showing %2 (choose another with --execution ARN)")
            .arg(arns.size())
            .arg(chosen),
        {}, {}, file });
    std::vector<HistoryEvent> kept;
    for (HistoryEvent& event : events) {
        if (event.executionArn == chosen || event.executionArn.isEmpty())
            kept.push_back(std::move(event));
    }
    events = std::move(kept);
    return chosen;
}

// Logs written at level ERROR or FATAL keep only failure events: say what is known and what is missing.
void notePartialLog(Execution& execution, const QString& file, Diagnostics& diagnostics)
{
    const auto& events = execution.events;
    if (events.empty())
        return;
    const bool hasStart = std::any_of(events.begin(), events.end(),
        [](const HistoryEvent& e) { return e.type == HistoryEventType::ExecutionStarted; });
    qint64 maxId = -1;
    for (const HistoryEvent& e : events)
        maxId = std::max(maxId, e.id);
    const qint64 missing = maxId > 0 ? maxId - qint64(events.size()) : 0;
    if (hasStart && missing <= 0)
        return;
    execution.isPartialLog = true;
    QString note = QStringLiteral("this log holds %1 of the execution's events").arg(events.size());
    if (maxId > 0)
        note += QStringLiteral(" (ids up to %1: %2 missing)").arg(maxId).arg(std::max<qint64>(missing, 0));
    note += QStringLiteral("; it was probably written at log level ERROR or FATAL, which logs only failures");
    if (!hasStart)
        note += QStringLiteral(". The start of the execution (its input) is missing");
    note += QStringLiteral(". States that ran without failing are not shown.");
    execution.partialNote = note;
    diagnostics.append({ Severity::Info, note, {}, {}, file });
}

} // namespace Stepscope::Sfn
