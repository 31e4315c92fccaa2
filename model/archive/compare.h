#pragma once

#include "archivetypes.h"

namespace Stepscope {

/// Where two executions' paths differ, and per state (by state id) the status, duration and input / output
/// differences. A state that ran several times is compared on its last run; durations are summed over runs.
[[nodiscard]] ExecutionComparison compareExecutions(const ArchivedExecution& a, const ArchivedExecution& b);

/// Differences between two JSON texts as "/pointer: old → new", "/pointer: added new", "/pointer: removed old" lines,
/// at most `maxLines` (then "… N more"). Texts that are not JSON are compared as plain text.
[[nodiscard]] QStringList jsonDifferences(const QByteArray& a, const QByteArray& b, int maxLines = 20);

} // namespace Stepscope
