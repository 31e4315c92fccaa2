#include "statscommand.h"

#include "archive/archive.h"
#include "archivecli.h"
#include "commandline.h"

namespace Stepscope::Cli {

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
                return archiveUsageError("stats", arg + QStringLiteral(" needs a value"));
            if (arg == QLatin1String("--db")) {
                db = arguments.at(++i);
            } else {
                machine = arguments.at(++i);
                machineGiven = true;
            }
        } else {
            return archiveUsageError("stats", QStringLiteral("unknown argument ") + arg);
        }
    }
    Archive archive;
    if (!archive.open(db, Archive::Access::ReadOnly))
        return archiveCommandFailed("stats", archive.errorString());
    StateMachineStatistics stats;
    try {
        if (!machineGiven) {
            // One state machine in the archive: that one; several: the user must choose.
            const auto machines = archive.stateMachines();
            if (machines.size() > 1) {
                QString list;
                for (const auto& [name, count] : machines)
                    list += QStringLiteral("\n  %1 (%2 executions)").arg(name.isEmpty() ? QStringLiteral("\"\"") : name).arg(count);
                return archiveUsageError("stats", QStringLiteral("the archive holds several state machines; choose one with "
                                                     "--state-machine:")
                        + list);
            }
            if (!machines.isEmpty())
                machine = machines.first().first;
        }
        stats = archive.statistics(machine);
    } catch (const ArchiveError& e) {
        return archiveCommandFailed("stats", db + QStringLiteral(": ") + QString::fromUtf8(e.what()));
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
                     .arg(durationOrDash(s.p50Ms), 9)
                     .arg(durationOrDash(s.p95Ms), 9)
                     .arg(errors.join(QStringLiteral(", ")));
    }
    out().flush();
    return Ok;
}

} // namespace Stepscope::Cli
