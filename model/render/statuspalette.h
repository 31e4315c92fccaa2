#pragma once

#include "workflow/runstatus.h"

#include <QColor>

namespace Stepscope {

/// The one status palette, read by the canvas, the exports and every legend: close to the AWS console's colours
/// (succeeded green, failed red, caught orange, running blue, aborted and timed out dark grey, not run light grey).
/// Status is never told by colour alone: each also has its symbol (canvas) or icon mark (exports).
[[nodiscard]] QColor statusColor(RunStatus status, bool dark = false);

} // namespace Stepscope
