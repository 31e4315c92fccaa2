#pragma once

#include <QTextStream>

namespace Stepscope::Cli {

/// Exit codes shared by every command.
enum ExitCode { Ok = 0, Failed = 1, UsageError = 2 };

/// Standard output and error as UTF-8 text streams. The executable and each module (modules.h) have their own pair:
/// flush them before returning to the other side.
QTextStream& out();
QTextStream& err();

} // namespace Stepscope::Cli
