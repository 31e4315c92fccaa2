#pragma once

#include "jsonpath.h"

#include <QString>

namespace Stepscope::Dataflow {

/// Evaluates a payload template (Parameters, ResultSelector, ItemSelector, Assign): every member whose name ends
/// in ".$" is replaced by the value of its path or intrinsic function (the name loses its ".$"); other members are
/// kept as written; nested objects and arrays are evaluated the same way. `$` reads scope.input, `$$` the context
/// object, `$name` a variable. Throws DataflowError (States.Runtime): "The JSONPath '$.order.id' specified for the
/// field 'id.$' could not be found in the input '{...}'", or when a ".$" member does not hold a string.
[[nodiscard]] Json evaluatePayloadTemplate(const Json& payloadTemplate, const PathScope& scope);

/// The value of one ".$" member (a path or an intrinsic call), for fields such as ErrorPath that take one.
[[nodiscard]] Json evaluateDynamicValue(const std::string& expression, const QString& field, const PathScope& scope);

/// The context object a run sees, from what is known (absent members stay absent): Execution.{Id, Input, Name,
/// StartTime, RoleArn}, State.{Name, EnteredTime, RetryCount}, StateMachine.{Id, Name}, Task.Token,
/// Map.Item.{Index, Value}.
struct ContextValues {
    std::optional<Json> executionInput;
    QString executionId, executionName, executionStartTime, roleArn;
    QString stateName, stateEnteredTime;
    std::optional<int> retryCount;
    QString stateMachineId, stateMachineName;
    QString taskToken;
    std::optional<int> mapItemIndex;
    std::optional<Json> mapItemValue;
};
[[nodiscard]] Json makeContextObject(const ContextValues& values);

} // namespace Stepscope::Dataflow
