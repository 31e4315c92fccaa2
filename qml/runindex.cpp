#include "runindex.h"

#include <QRegularExpression>

#include <algorithm>

namespace Stepscope {

void RunIndex::build(const Execution& execution, const Workflow& workflow)
{
    m_workflow = &workflow;
    m_runs.clear();
    m_byState.clear();
    m_iterations.clear();
    m_eventRun.assign(execution.events.size(), -1);
    m_laneCount = 1;
    walk(execution.runs, NoIndex, NoIndex, -1, 0);
    for (int r = 0; r < m_runs.size(); ++r) {
        for (int e : eventsOf(*m_runs[r].run)) {
            if (e >= 0 && e < static_cast<int>(m_eventRun.size()))
                m_eventRun[static_cast<size_t>(e)] = r;
        }
    }
}

ContainerIndex RunIndex::childContainer(StateIndex owner, const StateRun& child) const
{
    if (owner < 0 || owner >= m_workflow->states.size())
        return NoIndex;
    const State& state = m_workflow->states[owner];
    if (state.children.isEmpty())
        return NoIndex;
    if (child.kind == RunKind::Branch && child.index >= 0 && child.index < state.children.size())
        return state.children[child.index];
    return state.children.first(); // a Map has one item processor
}

void RunIndex::walk(const std::vector<StateRun>& runs, ContainerIndex container, StateIndex mapState, int iteration,
    int lane)
{
    for (const StateRun& run : runs) {
        if (run.kind != RunKind::State)
            continue;
        const StateIndex state = m_workflow->findState(run.name, container);
        const int index = static_cast<int>(m_runs.size());
        m_runs.append({ &run, state, mapState, iteration, lane });
        if (state != NoIndex)
            m_byState[state].append(index);
        for (const StateRun& child : run.children) {
            const ContainerIndex inner = state != NoIndex ? childContainer(state, child) : NoIndex;
            const bool isIteration = child.kind == RunKind::Iteration;
            if (isIteration && state != NoIndex)
                m_iterations[state].append({ &child, state });
            const int childLane = m_laneCount++;
            walk(child.children, inner, isIteration ? state : mapState, isIteration ? child.index : iteration,
                childLane);
        }
    }
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

int RunIndex::runAtPath(const QStringList& path) const
{
    for (int r = 0; r < m_runs.size(); ++r) {
        if (m_runs[r].run->path() == path)
            return r;
    }
    return -1;
}

StateIndex RunIndex::resolvePath(const QStringList& path) const
{
    const int run = runAtPath(path);
    if (run >= 0)
        return m_runs[run].state;
    if (!m_workflow || path.isEmpty())
        return NoIndex;
    // Not among the runs (a summary without history): follow the names through the containers.
    static const QRegularExpression bracket(QStringLiteral("^(.*)\\[(?:Branch )?(\\d+)\\]$"));
    ContainerIndex container = NoIndex;
    for (int i = 0; i < path.size(); ++i) {
        const auto match = bracket.match(path[i]);
        const QString name = match.hasMatch() ? match.captured(1) : path[i];
        const StateIndex state = m_workflow->findState(name, container);
        if (state == NoIndex)
            return NoIndex;
        if (i == path.size() - 1)
            return state;
        const State& owner = m_workflow->states[state];
        if (owner.children.isEmpty())
            return NoIndex;
        int child = 0;
        if (owner.type == StateType::Parallel && match.hasMatch())
            child = std::clamp(match.captured(2).toInt() - 1, 0, static_cast<int>(owner.children.size()) - 1);
        container = owner.children[child];
    }
    return NoIndex;
}

QHash<StateIndex, RunStatus> RunIndex::iterationStatuses(StateIndex mapState, int iteration) const
{
    QHash<StateIndex, RunStatus> statuses;
    // Nested runs sit below the iteration: anything whose innermost Map ancestor chain passes through it.
    const StateRun* target = nullptr;
    for (const IterationRef& it : m_iterations.value(mapState)) {
        if (it.run->index == iteration)
            target = it.run;
    }
    if (!target)
        return statuses;
    std::function<void(const std::vector<StateRun>&, ContainerIndex)> visit
        = [&](const std::vector<StateRun>& runs, ContainerIndex container) {
              for (const StateRun& run : runs) {
                  if (run.kind != RunKind::State)
                      continue;
                  const StateIndex state = m_workflow->findState(run.name, container);
                  if (state == NoIndex)
                      continue;
                  statuses.insert(state, run.status);
                  for (const StateRun& child : run.children)
                      visit(child.children, childContainer(state, child));
              }
          };
    const State& map = m_workflow->states[mapState];
    visit(target->children, map.children.isEmpty() ? NoIndex : map.children.first());
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
