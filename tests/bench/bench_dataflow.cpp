// Benchmark: `stepscope inspect --dataflow --json` on a generated 25,000-event history (the AWS maximum, 2 KB
// payloads, a Map of Lambda tasks) against Python's bare parse of the same file
// (python3 -c 'import json,sys; json.load(open(sys.argv[1]))'), target <= 1.0x; and `stepscope test-state` on a
// one-state definition against `stepscope --version`, target <= 1.5x. Whole processes, alternating, medians.
//
// Usage: bench_dataflow [ROUNDS] [KEEP_HISTORY_FILE]   (ROUNDS defaults to 9, at least 5)

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
#include <sys/wait.h>
#include <vector>

extern char** environ;

namespace {

/// Seconds the process took, or a negative number when it could not run or exited with an error.
double runProcess(const std::vector<std::string>& argv)
{
    std::vector<char*> args;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? seconds : -1;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

/// Alternates `ours` and `baseline` for `rounds` rounds after one warm-up each; prints and returns the median ratio.
double compare(const char* title, const std::vector<std::string>& ours, const std::vector<std::string>& baseline,
               int rounds, double target)
{
    if (runProcess(ours) < 0 || runProcess(baseline) < 0) {
        fprintf(stderr, "%s: a warm-up run failed\n", title);
        return -1;
    }
    std::vector<double> a, b, ratios;
    for (int round = 0; round < rounds; ++round) {
        const double x = runProcess(ours);
        const double y = runProcess(baseline);
        if (x < 0 || y < 0) {
            fprintf(stderr, "%s: round %d failed\n", title, round + 1);
            return -1;
        }
        a.push_back(x);
        b.push_back(y);
        ratios.push_back(x / y);
    }
    const double ratio = median(ratios);
    printf("%s\n  stepscope median %.3f s (min %.3f, max %.3f)\n  baseline  median %.3f s (min %.3f, max %.3f)\n"
           "  ratio     median %.2f (min %.2f, max %.2f), target <= %.1f -> %s\n",
        title, median(a), *std::min_element(a.begin(), a.end()), *std::max_element(a.begin(), a.end()), median(b),
        *std::min_element(b.begin(), b.end()), *std::max_element(b.begin(), b.end()), ratio,
        *std::min_element(ratios.begin(), ratios.end()), *std::max_element(ratios.begin(), ratios.end()), target,
        ratio <= target ? "met" : "NOT met");
    return ratio;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = std::max(5, argc > 1 ? atoi(argv[1]) : 9);
    QTemporaryDir dir;

    Stepscope::Test::MapHistorySpec spec;
    spec.iterations = 3570; // 24,994 events
    spec.failing = { spec.iterations - 1 };
    spec.payloadBytes = 2048;
    const QString history = argc > 2 ? QString::fromLocal8Bit(argv[2]) : dir.filePath(QStringLiteral("history.json"));
    const QString definition = dir.filePath(QStringLiteral("definition.asl.json"));
    const QString oneState = dir.filePath(QStringLiteral("one.asl.json"));
    if (!writeFile(history, Stepscope::Test::generateMapHistory(spec))
        || !writeFile(definition, R"({"StartAt": "ProcessOrders", "States": {"ProcessOrders": {"Type": "Map",
            "ItemProcessor": {"StartAt": "ChargeCard", "States": {"ChargeCard": {"Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
            "End": true}}}, "End": true}}})")
        || !writeFile(oneState, R"x({"StartAt": "Shape", "States": {"Shape": {"Type": "Pass", "InputPath": "$.order",
            "Parameters": {"id.$": "$.id", "label.$": "States.Format('order {}', $.id)"}, "ResultPath": "$.shaped",
            "End": true}}})x")) {
        fprintf(stderr, "cannot write the files\n");
        return 1;
    }
    printf("history: %d events, %.1f MiB\n", Stepscope::Test::mapHistoryEventCount(spec.iterations, 1),
        double(QFile(history).size()) / (1024.0 * 1024.0));

    const std::string bin = STEPSCOPE_BINARY;
    const double inspect = compare("inspect --dataflow --json vs python3 json.load",
        { bin, "inspect", "--dataflow", "--json", "--definition", definition.toStdString(), history.toStdString() },
        { pythonInterpreter().toStdString(), "-c", "import json,sys; json.load(open(sys.argv[1]))",
            history.toStdString() },
        rounds, 1.0);
    const double testState = compare("test-state (one Pass state) vs stepscope --version",
        { bin, "test-state", oneState.toStdString(), "--state", "Shape", "--input", R"({"order": {"id": 7}})",
            "--json" },
        { bin, "--version" }, rounds, 1.5);
    return inspect < 0 || testState < 0 ? 1 : 0;
}
