#pragma once

#include <QString>

namespace Stepscope {

/// What happened to a state in one execution, shared by history reconstruction, rendering and the UI.
enum class RunStatus { NotRun, Running, Succeeded, Failed, Caught, Retried, Aborted, TimedOut };

[[nodiscard]] QString runStatusName(RunStatus status); ///< "not run", "running", "succeeded", ...
[[nodiscard]] QString runStatusKey(RunStatus status); ///< "NOT_RUN", "RUNNING", "SUCCEEDED", ... (JSON output)
/// The status of a key runStatusKey() gives; `ok` (when given) tells whether the key was one.
[[nodiscard]] RunStatus runStatusFromKey(QStringView key, bool* ok = nullptr);
/// Every status, in the order legends list them.
inline constexpr RunStatus AllRunStatuses[] = { RunStatus::Succeeded, RunStatus::Failed, RunStatus::Caught,
    RunStatus::Retried, RunStatus::Running, RunStatus::Aborted, RunStatus::TimedOut, RunStatus::NotRun };

} // namespace Stepscope
