#pragma once

#include <QStringList>

namespace Stepscope::Cli {

/// `stepscope stats [--db FILE] [--state-machine NAME] [--json]`: per-state counts, failure rates, top errors and
/// p50 / p95 durations over the archived executions of one state machine.
int statsCommand(const QStringList& arguments);

} // namespace Stepscope::Cli
