#pragma once

#include <QStringList>

namespace Stepscope::Cli {

/// `stepscope compare EXECUTION EXECUTION [--db FILE] [--json]`: where two archived executions differ.
int compareCommand(const QStringList& arguments);

} // namespace Stepscope::Cli
