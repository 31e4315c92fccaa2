#pragma once

#include "archivetypes.h"

namespace Stepscope {

struct Execution;

/// The archive's value of an execution read from a history: runs flattened in order (Parallel branches and Map
/// iterations become container paths matching Workflow state ids: "Fanout/0/Charge", "Orders/processor/Charge"),
/// payload texts decoded, root cause, and a content hash over the events as written (the identity when the ARN is
/// unknown, so that the same history imported twice is recognised).
[[nodiscard]] ArchivedExecution archivedFromExecution(const Execution& execution, const QString& sourceFile);

/// "Orders" from "arn:aws:states:eu-west-1:123:stateMachine:Orders[:version]" or from an execution ARN
/// ("...:execution:Orders:run-1", "...:express:Orders:run:id"); empty when neither tells.
[[nodiscard]] QString stateMachineNameFromArn(const QString& arn);

} // namespace Stepscope
