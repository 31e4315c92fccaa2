// Archive benchmark: whole processes, alternating with the baseline, several rounds; prints medians, min / max and
// the ratio. Generates N get-execution-history files (~30 events each, tests/archive/orderhistorygenerator.h), then:
//   import:  `stepscope import DIR --db FRESH` against Python's bare json.load of the same files (target <= 3x)
//   search:  `stepscope search --text WORD --db X`, whole process (target median < 0.1 s)
//   stats:   `stepscope stats --state-machine Bench --db X`, whole process (target median < 0.2 s)
// Usage: bench_archive [--executions N] [--rounds R] [--runs K]
#include "orderhistorygenerator.h"
#include "pythonbaseline.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

namespace {

struct Stats {
    double median = 0, min = 0, max = 0;
};

Stats summarise(QList<double> values)
{
    std::sort(values.begin(), values.end());
    Stats s;
    if (values.isEmpty())
        return s;
    const qsizetype n = values.size();
    s.median = n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
    s.min = values.first();
    s.max = values.last();
    return s;
}

double childrenCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double lastCpu = 0; // CPU time (user + system) of the last timed process: a busy machine disturbs it less

// Runs a process to completion and returns its wall time in seconds; exits the benchmark when it fails.
double timed(const QString& program, const QStringList& arguments, QByteArray* output = nullptr)
{
    const double cpuBefore = childrenCpuSeconds();
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        std::fprintf(stderr, "failed: %s %s\n%s\n", qPrintable(program), qPrintable(arguments.join(u' ')),
            process.readAllStandardError().constData());
        std::exit(1);
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    lastCpu = childrenCpuSeconds() - cpuBefore;
    if (output)
        *output = process.readAllStandardOutput();
    return seconds;
}

void print(const char* what, const Stats& s)
{
    std::printf("%-44s median %8.3f s   min %8.3f   max %8.3f\n", what, s.median, s.min, s.max);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int executions = 10000, rounds = 3, runs = 11;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--executions"))
            executions = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--rounds"))
            rounds = args.at(i + 1).toInt();
        else if (args.at(i) == QLatin1String("--runs"))
            runs = args.at(i + 1).toInt();
    }
    const QString stepscope = QStringLiteral(STEPSCOPE_BINARY);
    QTemporaryDir dir;
    if (args.contains(QStringLiteral("--keep")))
        dir.setAutoRemove(false); // the generated histories stay, for profiling an import
    const QString histories = dir.filePath(QStringLiteral("histories"));
    qint64 bytes = 0;
    for (int n = 0; n < executions; ++n) {
        const QString folder = QStringLiteral("%1/%2").arg(histories).arg(n / 1000);
        if (n % 1000 == 0)
            QDir().mkpath(folder);
        QFile file(QStringLiteral("%1/execution-%2.json").arg(folder).arg(n));
        const QByteArray data = Stepscope::Test::generatedHistory(n);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
            return 1;
        }
        bytes += data.size();
    }
    std::printf("bench_archive: %d executions (~30 events each, %.1f MB) in %s; %d import rounds, %d query runs\n",
        executions, double(bytes) / 1e6, qPrintable(histories), rounds, runs);
    std::fflush(stdout);

    // The baseline: Python parsing every file with json.load and nothing else.
    const QString python = pythonInterpreter();
    std::printf("python: %s\n", qPrintable(python));
    const QStringList pythonArgs = { QStringLiteral("-c"),
        QStringLiteral("import json, os, sys\n"
                       "for root, _, files in os.walk(sys.argv[1]):\n"
                       "    for name in files:\n"
                       "        if name.endswith('.json'):\n"
                       "            with open(os.path.join(root, name), 'rb') as f:\n"
                       "                json.load(f)\n"),
        histories };
    timed(python, pythonArgs); // warm the page cache for both

    QList<double> pythonTimes, importTimes, pythonCpu, importCpu;
    QString db;
    for (int round = 0; round < rounds; ++round) {
        pythonTimes.append(timed(python, pythonArgs));
        pythonCpu.append(lastCpu);
        db = dir.filePath(QStringLiteral("round%1.sqlite").arg(round));
        QByteArray out;
        importTimes.append(timed(stepscope,
            { QStringLiteral("import"), histories, QStringLiteral("--db"), db, QStringLiteral("--state-machine"),
                QStringLiteral("Bench") },
            &out));
        importCpu.append(lastCpu);
        std::printf("  round %d: python json.load %.3f s (cpu %.3f), stepscope import %.3f s (cpu %.3f) (%s)\n", round + 1,
            pythonTimes.last(), pythonCpu.last(), importTimes.last(), importCpu.last(), out.trimmed().constData());
        std::fflush(stdout);
    }
    const Stats py = summarise(pythonTimes), imp = summarise(importTimes);
    print("python3 json.load of every file", py);
    print("stepscope import (fresh archive)", imp);
    std::printf("import / json.load ratio (medians): %.2fx (target <= 3x); per execution %.3f ms\n",
        imp.median / py.median, imp.median * 1000.0 / executions);
    const Stats pyCpu = summarise(pythonCpu), impCpu = summarise(importCpu);
    print("python3 json.load, CPU time (user+sys)", pyCpu);
    print("stepscope import, CPU time (user+sys)", impCpu);
    std::printf("import / json.load ratio of CPU times (medians): %.2fx\n", impCpu.median / pyCpu.median);
    std::fflush(stdout);
    std::printf("archive size: %.1f MB\n", double(QFileInfo(db).size() + QFileInfo(db + QStringLiteral("-wal")).size()) / 1e6);

    QList<double> rare, common, statsTimes, statsCpu;
    for (int run = 0; run < runs; ++run) {
        const QString word = QStringLiteral("order-%1").arg((run * 7919) % executions);
        QByteArray out;
        rare.append(timed(stepscope, { QStringLiteral("search"), QStringLiteral("--text"), word, QStringLiteral("--db"), db },
            &out));
        if (!out.contains("1 of 1 matching")) {
            std::fprintf(stderr, "search for %s found: %s\n", qPrintable(word), out.right(200).constData());
            return 1;
        }
        common.append(timed(stepscope, { QStringLiteral("search"), QStringLiteral("--text"), QStringLiteral("card declined"),
                                           QStringLiteral("--db"), db }));
        statsTimes.append(timed(stepscope, { QStringLiteral("stats"), QStringLiteral("--state-machine"),
                                               QStringLiteral("Bench"), QStringLiteral("--db"), db }));
        statsCpu.append(lastCpu);
    }
    print("search --text order-N (1 match), process", summarise(rare));
    print("search --text 'card declined' (25%, 100 shown)", summarise(common));
    print("stats --state-machine Bench, whole process", summarise(statsTimes));
    print("stats, CPU time of the process", summarise(statsCpu));
    std::printf("targets: search median < 0.1 s, statistics median < 0.2 s (whole processes, including start-up)\n");
    return 0;
}
