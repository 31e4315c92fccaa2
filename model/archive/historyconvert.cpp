#include "historyconvert.h"

#include "history/execution.h"

#include <QCryptographicHash>

namespace Stepscope {

namespace {

qint64 msOf(const QDateTime& time) { return time.isValid() ? time.toMSecsSinceEpoch() : NoTime; }

QByteArray textOf(const Payload& payload) { return payload.isPresent() ? payload.text() : QByteArray(); }

void flatten(const StateRun& run, const QString& containerId, int iteration, QList<ArchivedStateRun>& out)
{
    if (run.kind != RunKind::State) {
        // A branch or an iteration reached directly: place its states under the given container.
        for (const StateRun& child : run.children)
            flatten(child, containerId, iteration, out);
        return;
    }
    ArchivedStateRun a;
    a.state = run.name;
    a.containerPath = containerId;
    a.iteration = iteration;
    a.status = runStatusKey(run.status);
    a.startMs = msOf(run.entered);
    a.durationMs = run.durationMs().value_or(-1);
    a.attempts = std::max(1, int(run.attempts.size()));
    a.error = run.error;
    a.cause = run.cause.isPresent() ? run.cause.toString() : QString();
    if (a.error.isEmpty() && run.caught) {
        a.error = run.caught->error;
        a.cause = run.caught->cause.isPresent() ? run.caught->cause.toString() : QString();
    }
    a.input = textOf(run.input);
    a.output = textOf(run.output);
    const QString stateId = a.stateId();
    out.append(std::move(a));
    for (const StateRun& child : run.children) {
        if (child.kind == RunKind::Branch) {
            const QString branch = stateId + u'/' + QString::number(std::max(0, child.index));
            for (const StateRun& grandChild : child.children)
                flatten(grandChild, branch, iteration, out);
        } else if (child.kind == RunKind::Iteration) {
            const QString processor = stateId + QStringLiteral("/processor");
            for (const StateRun& grandChild : child.children)
                flatten(grandChild, processor, child.index, out);
        } else {
            flatten(child, containerId, iteration, out);
        }
    }
}

QByteArray contentHash(const Execution& e)
{
    QCryptographicHash hash(QCryptographicHash::Blake2b_256); // several times faster than SHA-256 here
    auto add = [&hash](QByteArrayView part) {
        hash.addData(QByteArray::number(part.size()));
        hash.addData(QByteArrayView(":"));
        hash.addData(part);
    };
    for (const HistoryEvent& event : e.events) {
        add(event.typeName.toUtf8());
        add(QByteArray::number(event.id) + ' ' + QByteArray::number(event.previousId));
        add(event.timestamp.isValid() ? QByteArray::number(event.timestamp.toMSecsSinceEpoch()) : event.timestampText.toUtf8());
        add(event.details.raw());
    }
    // Summaries without events (describe-execution) are told apart by what they say.
    add(e.arn.toUtf8());
    // The name only with an ARN: readers name ARN-less histories after their file, and a copy is the same history.
    add(e.arn.isEmpty() ? QByteArray() : e.name.toUtf8());
    add(e.stateMachineArn.toUtf8());
    add(executionStatusKey(e.status).toUtf8());
    add(QByteArray::number(msOf(e.start)) + ' ' + QByteArray::number(msOf(e.stop)) + ' ' + QByteArray::number(e.redriveCount));
    add(e.input.raw());
    add(e.output.raw());
    add(e.error.toUtf8());
    add(e.cause.raw());
    return hash.result().toHex();
}

} // namespace

QString stateMachineNameFromArn(const QString& arn)
{
    const QStringList parts = arn.split(u':');
    // arn:partition:states:region:account:resourceType:name[:...]
    if (parts.size() < 7 || parts.at(0) != QLatin1String("arn"))
        return {};
    const QString& type = parts.at(5);
    if (type == QLatin1String("stateMachine") || type == QLatin1String("execution") || type == QLatin1String("express"))
        return parts.at(6);
    return {};
}

ArchivedExecution archivedFromExecution(const Execution& execution, const QString& sourceFile)
{
    ArchivedExecution a;
    a.arn = execution.arn;
    a.name = execution.name;
    a.stateMachine = stateMachineNameFromArn(execution.stateMachineArn);
    if (a.stateMachine.isEmpty())
        a.stateMachine = stateMachineNameFromArn(execution.arn);
    a.status = executionStatusKey(execution.status);
    a.startMs = msOf(execution.start);
    a.stopMs = msOf(execution.stop);
    a.redriveCount = execution.redriveCount;
    a.error = execution.error;
    a.cause = execution.cause.isPresent() ? execution.cause.toString() : QString();
    if (execution.rootCause) {
        a.rootCauseState = execution.rootCause->state;
        a.rootCausePath = execution.rootCause->path.join(QStringLiteral(" › "));
        if (a.error.isEmpty())
            a.error = execution.rootCause->error;
        if (a.cause.isEmpty())
            a.cause = execution.rootCause->cause;
    }
    a.input = textOf(execution.input);
    a.output = textOf(execution.output);
    for (const StateRun& run : execution.runs)
        flatten(run, QString(), -1, a.runs);
    a.eventCount = int(execution.events.size());
    a.sourceFile = sourceFile;
    a.contentHash = contentHash(execution);
    return a;
}

} // namespace Stepscope
