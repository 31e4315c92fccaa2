#pragma once

#include "history/execution.h"
#include "workflow/workflow.h"

#include <QHash>
#include <QList>

#include <vector>

namespace Stepscope {

/// One visit of a state, tied to the definition's state it belongs to.
struct RunRef {
    const StateRun* run = nullptr;
    StateIndex state = NoIndex;
    StateIndex mapState = NoIndex; ///< the innermost enclosing Map state, NoIndex outside any Map
    int iteration = -1; ///< the innermost enclosing Map iteration index, -1 outside any Map
    int lane = 0; ///< Parallel branch / Map iteration lane for the timeline (0 at top level)
};

/// One Map iteration, for the iteration picker.
struct IterationRef {
    const StateRun* run = nullptr; ///< kind Iteration
    StateIndex mapState = NoIndex;
};

/// Ties an Execution's runs and events to a Workflow's states, once per document (the Execution must outlive it).
/// Runs are matched by name inside the container their Parallel branch / Map iteration stands for.
class RunIndex {
public:
    void build(const Execution& execution, const Workflow& workflow);

    [[nodiscard]] const QList<RunRef>& runs() const { return m_runs; }
    /// Indexes into runs() of the visits of `state`, in order.
    [[nodiscard]] QList<int> runsOf(StateIndex state) const { return m_byState.value(state); }
    [[nodiscard]] QList<IterationRef> iterationsOf(StateIndex mapState) const { return m_iterations.value(mapState); }
    /// The state an event belongs to (NoIndex for execution-level or unplaced events).
    [[nodiscard]] StateIndex stateOfEvent(int event) const;
    /// The run (index into runs()) an event belongs to, -1 if none.
    [[nodiscard]] int runOfEvent(int event) const;
    /// Resolves a run path such as {"ProcessOrders[17]", "ChargeCard"} to a state.
    [[nodiscard]] StateIndex resolvePath(const QStringList& path) const;
    /// The run at `path` ({"ProcessOrders[17]", "ChargeCard"}), -1 if not found.
    [[nodiscard]] int runAtPath(const QStringList& path) const;
    /// Status of every state visited inside one iteration of a Map state (the last visit wins).
    [[nodiscard]] QHash<StateIndex, RunStatus> iterationStatuses(StateIndex mapState, int iteration) const;
    /// The events of one run: its own and those of its task attempts, in id order.
    [[nodiscard]] static QList<int> eventsOf(const StateRun& run);
    [[nodiscard]] int laneCount() const { return m_laneCount; }

private:
    void walk(const std::vector<StateRun>& runs, ContainerIndex container, StateIndex mapState, int iteration,
        int lane);
    [[nodiscard]] ContainerIndex childContainer(StateIndex owner, const StateRun& child) const;

    const Workflow* m_workflow = nullptr;
    QList<RunRef> m_runs;
    QHash<StateIndex, QList<int>> m_byState;
    QHash<StateIndex, QList<IterationRef>> m_iterations;
    std::vector<int> m_eventRun;
    int m_laneCount = 1;
};

} // namespace Stepscope
