#pragma once

#include <QStringList>

namespace Stepscope::Cli {

/// `stepscope import PATH... [--db FILE] [--state-machine NAME] [--definition FILE]`: files and folders
/// (recursively) of execution histories into the archive; a progress line on a terminal, then a summary.
int importCommand(const QStringList& arguments);

} // namespace Stepscope::Cli
