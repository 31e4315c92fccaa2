#pragma once

#include "replay.h"

#include <optional>
#include <string>

namespace Stepscope::Dataflow {

/// Where a value came from: the earlier run and the stage of it that put the value there.
struct LineageStep {
    int run = -1; ///< index in ExecutionReplay::runs; -1: the execution's input
    QString stage; ///< "result", "afterParameters", ... (empty for the execution input)
    QString field; ///< the definition field of that stage ("Result", "Parameters", "Resource", ...)
    QString description; ///< in words: "ChargeCard's task result (recorded)"
};

/// Traces the value at `path` (a JSONPath into run `runIndex`'s recorded input, or its computed output when
/// `inOutput`) back to the run and stage that introduced it: the latest run before it whose output holds the value
/// while its input does not, and there the first stage that holds it. Values equal to others are told apart by
/// value only, so a common value (0, true) may be traced to an earlier place that produced the same value.
/// nullopt when the path finds nothing, or nothing earlier holds the value.
[[nodiscard]] std::optional<LineageStep> traceValue(const ExecutionReplay& replay, int runIndex,
    const std::string& path, bool inOutput = false, const std::optional<Json>& executionInput = std::nullopt);

} // namespace Stepscope::Dataflow
