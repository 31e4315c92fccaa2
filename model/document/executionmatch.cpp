#include "executionmatch.h"

#include <algorithm>

// Each state's outcome, counted over the runs RunIndex matched to it.
namespace Stepscope {

namespace {

void count(StateOutcome& outcome, const StateRun& run)
{
    ++outcome.runs;
    switch (run.status) {
    case RunStatus::Succeeded: ++outcome.succeeded; break;
    case RunStatus::Failed: ++outcome.failed; break;
    case RunStatus::Caught: ++outcome.caught; break;
    case RunStatus::Retried: ++outcome.succeeded; break;
    case RunStatus::Aborted: ++outcome.aborted; break;
    case RunStatus::TimedOut: ++outcome.timedOut; break;
    case RunStatus::Running: ++outcome.running; break;
    case RunStatus::NotRun: break;
    }
    outcome.retried += run.retries.isEmpty() ? 0 : 1;
    if (run.caught && !outcome.caughtErrors.contains(run.caught->error))
        outcome.caughtErrors.append(run.caught->error);
    outcome.retryCount += int(run.retries.size());
}

void countIterations(StateOutcome& outcome, const StateRun& map)
{
    for (const StateRun& iteration : map.children) {
        if (iteration.kind != RunKind::Iteration)
            continue;
        outcome.iterations = std::max(outcome.iterations, 0) + 1;
        outcome.iterationsFailed += iteration.status == RunStatus::Failed || iteration.status == RunStatus::TimedOut;
        outcome.iterationsSucceeded += iteration.status == RunStatus::Succeeded;
        outcome.iterationsAborted += iteration.status == RunStatus::Aborted;
    }
}

void finishOutcome(StateOutcome& o)
{
    if (o.runs == 0) {
        o.status = RunStatus::NotRun;
    } else if (o.failed > 0) {
        o.status = RunStatus::Failed;
    } else if (o.timedOut > 0) {
        o.status = RunStatus::TimedOut;
    } else if (o.caught > 0) {
        o.status = RunStatus::Caught;
    } else if (o.aborted > 0) {
        o.status = RunStatus::Aborted;
    } else if (o.running > 0) {
        o.status = RunStatus::Running;
    } else if (o.retried > 0) {
        o.status = RunStatus::Retried;
    } else {
        o.status = RunStatus::Succeeded;
    }
    QStringList parts;
    if (o.iterations >= 0) {
        if (o.iterationsFailed > 0)
            parts.append(QStringLiteral("%1/%2 iterations failed").arg(o.iterationsFailed).arg(o.iterations));
        else
            parts.append(QStringLiteral("%1 iterations").arg(o.iterations));
    }
    if (o.runs > 1) {
        if (o.failed > 0)
            parts.append(QStringLiteral("%1/%2 failed").arg(o.failed).arg(o.runs));
        else if (o.timedOut > 0)
            parts.append(QStringLiteral("%1/%2 timed out").arg(o.timedOut).arg(o.runs));
        else if (o.aborted > 0)
            parts.append(QStringLiteral("%1/%2 aborted").arg(o.aborted).arg(o.runs));
        else
            parts.append(QStringLiteral("%1 runs").arg(o.runs));
    }
    if (o.retryCount > 0)
        parts.append(QStringLiteral("retried %1×").arg(o.retryCount));
    if (!o.caughtErrors.isEmpty())
        parts.append(QStringLiteral("caught %1").arg(o.caughtErrors.join(QStringLiteral(", "))));
    o.summary = parts.join(QStringLiteral(", "));
}

} // namespace

ExecutionMatch matchDefinition(const RunIndex& runs, const Workflow& workflow)
{
    ExecutionMatch match;
    for (const State& state : workflow.states)
        match.states.insert(state.id, StateOutcome {});
    for (const RunRef& ref : runs.runs()) {
        if (ref.state == NoIndex)
            continue;
        const State& state = workflow.states[ref.state];
        StateOutcome& outcome = match.states[state.id];
        count(outcome, *ref.run);
        if (state.type == StateType::Map)
            countIterations(outcome, *ref.run);
    }
    for (auto it = match.states.begin(); it != match.states.end(); ++it)
        finishOutcome(it.value());
    match.unknownStates = runs.unmatchedNames();
    if (!match.unknownStates.isEmpty()) {
        match.diagnostics.append({ Severity::Warning,
            QStringLiteral("the history has states the definition does not have (%1): is this execution from another "
                           "revision of the workflow?")
                .arg(match.unknownStates.mid(0, 8).join(QStringLiteral(", "))),
            {}, {}, {} });
    }
    return match;
}

ExecutionMatch matchDefinition(const Execution& execution, const Workflow& workflow)
{
    return matchDefinition(RunIndex(execution, workflow), workflow);
}

} // namespace Stepscope
