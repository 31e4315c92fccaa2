// Layout + SVG export against Graphviz's own `dot -Tsvg`, whole processes.
//
//   ./build/tests/bench/bench_layout [--rounds N] [--corpus DIR] [--keep DIR]
//
// For a one-state workflow (each process's fixed cost) and generated workflows of 50, 200 and 1,000 states (Parallel /
// Map clusters, Choice fan-outs, Catch edges to shared handlers, retries, loops), written as ASL JSON: `stepscope export
// X.json -o X.dot` once, then each round runs `stepscope export X.json -o X.svg` and `dot -Tsvg X.dot -o X.dot.svg`
// (the same graph Stepscope lays out; both write a file), alternating
// which goes first. Prints medians of wall-clock time, the ratio of the medians, and min / max as the noise; and the
// same for CPU time (user + system of the process and its children), which a busy machine disturbs less. Then times the largest
// definition of the corpus (STEPSCOPE_CORPUS or --corpus) that opens without errors: whole process and in-process.

#include "workflowgenerator.h"

#include "definition/definition.h"
#include "layout/graphvizlayout.h"
#include "render/diagramexport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace Stepscope;

namespace {

double childCpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

double lastCpuMs = 0; // CPU time (user + system, children included) of the last runTimed() call

double runTimed(const QString& program, const QStringList& arguments)
{
    const double cpuBefore = childCpuMs();
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        std::fprintf(stderr, "failed: %s %s\n", qPrintable(program), qPrintable(arguments.join(u' ')));
        std::exit(1);
    }
    const double elapsed = timer.nsecsElapsed() / 1e6;
    lastCpuMs = childCpuMs() - cpuBefore;
    return elapsed;
}

struct Stats {
    double median = 0, min = 0, max = 0;
};

Stats stats(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return { median, values.first(), values.last() };
}

} // namespace

int main(int argc, char* argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    int rounds = 7;
    QString keep; // --keep DIR: write the generated files there instead of a temporary folder
    QString corpus = qEnvironmentVariable("STEPSCOPE_CORPUS");
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--rounds") && i + 1 < args.size())
            rounds = std::max(1, args[++i].toInt());
        else if (args[i] == QLatin1String("--corpus") && i + 1 < args.size())
            corpus = args[++i];
        else if (args[i] == QLatin1String("--keep") && i + 1 < args.size())
            keep = args[++i];
    }
    const QString stepscope = QStringLiteral(STEPSCOPE_BINARY);
    QTemporaryDir dir;
    std::printf("layout + SVG export vs dot -Tsvg on Stepscope's DOT; whole processes, %d rounds, alternating\n", rounds);
    std::printf("%7s %8s | %-28s | %-28s | %s\n", "states", "in file", "stepscope export (ms)", "dot -Tsvg (ms)", "ratio");
    std::printf("%7s %8s | %-28s | %-28s |\n", "", "", "median   [min .. max]", "median   [min .. max]");
    // One state first: each process's fixed cost (start-up, libraries, fonts), which the sizes below include.
    for (const int size : { 1, 50, 200, 1000 }) {
        Test::WorkflowGenerator generator { unsigned(size) };
        const std::string json = size == 1 ? std::string("{\"StartAt\": \"Only\", \"States\": {\"Only\": {\"Type\": \"Pass\", \"End\": true}}}")
                                           : generator.generateAbout(size).dump(2);
        const QString base = (keep.isEmpty() ? dir.path() : keep) + QStringLiteral("/generated-%1").arg(size);
        QFile file(base + QStringLiteral(".asl.json"));
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        file.write(json.data(), qint64(json.size()));
        file.close();
        const int states = int(openDefinition(file.fileName()).workflow.states.size());
        runTimed(stepscope, { QStringLiteral("export"), file.fileName(), QStringLiteral("-o"), base + QStringLiteral(".dot") });
        QList<double> ours, theirs, oursCpu, theirsCpu;
        for (int round = 0; round < rounds; ++round) {
            auto runOurs = [&] {
                ours << runTimed(stepscope, { QStringLiteral("export"), file.fileName(), QStringLiteral("-o"), base + QStringLiteral(".svg") });
                oursCpu << lastCpuMs;
            };
            auto runTheirs = [&] {
                // Both write their SVG to a file (Stepscope's export also syncs it before renaming it into place).
                theirs << runTimed(QStringLiteral("dot"), { QStringLiteral("-Tsvg"), base + QStringLiteral(".dot"), QStringLiteral("-o"), base + QStringLiteral(".dot.svg") });
                theirsCpu << lastCpuMs;
            };
            if (round % 2 == 0) {
                runOurs();
                runTheirs();
            } else {
                runTheirs();
                runOurs();
            }
        }
        const Stats a = stats(ours), b = stats(theirs);
        std::printf("%7d %8d | %8.1f [%7.1f .. %7.1f] | %8.1f [%7.1f .. %7.1f] | %.2fx\n", size, states, a.median, a.min,
            a.max, b.median, b.min, b.max, a.median / b.median);
        const Stats c = stats(oursCpu), d = stats(theirsCpu);
        std::printf("%7s %8s | cpu %4.0f [%7.1f .. %7.1f] | cpu %4.0f [%7.1f .. %7.1f] | %.2fx cpu\n", "", "", c.median,
            c.min, c.max, d.median, d.min, d.max, c.median / d.median);
        std::fflush(stdout);
    }

    if (corpus.isEmpty() || !QDir(corpus).exists()) {
        std::printf("corpus: not given (STEPSCOPE_CORPUS or --corpus)\n");
        return 0;
    }
    QString largest;
    qsizetype largestStates = 0;
    QDirIterator it(corpus + QStringLiteral("/definitions"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const OpenedDefinition opened = openDefinition(path);
        if (opened.hasWorkflow() && !hasErrors(opened.diagnostics) && opened.workflow.states.size() > largestStates) {
            largestStates = opened.workflow.states.size();
            largest = path;
        }
    }
    if (largest.isEmpty())
        return 0;
    QList<double> whole, inProcess;
    const Workflow workflow = openDefinition(largest).workflow;
    for (int round = 0; round < rounds; ++round) {
        whole << runTimed(stepscope, { QStringLiteral("export"), largest, QStringLiteral("-o"), dir.filePath(QStringLiteral("corpus.svg")) });
        QElapsedTimer timer;
        timer.start();
        GraphvizLayout engine;
        const QByteArray svg = renderSvg(engine.layout(workflow, {}), {});
        inProcess << timer.nsecsElapsed() / 1e6;
        if (svg.isEmpty())
            return 1;
    }
    const Stats w = stats(whole), p = stats(inProcess);
    std::printf("largest corpus definition (%lld states, %s):\n", qlonglong(largestStates), qPrintable(QDir(corpus).relativeFilePath(largest)));
    std::printf("  stepscope export -o svg, whole process: median %.1f ms [%.1f .. %.1f]\n", w.median, w.min, w.max);
    std::printf("  layout + SVG in process:                median %.1f ms [%.1f .. %.1f]\n", p.median, p.min, p.max);
    return 0;
}
