// bench_startup: start to first drawn frame, as whole processes, alternating with a minimal Qt Quick program.
//   stepscope --demo --screenshot OUT   (loads the definition and the failed history, lays out, draws, saves)
//   bench_minimal_quick OUT             (a window with one rectangle, first frame saved)
// Run under a display, e.g.: QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" build/tests/bench/bench_startup [ROUNDS]
// Target: stepscope at most 2x the minimal program (medians).
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

double runOnce(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        std::fprintf(stderr, "bench_startup: %s failed (exit %d)\n", qPrintable(program), process.exitCode());
        std::exit(1);
    }
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, atoi(argv[1])) : 9;
    QTemporaryDir dir;
    const QString stepscope = QStringLiteral(STEPSCOPE_BINARY);
    const QString minimal = QStringLiteral(STEPSCOPE_MINIMAL_QUICK);
    // Warm the file cache for both.
    runOnce(minimal, { dir.filePath(QStringLiteral("m.png")) });
    runOnce(stepscope, { QStringLiteral("--demo"), QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("s.png")) });
    QList<double> ours;
    QList<double> base;
    for (int r = 0; r < rounds; ++r) {
        base.append(runOnce(minimal, { dir.filePath(QStringLiteral("m.png")) }));
        ours.append(runOnce(stepscope,
            { QStringLiteral("--demo"), QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("s.png")) }));
        std::printf("round %d: stepscope %.0f ms, minimal %.0f ms\n", r + 1, ours.last(), base.last());
    }
    const double m = median(ours);
    const double b = median(base);
    std::printf("stepscope --demo --screenshot: median %.0f ms (min %.0f, max %.0f)\n", m,
        *std::min_element(ours.begin(), ours.end()), *std::max_element(ours.begin(), ours.end()));
    std::printf("minimal Qt Quick first frame:  median %.0f ms (min %.0f, max %.0f)\n", b,
        *std::min_element(base.begin(), base.end()), *std::max_element(base.begin(), base.end()));
    std::printf("ratio=%.2f (target <= 2.00)\n", m / b);
    return 0;
}
