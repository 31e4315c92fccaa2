#include "comparecommand.h"

#include "archive/archive.h"
#include "archive/compare.h"
#include "archivecli.h"
#include "commandline.h"

namespace Stepscope::Cli {

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
                return archiveUsageError("compare", QStringLiteral("--db needs a file"));
            db = arguments.at(++i);
        } else if (arg.startsWith(QLatin1String("--"))) {
            return archiveUsageError("compare", QStringLiteral("unknown option ") + arg);
        } else {
            keys.append(arg);
        }
    }
    if (keys.size() != 2)
        return archiveUsageError("compare", QStringLiteral("give two executions (archive id, ARN, name or source file)"));
    Archive archive;
    if (!archive.open(db, Archive::Access::ReadOnly))
        return archiveCommandFailed("compare", archive.errorString());
    ExecutionComparison comparison;
    try {
        std::optional<ArchivedExecution> executions[2];
        ExecutionSummary summaries[2];
        for (int k = 0; k < 2; ++k) {
            const auto id = archive.findExecution(keys.at(k));
            if (!id)
                return archiveCommandFailed("compare", QStringLiteral("no single execution '%1' in %2 (use the id that 'stepscope search' "
                                                      "shows)")
                                           .arg(keys.at(k), db));
            executions[k] = archive.loadExecution(*id);
            summaries[k] = archive.summary(*id).value_or(ExecutionSummary());
        }
        comparison = compareExecutions(*executions[0], *executions[1]);
        comparison.a = summaries[0];
        comparison.b = summaries[1];
    } catch (const ArchiveError& e) {
        return archiveCommandFailed("compare", db + QStringLiteral(": ") + QString::fromUtf8(e.what()));
    }
    if (json) {
        nlohmann::ordered_json report;
        report["a"] = summaryJson(comparison.a);
        report["b"] = summaryJson(comparison.b);
        report["pathA"] = jsonLines(comparison.pathA);
        report["pathB"] = jsonLines(comparison.pathB);
        report["commonPrefix"] = comparison.commonPrefix;
        report["onlyInA"] = jsonLines(comparison.onlyInA);
        report["onlyInB"] = jsonLines(comparison.onlyInB);
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
            s["inputChanges"] = jsonLines(d.inputChanges);
            s["outputChanges"] = jsonLines(d.outputChanges);
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
              << " → " << (d.statusB.isEmpty() ? QStringLiteral("not run") : d.statusB) << ", " << durationOrDash(d.durationA)
              << " → " << durationOrDash(d.durationB) << '\n';
        for (const QString& line : d.inputChanges)
            out() << "      input  " << line << '\n';
        for (const QString& line : d.outputChanges)
            out() << "      output " << line << '\n';
    }
    out().flush();
    return Ok;
}

} // namespace Stepscope::Cli
