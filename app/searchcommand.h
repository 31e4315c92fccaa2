#pragma once

#include <QStringList>

namespace Stepscope::Cli {

/// `stepscope search [--db FILE] [--status S] [--error E] [--state NAME] [--state-machine NAME] [--since T]
/// [--until T] [--text WORDS] [--limit N] [--offset N] [--json]`
int searchCommand(const QStringList& arguments);

} // namespace Stepscope::Cli
