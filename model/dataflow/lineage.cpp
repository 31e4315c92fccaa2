#include "lineage.h"

namespace Stepscope::Dataflow {

namespace {

bool contains(const Json& haystack, const Json& needle)
{
    if (jsonEquals(haystack, needle))
        return true;
    if (haystack.is_object() || haystack.is_array()) {
        for (const Json& child : haystack) {
            if (contains(child, needle))
                return true;
        }
    }
    return false;
}

QString describe(const RunReplay& run, const Stage& stage)
{
    const QString who = run.path.join(QStringLiteral(" › "));
    if (stage.name == QLatin1String("result")) {
        if (stage.field == QLatin1String("Result"))
            return QStringLiteral("%1's Result field").arg(who);
        if (run.stateType == QLatin1String("Task"))
            return QStringLiteral("%1's task result (recorded)").arg(who);
        if (run.stateType == QLatin1String("Map"))
            return QStringLiteral("%1's iterations (their outputs)").arg(who);
        if (run.stateType == QLatin1String("Parallel"))
            return QStringLiteral("%1's branches (their outputs)").arg(who);
        return QStringLiteral("%1's result").arg(who);
    }
    return QStringLiteral("%1, %2 (%3)").arg(who, stage.name, stage.field);
}

/// The first stage of `run` that holds `value`, when its input does not.
std::optional<LineageStep> introducedBy(const ExecutionReplay& replay, int index, const Json& value)
{
    const RunReplay& run = replay.runs[size_t(index)];
    if (!run.replayed || contains(run.request.input, value))
        return std::nullopt;
    for (const Stage& stage : run.evaluation.stages) {
        if (stage.status != Stage::Status::Computed || stage.name == QLatin1String("input"))
            continue;
        if (contains(stage.value, value))
            return LineageStep { index, stage.name, stage.field, describe(run, stage) };
    }
    return std::nullopt;
}

} // namespace

std::optional<LineageStep> traceValue(const ExecutionReplay& replay, int runIndex, const std::string& path,
    bool inOutput, const std::optional<Json>& executionInput)
{
    if (runIndex < 0 || runIndex >= int(replay.runs.size()))
        return std::nullopt;
    const RunReplay& run = replay.runs[size_t(runIndex)];
    const Json* root = inOutput ? (run.evaluation.output ? &*run.evaluation.output : nullptr) : &run.request.input;
    if (!root || (!inOutput && !run.replayed && run.request.input.empty()))
        return std::nullopt;
    const std::optional<JsonPath> parsed = JsonPath::tryParse(path);
    if (!parsed)
        return std::nullopt;
    PathScope scope;
    scope.input = root;
    const std::optional<Json> value = parsed->find(scope);
    if (!value)
        return std::nullopt;
    if (inOutput) {
        if (std::optional<LineageStep> own = introducedBy(replay, runIndex, *value))
            return own;
    }
    for (int i = runIndex - 1; i >= 0; --i) {
        const RunReplay& earlier = replay.runs[size_t(i)];
        if (!earlier.replayed || !earlier.evaluation.output || !contains(*earlier.evaluation.output, *value))
            continue;
        if (std::optional<LineageStep> step = introducedBy(replay, i, *value))
            return step;
    }
    if (executionInput && contains(*executionInput, *value))
        return LineageStep { -1, {}, {}, QStringLiteral("the execution's input") };
    return std::nullopt;
}

} // namespace Stepscope::Dataflow
