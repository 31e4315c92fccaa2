// `stepscope validate` on a large definition (about 1 MB, 1,200+ states with Parallel branches, Map processors,
// Choice rules, Retry / Catch and payload templates) against Python's bare json.load of the same file. Whole
// processes, alternating, several rounds; then the in-process split (load, validate, build) of one open.
//
//   bench_validator [rounds=11] [states=1200] [definition.json]
#include "definition/definition.h"
#include "definition/validator.h"
#include "definition/workflowbuilder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Stepscope;

namespace {

Json payload(int i)
{
    Json p = Json::object();
    for (int k = 0; k < 6; ++k)
        p["field" + std::to_string(k)] = std::string(40, 'x');
    p["input.$"] = "$.data";
    p["id.$"] = "$$.Execution.Id";
    p["fmt.$"] = "States.Format('item {}', $.items[" + std::to_string(i % 7) + "])";
    return p;
}

Json catchAll()
{
    return Json::array({ Json { { "ErrorEquals", Json::array({ "States.ALL" }) }, { "Next", "Failed" }, { "ResultPath", "$.error" } } });
}

QByteArray syntheticDefinition(int count)
{
    Json states = Json::object();
    auto name = [](int i) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "Step%04d", i);
        return std::string(buffer);
    };
    for (int i = 0; i < count; ++i) {
        const std::string self = name(i);
        const std::string next = i + 1 < count ? name(i + 1) : "Done";
        Json state;
        switch (i % 10) {
        case 3:
            state = { { "Type", "Choice" },
                { "Choices", Json::array({ { { "Variable", "$.status" }, { "StringEquals", "FAILED" }, { "Next", "Failed" } },
                                 { { "And", Json::array({ { { "Variable", "$.count" }, { "NumericGreaterThan", 3 } },
                                                { { "Variable", "$.flag" }, { "BooleanEquals", true } } }) },
                                     { "Next", next } } }) },
                { "Default", next } };
            break;
        case 6: {
            Json branches = Json::array();
            for (int b = 0; b < 2; ++b) {
                const std::string inner = self + "B" + std::to_string(b);
                branches.push_back({ { "StartAt", inner },
                    { "States", { { inner, { { "Type", "Pass" }, { "Parameters", payload(i) }, { "End", true } } } } } });
            }
            state = { { "Type", "Parallel" }, { "Branches", branches }, { "Catch", catchAll() }, { "Next", next } };
            break;
        }
        case 8: {
            const std::string inner = self + "P";
            state = { { "Type", "Map" }, { "ItemsPath", "$.items" }, { "MaxConcurrency", 10 },
                { "ItemProcessor",
                    { { "ProcessorConfig", { { "Mode", "INLINE" } } }, { "StartAt", inner },
                        { "States",
                            { { inner,
                                { { "Type", "Task" }, { "Resource", "arn:aws:states:::lambda:invoke" }, { "Parameters", payload(i) },
                                    { "End", true } } } } } } },
                { "Next", next } };
            break;
        }
        default:
            state = { { "Type", "Task" }, { "Resource", "arn:aws:states:::lambda:invoke" }, { "Parameters", payload(i) },
                { "ResultPath", "$.result" },
                { "Retry",
                    Json::array({ { { "ErrorEquals", Json::array({ "Lambda.TooManyRequestsException" }) }, { "IntervalSeconds", 2 },
                        { "MaxAttempts", 3 }, { "BackoffRate", 2 } } }) },
                { "Catch", catchAll() }, { "Next", next } };
            break;
        }
        states[self] = std::move(state);
    }
    states["Done"] = { { "Type", "Succeed" } };
    states["Failed"] = { { "Type", "Fail" }, { "Error", "Failed" }, { "Cause", "A step failed" } };
    const Json definition = { { "Comment", "synthetic benchmark definition" }, { "StartAt", name(0) }, { "States", states } };
    return QByteArray::fromStdString(definition.dump(2));
}

struct Stats {
    double median = 0, min = 0, max = 0;
};

Stats stats(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return { values[values.size() / 2], values.front(), values.back() };
}

double runMs(const QString& program, const QStringList& arguments, bool* ok)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.waitForFinished(120000);
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    process.readAllStandardOutput();
    *ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return ms;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int rounds = args.size() > 1 ? std::max(1, args[1].toInt()) : 11;
    const int count = args.size() > 2 ? std::max(1, args[2].toInt()) : 1200;
    QTemporaryDir dir;
    QString path = args.size() > 3 ? args[3] : dir.filePath(QStringLiteral("synthetic.asl.json"));
    if (args.size() <= 3) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(syntheticDefinition(count)) < 0) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    QFile probe(path);
    const qint64 size = probe.size();

    const QString python = QStringLiteral("python3");
    const QStringList pythonArgs { QStringLiteral("-c"), QStringLiteral("import json,sys; json.load(open(sys.argv[1]))"), path };
    const QStringList ourArgs { QStringLiteral("validate"), path };
    std::vector<double> ours, theirs;
    bool ok = true;
    runMs(QStringLiteral(STEPSCOPE_BINARY), ourArgs, &ok); // warm the caches once
    if (!ok) {
        std::fprintf(stderr, "stepscope validate reported errors on %s\n", qPrintable(path));
        return 1;
    }
    for (int r = 0; r < rounds; ++r) {
        bool good = true;
        ours.push_back(runMs(QStringLiteral(STEPSCOPE_BINARY), ourArgs, &good));
        ok = ok && good;
        theirs.push_back(runMs(python, pythonArgs, &good));
        ok = ok && good;
    }
    const Stats a = stats(ours);
    const Stats b = stats(theirs);
    std::printf("definition: %s (%.2f MB)\n", qPrintable(path), static_cast<double>(size) / 1e6);
    std::printf("stepscope validate   median %7.2f ms  (min %.2f, max %.2f)\n", a.median, a.min, a.max);
    std::printf("python3 json.load    median %7.2f ms  (min %.2f, max %.2f)\n", b.median, b.min, b.max);
    std::printf("ratio (stepscope / python): %.2f  over %d alternating rounds%s\n", a.median / b.median, rounds,
        ok ? "" : "  [some runs failed]");

    // In-process split of one open, medians of the same number of rounds.
    std::vector<double> load, validate, build;
    int stateCount = 0;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer timer;
        timer.start();
        LoadedDefinition loaded = loadDefinitionFile(path);
        load.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (!loaded.definition) {
            std::fprintf(stderr, "cannot load %s\n", qPrintable(path));
            return 1;
        }
        timer.restart();
        const Diagnostics diagnostics = validateDefinition(*loaded.definition);
        validate.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        Diagnostics building;
        const Workflow workflow = buildWorkflow(*loaded.definition, QStringLiteral("bench"), building);
        build.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        stateCount = static_cast<int>(workflow.states.size());
        if (hasErrors(diagnostics))
            std::fprintf(stderr, "unexpected validation errors: %s\n", qPrintable(diagnostics.first().message));
    }
    const Stats l = stats(load), v = stats(validate), w = stats(build);
    std::printf("in process (%d states): load %.2f ms, validate %.2f ms (min %.2f, max %.2f), build %.2f ms\n", stateCount,
        l.median, v.median, v.min, v.max, w.median);
    return ok ? 0 : 1;
}
