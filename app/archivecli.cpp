#include "archivecli.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace Stepscope::Cli {

qint64 parseTimeArgument(const QString& text)
{
    const QString t = text.trimmed();
    static const QRegularExpression relative(QStringLiteral("^(\\d+)\\s*(s|m|h|d|w)$"));
    if (const auto match = relative.match(t); match.hasMatch()) {
        const qint64 n = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        const qint64 seconds = unit == u's' ? 1 : unit == u'm' ? 60 : unit == u'h' ? 3600 : unit == u'd' ? 86400 : 604800;
        return QDateTime::currentMSecsSinceEpoch() - n * seconds * 1000;
    }
    bool isNumber = false;
    const qint64 number = t.toLongLong(&isNumber);
    if (isNumber)
        return number > 100000000000LL ? number : number * 1000; // ms after 1973, else seconds
    QDateTime time = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(t, Qt::ISODate);
        if (!date.isValid())
            return NoTime;
        time = QDateTime(date, QTime(0, 0), QTimeZone::utc());
    } else if (time.timeSpec() == Qt::LocalTime && !t.endsWith(u'Z') && !t.contains(QRegularExpression(QStringLiteral("[+-]\\d\\d:?\\d\\d$")))) {
        time.setTimeZone(QTimeZone::utc()); // no zone written: UTC, like the AWS console
    }
    return time.toMSecsSinceEpoch();
}

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
    j["durationMs"] = s.durationMs < 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(s.durationMs);
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

} // namespace Stepscope::Cli
