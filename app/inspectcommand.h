#pragma once

#include <QStringList>

namespace Stepscope::Cli {

/// `stepscope inspect HISTORY [--definition FILE] [--json] [--execution ARN] [--describe FILE] [--dataflow]`:
/// what a support person pastes into a ticket. Exit 0 when the file was read, whatever the execution's status.
int inspectCommand(const QStringList& arguments);

} // namespace Stepscope::Cli
