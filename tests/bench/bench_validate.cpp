// `stepscope validate` on a definition just under the 1,048,576-character limit against Python merely parsing it
// (`json.load`), as whole processes, alternating, several rounds. Usage: bench_validate [ROUNDS] [--keep]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include "pythonbaseline.h"

#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using Json = nlohmann::ordered_json;

namespace {

constexpr std::size_t DefinitionLimit = 1048576;

Json retry()
{
    return Json::array({ { { "ErrorEquals", { "Lambda.ServiceException", "Lambda.TooManyRequestsException" } },
        { "IntervalSeconds", 2 }, { "MaxAttempts", 3 }, { "BackoffRate", 2.0 } } });
}

Json catchTo(const std::string& next)
{
    return Json::array({ { { "ErrorEquals", { "States.ALL" } }, { "ResultPath", "$.error" }, { "Next", next } } });
}

Json task(const std::string& name, const std::string& next, const std::string& handler)
{
    Json state = { { "Type", "Task" }, { "Resource", "arn:aws:states:::lambda:invoke" },
        { "Parameters", { { "FunctionName", "arn:aws:lambda:eu-west-1:123456789012:function:" + name },
                            { "Payload.$", "$" } } },
        { "ResultSelector", { { "result.$", "$.Payload" } } }, { "ResultPath", "$.results." + name },
        { "Retry", retry() } };
    if (!handler.empty())
        state["Catch"] = catchTo(handler);
    if (next.empty())
        state["End"] = true;
    else
        state["Next"] = next;
    return state;
}

// One block: Choice -> Parallel (two branches of two tasks) -> Map (two-state processor) -> Pass, with Catch edges
// to a shared handler: 12 states per block.
void addBlock(Json& states, int i, const std::string& next)
{
    const std::string p = "Step" + std::to_string(i);
    states[p + "Route"] = { { "Type", "Choice" },
        { "Choices",
            Json::array({ { { "Variable", "$.kind" }, { "StringEquals", "fast" }, { "Next", p + "Map" } },
                { { "And",
                      Json::array({ { { "Variable", "$.total" }, { "NumericGreaterThan", 100 } },
                          { { "Variable", "$.country" }, { "StringEquals", "DE" } } }) },
                    { "Next", p + "Fanout" } } }) },
        { "Default", p + "Fanout" } };
    Json branches = Json::array();
    for (int b = 0; b < 2; ++b) {
        const std::string q = p + "B" + std::to_string(b);
        Json branchStates = Json::object();
        branchStates[q + "Fetch"] = task(q + "Fetch", q + "Store", "");
        branchStates[q + "Store"] = task(q + "Store", "", "");
        branches.push_back({ { "StartAt", q + "Fetch" }, { "States", branchStates } });
    }
    states[p + "Fanout"] = { { "Type", "Parallel" }, { "Branches", branches }, { "ResultPath", "$.parallel" },
        { "Retry", retry() }, { "Catch", catchTo("HandleFailure") }, { "Next", p + "Map" } };
    Json processor = Json::object();
    processor[p + "Item"] = task(p + "Item", p + "ItemDone", "");
    processor[p + "ItemDone"] = { { "Type", "Pass" }, { "End", true } };
    states[p + "Map"] = { { "Type", "Map" }, { "ItemsPath", "$.items" }, { "MaxConcurrency", 10 },
        { "ItemProcessor",
            { { "ProcessorConfig", { { "Mode", "INLINE" } } }, { "StartAt", p + "Item" }, { "States", processor } } },
        { "Catch", catchTo("HandleFailure") }, { "ResultPath", "$.mapped" }, { "Next", p + "Record" } };
    states[p + "Record"] = task(p + "Record", p + "Done", "HandleFailure");
    states[p + "Done"] = { { "Type", "Pass" }, { "Result", { { "block", i } } }, { "ResultPath", "$.last" },
        { "Next", next } };
}

std::string generate(int blocks)
{
    Json states = Json::object();
    for (int i = 0; i < blocks; ++i)
        addBlock(states, i, i + 1 < blocks ? "Step" + std::to_string(i + 1) + "Route" : "Finish");
    states["Finish"] = { { "Type", "Succeed" } };
    states["HandleFailure"] = { { "Type", "Fail" }, { "Error", "Failed" }, { "Cause", "A step failed" } };
    Json definition = { { "Comment", "" }, { "StartAt", "Step0Route" }, { "States", states } };
    return definition.dump(2);
}

int countStates(const Json& states)
{
    int count = 0;
    for (const auto& [name, state] : states.items()) {
        ++count;
        if (state.contains("Branches"))
            for (const Json& branch : state["Branches"])
                count += countStates(branch["States"]);
        if (state.contains("ItemProcessor"))
            count += countStates(state["ItemProcessor"]["States"]);
    }
    return count;
}

// CPU time (user + system) of all waited-for children so far, in ms: unlike wall time it barely moves when other
// work shares the machine.
double childrenCpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

double runOnce(const QString& program, const QStringList& arguments, int* exitCode, double* cpuMs = nullptr)
{
    const double cpuBefore = childrenCpuMs();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    process.waitForFinished(-1);
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    if (exitCode)
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    process.readAll();
    if (cpuMs)
        *cpuMs = childrenCpuMs() - cpuBefore;
    return ms;
}

struct Stats {
    double median, min, max;
};

Stats stats(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return { median, values.front(), values.back() };
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int rounds = args.size() > 1 && args[1].toInt() > 0 ? args[1].toInt() : 15;
    QTextStream out(stdout);

    // The most blocks that stay under the limit, then a Comment pads the text to just under it.
    int blocks = 1;
    while (generate(blocks * 2).size() < DefinitionLimit)
        blocks *= 2;
    int low = blocks, high = blocks * 2;
    while (high - low > 1) {
        const int mid = (low + high) / 2;
        (generate(mid).size() < DefinitionLimit ? low : high) = mid;
    }
    Json definition = Json::parse(generate(low));
    const std::size_t base = definition.dump(2).size();
    definition["Comment"] = std::string(DefinitionLimit - 64 - base, 'x');
    const std::string text = definition.dump(2);
    const int stateCount = countStates(definition["States"]);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.asl.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), static_cast<qint64>(text.size())) < 0) {
        out << "cannot write " << path << '\n';
        return 1;
    }
    file.close();
    if (args.contains(QStringLiteral("--keep")))
        dir.setAutoRemove(false);
    out << "definition: " << path << ", " << text.size() << " characters, " << stateCount << " states (" << low
        << " blocks of Choice, Parallel, Map, Retry, Catch)\n";

    const QString stepscope = QStringLiteral(STEPSCOPE_BINARY);
    const QString python = pythonInterpreter();
    out << "python: " << python << '\n';
    const QStringList validateArgs { QStringLiteral("validate"), path };
    const QStringList pythonArgs { QStringLiteral("-c"),
        QStringLiteral("import json,sys; json.load(open(sys.argv[1]))"), path };
    const QStringList versionArgs { QStringLiteral("--version") };

    int exitCode = 0;
    runOnce(stepscope, validateArgs, &exitCode); // warm the file cache, check it works
    out << "stepscope validate exit code: " << exitCode << " (0: valid)\n";
    runOnce(python, pythonArgs, &exitCode);
    if (exitCode != 0) {
        out << "python3 failed\n";
        return 1;
    }

    std::vector<double> validate, parse, version, validateCpu, parseCpu, versionCpu;
    for (int i = 0; i < rounds; ++i) {
        double cpu = 0;
        validate.push_back(runOnce(stepscope, validateArgs, nullptr, &cpu));
        validateCpu.push_back(cpu);
        parse.push_back(runOnce(python, pythonArgs, nullptr, &cpu));
        parseCpu.push_back(cpu);
        version.push_back(runOnce(stepscope, versionArgs, nullptr, &cpu));
        versionCpu.push_back(cpu);
    }
    const Stats v = stats(validate), p = stats(parse), s = stats(version);
    const Stats vc = stats(validateCpu), pc = stats(parseCpu), sc = stats(versionCpu);
    char line[256];
    out << "rounds: " << rounds << ", whole processes, alternating\n";
    std::snprintf(line, sizeof line, "%-32s median %8.1f ms   min %8.1f   max %8.1f\n", "stepscope validate FILE", v.median,
        v.min, v.max);
    out << line;
    std::snprintf(line, sizeof line, "%-32s median %8.1f ms   min %8.1f   max %8.1f\n", "python3 json.load FILE", p.median,
        p.min, p.max);
    out << line;
    std::snprintf(line, sizeof line, "%-32s median %8.1f ms   min %8.1f   max %8.1f\n", "stepscope --version (start-up)",
        s.median, s.min, s.max);
    out << line;
    std::snprintf(line, sizeof line, "ratio validate / python (medians): %.2f  (below 1: Stepscope is faster)\n",
        v.median / p.median);
    out << line;
    out << "CPU time (user + system) of the same runs:\n";
    std::snprintf(line, sizeof line, "%-32s median %8.1f ms   min %8.1f   max %8.1f\n", "stepscope validate FILE",
        vc.median, vc.min, vc.max);
    out << line;
    std::snprintf(line, sizeof line, "%-32s median %8.1f ms   min %8.1f   max %8.1f\n", "python3 json.load FILE",
        pc.median, pc.min, pc.max);
    out << line;
    std::snprintf(line, sizeof line, "%-32s median %8.1f ms   min %8.1f   max %8.1f\n", "stepscope --version", sc.median,
        sc.min, sc.max);
    out << line;
    std::snprintf(line, sizeof line, "ratio validate / python (CPU medians): %.2f\n", vc.median / pc.median);
    out << line;
    return v.median < p.median ? 0 : 2;
}
