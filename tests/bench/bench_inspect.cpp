// Benchmark: `stepscope inspect --json` on a generated 25,000-event history (the AWS maximum) with 2 KB payloads in
// a Map of Lambda tasks failing in its last iteration, against Python's bare parse of the same file
// (python3 -c 'import json,sys; json.load(open(sys.argv[1]))'). Whole processes, alternating, medians; and the peak
// memory of stepscope against the file's size.
//
// Usage: bench_inspect [ROUNDS] [KEEP_FILE]   (ROUNDS defaults to 9, at least 7)

#include "maphistorygenerator.h"
#include "pythonbaseline.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <vector>

extern char** environ;

namespace {

struct Run {
    double seconds = 0;
    long maxRssKiB = 0;
    int status = -1;
};

Run runProcess(const std::vector<std::string>& argv)
{
    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    Run run;
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return run;
    }
    int status = 0;
    rusage usage {};
    wait4(pid, &status, 0, &usage);
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.maxRssKiB = usage.ru_maxrss;
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    posix_spawn_file_actions_destroy(&actions);
    return run;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = std::max(7, argc > 1 ? atoi(argv[1]) : 9);

    // 7 events per iteration plus the execution's and the Map's own: 3,570 iterations make 24,994 events.
    Stepscope::Test::MapHistorySpec spec;
    spec.iterations = 3570;
    spec.failing = { spec.iterations - 1 };
    spec.payloadBytes = 2048;
    spec.concurrency = 5;
    const int events = Stepscope::Test::mapHistoryEventCount(spec.iterations, 1);
    QTemporaryDir dir;
    const QString path = argc > 2 ? QString::fromLocal8Bit(argv[2]) : dir.filePath(QStringLiteral("history.json"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(Stepscope::Test::generateMapHistory(spec)) < 0) {
            fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    const double fileMiB = double(QFile(path).size()) / (1024.0 * 1024.0);
    printf("history: %d events, %.1f MiB, 2 KB payloads, Map of %d Lambda iterations failing in the last\n", events,
        fileMiB, spec.iterations);

    const std::string file = path.toStdString();
    const std::vector<std::string> stepscope { STEPSCOPE_BINARY, "inspect", "--json", file };
    const std::vector<std::string> python { pythonInterpreter().toStdString(), "-c", "import json,sys; json.load(open(sys.argv[1]))", file };

    // One warm-up of each (page cache, dynamic loader), not counted.
    if (runProcess(stepscope).status != 0 || runProcess(python).status != 0) {
        fprintf(stderr, "a warm-up run failed\n");
        return 1;
    }
    std::vector<double> ours, theirs, ratios;
    long peakKiB = 0;
    for (int round = 0; round < rounds; ++round) {
        const Run a = runProcess(stepscope);
        const Run b = runProcess(python);
        if (a.status != 0 || b.status != 0) {
            fprintf(stderr, "round %d: a run failed (%d, %d)\n", round, a.status, b.status);
            return 1;
        }
        ours.push_back(a.seconds);
        theirs.push_back(b.seconds);
        ratios.push_back(a.seconds / b.seconds);
        peakKiB = std::max(peakKiB, a.maxRssKiB);
        printf("round %d: stepscope %.3f s, python %.3f s, ratio %.2f, stepscope peak %.1f MiB\n", round + 1,
            a.seconds, b.seconds, a.seconds / b.seconds, double(a.maxRssKiB) / 1024.0);
    }
    const double m1 = median(ours), m2 = median(theirs);
    printf("\nstepscope inspect --json: median %.3f s (min %.3f, max %.3f)\n", m1,
        *std::min_element(ours.begin(), ours.end()), *std::max_element(ours.begin(), ours.end()));
    printf("python3 json.load:        median %.3f s (min %.3f, max %.3f)\n", m2,
        *std::min_element(theirs.begin(), theirs.end()), *std::max_element(theirs.begin(), theirs.end()));
    printf("ratio stepscope/python:   median %.2f (min %.2f, max %.2f) -> %s\n", median(ratios),
        *std::min_element(ratios.begin(), ratios.end()), *std::max_element(ratios.begin(), ratios.end()),
        m1 < m2 ? "faster than Python's bare parse" : "SLOWER than Python's bare parse");
    const double peakMiB = double(peakKiB) / 1024.0;
    printf("peak memory of stepscope: %.1f MiB = %.2fx the file (target < 3x) -> %s\n", peakMiB, peakMiB / fileMiB,
        peakMiB < 3 * fileMiB ? "met" : "NOT met");
    return 0;
}
