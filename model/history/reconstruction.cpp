#include "execution.h"

#include "rootcause.h"

#include <QHash>

// Rebuilds the tree of state runs from the events. Events link to their predecessor (previousEventId); where the
// link is missing or unusable (LocalStack's [0] ids, partial logs) the event before it in the file stands in.
namespace Stepscope {

namespace {

using Type = HistoryEventType;

struct Node {
    StateRun run;
    Node* parent = nullptr; ///< for a state run: its lane; for a lane: the Map/Parallel run (nullptr for the root)
    std::vector<std::unique_ptr<Node>> kids;
    Node* open = nullptr; ///< lanes: the state run in progress
    bool exited = false;
    bool aborted = false;
    bool failedHere = false; ///< a failure event was placed on this run
    int failureEvent = -1;
    bool isLane() const { return run.kind != RunKind::State; }
};

struct Place {
    Node* lane = nullptr; ///< the lane the event happened in
    Node* run = nullptr; ///< the state run it concerns (nullptr for execution events)
    Node* storedOn = nullptr; ///< where the event is listed (a run, an iteration), nullptr: execution / unassigned
};

bool isEntered(Type t)
{
    switch (t) {
    case Type::ChoiceStateEntered: case Type::MapStateEntered: case Type::ParallelStateEntered:
    case Type::PassStateEntered: case Type::SucceedStateEntered: case Type::TaskStateEntered:
    case Type::WaitStateEntered: case Type::FailStateEntered:
        return true;
    default:
        return false;
    }
}

bool isExited(Type t)
{
    switch (t) {
    case Type::ChoiceStateExited: case Type::MapStateExited: case Type::ParallelStateExited:
    case Type::PassStateExited: case Type::SucceedStateExited: case Type::TaskStateExited:
    case Type::WaitStateExited:
        return true;
    default:
        return false;
    }
}

bool isExecutionEvent(Type t)
{
    switch (t) {
    case Type::ExecutionStarted: case Type::ExecutionSucceeded: case Type::ExecutionFailed:
    case Type::ExecutionAborted: case Type::ExecutionTimedOut: case Type::ExecutionRedriven:
        return true;
    default:
        return false;
    }
}

bool isMapEvent(Type t)
{
    switch (t) {
    case Type::MapStateStarted: case Type::MapStateSucceeded: case Type::MapStateFailed: case Type::MapStateAborted:
    case Type::MapRunStarted: case Type::MapRunSucceeded: case Type::MapRunFailed: case Type::MapRunAborted:
    case Type::MapRunRedriven: case Type::MapIterationStarted: case Type::MapIterationSucceeded:
    case Type::MapIterationFailed: case Type::MapIterationAborted:
        return true;
    default:
        return false;
    }
}

bool isParallelEvent(Type t)
{
    switch (t) {
    case Type::ParallelStateStarted: case Type::ParallelStateSucceeded: case Type::ParallelStateFailed:
    case Type::ParallelStateAborted:
        return true;
    default:
        return false;
    }
}

QString stateTypeOf(const QString& typeName)
{
    for (const char* suffix : { "StateEntered", "StateExited", "StateEntered" }) {
        if (typeName.endsWith(QLatin1String(suffix)))
            return typeName.left(typeName.size() - qsizetype(strlen(suffix)));
    }
    return {};
}

class Builder {
public:
    explicit Builder(Execution& execution)
        : m_execution(execution)
    {
        m_root.run.kind = RunKind::Branch; // the top-level lane
    }

    void build()
    {
        const auto& events = m_execution.events;
        m_places.resize(events.size());
        m_byId.reserve(qsizetype(events.size()));
        for (size_t i = 0; i < events.size(); ++i) {
            if (events[i].id >= 0 && !m_byId.contains(events[i].id))
                m_byId.insert(events[i].id, int(i));
        }
        for (size_t i = 0; i < events.size(); ++i)
            place(int(i));
        finish();
    }

private:
    // The context of event i: its predecessor's place, or the event before it in the file.
    Place contextOf(int i, const HistoryEvent& event, int& predecessor)
    {
        predecessor = -1;
        if (event.previousId > 0 && !event.idWasList) {
            const auto it = m_byId.constFind(event.previousId);
            if (it != m_byId.constEnd() && it.value() < i) {
                predecessor = it.value();
            } else if (it == m_byId.constEnd()) {
                ++m_dangling;
                if (m_danglingExamples.size() < 5)
                    m_danglingExamples.append(QStringLiteral("%1 → %2").arg(event.id).arg(event.previousId));
            }
        } else if (event.idWasList) {
            ++m_unlinked;
        }
        if (predecessor < 0)
            predecessor = i - 1;
        while (predecessor >= 0 && !m_places[size_t(predecessor)].lane && !isExecutionEvent(m_execution.events[size_t(predecessor)].type))
            --predecessor; // skip unplaced events
        if (predecessor < 0)
            return { &m_root, nullptr, nullptr };
        Place p = m_places[size_t(predecessor)];
        if (!p.lane)
            p.lane = &m_root;
        return p;
    }

    static Node* laneOf(Node* run) { return run ? run->parent : nullptr; }

    // The Map or Parallel run an event of that kind belongs to: the context's run if it is one and still open,
    // otherwise the nearest enclosing one.
    Node* enclosing(const Place& ctx, const QString& type, const QString& name)
    {
        Node* node = ctx.run;
        if (node && node->exited)
            node = node->parent;
        if (!node)
            node = ctx.lane;
        for (; node; node = node->parent) {
            if (node->run.kind == RunKind::State && node->run.stateType == type && !node->exited
                && (name.isEmpty() || node->run.name == name))
                return node;
        }
        // Links could not tell (placeholder ids): the latest open run of that type and name.
        for (auto it = m_openRuns.rbegin(); it != m_openRuns.rend(); ++it) {
            Node* run = *it;
            if (!run->exited && run->run.stateType == type && (name.isEmpty() || run->run.name == name))
                return run;
        }
        return nullptr;
    }

    Node* findRun(const Place& ctx, const QString& name)
    {
        if (ctx.run && !ctx.run->exited && (name.isEmpty() || ctx.run->run.name == name))
            return ctx.run;
        for (Node* lane = ctx.lane; lane; lane = lane->parent ? lane->parent->parent : nullptr) {
            if (lane->open && !lane->open->exited && (name.isEmpty() || lane->open->run.name == name))
                return lane->open;
        }
        if (name.isEmpty())
            return nullptr;
        for (auto it = m_openRuns.rbegin(); it != m_openRuns.rend(); ++it) {
            if (!(*it)->exited && (*it)->run.name == name)
                return *it;
        }
        return nullptr;
    }

    Node* newRun(Node* lane, const HistoryEvent& event)
    {
        auto node = std::make_unique<Node>();
        node->parent = lane;
        node->run.name = event.stateName;
        node->run.stateType = stateTypeOf(event.typeName);
        node->run.entered = event.timestamp;
        node->run.input = event.input;
        Node* raw = node.get();
        lane->kids.push_back(std::move(node));
        lane->open = raw;
        m_openRuns.push_back(raw);
        return raw;
    }

    Node* newLane(Node* owner, RunKind kind, int index)
    {
        auto node = std::make_unique<Node>();
        node->parent = owner;
        node->run.kind = kind;
        node->run.name = owner->run.name;
        node->run.stateType = owner->run.stateType;
        node->run.index = index;
        Node* raw = node.get();
        owner->kids.push_back(std::move(node));
        return raw;
    }

    Node* iterationOf(Node* map, int index)
    {
        if (index < 0)
            index = int(map->kids.size());
        if (auto it = m_iterations.constFind({ map, index }); it != m_iterations.constEnd())
            return it.value();
        Node* lane = newLane(map, RunKind::Iteration, index);
        m_iterations.insert({ map, index }, lane);
        return lane;
    }

    void store(int i, Node* on, Node* lane, Node* run)
    {
        m_places[size_t(i)] = { lane ? lane : &m_root, run, on };
        on->run.events.append(i);
    }

    void unassigned(int i, const Place& ctx)
    {
        m_places[size_t(i)] = { ctx.lane, ctx.run, nullptr };
        m_execution.unassignedEvents.append(i);
    }

    void place(int i)
    {
        const HistoryEvent& event = m_execution.events[size_t(i)];
        int predecessor = -1;
        const Place ctx = contextOf(i, event, predecessor);
        const Type predecessorType = predecessor >= 0 ? m_execution.events[size_t(predecessor)].type : Type::Unknown;

        if (isExecutionEvent(event.type)) {
            m_places[size_t(i)] = { &m_root, nullptr, nullptr };
            m_execution.executionEvents.append(i);
            if (event.type == Type::ExecutionFailed || event.type == Type::ExecutionTimedOut)
                m_failedFrom = ctx.run;
            if (event.type == Type::ExecutionRedriven)
                m_lastRedrive = i;
            return;
        }
        if (isEntered(event.type)) {
            Node* lane = ctx.lane;
            if (predecessorType == Type::ParallelStateStarted && ctx.run) {
                lane = newLane(ctx.run, RunKind::Branch, int(ctx.run->kids.size()));
            } else if (predecessorType == Type::MapIterationStarted && ctx.storedOn) {
                lane = ctx.storedOn;
            } else if (lane != &m_root && lane->run.kind == RunKind::Branch && lane->open && !lane->open->exited
                       && lane->parent) {
                // Unlinked events (LocalStack's list ids): a branch runs one state at a time, so a state entered
                // while the branch's current state is still running starts another branch.
                lane = newLane(lane->parent, RunKind::Branch, int(lane->parent->kids.size()));
            }
            Node* run = newRun(lane, event);
            store(i, run, lane, run);
            return;
        }
        if (isExited(event.type)) {
            Node* run = findRun(ctx, event.stateName);
            if (!run) {
                // A log that lost the entered event: the run is still worth showing.
                run = newRun(ctx.lane, event);
                run->run.entered = QDateTime();
                run->run.input = Payload();
                ++m_missingEntered;
            }
            run->exited = true;
            run->run.exited = event.timestamp;
            run->run.output = event.output;
            run->run.assignedVariables = event.assignedVariables;
            store(i, run, laneOf(run), run);
            return;
        }
        if (event.type == Type::MapIterationStarted || event.type == Type::MapIterationSucceeded
            || event.type == Type::MapIterationFailed || event.type == Type::MapIterationAborted) {
            Node* map = enclosing(ctx, QStringLiteral("Map"), event.stateName);
            if (!map)
                map = enclosing(ctx, QStringLiteral("Map"), QString());
            if (!map)
                return unassigned(i, ctx);
            Node* iteration = iterationOf(map, event.iterationIndex);
            if (event.type == Type::MapIterationStarted)
                iteration->run.entered = event.timestamp;
            else
                iteration->run.exited = event.timestamp;
            iteration->run.status = event.type == Type::MapIterationSucceeded ? RunStatus::Succeeded
                : event.type == Type::MapIterationFailed                     ? RunStatus::Failed
                : event.type == Type::MapIterationAborted                    ? RunStatus::Aborted
                                                                             : RunStatus::Running;
            iteration->exited = event.type != Type::MapIterationStarted;
            m_places[size_t(i)] = { laneOf(map), map, iteration };
            iteration->run.events.append(i);
            return;
        }
        if (isMapEvent(event.type) || isParallelEvent(event.type)) {
            const QString type = isMapEvent(event.type) ? QStringLiteral("Map") : QStringLiteral("Parallel");
            Node* run = enclosing(ctx, type, QString());
            if (!run)
                return unassigned(i, ctx);
            applyContainerEvent(run, event, i);
            store(i, run, laneOf(run), run);
            return;
        }
        if (event.type == Type::EvaluationFailed) {
            Node* run = findRun(ctx, event.stateName);
            if (!run)
                return unassigned(i, ctx);
            run->run.evaluationFailures.append({ event.error, event.cause, event.location, event.stateName, i });
            markFailure(run, event, i);
            store(i, run, laneOf(run), run);
            return;
        }
        // Task, Lambda, activity and abort events, and unknown types: on the state run in progress.
        Node* run = findRun(ctx, event.type == Type::Unknown ? event.stateName : QString());
        if (!run && event.type == Type::Unknown)
            run = findRun(ctx, QString());
        if (!run) {
            if (event.type == Type::Unknown) { // kept with the execution's own events
                m_places[size_t(i)] = { &m_root, nullptr, nullptr };
                m_execution.executionEvents.append(i);
                return;
            }
            return unassigned(i, ctx);
        }
        applyTaskEvent(run, event, i);
        store(i, run, laneOf(run), run);
    }

    void markFailure(Node* run, const HistoryEvent& event, int i)
    {
        run->failedHere = true;
        run->failureEvent = i;
        if (!event.error.isEmpty() || event.cause.isPresent()) {
            run->run.error = event.error;
            run->run.cause = event.cause;
        }
    }

    void applyContainerEvent(Node* run, const HistoryEvent& event, int i)
    {
        switch (event.type) {
        case Type::MapStateStarted:
            run->run.mapLength = event.mapLength;
            break;
        case Type::MapStateFailed:
        case Type::ParallelStateFailed:
            markFailure(run, event, i);
            break;
        case Type::MapStateAborted:
        case Type::ParallelStateAborted:
            run->aborted = true;
            break;
        case Type::MapRunStarted:
            run->run.mapRuns.append({ event.mapRunArn, RunStatus::Running, {}, {}, { i } });
            break;
        case Type::MapRunSucceeded:
        case Type::MapRunFailed:
        case Type::MapRunAborted:
        case Type::MapRunRedriven: {
            if (run->run.mapRuns.isEmpty())
                run->run.mapRuns.append(MapRunRecord());
            MapRunRecord& record = run->run.mapRuns.last();
            record.events.append(i);
            record.status = event.type == Type::MapRunSucceeded ? RunStatus::Succeeded
                : event.type == Type::MapRunFailed              ? RunStatus::Failed
                : event.type == Type::MapRunAborted             ? RunStatus::Aborted
                                                                : RunStatus::Running;
            record.error = event.error;
            record.cause = event.cause;
            if (event.type == Type::MapRunFailed)
                markFailure(run, event, i);
            break;
        }
        default:
            break;
        }
    }

    void applyTaskEvent(Node* node, const HistoryEvent& event, int i)
    {
        StateRun& run = node->run;
        const auto newAttempt = [&](const QString& kind) {
            TaskAttempt attempt;
            attempt.number = int(run.attempts.size()) + 1;
            attempt.kind = kind;
            attempt.resource = event.resource;
            attempt.resourceType = kind == QLatin1String("lambda") ? QStringLiteral("lambda") : event.resourceType;
            attempt.parameters = event.parameters.isPresent() ? event.parameters : event.input;
            attempt.scheduled = event.timestamp;
            attempt.timeoutSeconds = event.timeoutSeconds;
            attempt.heartbeatSeconds = event.heartbeatSeconds;
            run.attempts.append(attempt);
        };
        const auto current = [&](const QString& kind) -> TaskAttempt& {
            if (run.attempts.isEmpty() || isFinished(run.attempts.last()))
                newAttempt(kind);
            return run.attempts.last();
        };
        const auto end = [&](TaskAttempt& attempt, AttemptOutcome outcome) {
            attempt.outcome = outcome;
            attempt.ended = event.timestamp;
            if (!event.error.isEmpty() || event.cause.isPresent()) {
                attempt.error = event.error;
                attempt.cause = event.cause;
            }
            if (event.output.isPresent())
                attempt.output = event.output;
            if (attempt.failed())
                markFailure(node, event, i);
            attempt.events.append(i);
        };
        switch (event.type) {
        case Type::TaskScheduled:
            newAttempt(QStringLiteral("task"));
            run.attempts.last().events.append(i);
            return;
        case Type::LambdaFunctionScheduled:
            newAttempt(QStringLiteral("lambda"));
            run.attempts.last().events.append(i);
            return;
        case Type::ActivityScheduled:
            newAttempt(QStringLiteral("activity"));
            run.attempts.last().events.append(i);
            return;
        case Type::TaskStarted:
        case Type::LambdaFunctionStarted:
        case Type::ActivityStarted: {
            TaskAttempt& attempt = current(QStringLiteral("task"));
            attempt.outcome = AttemptOutcome::Started;
            attempt.started = event.timestamp;
            attempt.events.append(i);
            return;
        }
        case Type::TaskSubmitted: {
            TaskAttempt& attempt = current(QStringLiteral("task"));
            attempt.outcome = AttemptOutcome::Submitted;
            if (event.output.isPresent())
                attempt.output = event.output;
            attempt.events.append(i);
            return;
        }
        case Type::TaskSucceeded:
        case Type::LambdaFunctionSucceeded:
        case Type::ActivitySucceeded:
            return end(current(QStringLiteral("task")), AttemptOutcome::Succeeded);
        case Type::TaskFailed:
        case Type::LambdaFunctionFailed:
        case Type::ActivityFailed:
            return end(current(QStringLiteral("task")), AttemptOutcome::Failed);
        case Type::TaskTimedOut:
        case Type::LambdaFunctionTimedOut:
        case Type::ActivityTimedOut: {
            TaskAttempt& attempt = current(QStringLiteral("task"));
            if (event.error.isEmpty() && !event.cause.isPresent()) {
                attempt.error = QStringLiteral("States.Timeout");
            }
            end(attempt, AttemptOutcome::TimedOut);
            if (run.error.isEmpty())
                run.error = attempt.error;
            return;
        }
        case Type::TaskStartFailed:
        case Type::LambdaFunctionStartFailed:
            return end(current(QStringLiteral("task")), AttemptOutcome::StartFailed);
        case Type::TaskSubmitFailed:
            return end(current(QStringLiteral("task")), AttemptOutcome::SubmitFailed);
        case Type::LambdaFunctionScheduleFailed:
        case Type::ActivityScheduleFailed:
            return end(current(QStringLiteral("task")), AttemptOutcome::ScheduleFailed);
        case Type::TaskStateAborted:
        case Type::WaitStateAborted:
            node->aborted = true;
            if (!run.attempts.isEmpty() && !isFinished(run.attempts.last())) {
                run.attempts.last().outcome = AttemptOutcome::Aborted;
                run.attempts.last().ended = event.timestamp;
                run.attempts.last().events.append(i);
            }
            if (!run.exited.isValid())
                run.exited = event.timestamp;
            return;
        default:
            return;
        }
    }

    static bool isFinished(const TaskAttempt& attempt)
    {
        return attempt.outcome != AttemptOutcome::Scheduled && attempt.outcome != AttemptOutcome::Started
            && attempt.outcome != AttemptOutcome::Submitted;
    }

    // Statuses, retries and catches, children first.
    void settle(Node* node)
    {
        for (auto& kid : node->kids)
            settle(kid.get());
        StateRun& run = node->run;
        if (run.kind == RunKind::State) {
            for (qsizetype a = 0; a + 1 < run.attempts.size(); ++a) {
                const TaskAttempt& failed = run.attempts[a];
                if (!failed.failed())
                    continue;
                const TaskAttempt& next = run.attempts[a + 1];
                const qint64 wait = failed.ended.isValid() && next.scheduled.isValid() ? failed.ended.msecsTo(next.scheduled) : -1;
                run.retries.append({ failed.number, failed.error, wait });
            }
            const bool hadFailure = node->failedHere || childFailed(node);
            if (run.error.isEmpty() && hadFailure)
                run.error = innerError(node, &run.cause);
            if (node->exited) {
                if (hadFailure && lastAttemptFailedOrNoAttempts(run) && failureIsFinal(node)) {
                    run.status = RunStatus::Caught;
                    run.caught = CatchFired { run.error, run.cause, {} };
                } else if (!run.retries.isEmpty()) {
                    run.status = RunStatus::Retried;
                } else {
                    run.status = RunStatus::Succeeded;
                }
            } else if (node->aborted) {
                run.status = RunStatus::Aborted;
            } else if (!run.attempts.isEmpty() && run.attempts.last().outcome == AttemptOutcome::TimedOut) {
                run.status = RunStatus::TimedOut;
            } else if (hadFailure || run.stateType == QLatin1String("Fail") || node == m_failedFrom) {
                run.status = m_execution.status == ExecutionStatus::TimedOut && !hadFailure ? RunStatus::TimedOut
                                                                                           : RunStatus::Failed;
            } else if (m_execution.status == ExecutionStatus::Aborted || m_execution.status == ExecutionStatus::Failed) {
                run.status = RunStatus::Aborted; // still open when the execution ended
            } else if (m_execution.status == ExecutionStatus::TimedOut) {
                run.status = RunStatus::TimedOut;
            } else if (m_execution.status == ExecutionStatus::Succeeded) {
                run.status = RunStatus::Succeeded; // lost exit event
            } else {
                run.status = RunStatus::Running;
            }
            // A failure that a redrive ran again is no longer the execution's failure.
            if (isFailureStatus(run.status) && !run.events.isEmpty() && run.events.last() < m_lastRedrive)
                run.status = RunStatus::Retried;
            if (!run.exited.isValid() && run.status != RunStatus::Running) {
                const int last = node->run.events.isEmpty() ? -1 : node->run.events.last();
                if (last >= 0)
                    run.exited = m_execution.events[size_t(last)].timestamp;
            }
        } else if (run.kind == RunKind::Iteration) {
            if (!node->exited)
                run.status = laneStatus(node);
            if (isFailureStatus(run.status) && !run.events.isEmpty() && run.events.last() < m_lastRedrive)
                run.status = RunStatus::Retried;
        } else {
            run.status = laneStatus(node);
        }
    }

    static bool isFailureStatus(RunStatus s) { return s == RunStatus::Failed || s == RunStatus::TimedOut; }

    static bool lastAttemptFailedOrNoAttempts(const StateRun&) { return true; }

    // A failure is final for a run when no later attempt succeeded.
    static bool failureIsFinal(Node* node)
    {
        const StateRun& run = node->run;
        if (!run.attempts.isEmpty() && run.attempts.last().outcome == AttemptOutcome::Succeeded
            && run.evaluationFailures.isEmpty() && !childFailed(node))
            return false;
        return true;
    }

    static bool childFailed(Node* node)
    {
        if (node->run.stateType != QLatin1String("Map") && node->run.stateType != QLatin1String("Parallel"))
            return false;
        if (node->failedHere)
            return true;
        for (auto& kid : node->kids) {
            if (kid->run.status == RunStatus::Failed || kid->run.status == RunStatus::TimedOut)
                return true;
        }
        return false;
    }

    // The error of the first failing run inside a Map / Parallel, for catches on the container.
    static QString innerError(Node* node, Payload* cause)
    {
        for (auto& kid : node->kids) {
            if (kid->run.status != RunStatus::Failed && kid->run.status != RunStatus::TimedOut)
                continue;
            if (!kid->run.error.isEmpty()) {
                *cause = kid->run.cause;
                return kid->run.error;
            }
            const QString inner = innerError(kid.get(), cause);
            if (!inner.isEmpty())
                return inner;
        }
        return {};
    }

    RunStatus laneStatus(Node* lane)
    {
        bool anyFailed = false, anyAborted = false, anyRunning = false, anyTimedOut = false;
        for (auto& kid : lane->kids) {
            anyFailed = anyFailed || kid->run.status == RunStatus::Failed;
            anyTimedOut = anyTimedOut || kid->run.status == RunStatus::TimedOut;
            anyAborted = anyAborted || kid->run.status == RunStatus::Aborted;
            anyRunning = anyRunning || kid->run.status == RunStatus::Running;
        }
        if (lane->kids.empty()) {
            return m_execution.status == ExecutionStatus::Running ? RunStatus::Running : RunStatus::Aborted;
        }
        if (anyFailed)
            return RunStatus::Failed;
        if (anyTimedOut)
            return RunStatus::TimedOut;
        if (anyAborted)
            return RunStatus::Aborted;
        if (anyRunning)
            return RunStatus::Running;
        if (lane->run.kind == RunKind::Branch && lane->parent && lane->parent->run.kind == RunKind::State) {
            // A branch whose states all ended: aborted when its Parallel failed before it finished its path.
            const Node* parallel = lane->parent;
            if (parallel->failedHere && !lane->kids.back()->exited && lane->kids.back()->run.stateType != QLatin1String("Succeed"))
                return RunStatus::Aborted;
        }
        return RunStatus::Succeeded;
    }

    void finish()
    {
        // Catches: the next state in the same lane is where the Catch sent the execution.
        settle(&m_root);
        m_root.run.status = RunStatus::Running;
        fillCatchTargets(&m_root);
        QStringList path;
        convert(&m_root, path, m_execution.runs);
        // LocalStack's list ids and partial logs leave links pointing at events that are not there: expected.
        const bool expected = m_unlinked > 0 || m_execution.isPartialLog;
        if (m_dangling > 0)
            m_execution.warnings.append({ expected ? Severity::Info : Severity::Warning,
                QStringLiteral("%1 events point to a previous event that is not in the history (%2): they were placed "
                               "after the event before them in the file")
                    .arg(m_dangling)
                    .arg(m_danglingExamples.join(QStringLiteral(", "))),
                {}, {}, {} });
        if (m_unlinked > 0)
            m_execution.warnings.append({ Severity::Info,
                QStringLiteral("%1 events have a list instead of an id (as LocalStack records events inside "
                               "branches): placed by their order in the file")
                    .arg(m_unlinked),
                {}, {}, {} });
        if (m_missingEntered > 0)
            m_execution.warnings.append({ Severity::Warning,
                QStringLiteral("%1 states exited without an entered event in the history").arg(m_missingEntered), {}, {},
                {} });
        if (!m_execution.unassignedEvents.isEmpty()) {
            QStringList ids;
            for (int i : m_execution.unassignedEvents.mid(0, 10))
                ids.append(QString::number(m_execution.events[size_t(i)].id));
            m_execution.warnings.append({ Severity::Warning,
                QStringLiteral("%1 events could not be placed in a state (ids %2)")
                    .arg(m_execution.unassignedEvents.size())
                    .arg(ids.join(QStringLiteral(", "))),
                {}, {}, {} });
        }
    }

    void fillCatchTargets(Node* lane)
    {
        for (size_t k = 0; k < lane->kids.size(); ++k) {
            Node* kid = lane->kids[k].get();
            if (kid->run.caught && k + 1 < lane->kids.size())
                kid->run.caught->nextState = lane->kids[k + 1]->run.name;
            fillCatchTargets(kid);
        }
    }

    static void convert(Node* node, QStringList& path, std::vector<StateRun>& out)
    {
        out.reserve(node->kids.size());
        for (auto& kid : node->kids) {
            StateRun run = std::move(kid->run);
            run.containerPath = path;
            const bool lane = run.kind != RunKind::State;
            if (lane)
                path.append(run.label());
            convert(kid.get(), path, run.children);
            if (lane)
                path.removeLast();
            out.push_back(std::move(run));
        }
    }

    Execution& m_execution;
    Node m_root;
    std::vector<Place> m_places;
    QHash<qint64, int> m_byId;
    QHash<QPair<Node*, int>, Node*> m_iterations;
    std::vector<Node*> m_openRuns;
    Node* m_failedFrom = nullptr;
    int m_lastRedrive = -1;
    int m_dangling = 0;
    int m_unlinked = 0;
    int m_missingEntered = 0;
    QStringList m_danglingExamples;
};

} // namespace

void reconstructExecution(Execution& execution)
{
    execution.runs.clear();
    execution.executionEvents.clear();
    execution.unassignedEvents.clear();
    execution.caughtErrors.clear();
    execution.rootCause.reset();
    Builder(execution).build();
    findRootCause(execution);
}

} // namespace Stepscope
