#pragma once

#include "history/execution.h"
#include "workflow/workflow.h"

#include <nlohmann/json.hpp>

#include <QTextStream>

namespace Stepscope::Cli {

/// `inspect --dataflow`: every run replayed against the definition (model/dataflow/replay.h), as JSON:
/// {"summary": {...}, "runs": [{"path", "state", "type", "dataflow": {... inspectionData ..., "recorded": {...}}}]}.
[[nodiscard]] nlohmann::ordered_json dataflowReportJson(const Execution& execution, const Workflow& workflow);

/// The same as text: one line per run (agrees, disagrees with why, counted apart, not replayable with why), then
/// the counts.
void printDataflowReport(QTextStream& out, const Execution& execution, const Workflow& workflow);

} // namespace Stepscope::Cli
