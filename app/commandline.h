#pragma once

#include <QStringList>
#include <QTextStream>

namespace Stepscope::Cli {

/// Exit codes shared by every command.
enum ExitCode { Ok = 0, Failed = 1, UsageError = 2 };

/// Standard output and error as UTF-8 text streams.
QTextStream& out();
QTextStream& err();

/// Runs `stepscope <command> ...` when argv names a command; returns -1 when it does not (GUI start-up).
int runCommand(const QStringList& arguments);
void printHelp(QTextStream& stream);

} // namespace Stepscope::Cli
