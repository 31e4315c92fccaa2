#include "execution.h"

#include <nlohmann/json.hpp>

#include <QRegularExpression>

namespace Stepscope {

QString attemptOutcomeName(AttemptOutcome outcome)
{
    switch (outcome) {
    case AttemptOutcome::Scheduled: return QStringLiteral("scheduled");
    case AttemptOutcome::Started: return QStringLiteral("started");
    case AttemptOutcome::Submitted: return QStringLiteral("submitted");
    case AttemptOutcome::Succeeded: return QStringLiteral("succeeded");
    case AttemptOutcome::Failed: return QStringLiteral("failed");
    case AttemptOutcome::TimedOut: return QStringLiteral("timed out");
    case AttemptOutcome::ScheduleFailed: return QStringLiteral("schedule failed");
    case AttemptOutcome::StartFailed: return QStringLiteral("start failed");
    case AttemptOutcome::SubmitFailed: return QStringLiteral("submit failed");
    case AttemptOutcome::Aborted: return QStringLiteral("aborted");
    }
    return QStringLiteral("scheduled");
}

bool TaskAttempt::failed() const
{
    switch (outcome) {
    case AttemptOutcome::Failed:
    case AttemptOutcome::TimedOut:
    case AttemptOutcome::ScheduleFailed:
    case AttemptOutcome::StartFailed:
    case AttemptOutcome::SubmitFailed:
        return true;
    default:
        return false;
    }
}

QString StateRun::label() const
{
    switch (kind) {
    case RunKind::State:
        return name;
    case RunKind::Iteration:
        return QStringLiteral("%1[%2]").arg(name).arg(index);
    case RunKind::Branch:
        return QStringLiteral("%1[Branch %2]").arg(name).arg(index + 1);
    }
    return name;
}

QStringList StateRun::path() const
{
    QStringList result = containerPath;
    result.append(label());
    return result;
}

const StateRun* runAt(const Execution& execution, const RunLocation& location)
{
    const std::vector<StateRun>* level = &execution.runs;
    const StateRun* run = nullptr;
    for (int index : location) {
        if (index < 0 || index >= static_cast<int>(level->size()))
            return nullptr;
        run = &(*level)[size_t(index)];
        level = &run->children;
    }
    return run;
}

std::optional<qint64> StateRun::durationMs() const
{
    if (!entered.isValid() || !exited.isValid())
        return std::nullopt;
    return entered.msecsTo(exited);
}

QString executionStatusKey(ExecutionStatus status)
{
    switch (status) {
    case ExecutionStatus::Unknown: return QStringLiteral("UNKNOWN");
    case ExecutionStatus::Running: return QStringLiteral("RUNNING");
    case ExecutionStatus::Succeeded: return QStringLiteral("SUCCEEDED");
    case ExecutionStatus::Failed: return QStringLiteral("FAILED");
    case ExecutionStatus::TimedOut: return QStringLiteral("TIMED_OUT");
    case ExecutionStatus::Aborted: return QStringLiteral("ABORTED");
    case ExecutionStatus::PendingRedrive: return QStringLiteral("PENDING_REDRIVE");
    }
    return QStringLiteral("UNKNOWN");
}

ExecutionStatus executionStatusFromKey(QStringView key)
{
    for (auto status : { ExecutionStatus::Running, ExecutionStatus::Succeeded, ExecutionStatus::Failed,
             ExecutionStatus::TimedOut, ExecutionStatus::Aborted, ExecutionStatus::PendingRedrive }) {
        if (key.compare(executionStatusKey(status), Qt::CaseInsensitive) == 0)
            return status;
    }
    return ExecutionStatus::Unknown;
}

QString historyFormatName(HistoryFormat format)
{
    switch (format) {
    case HistoryFormat::Unknown: return QStringLiteral("unknown");
    case HistoryFormat::ExecutionHistory: return QStringLiteral("get-execution-history");
    case HistoryFormat::DescribeExecution: return QStringLiteral("describe-execution");
    case HistoryFormat::StartSyncExecution: return QStringLiteral("start-sync-execution");
    case HistoryFormat::LogEvents: return QStringLiteral("log events");
    case HistoryFormat::LogExport: return QStringLiteral("log export");
    }
    return QStringLiteral("unknown");
}

namespace {
QString jsonString(const nlohmann::json& object, const char* key)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return {};
    return it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString::fromStdString(it->dump());
}

// LocalStack's snapshots damage some causes ("requestId":<request-id>"): read the members by pattern then.
std::optional<LambdaCause> parseLambdaCauseLoosely(const QString& text)
{
    static const QRegularExpression member(QStringLiteral("\"(errorType|errorMessage)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\""));
    LambdaCause cause;
    for (auto it = member.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        const QByteArray quoted = '"' + match.captured(2).toUtf8() + '"';
        QString value;
        try {
            value = QString::fromStdString(nlohmann::json::parse(quoted.constData()).get<std::string>());
        } catch (const nlohmann::json::exception&) {
            value = match.captured(2);
        }
        (match.captured(1) == QLatin1String("errorType") ? cause.errorType : cause.errorMessage) = value;
    }
    static const QRegularExpression trace(QStringLiteral("\"stackTrace\"\\s*:\\s*(\\[(?:[^\\]\"]|\"(?:[^\"\\\\]|\\\\.)*\")*\\])"));
    if (const auto match = trace.match(text); match.hasMatch()) {
        try {
            for (const auto& line : nlohmann::json::parse(match.captured(1).toStdString()))
                cause.stackTrace.append(QString::fromStdString(line.is_string() ? line.get<std::string>() : line.dump()));
        } catch (const nlohmann::json::exception&) {
        }
    }
    if (cause.errorType.isEmpty() && cause.errorMessage.isEmpty())
        return std::nullopt;
    return cause;
}
}

std::optional<LambdaCause> parseLambdaCause(const QByteArray& causeText)
{
    const QByteArray trimmed = causeText.trimmed();
    if (!trimmed.startsWith('{'))
        return std::nullopt;
    const nlohmann::json object = nlohmann::json::parse(trimmed.constData(), trimmed.constData() + trimmed.size(),
        nullptr, false);
    if (object.is_discarded() || !object.is_object())
        return parseLambdaCauseLoosely(QString::fromUtf8(trimmed));
    if (!object.contains("errorType") && !object.contains("errorMessage"))
        return std::nullopt;
    LambdaCause cause;
    cause.errorType = jsonString(object, "errorType");
    cause.errorMessage = jsonString(object, "errorMessage");
    cause.requestId = jsonString(object, "requestId");
    if (const auto it = object.find("stackTrace"); it != object.end()) {
        if (it->is_array()) {
            for (const auto& line : *it) {
                if (line.is_string())
                    cause.stackTrace.append(QString::fromStdString(line.get<std::string>()));
                else // Java / Node write frames as arrays or objects
                    cause.stackTrace.append(QString::fromStdString(line.dump()));
            }
        } else if (it->is_string()) {
            cause.stackTrace = QString::fromStdString(it->get<std::string>()).split(u'\n', Qt::SkipEmptyParts);
        }
    }
    return cause;
}

} // namespace Stepscope
