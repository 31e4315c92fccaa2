#pragma once

#include "statestages.h"

#include "history/execution.h"
#include "workflow/workflow.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace Stepscope::Dataflow {

/// A recorded value set beside the computed one.
struct ReplayComparison {
    enum class Verdict {
        Recorded, ///< only recorded (the engine does not compute it)
        Computed, ///< only computed (the history does not record it)
        Agrees, ///< computed-agrees
        Disagrees, ///< computed-disagrees
        Volatile, ///< depends on random or time values, or on context the history lacks: not compared
    };
    QString what; ///< "parameters" (TaskScheduled.parameters), "output", "assignedVariables", "nextState", "error"
    std::optional<Json> recorded;
    std::optional<Json> computed;
    Verdict verdict = Verdict::Recorded;
    QString note;
};
[[nodiscard]] QString verdictName(ReplayComparison::Verdict verdict); ///< recorded, computed, computed-agrees, ...

/// The replay of one state run.
struct RunReplay {
    QStringList path; ///< StateRun::path()
    QString stateName;
    QString stateType;
    QString stateId; ///< the definition state's id; empty when not found
    bool replayed = false;
    QString notReplayableReason; ///< when !replayed
    StateRequest request; ///< what the engine was fed
    StateEvaluation evaluation;
    std::vector<ReplayComparison> comparisons;
    bool isVolatile = false; ///< counted apart: its values depend on what cannot be known offline
    QStringList volatileReasons;
    [[nodiscard]] bool agrees() const; ///< replayed, not volatile, and no comparison disagrees
    [[nodiscard]] bool disagrees() const;
    [[nodiscard]] bool hasRecordedOutput() const;
    QString disagreement; ///< which values differ, and which cause is likelier
    /// Each stage with where its value comes from: "recorded" (fed from the history), "computed", "computed-agrees" /
    /// "computed-disagrees" (set beside what the history recorded after the run), "volatile", or the stage's status
    /// when it has no value ("failed", "not reached", "unknown").
    [[nodiscard]] std::vector<std::pair<QString, QString>> stageVerdicts() const;
    /// {"status", "nextState", "output", "error", "cause", "inspectionData", "stages", "recorded": {...},
    ///  "comparisons": [...]}, or {"replayed": false, "reason"}.
    [[nodiscard]] Json toJson() const;
};

struct ReplaySummary {
    int runs = 0; ///< state runs seen (branches and iterations are not runs)
    int replayed = 0;
    int agreeing = 0;
    int disagreeing = 0;
    int volatileRuns = 0; ///< replayed, counted apart
    int notReplayable = 0;
    QMap<QString, int> notReplayableReasons;
    [[nodiscard]] Json toJson() const;
};

struct ExecutionReplay {
    std::vector<RunReplay> runs; ///< in execution order, depth first (a Map's iterations after the Map run)
    ReplaySummary summary;
};

/// Replays every state run of `execution` against `workflow`: each run is fed only what came before it (its recorded
/// input, its task's recorded result or final error with the retries spent, the execution input, its state name and
/// the variables assigned by earlier runs in its scope), and what the engine computes is set beside what the history
/// recorded after it (task parameters, output, assigned variables, the state entered next).
[[nodiscard]] ExecutionReplay replayExecution(const Execution& execution, const Workflow& workflow);

/// A history payload as a JSON value: AWS writes them as JSON text inside a string; LocalStack sometimes as values.
[[nodiscard]] std::optional<Json> payloadJson(const Payload& payload);

} // namespace Stepscope::Dataflow
