#pragma once

#include <QString>

namespace Stepscope {

/// What happened to a state in one execution, shared by history reconstruction, rendering and the UI.
enum class RunStatus { NotRun, Running, Succeeded, Failed, Caught, Retried, Aborted, TimedOut };

[[nodiscard]] QString runStatusName(RunStatus status); ///< "not run", "running", "succeeded", ...
[[nodiscard]] QString runStatusKey(RunStatus status); ///< "NOT_RUN", "RUNNING", "SUCCEEDED", ... (JSON output)

} // namespace Stepscope
