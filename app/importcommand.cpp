#include "importcommand.h"

#include "archive/archive.h"
#include "archive/importer.h"
#include "commandline.h"

#include <QElapsedTimer>
#include <QFile>

#include <unistd.h>

namespace Stepscope::Cli {

int importCommand(const QStringList& arguments)
{
    QString db = Archive::defaultPath();
    QStringList paths;
    ImportOptions options;
    auto usage = [](const QString& message) {
        err() << "stepscope import: " << message
              << "\nUsage: stepscope import PATH... [--db FILE] [--state-machine NAME] [--definition FILE]\n";
        err().flush();
        return UsageError;
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (arg == QLatin1String("--db") || arg == QLatin1String("--state-machine") || arg == QLatin1String("--definition")) {
            if (i + 1 >= arguments.size())
                return usage(arg + QStringLiteral(" needs a value"));
            const QString value = arguments.at(++i);
            if (arg == QLatin1String("--db")) {
                db = value;
            } else if (arg == QLatin1String("--state-machine")) {
                options.stateMachine = value;
            } else {
                QFile file(value);
                if (!file.open(QIODevice::ReadOnly))
                    return usage(QStringLiteral("cannot read the definition %1: %2").arg(value, file.errorString()));
                options.definition = file.readAll();
            }
        } else if (arg.startsWith(QLatin1String("--"))) {
            return usage(QStringLiteral("unknown option ") + arg);
        } else {
            paths.append(arg);
        }
    }
    if (paths.isEmpty())
        return usage(QStringLiteral("no file or folder given"));

    QList<ImportFailure> missing;
    const QStringList files = collectImportFiles(paths, &missing);
    Archive archive;
    if (!archive.open(db)) {
        err() << "stepscope import: " << archive.errorString() << '\n';
        err().flush();
        return Failed;
    }

    // A progress line only on a terminal: redirected output gets the summary alone.
    const bool terminal = isatty(STDOUT_FILENO) == 1;
    QElapsedTimer sinceLine;
    sinceLine.start();
    auto progress = [&](const ImportProgress& p) {
        if (!terminal || (sinceLine.elapsed() < 100 && p.filesDone < p.filesTotal))
            return;
        sinceLine.restart();
        out() << QStringLiteral("\r\x1b[2K[%1/%2] %3 imported, %4 already present, %5 failed")
                     .arg(p.filesDone)
                     .arg(p.filesTotal)
                     .arg(p.imported)
                     .arg(p.alreadyPresent)
                     .arg(p.failedFiles);
        out().flush();
    };
    QElapsedTimer timer;
    timer.start();
    ImportSummary summary = importFiles(archive, files, readExecutionsFromFile, options, progress);
    summary.failures = missing + summary.failures;
    if (terminal && !files.isEmpty())
        out() << "\r\x1b[2K";
    out() << QStringLiteral("%1 files, %2 executions into %3 in %4 s: %5 imported, %6 already present")
                 .arg(summary.files)
                 .arg(summary.executions)
                 .arg(archive.path())
                 .arg(QString::number(double(timer.elapsed()) / 1000.0, 'f', 1))
                 .arg(summary.imported)
                 .arg(summary.alreadyPresent);
    if (summary.replaced)
        out() << QStringLiteral(", %1 replaced by a longer history").arg(summary.replaced);
    out() << QStringLiteral(", %1 failed\n").arg(summary.failures.size());
    out().flush();
    for (const ImportFailure& failure : summary.failures)
        err() << "  " << failure.file << ": " << failure.reason << '\n';
    err().flush();
    return summary.failures.isEmpty() ? Ok : Failed;
}

} // namespace Stepscope::Cli
