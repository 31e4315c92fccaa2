#pragma once

#include <QStringList>

namespace Stepscope::Cli {

/// `stepscope validate FILE... [--json] [--state-machine ID]`
int validateCommand(const QStringList& arguments);

} // namespace Stepscope::Cli
