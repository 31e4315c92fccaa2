#pragma once

#include "execution.h"

namespace Stepscope {

/// Fills execution.rootCause (failed / timed-out executions) and execution.caughtErrors from the run tree.
void findRootCause(Execution& execution);

} // namespace Stepscope
