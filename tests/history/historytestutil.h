#pragma once

#include "history/execution.h"

#include <QSet>
#include <QTest>

// Shared checks for the history tests.
namespace Stepscope::Test {

inline void collectPlaced(const std::vector<StateRun>& runs, QList<int>& placed)
{
    for (const StateRun& run : runs) {
        placed += run.events;
        collectPlaced(run.children, placed);
    }
}

/// Every event is in exactly one place: a run, the execution's own events, or the unassigned list.
inline QString placementProblem(const Execution& execution)
{
    QList<int> placed;
    collectPlaced(execution.runs, placed);
    placed += execution.executionEvents;
    placed += execution.unassignedEvents;
    QSet<int> seen;
    for (int i : placed) {
        if (i < 0 || size_t(i) >= execution.events.size())
            return QStringLiteral("index %1 out of range").arg(i);
        if (seen.contains(i))
            return QStringLiteral("event #%1 (id %2) placed twice").arg(i).arg(execution.events[size_t(i)].id);
        seen.insert(i);
    }
    if (size_t(seen.size()) != execution.events.size())
        return QStringLiteral("%1 of %2 events placed").arg(seen.size()).arg(execution.events.size());
    return {};
}

inline const StateRun* findRun(const std::vector<StateRun>& runs, const QStringList& path)
{
    for (const StateRun& run : runs) {
        if (run.path() == path)
            return &run;
        if (const StateRun* inner = findRun(run.children, path))
            return inner;
    }
    return nullptr;
}

inline int countRuns(const std::vector<StateRun>& runs, const QString& name, RunStatus status)
{
    int n = 0;
    for (const StateRun& run : runs) {
        n += run.kind == RunKind::State && run.name == name && run.status == status;
        n += countRuns(run.children, name, status);
    }
    return n;
}

} // namespace Stepscope::Test
