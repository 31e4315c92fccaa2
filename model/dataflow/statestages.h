#pragma once

#include "choiceevaluation.h"
#include "errorhandling.h"
#include "jsonpath.h"

#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace Stepscope::Dataflow {

/// Payloads (input, output, results) are limited to 256 KiB of UTF-8.
constexpr size_t MaxPayloadBytes = 256 * 1024;

/// One stage of a state's data flow, named as TestState's inspectionData names it ("afterInputPath").
struct Stage {
    enum class Status {
        Computed, ///< the value was computed (or, for input / result, given)
        Failed, ///< this stage raised the state's error
        NotReached, ///< an earlier stage failed, or the state stopped before it
        Unknown, ///< cannot be computed offline (a distributed Map's ItemReader reads S3)
    };
    QString name; ///< input, afterInputPath, afterParameters, result, afterResultSelector, afterResultPath, output,
                  ///< variables, afterItemsPath, afterItemSelector, afterItemBatcher, maxConcurrency,
                  ///< toleratedFailureCount, toleratedFailurePercentage, choice, wait, error, cause
    QString field; ///< the definition field applied ("InputPath", "Parameters", "ResultPath", ...) or empty
    Status status = Status::NotReached;
    Json value;
    QString error;
    QString cause;
    QString note; ///< why NotReached / Unknown
};
[[nodiscard]] QString stageStatusName(Stage::Status status); ///< "computed", "failed", "not reached", "unknown"

enum class EvaluationStatus { Succeeded, Failed, CaughtError, Retriable, NotEvaluated };
[[nodiscard]] QString evaluationStatusKey(EvaluationStatus status); ///< SUCCEEDED, FAILED, CAUGHT_ERROR, RETRIABLE,
                                                                    ///< NOT_EVALUATED

/// Everything one state is evaluated from.
struct StateRequest {
    Json state; ///< the state's definition object
    QString stateName;
    bool jsonata = false; ///< QueryLanguage JSONata (on the state or at the top)
    Json input = Json::object(); ///< the raw state input
    /// Task: the task's result; Map: the iterations' outputs in order; Parallel: the branches' outputs in order.
    std::optional<Json> result;
    std::optional<QString> error; ///< instead of a result: the error of the attempt made
    QString cause;
    int retryCount = 0; ///< retries of the matching Retry rule already spent
    Json context = Json::object(); ///< the context object as far as it is known
    Json variables = Json::object(); ///< variables visible to the state: name -> value
    std::optional<qint64> enteredEventId; ///< for causes: "(entered at the event id #2)"
};

/// What evaluating one state gives: each stage's value, or the error and the stage that raised it.
struct StateEvaluation {
    EvaluationStatus status = EvaluationStatus::NotEvaluated;
    QString nextState; ///< empty at the end of a machine or branch, and when failed
    std::optional<Json> output;
    QString error;
    QString cause;
    QString failedStage; ///< the stage that raised the error ("afterParameters"; "result" for a given error)
    QString notEvaluatedReason; ///< NotEvaluated: why ("JSONata: not evaluated yet", "a Task needs ...")
    std::vector<Stage> stages; ///< in data-flow order
    std::optional<ChoiceEvaluation> choice;
    std::optional<ErrorDecision> errorDecision;
    Json assigned = Json::object(); ///< variables this state assigned (Assign), name -> value
    Json variables = Json::object(); ///< visible variables after the state
    std::vector<std::string> volatileUses; ///< context paths and random intrinsics read (see PathScope)

    [[nodiscard]] const Stage* stage(const QString& name) const;
    /// TestState's inspectionData: input, afterInputPath, afterParameters, result, afterResultSelector,
    /// afterResultPath, variables, errorDetails; Map: afterItemsPath, afterItemSelector, afterItemBatcher; Choice:
    /// the rule that matched. Values are JSON values (not JSON-encoded text).
    [[nodiscard]] Json inspectionData() const;
    /// The whole result as TestState answers it (status, nextState, output, error, cause, inspectionData) plus the
    /// stages.
    [[nodiscard]] Json toJson() const;
};

/// Evaluates one JSONPath state of any type: Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map.
[[nodiscard]] StateEvaluation evaluateState(const StateRequest& request);

/// The seam for JSONata states: until an engine is set, they are reported NotEvaluated ("JSONata: not evaluated
/// yet"). The JSONata engine sets this once at start-up.
using JsonataStateEvaluator = std::function<StateEvaluation(const StateRequest&)>;
void setJsonataStateEvaluator(JsonataStateEvaluator evaluator);

} // namespace Stepscope::Dataflow
