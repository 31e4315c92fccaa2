#pragma once

#include "sourcedocument.h"
#include "workflow/workflow.h"

namespace Stepscope {

/// Turns an ASL document into the engine-neutral graph. Best effort: whatever can be drawn is kept,
/// problems that prevent drawing are appended to `diagnostics` (the validator reports the rest).
[[nodiscard]] Workflow buildWorkflow(const SourceDocument& definition, const QString& name, Diagnostics& diagnostics);

/// Readable text of a Choice rule: `$.status == "FAILED"`, `$.total > 100 and $.country == "DE"`, or a JSONata
/// Condition as written.
[[nodiscard]] QString choiceRuleLabel(const Json& rule);

} // namespace Stepscope
