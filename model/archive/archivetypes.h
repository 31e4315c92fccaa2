#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <limits>
#include <optional>

/// Plain values going into and coming out of the execution archive.
namespace Stepscope {

/// Milliseconds since the epoch, or NoTime when unknown (LocalStack writes "timestamp" instead of a time).
constexpr qint64 NoTime = std::numeric_limits<qint64>::min();

/// One run of one state in an execution, as stored.
struct ArchivedStateRun {
    QString state; ///< the state's name
    QString containerPath; ///< "Fanout/0" style path of Parallel branches and Map iterations, empty at top level
    int iteration = -1; ///< Map iteration index, -1 outside a Map
    QString status; ///< RunStatus key: "SUCCEEDED", "FAILED", "CAUGHT", ...
    qint64 startMs = NoTime;
    qint64 durationMs = -1; ///< -1 when unknown
    int attempts = 1;
    QString error;
    QString cause;
    QByteArray input; ///< JSON text; null when not recorded
    QByteArray output;

    /// Workflow state id ("Fanout/0/Charge" style): the container path plus the name.
    [[nodiscard]] QString stateId() const { return containerPath.isEmpty() ? state : containerPath + u'/' + state; }
};

/// An execution as the archive imports and returns it.
struct ArchivedExecution {
    QString arn; ///< empty when unknown or a placeholder
    QString name;
    QString stateMachine; ///< state machine name (or ARN when only that is known)
    QString status; ///< "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "RUNNING", "PENDING_REDRIVE", ...
    qint64 startMs = NoTime;
    qint64 stopMs = NoTime;
    int redriveCount = 0;
    QString error;
    QString cause;
    QString rootCauseState; ///< the state where the failure began
    QString rootCausePath; ///< its container path ("ProcessOrders[17] › ChargeCard")
    QByteArray input;
    QByteArray output;
    QByteArray definition; ///< the definition text when the source holds it, else empty
    QList<ArchivedStateRun> runs;
    int eventCount = 0;
    QString sourceFile;
    QByteArray contentHash; ///< hex BLAKE2b-256 of the content, the identity when there is no ARN

    [[nodiscard]] qint64 durationMs() const
    {
        return startMs != NoTime && stopMs != NoTime && stopMs >= startMs ? stopMs - startMs : -1;
    }
    /// "arn:..." when the ARN is known, else "blake2b:<content hash>".
    [[nodiscard]] QString identity() const;
};

/// True for a real execution ARN; false for empty strings and LocalStack-style placeholders ("<ArnPart_0idx>").
[[nodiscard]] bool isRealArn(const QString& arn);

/// One row of a search result.
struct ExecutionSummary {
    qint64 id = 0; ///< archive row id (stable for the archive's lifetime)
    QString identity;
    QString arn;
    QString name;
    QString stateMachine;
    QString status;
    qint64 startMs = NoTime;
    qint64 stopMs = NoTime;
    qint64 durationMs = -1;
    int redriveCount = 0;
    QString error;
    QString cause;
    QString rootCauseState;
    QString rootCausePath;
    QString sourceFile;
};

/// Filters for search; empty members do not filter. All values are bound as SQL parameters.
struct SearchQuery {
    QStringList statuses; ///< execution status, any of (case-insensitive)
    QString error; ///< execution error or any state run error, exact or with * wildcards
    QString state; ///< executions that ran this state (name or state id)
    QString stateMachine;
    qint64 sinceMs = NoTime; ///< start time >= since
    qint64 untilMs = NoTime; ///< start time < until
    QString text; ///< full-text words, all must occur (in payloads, errors, causes, names)
    int offset = 0;
    int limit = 100; ///< -1: all
};

struct SearchResult {
    qint64 total = 0; ///< all matches, regardless of offset / limit
    QList<ExecutionSummary> executions; ///< newest first
};

struct ErrorCount {
    QString error;
    qint64 count = 0;
};

/// Per-state figures over every archived execution of one state machine.
struct StateStatistics {
    QString stateId; ///< Workflow state id ("Fanout/0/Charge" style), the key for the heat map
    QString state; ///< name
    qint64 executions = 0; ///< executions that ran the state
    qint64 runs = 0;
    qint64 failedRuns = 0; ///< runs that ended FAILED, TIMED_OUT or ABORTED
    qint64 failedExecutions = 0; ///< executions in which the state failed at least once
    double failureRate = 0; ///< failedExecutions / executions
    QList<ErrorCount> topErrors; ///< most frequent first, at most 5
    qint64 p50Ms = -1; ///< run duration percentiles, -1 when no durations are known
    qint64 p95Ms = -1;
};

struct StateMachineStatistics {
    QString stateMachine;
    qint64 executions = 0;
    qint64 failedExecutions = 0;
    QList<StateStatistics> states; ///< sorted by failure rate, then by name
};

/// How one state differs between two executions.
struct StateDifference {
    QString stateId;
    QString statusA; ///< empty when the state did not run in that execution
    QString statusB;
    qint64 durationA = -1;
    qint64 durationB = -1;
    int runsA = 0;
    int runsB = 0;
    QStringList inputChanges; ///< "/path: a → b" lines, empty when equal
    QStringList outputChanges;
    [[nodiscard]] bool pathDiffers() const { return statusA.isEmpty() != statusB.isEmpty(); }
};

struct ExecutionComparison {
    ExecutionSummary a;
    ExecutionSummary b;
    QStringList pathA; ///< state ids in the order they first ran
    QStringList pathB;
    int commonPrefix = 0; ///< number of leading states both paths share
    QStringList onlyInA;
    QStringList onlyInB;
    QList<StateDifference> states; ///< every state that ran in either, in first-run order
};

} // namespace Stepscope
