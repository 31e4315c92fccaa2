#pragma once

#include "output.h"

#include <QStringList>

namespace Stepscope::Cli {

/// Runs `stepscope <command> ...` when argv names a command; returns -1 when it does not (GUI start-up).
int runCommand(const QStringList& arguments);
void printHelp(QTextStream& stream);

} // namespace Stepscope::Cli
