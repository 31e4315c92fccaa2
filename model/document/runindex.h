#pragma once

#include "history/execution.h"
#include "workflow/workflow.h"

#include <QHash>
#include <QList>

#include <vector>

namespace Stepscope {

/// One visit of a state, tied to the definition's state it belongs to.
struct RunRef {
    const StateRun* run = nullptr; ///< into the Execution the index was built from
    RunLocation location; ///< the same run by position, for values that outlive pointers
    StateIndex state = NoIndex; ///< NoIndex when the definition has no such state
    StateIndex mapState = NoIndex; ///< the innermost enclosing Map state, NoIndex outside any Map
    int iteration = -1; ///< the innermost enclosing Map iteration index, -1 outside any Map
    int lane = 0; ///< Parallel branch / Map iteration lane for the timeline (0 at top level)
    QList<std::pair<StateIndex, int>> enclosingIterations; ///< every (Map state, iteration) around the run
};

/// One Map iteration, for the iteration picker.
struct IterationRef {
    const StateRun* run = nullptr; ///< kind Iteration
    StateIndex mapState = NoIndex;
};

/// The one place where an Execution's runs are tied to a Workflow's states; everything that shows a run per state
/// (status table, canvas, inspector, banner, timeline, exports) goes through it.
///
/// A run matches the state of its name inside the container it ran in: a Map's iterations in its item processor, a
/// Parallel's branches in the branch holding their states (by content: branches are numbered in the order they
/// were seen, not in definition order). A name the container lacks but the workflow has exactly once still matches
/// that state (a definition reshaped since); anything else stays unmatched and is reported.
///
/// Holds pointers into the Execution: keep both alive together (LoadedDocument does).
class RunIndex {
public:
    RunIndex() = default;
    RunIndex(const Execution& execution, const Workflow& workflow);

    [[nodiscard]] const QList<RunRef>& runs() const { return m_runs; }
    /// Indexes into runs() of the visits of `state`, in order.
    [[nodiscard]] QList<int> runsOf(StateIndex state) const { return m_byState.value(state); }
    [[nodiscard]] QList<IterationRef> iterationsOf(StateIndex mapState) const { return m_iterations.value(mapState); }
    /// The state an event belongs to (NoIndex for execution-level or unplaced events).
    [[nodiscard]] StateIndex stateOfEvent(int event) const;
    /// The run (index into runs()) an event belongs to, -1 if none.
    [[nodiscard]] int runOfEvent(int event) const;
    /// The run (index into runs()) at `location`, -1 when it is not a state run of this index.
    [[nodiscard]] int runAt(const RunLocation& location) const { return m_byLocation.value(location, -1); }
    /// The state a run of the indexed execution matched, NoIndex when unmatched or not a state run of it.
    [[nodiscard]] StateIndex stateOfRun(const StateRun* run) const;
    /// The state of the run at `location`, NoIndex when unmatched or not found.
    [[nodiscard]] StateIndex stateAt(const RunLocation& location) const;
    /// Status of every state visited inside one iteration of a Map state (the last visit wins).
    [[nodiscard]] QHash<StateIndex, RunStatus> iterationStatuses(StateIndex mapState, int iteration) const;
    /// Names of runs that match no state of the workflow, in order of first appearance.
    [[nodiscard]] const QStringList& unmatchedNames() const { return m_unmatched; }
    /// The events of one run: its own and those of its task attempts, in id order.
    [[nodiscard]] static QList<int> eventsOf(const StateRun& run);
    [[nodiscard]] int laneCount() const { return m_laneCount; }

private:
    class Builder;

    QList<RunRef> m_runs;
    QHash<StateIndex, QList<int>> m_byState;
    QHash<StateIndex, QList<IterationRef>> m_iterations;
    QHash<RunLocation, int> m_byLocation;
    QHash<const StateRun*, int> m_byRun;
    std::vector<int> m_eventRun;
    QStringList m_unmatched;
    int m_laneCount = 1;
};

} // namespace Stepscope
