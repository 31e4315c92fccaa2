#include "rootcause.h"

// The root cause is the deepest failing run the execution's failure comes from: through failed Map iterations and
// Parallel branches, and back through the Catch that led to a Fail state.
namespace Stepscope {

namespace {

bool isFailure(RunStatus status)
{
    return status == RunStatus::Failed || status == RunStatus::TimedOut;
}

bool isContainer(const StateRun& run)
{
    return !run.children.empty() || run.stateType == QLatin1String("Map") || run.stateType == QLatin1String("Parallel");
}

// The first event of `run` carrying its error, for pointing at it.
int errorEvent(const Execution& execution, const StateRun& run)
{
    for (int i : run.events) {
        const HistoryEvent& e = execution.events[size_t(i)];
        if (!e.error.isEmpty() && e.error == run.error)
            return i;
    }
    return run.events.isEmpty() ? -1 : run.events.last();
}

// The lane (branch / iteration) of a container that failed first.
const StateRun* failedLane(const Execution& execution, const StateRun& container)
{
    const StateRun* best = nullptr;
    int bestEvent = INT_MAX;
    for (const StateRun& lane : container.children) {
        if (!isFailure(lane.status))
            continue;
        // Order by the event that ended the lane: the first failure is the one that failed the container.
        int ended = lane.events.isEmpty() ? INT_MAX - 1 : lane.events.last();
        if (lane.events.isEmpty()) {
            for (const StateRun& run : lane.children) {
                if (!run.events.isEmpty())
                    ended = std::min(ended, run.events.last());
            }
        }
        if (ended < bestEvent) {
            bestEvent = ended;
            best = &lane;
        }
    }
    (void)execution;
    return best;
}

const StateRun* descend(const Execution& execution, const std::vector<StateRun>& lane, size_t index, int depth);

const StateRun* descendLane(const Execution& execution, const StateRun& laneRun, int depth)
{
    const auto& kids = laneRun.children;
    for (size_t k = kids.size(); k-- > 0;) {
        if (isFailure(kids[k].status))
            return descend(execution, kids, k, depth + 1);
    }
    return nullptr;
}

const StateRun* descend(const Execution& execution, const std::vector<StateRun>& lane, size_t index, int depth)
{
    const StateRun& run = lane[index];
    if (depth > 64)
        return &run;
    if (isContainer(run) && !run.children.empty()) {
        if (const StateRun* inner = failedLane(execution, run)) {
            if (const StateRun* deeper = descendLane(execution, *inner, depth))
                return deeper;
        }
        return &run;
    }
    if (run.stateType == QLatin1String("Fail") || (run.error.isEmpty() && run.attempts.isEmpty())) {
        // A Fail state (or a state failing without its own error) reached through a Catch: the caught failure is
        // where the trouble started.
        for (size_t k = index; k-- > 0;) {
            if (lane[k].status == RunStatus::Caught) {
                const StateRun& caught = lane[k];
                if (isContainer(caught) && !caught.children.empty()) {
                    if (const StateRun* inner = failedLane(execution, caught)) {
                        if (const StateRun* deeper = descendLane(execution, *inner, depth))
                            return deeper;
                    }
                }
                return &caught;
            }
        }
    }
    return &run;
}

void collectCaught(
    const Execution& execution, const std::vector<StateRun>& runs, RunLocation& location, QList<CaughtError>& out)
{
    for (size_t i = 0; i < runs.size(); ++i) {
        const StateRun& run = runs[i];
        location.append(int(i));
        if (run.caught) {
            out.append({ run.name, run.path(), run.caught->error, run.caught->cause.toString(), run.caught->nextState,
                errorEvent(execution, run), location });
        }
        collectCaught(execution, run.children, location, out);
        location.removeLast();
    }
}

// The location of `target` in the run tree (found once per failed execution, so a plain search).
bool locate(const std::vector<StateRun>& runs, const StateRun* target, RunLocation& location)
{
    for (size_t i = 0; i < runs.size(); ++i) {
        location.append(int(i));
        if (&runs[i] == target || locate(runs[i].children, target, location))
            return true;
        location.removeLast();
    }
    return false;
}

} // namespace

void findRootCause(Execution& execution)
{
    RunLocation location;
    collectCaught(execution, execution.runs, location, execution.caughtErrors);
    if (execution.status != ExecutionStatus::Failed && execution.status != ExecutionStatus::TimedOut)
        return;
    const auto& top = execution.runs;
    const StateRun* found = nullptr;
    for (size_t k = top.size(); k-- > 0;) {
        if (isFailure(top[k].status)) {
            found = descend(execution, top, k, 0);
            break;
        }
    }
    if (!found && !top.empty())
        found = descend(execution, top, top.size() - 1, 0);

    RootCause cause;
    if (found) {
        cause.state = found->name;
        cause.path = found->path();
        cause.input = found->input;
        cause.attempts = found->attempts;
        cause.retries = found->retries;
        cause.error = found->caught ? found->caught->error : found->error;
        Payload causeText = found->caught ? found->caught->cause : found->cause;
        if (cause.error.isEmpty()) {
            for (auto it = found->attempts.crbegin(); it != found->attempts.crend(); ++it) {
                if (it->failed()) {
                    cause.error = it->error;
                    causeText = it->cause;
                    break;
                }
            }
        }
        if (cause.error.isEmpty() && !found->evaluationFailures.isEmpty()) {
            cause.error = found->evaluationFailures.last().error;
            causeText = found->evaluationFailures.last().cause;
        }
        if (cause.error.isEmpty()) {
            cause.error = execution.error;
            causeText = execution.cause;
        }
        cause.cause = causeText.toString();
        cause.event = errorEvent(execution, *found);
        locate(execution.runs, found, cause.run);
    } else {
        // Nothing ran (or the log holds only the execution's end): the execution's own error.
        cause.error = execution.error;
        cause.cause = execution.cause.toString();
        cause.input = execution.input;
        if (!execution.executionEvents.isEmpty())
            cause.event = execution.executionEvents.last();
    }
    if (execution.status == ExecutionStatus::TimedOut && cause.error.isEmpty())
        cause.error = QStringLiteral("States.Timeout");
    cause.lambda = parseLambdaCause(cause.cause.toUtf8());
    execution.rootCause = std::move(cause);
}

} // namespace Stepscope
