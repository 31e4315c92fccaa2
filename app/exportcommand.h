#pragma once

#include <QStringList>

namespace Stepscope::Cli {

/// `stepscope export FILE -o OUT [--direction TB|LR] [--theme light|dark] [--scale N] [--page fit|a4|letter]
///  [--transparent] [--collapse STATE_ID]... [--state-machine ID] [--history H]`; the format comes from OUT's extension.
int exportCommand(const QStringList& arguments);

} // namespace Stepscope::Cli
