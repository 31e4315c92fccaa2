#include "execution.h"

#include <QSet>

// Without a definition, the graph of what ran: each state once per container, edges in visit order.
namespace Stepscope {

namespace {

class PathBuilder {
public:
    explicit PathBuilder(Workflow& workflow)
        : m_workflow(workflow)
    {
    }

    void lane(const std::vector<StateRun>& runs, ContainerIndex container)
    {
        StateIndex previous = NoIndex;
        const StateRun* previousRun = nullptr;
        for (const StateRun& run : runs) {
            if (run.kind != RunKind::State || run.name.isEmpty())
                continue;
            const StateIndex index = stateFor(run, container);
            if (previous == NoIndex) {
                setStart(container, index);
            } else if (!m_edges.contains({ previous, index })) {
                m_edges.insert({ previous, index });
                const bool caught = previousRun && previousRun->caught.has_value();
                m_workflow.edges.append({ previous, index, caught ? EdgeKind::Catch : EdgeKind::Next,
                    caught ? previousRun->caught->error : QString() });
                if (caught) {
                    CatchRule rule;
                    rule.errorEquals = { previousRun->caught->error };
                    rule.next = run.name;
                    m_workflow.states[previous].catches.append(rule);
                }
            }
            for (const StateRun& child : run.children) {
                const ContainerIndex inner = containerFor(index, child);
                lane(child.children, inner);
            }
            previous = index;
            previousRun = &run;
        }
        if (previous != NoIndex && previousRun) {
            const QString type = previousRun->stateType;
            if (type == QLatin1String("Succeed") || type == QLatin1String("Fail") || previousRun->status == RunStatus::Succeeded
                || previousRun->status == RunStatus::Retried)
                m_workflow.states[previous].isEnd = true;
        }
    }

private:
    StateIndex stateFor(const StateRun& run, ContainerIndex container)
    {
        const StateIndex existing = m_workflow.findState(run.name, container);
        if (existing != NoIndex)
            return existing;
        State state;
        const QString prefix = container == NoIndex ? QString() : m_workflow.containers[container].id + u'/';
        state.id = prefix + run.name;
        state.name = run.name;
        state.typeName = run.stateType.isEmpty() ? QStringLiteral("Unknown") : run.stateType;
        state.type = stateTypeFromName(state.typeName);
        state.container = container;
        for (const TaskAttempt& attempt : run.attempts) {
            if (!attempt.resource.isEmpty()) {
                state.resource = attempt.resource;
                break;
            }
        }
        m_workflow.states.append(state);
        return StateIndex(m_workflow.states.size() - 1);
    }

    ContainerIndex containerFor(StateIndex owner, const StateRun& child)
    {
        const bool isMap = child.kind == RunKind::Iteration;
        const int slot = isMap ? 0 : std::max(child.index, 0);
        State& state = m_workflow.states[owner];
        for (ContainerIndex c : state.children) {
            const Container& existing = m_workflow.containers[c];
            if (isMap ? existing.kind == ContainerKind::MapProcessor
                      : existing.kind == ContainerKind::ParallelBranch && existing.id.endsWith(u'/' + QString::number(slot)))
                return c;
        }
        Container container;
        container.kind = isMap ? ContainerKind::MapProcessor : ContainerKind::ParallelBranch;
        container.id = state.id + u'/' + (isMap ? QStringLiteral("processor") : QString::number(slot));
        container.label = isMap ? QStringLiteral("Iterations") : QStringLiteral("Branch %1").arg(slot + 1);
        container.owner = owner;
        container.parent = state.container;
        m_workflow.containers.append(container);
        const ContainerIndex index = ContainerIndex(m_workflow.containers.size() - 1);
        m_workflow.states[owner].children.append(index);
        return index;
    }

    void setStart(ContainerIndex container, StateIndex index)
    {
        if (container == NoIndex) {
            if (m_workflow.start == NoIndex) {
                m_workflow.start = index;
                m_workflow.startAt = m_workflow.states[index].name;
                m_workflow.states[index].isStart = true;
            }
            return;
        }
        Container& c = m_workflow.containers[container];
        if (c.start == NoIndex) {
            c.start = index;
            c.startAt = m_workflow.states[index].name;
        }
    }

    Workflow& m_workflow;
    QSet<QPair<StateIndex, StateIndex>> m_edges;
};

} // namespace

Workflow workflowFromExecution(const Execution& execution)
{
    Workflow workflow;
    workflow.name = execution.name.isEmpty() ? QStringLiteral("Execution path") : execution.name;
    workflow.comment = QStringLiteral("Built from the execution history: only the states that ran are shown.");
    PathBuilder(workflow).lane(execution.runs, NoIndex);
    return workflow;
}

} // namespace Stepscope
