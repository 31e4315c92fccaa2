#include "archivecli.h"

#include "archive/timefilter.h"
#include "output.h"
#include "workflow/durationtext.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace Stepscope::Cli {

qint64 parseTimeArgument(const QString& text) { return parseTimeFilter(text); }

QString formatTime(qint64 ms)
{
    if (ms == NoTime)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); // with Z
}

std::string utf8(const QString& text) { return text.toStdString(); }

nlohmann::ordered_json summaryJson(const ExecutionSummary& s)
{
    nlohmann::ordered_json j;
    j["id"] = s.id;
    j["identity"] = utf8(s.identity);
    j["arn"] = s.arn.isEmpty() ? nlohmann::ordered_json() : nlohmann::ordered_json(utf8(s.arn));
    j["name"] = utf8(s.name);
    j["stateMachine"] = utf8(s.stateMachine);
    j["status"] = utf8(s.status);
    j["start"] = s.startMs == NoTime ? nlohmann::ordered_json() : nlohmann::ordered_json(utf8(formatTime(s.startMs)));
    j["stop"] = s.stopMs == NoTime ? nlohmann::ordered_json() : nlohmann::ordered_json(utf8(formatTime(s.stopMs)));
    j["durationMs"] = optionalMs(s.durationMs);
    j["redriveCount"] = s.redriveCount;
    j["error"] = s.error.isEmpty() ? nlohmann::ordered_json() : nlohmann::ordered_json(utf8(s.error));
    j["cause"] = s.cause.isEmpty() ? nlohmann::ordered_json() : nlohmann::ordered_json(utf8(s.cause));
    if (!s.rootCauseState.isEmpty())
        j["rootCause"] = { { "state", utf8(s.rootCauseState) }, { "path", utf8(s.rootCausePath) } };
    else
        j["rootCause"] = nullptr;
    j["sourceFile"] = utf8(s.sourceFile);
    return j;
}

QString dumpJson(const nlohmann::ordered_json& json)
{
    return QString::fromStdString(json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

nlohmann::ordered_json jsonLines(const QStringList& lines)
{
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const QString& line : lines)
        array.push_back(utf8(line));
    return array;
}

nlohmann::ordered_json optionalMs(qint64 ms)
{
    return ms < 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(ms);
}

QString durationOrDash(qint64 ms)
{
    return ms < 0 ? QStringLiteral("-") : durationText(ms);
}

int archiveCommandFailed(const char* command, const QString& message)
{
    err() << "stepscope " << command << ": " << message << '\n';
    err().flush();
    return Failed;
}

int archiveUsageError(const char* command, const QString& message)
{
    err() << "stepscope " << command << ": " << message << "\nTry 'stepscope --help'.\n";
    err().flush();
    return UsageError;
}

} // namespace Stepscope::Cli
