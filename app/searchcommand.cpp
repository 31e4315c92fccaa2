#include "searchcommand.h"

#include "archive/archive.h"
#include "archivecli.h"
#include "commandline.h"
#include "workflow/durationtext.h"

namespace Stepscope::Cli {

namespace {

QString cell(QString text, int width)
{
    text.replace(u'\n', u' ');
    if (text.size() > width)
        return text.left(width - 1) + QStringLiteral("…");
    return text.leftJustified(width);
}

} // namespace

int searchCommand(const QStringList& arguments)
{
    SearchQuery query;
    QString db = Archive::defaultPath();
    bool json = false;
    auto usage = [](const QString& message) {
        err() << "stepscope search: " << message << "\nTry 'stepscope --help'.\n";
        err().flush();
        return UsageError;
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        auto value = [&](QString* target) {
            if (i + 1 >= arguments.size())
                return false;
            *target = arguments.at(++i);
            return true;
        };
        QString v;
        if (arg == QLatin1String("--json")) {
            json = true;
        } else if (arg == QLatin1String("--db")) {
            if (!value(&db))
                return usage(QStringLiteral("--db needs a file"));
        } else if (arg == QLatin1String("--status")) {
            if (!value(&v))
                return usage(QStringLiteral("--status needs a status (SUCCEEDED, FAILED, TIMED_OUT, ABORTED, RUNNING)"));
            query.statuses += v.split(u',', Qt::SkipEmptyParts);
        } else if (arg == QLatin1String("--error")) {
            if (!value(&query.error))
                return usage(QStringLiteral("--error needs an error name (* matches anything)"));
        } else if (arg == QLatin1String("--state")) {
            if (!value(&query.state))
                return usage(QStringLiteral("--state needs a state name"));
        } else if (arg == QLatin1String("--state-machine")) {
            if (!value(&query.stateMachine))
                return usage(QStringLiteral("--state-machine needs a name"));
        } else if (arg == QLatin1String("--since") || arg == QLatin1String("--until")) {
            if (!value(&v))
                return usage(arg + QStringLiteral(" needs a time"));
            const qint64 ms = parseTimeArgument(v);
            if (ms == NoTime)
                return usage(QStringLiteral("%1: cannot read the time '%2' (use 2024-11-18, 2024-11-18T14:00:00Z, "
                                            "epoch seconds, or 24h / 7d)")
                                 .arg(arg, v));
            (arg == QLatin1String("--since") ? query.sinceMs : query.untilMs) = ms;
        } else if (arg == QLatin1String("--text")) {
            if (!value(&v))
                return usage(QStringLiteral("--text needs words"));
            query.text += (query.text.isEmpty() ? QString() : QStringLiteral(" ")) + v;
        } else if (arg == QLatin1String("--limit") || arg == QLatin1String("--offset")) {
            bool ok = false;
            const int n = value(&v) ? v.toInt(&ok) : -1;
            if (!ok || n < 0)
                return usage(arg + QStringLiteral(" needs a number >= 0"));
            (arg == QLatin1String("--limit") ? query.limit : query.offset) = n;
        } else if (arg.startsWith(QLatin1String("-"))) {
            return usage(QStringLiteral("unknown option ") + arg);
        } else {
            // Bare words are search text, so that `stepscope search PaymentDeclined` does what it says.
            query.text += (query.text.isEmpty() ? QString() : QStringLiteral(" ")) + arg;
        }
    }

    Archive archive;
    if (!archive.open(db, Archive::Access::ReadOnly)) {
        err() << "stepscope search: " << archive.errorString() << '\n';
        err().flush();
        return Failed;
    }
    SearchResult result;
    try {
        result = archive.search(query);
    } catch (const ArchiveError& e) {
        err() << "stepscope search: " << db << ": " << e.what() << '\n';
        err().flush();
        return Failed;
    }
    if (json) {
        nlohmann::ordered_json report;
        report["total"] = result.total;
        report["executions"] = nlohmann::ordered_json::array();
        for (const ExecutionSummary& s : result.executions)
            report["executions"].push_back(summaryJson(s));
        out() << dumpJson(report) << '\n';
        out().flush();
        return Ok;
    }
    if (!result.executions.isEmpty()) {
        out() << cell(QStringLiteral("ID"), 7) << ' ' << cell(QStringLiteral("START (UTC)"), 24) << ' '
              << cell(QStringLiteral("STATUS"), 10) << ' ' << cell(QStringLiteral("DURATION"), 10) << ' '
              << cell(QStringLiteral("STATE MACHINE"), 20) << ' ' << cell(QStringLiteral("NAME"), 28) << ' '
              << QStringLiteral("ERROR / ROOT CAUSE") << '\n';
    }
    for (const ExecutionSummary& s : result.executions) {
        QString failure = s.error;
        if (!s.rootCauseState.isEmpty())
            failure += QStringLiteral(" in ") + (s.rootCausePath.isEmpty() ? s.rootCauseState : s.rootCausePath);
        out() << cell(QString::number(s.id), 7) << ' ' << cell(formatTime(s.startMs), 24) << ' ' << cell(s.status, 10)
              << ' ' << cell(s.durationMs < 0 ? QString() : durationText(s.durationMs), 10) << ' '
              << cell(s.stateMachine, 20) << ' ' << cell(s.name, 28) << ' ' << failure.simplified() << '\n';
    }
    out() << result.executions.size() << " of " << result.total << " matching executions";
    if (result.executions.size() < result.total)
        out() << " (--limit / --offset for more)";
    out() << '\n';
    out().flush();
    return Ok;
}

} // namespace Stepscope::Cli
