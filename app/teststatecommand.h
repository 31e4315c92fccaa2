#pragma once

#include <QStringList>

namespace Stepscope::Cli {

/// `stepscope test-state DEFINITION --state NAME --input JSON|@FILE [--result JSON|@FILE | --error E [--cause C]
/// [--retry-count N]] [--context JSON|@FILE] [--variables JSON|@FILE] [--state-machine ID] [--json]`: one state
/// evaluated offline as the TestState API does it (status, next state, output, error, cause, inspection data).
int testStateCommand(const QStringList& arguments);

} // namespace Stepscope::Cli
