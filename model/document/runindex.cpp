#include "runindex.h"

#include <algorithm>

namespace Stepscope {

namespace {

// Where the runs of one level belong: a container of the workflow, or nowhere known (below an unmatched run, where
// only a name unique in the whole workflow can match).
struct Scope {
    ContainerIndex container = NoIndex;
    bool known = true;
};

} // namespace

class RunIndex::Builder {
public:
    Builder(RunIndex& index, const Execution& execution, const Workflow& workflow)
        : m_index(index)
        , m_workflow(workflow)
    {
        m_index.m_eventRun.assign(execution.events.size(), -1);
    }

    void walk(const std::vector<StateRun>& runs, Scope scope, StateIndex mapState, int iteration, int lane)
    {
        for (size_t i = 0; i < runs.size(); ++i) {
            const StateRun& run = runs[i];
            m_location.append(int(i));
            if (run.kind == RunKind::State)
                add(run, scope, mapState, iteration, lane);
            m_location.removeLast();
        }
    }

private:
    void add(const StateRun& run, Scope scope, StateIndex mapState, int iteration, int lane)
    {
        StateIndex state = scope.known ? m_workflow.findState(run.name, scope.container) : NoIndex;
        if (state == NoIndex)
            state = uniqueByName(run.name);
        const int index = static_cast<int>(m_index.m_runs.size());
        m_index.m_runs.append({ &run, m_location, state, mapState, iteration, lane, m_enclosing });
        m_index.m_byLocation.insert(m_location, index);
        m_index.m_byRun.insert(&run, index);
        if (state != NoIndex) {
            m_index.m_byState[state].append(index);
        } else if (!m_index.m_unmatched.contains(run.name)) {
            m_index.m_unmatched.append(run.name);
        }
        for (int e : eventsOf(run)) {
            if (e >= 0 && e < static_cast<int>(m_index.m_eventRun.size()))
                m_index.m_eventRun[size_t(e)] = index;
        }
        for (size_t c = 0; c < run.children.size(); ++c) {
            const StateRun& child = run.children[c];
            m_location.append(int(c));
            const Scope inner = state != NoIndex ? childScope(state, child) : Scope { NoIndex, false };
            const int childLane = m_index.m_laneCount++;
            if (child.kind == RunKind::Iteration && state != NoIndex) {
                m_index.m_iterations[state].append({ &child, state });
                m_enclosing.append({ state, child.index });
                walk(child.children, inner, state, child.index, childLane);
                m_enclosing.removeLast();
            } else {
                walk(child.children, inner, mapState, iteration, childLane);
            }
            m_location.removeLast();
        }
    }

    // The container a branch / iteration of `owner` ran in.
    [[nodiscard]] Scope childScope(StateIndex owner, const StateRun& child) const
    {
        const State& state = m_workflow.states[owner];
        if (state.children.isEmpty())
            return { NoIndex, false };
        if (state.type == StateType::Parallel && child.kind == RunKind::Branch) {
            for (const StateRun& run : child.children) {
                for (ContainerIndex c : state.children) {
                    if (m_workflow.findState(run.name, c) != NoIndex)
                        return { c, true };
                }
            }
            if (child.index >= 0 && child.index < state.children.size())
                return { state.children[child.index], true };
            return { NoIndex, false };
        }
        return { state.children.first(), true }; // a Map has one item processor
    }

    [[nodiscard]] StateIndex uniqueByName(const QString& name) const
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

    RunIndex& m_index;
    const Workflow& m_workflow;
    RunLocation m_location;
    QList<std::pair<StateIndex, int>> m_enclosing;
};

RunIndex::RunIndex(const Execution& execution, const Workflow& workflow)
{
    Builder(*this, execution, workflow).walk(execution.runs, Scope {}, NoIndex, -1, 0);
}

StateIndex RunIndex::stateOfEvent(int event) const
{
    const int run = runOfEvent(event);
    return run >= 0 ? m_runs[run].state : NoIndex;
}

int RunIndex::runOfEvent(int event) const
{
    if (event < 0 || event >= static_cast<int>(m_eventRun.size()))
        return -1;
    return m_eventRun[static_cast<size_t>(event)];
}

StateIndex RunIndex::stateOfRun(const StateRun* run) const
{
    const int index = m_byRun.value(run, -1);
    return index >= 0 ? m_runs[index].state : NoIndex;
}

StateIndex RunIndex::stateAt(const RunLocation& location) const
{
    const int run = runAt(location);
    return run >= 0 ? m_runs[run].state : NoIndex;
}

QHash<StateIndex, RunStatus> RunIndex::iterationStatuses(StateIndex mapState, int iteration) const
{
    QHash<StateIndex, RunStatus> statuses;
    const std::pair<StateIndex, int> wanted { mapState, iteration };
    for (const RunRef& ref : m_runs) {
        if (ref.state != NoIndex && ref.enclosingIterations.contains(wanted))
            statuses.insert(ref.state, ref.run->status);
    }
    return statuses;
}

QList<int> RunIndex::eventsOf(const StateRun& run)
{
    QList<int> events = run.events;
    for (const TaskAttempt& attempt : run.attempts)
        events.append(attempt.events);
    std::sort(events.begin(), events.end());
    events.erase(std::unique(events.begin(), events.end()), events.end());
    return events;
}

} // namespace Stepscope
