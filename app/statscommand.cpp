#include "statscommand.h"

#include "archive/archive.h"
#include "archive/compare.h"
#include "archive/heatmap.h"
#include "archivecli.h"
#include "commandline.h"

namespace Stepscope::Cli {

namespace {

int fail(const char* command, const QString& message)
{
    err() << "stepscope " << command << ": " << message << '\n';
    err().flush();
    return Failed;
}

int usage(const char* command, const QString& message)
{
    err() << "stepscope " << command << ": " << message << "\nTry 'stepscope --help'.\n";
    err().flush();
    return UsageError;
}

QString duration(qint64 ms) { return ms < 0 ? QStringLiteral("-") : formatDurationMs(ms); }

nlohmann::ordered_json optionalMs(qint64 ms) { return ms < 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(ms); }

nlohmann::ordered_json lines(const QStringList& list)
{
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const QString& line : list)
        array.push_back(utf8(line));
    return array;
}

} // namespace

int statsCommand(const QStringList& arguments)
{
    QString db = Archive::defaultPath();
    QString machine;
    bool machineGiven = false;
    bool json = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (arg == QLatin1String("--json")) {
            json = true;
        } else if (arg == QLatin1String("--db") || arg == QLatin1String("--state-machine")) {
            if (i + 1 >= arguments.size())
                return usage("stats", arg + QStringLiteral(" needs a value"));
            if (arg == QLatin1String("--db")) {
                db = arguments.at(++i);
            } else {
                machine = arguments.at(++i);
                machineGiven = true;
            }
        } else {
            return usage("stats", QStringLiteral("unknown argument ") + arg);
        }
    }
    Archive archive;
    if (!archive.open(db, Archive::Access::ReadOnly))
        return fail("stats", archive.errorString());
    StateMachineStatistics stats;
    try {
        if (!machineGiven) {
            // One state machine in the archive: that one; several: the user must choose.
            const auto machines = archive.stateMachines();
            if (machines.size() > 1) {
                QString list;
                for (const auto& [name, count] : machines)
                    list += QStringLiteral("\n  %1 (%2 executions)").arg(name.isEmpty() ? QStringLiteral("\"\"") : name).arg(count);
                return usage("stats", QStringLiteral("the archive holds several state machines; choose one with "
                                                     "--state-machine:")
                        + list);
            }
            if (!machines.isEmpty())
                machine = machines.first().first;
        }
        stats = archive.statistics(machine);
    } catch (const ArchiveError& e) {
        return fail("stats", db + QStringLiteral(": ") + QString::fromUtf8(e.what()));
    }
    if (json) {
        nlohmann::ordered_json report;
        report["stateMachine"] = utf8(stats.stateMachine);
        report["executions"] = stats.executions;
        report["failedExecutions"] = stats.failedExecutions;
        report["states"] = nlohmann::ordered_json::array();
        for (const StateStatistics& s : stats.states) {
            nlohmann::ordered_json state;
            state["stateId"] = utf8(s.stateId);
            state["state"] = utf8(s.state);
            state["executions"] = s.executions;
            state["runs"] = s.runs;
            state["failedRuns"] = s.failedRuns;
            state["failedExecutions"] = s.failedExecutions;
            state["failureRate"] = s.failureRate;
            state["topErrors"] = nlohmann::ordered_json::array();
            for (const ErrorCount& e : s.topErrors)
                state["topErrors"].push_back({ { "error", utf8(e.error) }, { "count", e.count } });
            state["p50Ms"] = optionalMs(s.p50Ms);
            state["p95Ms"] = optionalMs(s.p95Ms);
            report["states"].push_back(std::move(state));
        }
        out() << dumpJson(report) << '\n';
        out().flush();
        return Ok;
    }
    out() << "State machine " << (stats.stateMachine.isEmpty() ? QStringLiteral("(all)") : stats.stateMachine) << ": "
          << stats.executions << " executions, " << stats.failedExecutions << " failed\n";
    if (stats.states.isEmpty()) {
        out().flush();
        return Ok;
    }
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6  %7\n")
                 .arg(QStringLiteral("STATE"), -36)
                 .arg(QStringLiteral("EXECS"), 7)
                 .arg(QStringLiteral("RUNS"), 7)
                 .arg(QStringLiteral("FAILED"), 7)
                 .arg(QStringLiteral("P50"), 9)
                 .arg(QStringLiteral("P95"), 9)
                 .arg(QStringLiteral("TOP ERRORS"));
    for (const StateStatistics& s : stats.states) {
        QStringList errors;
        for (const ErrorCount& e : s.topErrors)
            errors.append(QStringLiteral("%1 ×%2").arg(e.error).arg(e.count));
        const QString failed = QStringLiteral("%1%").arg(QString::number(s.failureRate * 100.0, 'f', 1));
        QString id = s.stateId;
        if (id.size() > 36)
            id = QStringLiteral("…") + id.right(35);
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6  %7\n")
                     .arg(id, -36)
                     .arg(s.executions, 7)
                     .arg(s.runs, 7)
                     .arg(failed, 7)
                     .arg(duration(s.p50Ms), 9)
                     .arg(duration(s.p95Ms), 9)
                     .arg(errors.join(QStringLiteral(", ")));
    }
    out().flush();
    return Ok;
}

int compareCommand(const QStringList& arguments)
{
    QString db = Archive::defaultPath();
    bool json = false;
    QStringList keys;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (arg == QLatin1String("--json")) {
            json = true;
        } else if (arg == QLatin1String("--db")) {
            if (i + 1 >= arguments.size())
                return usage("compare", QStringLiteral("--db needs a file"));
            db = arguments.at(++i);
        } else if (arg.startsWith(QLatin1String("--"))) {
            return usage("compare", QStringLiteral("unknown option ") + arg);
        } else {
            keys.append(arg);
        }
    }
    if (keys.size() != 2)
        return usage("compare", QStringLiteral("give two executions (archive id, ARN, name or source file)"));
    Archive archive;
    if (!archive.open(db, Archive::Access::ReadOnly))
        return fail("compare", archive.errorString());
    ExecutionComparison comparison;
    try {
        std::optional<ArchivedExecution> executions[2];
        ExecutionSummary summaries[2];
        for (int k = 0; k < 2; ++k) {
            const auto id = archive.findExecution(keys.at(k));
            if (!id)
                return fail("compare", QStringLiteral("no single execution '%1' in %2 (use the id that 'stepscope search' "
                                                      "shows)")
                                           .arg(keys.at(k), db));
            executions[k] = archive.loadExecution(*id);
            summaries[k] = archive.summary(*id).value_or(ExecutionSummary());
        }
        comparison = compareExecutions(*executions[0], *executions[1]);
        comparison.a = summaries[0];
        comparison.b = summaries[1];
    } catch (const ArchiveError& e) {
        return fail("compare", db + QStringLiteral(": ") + QString::fromUtf8(e.what()));
    }
    if (json) {
        nlohmann::ordered_json report;
        report["a"] = summaryJson(comparison.a);
        report["b"] = summaryJson(comparison.b);
        report["pathA"] = lines(comparison.pathA);
        report["pathB"] = lines(comparison.pathB);
        report["commonPrefix"] = comparison.commonPrefix;
        report["onlyInA"] = lines(comparison.onlyInA);
        report["onlyInB"] = lines(comparison.onlyInB);
        report["states"] = nlohmann::ordered_json::array();
        for (const StateDifference& d : comparison.states) {
            nlohmann::ordered_json s;
            s["stateId"] = utf8(d.stateId);
            s["statusA"] = d.statusA.isEmpty() ? nlohmann::ordered_json() : nlohmann::ordered_json(utf8(d.statusA));
            s["statusB"] = d.statusB.isEmpty() ? nlohmann::ordered_json() : nlohmann::ordered_json(utf8(d.statusB));
            s["durationMsA"] = optionalMs(d.durationA);
            s["durationMsB"] = optionalMs(d.durationB);
            s["runsA"] = d.runsA;
            s["runsB"] = d.runsB;
            s["inputChanges"] = lines(d.inputChanges);
            s["outputChanges"] = lines(d.outputChanges);
            report["states"].push_back(std::move(s));
        }
        out() << dumpJson(report) << '\n';
        out().flush();
        return Ok;
    }
    out() << "A: #" << comparison.a.id << ' ' << comparison.a.name << " (" << comparison.a.status << ")\n";
    out() << "B: #" << comparison.b.id << ' ' << comparison.b.name << " (" << comparison.b.status << ")\n";
    if (comparison.onlyInA.isEmpty() && comparison.onlyInB.isEmpty()) {
        out() << "Same states ran in both.\n";
    } else {
        const QString split = comparison.commonPrefix < comparison.pathA.size()
            ? comparison.pathA.at(comparison.commonPrefix)
            : comparison.commonPrefix < comparison.pathB.size() ? comparison.pathB.at(comparison.commonPrefix)
                                                                : QString();
        out() << "Paths part after " << comparison.commonPrefix << " common state(s)"
              << (split.isEmpty() ? QString() : QStringLiteral(", at ") + split) << ".\n";
        if (!comparison.onlyInA.isEmpty())
            out() << "  only in A: " << comparison.onlyInA.join(QStringLiteral(", ")) << '\n';
        if (!comparison.onlyInB.isEmpty())
            out() << "  only in B: " << comparison.onlyInB.join(QStringLiteral(", ")) << '\n';
    }
    for (const StateDifference& d : comparison.states) {
        const bool same = d.statusA == d.statusB && d.inputChanges.isEmpty() && d.outputChanges.isEmpty();
        out() << (same ? "  " : "* ") << d.stateId << ": " << (d.statusA.isEmpty() ? QStringLiteral("not run") : d.statusA)
              << " → " << (d.statusB.isEmpty() ? QStringLiteral("not run") : d.statusB) << ", " << duration(d.durationA)
              << " → " << duration(d.durationB) << '\n';
        for (const QString& line : d.inputChanges)
            out() << "      input  " << line << '\n';
        for (const QString& line : d.outputChanges)
            out() << "      output " << line << '\n';
    }
    out().flush();
    return Ok;
}

} // namespace Stepscope::Cli
