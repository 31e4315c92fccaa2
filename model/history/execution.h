#pragma once

#include "workflow/diagnostic.h"
#include "workflow/runstatus.h"
#include "workflow/workflow.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

/// Engine-neutral values of one execution: the events as read, the runs rebuilt from them, the root cause.
/// Readers (model/history/sfn*) make these; reconstruction, matching, the UI and the archive consume them.
namespace Stepscope {

/// Event types. The names are Step Functions' (the first engine); other engines map their events onto these.
/// `Unknown` keeps any other type: such events are kept and shown with their type text, never dropped.
enum class HistoryEventType : quint8 {
    Unknown,
    ActivityFailed, ActivityScheduled, ActivityScheduleFailed, ActivityStarted, ActivitySucceeded, ActivityTimedOut,
    ChoiceStateEntered, ChoiceStateExited,
    ExecutionAborted, ExecutionFailed, ExecutionStarted, ExecutionSucceeded, ExecutionTimedOut, ExecutionRedriven,
    FailStateEntered,
    LambdaFunctionFailed, LambdaFunctionScheduled, LambdaFunctionScheduleFailed, LambdaFunctionStarted,
    LambdaFunctionStartFailed, LambdaFunctionSucceeded, LambdaFunctionTimedOut,
    MapIterationAborted, MapIterationFailed, MapIterationStarted, MapIterationSucceeded,
    MapStateAborted, MapStateEntered, MapStateExited, MapStateFailed, MapStateStarted, MapStateSucceeded,
    ParallelStateAborted, ParallelStateEntered, ParallelStateExited, ParallelStateFailed, ParallelStateStarted,
    ParallelStateSucceeded,
    PassStateEntered, PassStateExited,
    SucceedStateEntered, SucceedStateExited,
    TaskFailed, TaskScheduled, TaskStarted, TaskStartFailed, TaskStateAborted, TaskStateEntered, TaskStateExited,
    TaskSubmitFailed, TaskSubmitted, TaskSucceeded, TaskTimedOut,
    WaitStateAborted, WaitStateEntered, WaitStateExited,
    MapRunAborted, MapRunFailed, MapRunStarted, MapRunSucceeded, MapRunRedriven,
    EvaluationFailed,
};

[[nodiscard]] QString historyEventTypeName(HistoryEventType type); ///< "TaskFailed"; "Unknown" for Unknown
[[nodiscard]] HistoryEventType historyEventTypeFromName(QStringView name); ///< Unknown for anything else

/// A JSON value from a history (input, output, parameters, cause, ...), kept as a slice of the file that was read:
/// decoded only when asked, so that large histories are not copied. Cheap to copy (shares the buffer).
class Payload {
public:
    enum class Encoding : quint8 {
        None, ///< absent
        Raw, ///< the slice is JSON as written: object, array, number, true/false/null
        StringLiteral, ///< the slice is a JSON string literal, quotes included (AWS writes payloads this way)
    };

    Payload() = default;
    /// A payload over `size` bytes at `data`, kept alive by `owner`.
    Payload(std::shared_ptr<const void> owner, const char* data, qsizetype size, Encoding encoding);
    /// A payload that owns a copy of `json` (tests, fixtures, the archive).
    [[nodiscard]] static Payload fromJson(const QByteArray& json);
    /// A payload holding a plain string (it is quoted as a JSON string).
    [[nodiscard]] static Payload fromString(const QString& text);

    [[nodiscard]] bool isPresent() const { return m_encoding != Encoding::None; }
    [[nodiscard]] Encoding encoding() const { return m_encoding; }
    /// The value as written in the file (a JSON string literal for AWS payloads).
    [[nodiscard]] QByteArray raw() const;
    /// The value as a user reads it: a string is unescaped once, and once more when it holds a JSON string
    /// (payloads encoded twice); objects, arrays and numbers are returned as written.
    [[nodiscard]] QByteArray text() const;
    [[nodiscard]] QString toString() const { return QString::fromUtf8(text()); }
    /// True when text() holds a JSON object or array (the usual case for inputs and outputs).
    [[nodiscard]] bool holdsJsonStructure() const;
    /// True when the string held a JSON string again (encoded twice).
    [[nodiscard]] bool isEncodedTwice() const;
    [[nodiscard]] qsizetype rawSize() const { return m_size; }

    bool truncated = false; ///< inputDetails/outputDetails.truncated: AWS cut the payload at 256 KiB

private:
    std::shared_ptr<const void> m_owner;
    const char* m_data = nullptr;
    qsizetype m_size = 0;
    Encoding m_encoding = Encoding::None;
};

/// One event as read, whatever the source format.
struct HistoryEvent {
    qint64 id = -1; ///< as written; -1 when missing or not a number (LocalStack writes [0] inside branches)
    qint64 previousId = -1; ///< previousEventId; -1 when missing, 0 for "none"
    bool idWasList = false; ///< the id was written as a list ([0]); it cannot link events
    QDateTime timestamp; ///< invalid when the file holds a placeholder or nothing
    QString timestampText; ///< the timestamp as written when it could not be read ("timestamp", "datetime")
    QString typeName; ///< as written ("TaskFailed", "SomeFutureEvent")
    HistoryEventType type = HistoryEventType::Unknown;
    QString stateName; ///< state*EventDetails.name, mapIteration*EventDetails.name, evaluationFailed state
    int iterationIndex = -1; ///< mapIteration*EventDetails.index
    int mapLength = -1; ///< mapStateStartedEventDetails.length
    QString error;
    Payload cause;
    Payload input; ///< state/execution input, Lambda/activity input
    Payload output; ///< state/execution/task output
    Payload parameters; ///< taskScheduledEventDetails.parameters
    Payload assignedVariables; ///< stateExitedEventDetails.assignedVariables
    QString resource;
    QString resourceType;
    QString location; ///< evaluationFailedEventDetails.location
    QString mapRunArn;
    std::optional<qint64> timeoutSeconds;
    std::optional<qint64> heartbeatSeconds;
    QString executionArn; ///< CloudWatch log events only
    int redriveCount = -1; ///< CloudWatch log events only
    QString detailsKey; ///< the *EventDetails member name ("details" in CloudWatch logs), empty when none
    Payload details; ///< the whole details object as written
    qint64 sourceOffset = -1; ///< byte offset of the event in the file, for messages
};

enum class AttemptOutcome { Scheduled, Started, Submitted, Succeeded, Failed, TimedOut, ScheduleFailed, StartFailed,
                            SubmitFailed, Aborted };
[[nodiscard]] QString attemptOutcomeName(AttemptOutcome outcome); ///< "succeeded", "timed out", ...

/// One try of a Task state: a Lambda, an activity or a service integration call.
struct TaskAttempt {
    int number = 1; ///< 1-based within the state run
    QString kind; ///< "lambda", "activity", "task"
    QString resourceType; ///< "lambda", "dynamodb", ...
    QString resource; ///< ARN or API name
    Payload parameters; ///< what was sent
    AttemptOutcome outcome = AttemptOutcome::Scheduled;
    QDateTime scheduled;
    QDateTime started;
    QDateTime ended;
    QString error;
    Payload cause;
    Payload output;
    std::optional<qint64> timeoutSeconds;
    std::optional<qint64> heartbeatSeconds;
    QList<int> events; ///< indexes into Execution::events
    [[nodiscard]] bool failed() const;
};

/// A Retry rule that fired: the failed attempt and the wait before the next one.
struct RetryWait {
    int afterAttempt = 1; ///< the attempt that failed
    QString error;
    qint64 waitMs = -1; ///< failure to next schedule; -1 when the timestamps do not tell
};

/// A Catch rule that fired on a state run.
struct CatchFired {
    QString error;
    Payload cause;
    QString nextState; ///< empty when the history does not show the next state
};

/// A JSONata evaluation failure (EvaluationFailed event).
struct EvaluationFailure {
    QString error;
    Payload cause;
    QString location; ///< "Arguments", "Output", "Assign", ...
    QString state;
    int event = -1;
};

/// A distributed Map's child run (MapRun* events).
struct MapRunRecord {
    QString mapRunArn;
    RunStatus status = RunStatus::Running;
    QString error;
    Payload cause;
    QList<int> events;
};

enum class RunKind { State, Branch, Iteration };

/// Where a run sits in Execution::runs: the index among the top-level runs, then the index among each level's
/// children ({2, 17, 0}: the first run of iteration 17 of the third top-level run). Empty: no run.
using RunLocation = QList<int>;

/// One visit of a state, or one Parallel branch / Map iteration (the containers of other runs).
struct StateRun {
    RunKind kind = RunKind::State;
    QString name; ///< the state's name; for a branch or an iteration, the Parallel / Map state's name
    QString stateType; ///< "Task", "Map", ... as told by the events; empty when unknown
    QStringList containerPath; ///< labels of the enclosing branches / iterations: {"ProcessOrders[17]"}
    int index = -1; ///< branch number (0-based, in order of appearance) or Map iteration index
    RunStatus status = RunStatus::Running;
    QDateTime entered;
    QDateTime exited;
    Payload input;
    Payload output;
    QList<TaskAttempt> attempts;
    QList<RetryWait> retries;
    std::optional<CatchFired> caught;
    QString error; ///< the failure that ended this run, if any
    Payload cause;
    Payload assignedVariables;
    QList<EvaluationFailure> evaluationFailures;
    QList<MapRunRecord> mapRuns;
    int mapLength = -1; ///< Map: number of items (MapStateStarted)
    QList<int> events; ///< indexes into Execution::events placed on this run (not on its children)
    std::vector<StateRun> children; ///< Parallel: branches; Map: iterations; branch / iteration: state runs

    /// "ChargeCard", "ProcessOrders[17]", "NotifyCustomer[Branch 1]".
    [[nodiscard]] QString label() const;
    /// containerPath + label(): {"ProcessOrders[17]", "ChargeCard"}.
    [[nodiscard]] QStringList path() const;
    [[nodiscard]] std::optional<qint64> durationMs() const;
};

/// A Lambda function's cause: {"errorType", "errorMessage", "stackTrace"}.
struct LambdaCause {
    QString errorType;
    QString errorMessage;
    QStringList stackTrace;
    QString requestId;
};
/// Parses a cause written by Lambda (also when slightly malformed, as LocalStack writes them); nullopt otherwise.
[[nodiscard]] std::optional<LambdaCause> parseLambdaCause(const QByteArray& cause);

/// The deepest failing attempt that the execution's failure comes from.
struct RootCause {
    QString state;
    QStringList path; ///< {"ProcessOrders[17]", "ChargeCard"}
    QString error;
    QString cause;
    std::optional<LambdaCause> lambda;
    Payload input; ///< the input of the failing state run
    QList<TaskAttempt> attempts; ///< every attempt of that run, retries included
    QList<RetryWait> retries;
    int event = -1; ///< the event holding the error
    RunLocation run; ///< the failing run; empty when nothing ran (the execution's own error)
};

/// A failure that a Catch rule handled (or a tolerated Map failure), listed apart from the root cause.
struct CaughtError {
    QString state;
    QStringList path;
    QString error;
    QString cause;
    QString nextState;
    int event = -1;
    RunLocation run; ///< the run whose failure was caught
};

enum class ExecutionStatus { Unknown, Running, Succeeded, Failed, TimedOut, Aborted, PendingRedrive };
[[nodiscard]] QString executionStatusKey(ExecutionStatus status); ///< "SUCCEEDED", "FAILED", ... "UNKNOWN"
[[nodiscard]] ExecutionStatus executionStatusFromKey(QStringView key);

struct Execution {
    QString arn;
    QString name;
    QString stateMachineArn;
    ExecutionStatus status = ExecutionStatus::Unknown;
    QDateTime start;
    QDateTime stop;
    std::optional<qint64> durationMs; ///< only when both times are known
    int redriveCount = 0;
    QDateTime redriveDate;
    Payload input;
    Payload output;
    QString error;
    Payload cause;

    std::vector<HistoryEvent> events; ///< in id order (reverse-order files are turned around)
    QList<int> executionEvents; ///< indexes of events about the execution itself (started, failed, ...)
    std::vector<StateRun> runs; ///< top-level state runs in order
    std::optional<RootCause> rootCause;
    QList<CaughtError> caughtErrors;
    QList<int> unassignedEvents; ///< indexes of events that could not be placed (empty when all were)
    Diagnostics warnings; ///< what reconstruction noticed (dangling ids, duplicates, missing events)

    bool hasHistory = false; ///< false when only a summary (describe-execution) was read
    bool isPartialLog = false; ///< a log written at level ERROR/FATAL: only some events are there
    QString partialNote; ///< what is missing, in words
};

/// Where the history came from, chosen by content.
enum class HistoryFormat { Unknown, ExecutionHistory, DescribeExecution, StartSyncExecution, LogEvents, LogExport };
[[nodiscard]] QString historyFormatName(HistoryFormat format); ///< "get-execution-history", ...

struct HistoryReadOptions {
    QString executionArn; ///< log exports holding several executions: which one (default: the first)
    QString describeFile; ///< optional describe-execution output adding the ARN, name and dates
};

struct HistoryReadResult {
    bool read = false; ///< the file was read (false: missing, empty or not JSON at all)
    HistoryFormat format = HistoryFormat::Unknown;
    Execution execution;
    QStringList executionArns; ///< every execution in a log export, in order of first appearance
    Diagnostics diagnostics; ///< reading and reconstruction, in order (also holds execution.warnings)
    qint64 fileSize = 0;
};

/// Reads any supported history format, detected by content, and rebuilds the execution.
[[nodiscard]] HistoryReadResult readHistoryFile(const QString& path, const HistoryReadOptions& options = {});
[[nodiscard]] HistoryReadResult readHistoryData(const QByteArray& data, const QString& file,
                                                const HistoryReadOptions& options = {});

/// Rebuilds runs, statuses, root cause and caught errors from execution.events (readers call this).
void reconstructExecution(Execution& execution);

/// The run at `location`, null when there is none.
[[nodiscard]] const StateRun* runAt(const Execution& execution, const RunLocation& location);

/// Without a definition: the graph of the path that ran (states and edges in visit order, containers for
/// Parallel / Map), so that it can be drawn. Approximate by nature: only what ran is there.
[[nodiscard]] Workflow workflowFromExecution(const Execution& execution);

} // namespace Stepscope
