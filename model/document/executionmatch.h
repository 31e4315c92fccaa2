#pragma once

#include "history/execution.h"
#include "runindex.h"
#include "workflow/workflow.h"

#include <QHash>

namespace Stepscope {

/// What happened to one state of a definition.
struct StateOutcome {
    RunStatus status = RunStatus::NotRun;
    int runs = 0; ///< state runs (visits) of this state, over every iteration and branch
    int succeeded = 0;
    int failed = 0;
    int caught = 0;
    int retried = 0; ///< runs that needed a retry
    int aborted = 0;
    int timedOut = 0;
    int running = 0;
    int iterations = -1; ///< Map states: iterations seen (-1 for other states)
    int iterationsFailed = 0;
    int iterationsSucceeded = 0;
    int iterationsAborted = 0;
    int retryCount = 0; ///< retries over every run
    QStringList caughtErrors; ///< errors that Catch rules handled on this state
    QString summary; ///< short badge text: "3/1000 failed", "retried 1×", "caught States.ALL"
};

struct ExecutionMatch {
    QHash<QString, StateOutcome> states; ///< keyed by Workflow State::id; every state of the workflow is there
    QStringList unknownStates; ///< state names the history has and the definition lacks
    Diagnostics diagnostics; ///< a warning when unknownStates is not empty (another revision?)
};

/// Each state's outcome over the runs `runs` matched to it (RunIndex holds the matching rules).
[[nodiscard]] ExecutionMatch matchDefinition(const RunIndex& runs, const Workflow& workflow);
/// The same, matching `execution` to `workflow` first.
[[nodiscard]] ExecutionMatch matchDefinition(const Execution& execution, const Workflow& workflow);

} // namespace Stepscope
