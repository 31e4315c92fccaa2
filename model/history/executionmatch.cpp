#include "execution.h"

#include <QSet>

// Runs are matched to states by name inside the container they ran in: a Map's iterations to its item processor,
// a Parallel's branches to the branch that has their states.
namespace Stepscope {

namespace {

class Matcher {
public:
    Matcher(const Workflow& workflow, ExecutionMatch& match)
        : m_workflow(workflow)
        , m_match(match)
    {
    }

    void walk(const std::vector<StateRun>& runs, ContainerIndex container)
    {
        for (const StateRun& run : runs) {
            if (run.kind != RunKind::State)
                continue;
            StateIndex index = m_workflow.findState(run.name, container);
            if (index == NoIndex)
                index = uniqueByName(run.name);
            if (index == NoIndex) {
                const QString where = run.path().join(QStringLiteral(" › "));
                if (!m_unknown.contains(run.name)) {
                    m_unknown.insert(run.name);
                    m_match.unknownStates.append(run.name);
                }
                (void)where;
                continue;
            }
            const State& state = m_workflow.states[index];
            StateOutcome& outcome = m_match.states[state.id];
            count(outcome, run);
            if (state.type == StateType::Map) {
                const ContainerIndex processor = state.children.value(0, NoIndex);
                for (const StateRun& iteration : run.children) {
                    if (iteration.kind != RunKind::Iteration)
                        continue;
                    outcome.iterations = std::max(outcome.iterations, 0) + 1;
                    outcome.iterationsFailed += iteration.status == RunStatus::Failed || iteration.status == RunStatus::TimedOut;
                    outcome.iterationsSucceeded += iteration.status == RunStatus::Succeeded;
                    outcome.iterationsAborted += iteration.status == RunStatus::Aborted;
                    if (processor != NoIndex)
                        walk(iteration.children, processor);
                }
            } else if (state.type == StateType::Parallel) {
                for (const StateRun& branch : run.children) {
                    const ContainerIndex target = branchFor(state, branch);
                    if (target != NoIndex)
                        walk(branch.children, target);
                }
            }
        }
    }

private:
    StateIndex uniqueByName(const QString& name) const
    {
        StateIndex found = NoIndex;
        for (StateIndex i = 0; i < m_workflow.states.size(); ++i) {
            if (m_workflow.states[i].name == name) {
                if (found != NoIndex)
                    return NoIndex;
                found = i;
            }
        }
        return found;
    }

    ContainerIndex branchFor(const State& parallel, const StateRun& branch) const
    {
        for (const StateRun& run : branch.children) {
            for (ContainerIndex c : parallel.children) {
                if (m_workflow.findState(run.name, c) != NoIndex)
                    return c;
            }
        }
        return parallel.children.value(branch.index, NoIndex);
    }

    static void count(StateOutcome& outcome, const StateRun& run)
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

    const Workflow& m_workflow;
    ExecutionMatch& m_match;
    QSet<QString> m_unknown;
};

} // namespace

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

ExecutionMatch matchDefinition(const Execution& execution, const Workflow& workflow)
{
    ExecutionMatch match;
    for (const State& state : workflow.states) {
        StateOutcome outcome;
        if (state.type == StateType::Map)
            outcome.iterations = -1;
        match.states.insert(state.id, outcome);
    }
    Matcher(workflow, match).walk(execution.runs, NoIndex);
    for (auto it = match.states.begin(); it != match.states.end(); ++it)
        finishOutcome(it.value());
    if (!match.unknownStates.isEmpty()) {
        match.diagnostics.append({ Severity::Warning,
            QStringLiteral("the history has states the definition does not have (%1): is this execution from another "
                           "revision of the workflow?")
                .arg(match.unknownStates.mid(0, 8).join(QStringLiteral(", "))),
            {}, {}, {} });
    }
    return match;
}

} // namespace Stepscope
