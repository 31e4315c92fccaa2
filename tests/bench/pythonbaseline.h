#pragma once

#include <QProcess>
#include <QString>

// The benchmarks' baseline interpreter. `python3` may be a launcher script (pyenv shims are bash scripts that add
// ~0.3 s to every start, which would flatter Stepscope): time the interpreter itself.
inline QString pythonInterpreter()
{
    QProcess probe;
    probe.start(QStringLiteral("python3"), { QStringLiteral("-c"), QStringLiteral("import sys; print(sys.executable)") });
    probe.waitForFinished(-1);
    const QString resolved = QString::fromLocal8Bit(probe.readAllStandardOutput()).trimmed();
    return resolved.isEmpty() ? QStringLiteral("python3") : resolved;
}
