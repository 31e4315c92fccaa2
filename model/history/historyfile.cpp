// readHistoryFile / readHistoryData: any supported history file, told by its content, read by the Step Functions
// readers (sfn*) and turned into one Execution: events in order, terminal events applied, a describe-execution
// summary merged, the runs rebuilt.
#include "sfnreader.h"

#include <simdjson.h>

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace Stepscope {

namespace {

using Sfn::RawHistory;

bool sameEvent(const HistoryEvent& a, const HistoryEvent& b)
{
    return a.id == b.id && a.typeName == b.typeName && a.previousId == b.previousId && a.timestamp == b.timestamp
        && a.timestampText == b.timestampText && a.details.raw() == b.details.raw();
}

// Histories come newest first (--reverse-order), in pages out of order, or with pages pasted twice.
void putInOrder(std::vector<HistoryEvent>& events, const QString& file, Diagnostics& diagnostics)
{
    std::vector<qint64> ids;
    for (const HistoryEvent& e : events) {
        if (e.id >= 0)
            ids.push_back(e.id);
    }
    if (ids.size() < 2)
        return;
    qsizetype ascending = 0;
    qsizetype descending = 0;
    for (size_t i = 1; i < ids.size(); ++i) {
        ascending += ids[i] > ids[i - 1];
        descending += ids[i] < ids[i - 1];
    }
    if (descending > ascending) {
        std::reverse(events.begin(), events.end());
        diagnostics.append({ Severity::Info, QStringLiteral("the events are newest first (--reverse-order): read in "
                                                            "reverse"),
            {}, {}, file });
        std::reverse(ids.begin(), ids.end());
        std::swap(ascending, descending);
    }
    const bool hasListIds = ids.size() != events.size();
    if (descending > 0 && !hasListIds) {
        std::stable_sort(events.begin(), events.end(),
            [](const HistoryEvent& a, const HistoryEvent& b) { return a.id < b.id; });
        diagnostics.append({ Severity::Warning,
            QStringLiteral("the events are out of order (%1 step back in id): they were sorted by id").arg(descending),
            {}, {}, file });
    } else if (descending > 0) {
        diagnostics.append({ Severity::Warning,
            QStringLiteral("the events are out of order and some have no usable id: kept in file order"), {}, {},
            file });
    }
    // Duplicate ids: identical copies (a page pasted twice) are dropped, different events are kept and reported.
    std::vector<HistoryEvent> kept;
    kept.reserve(events.size());
    int identical = 0;
    QList<qint64> conflicting;
    for (HistoryEvent& e : events) {
        if (e.id >= 0 && !kept.empty()) {
            // Sorted input: a duplicate sits next to its twin (or within a few places for unsorted files).
            bool dropped = false;
            for (auto it = kept.rbegin(); it != kept.rend() && it - kept.rbegin() < 4; ++it) {
                if (it->id != e.id)
                    continue;
                if (sameEvent(*it, e)) {
                    ++identical;
                    dropped = true;
                } else if (!conflicting.contains(e.id)) {
                    conflicting.append(e.id);
                }
                break;
            }
            if (dropped)
                continue;
        }
        kept.push_back(std::move(e));
    }
    events = std::move(kept);
    if (identical > 0)
        diagnostics.append({ Severity::Warning,
            QStringLiteral("%1 events appear twice with the same content (a page read twice?): the copies were skipped")
                .arg(identical),
            {}, {}, file });
    if (!conflicting.isEmpty()) {
        QStringList list;
        for (qint64 id : conflicting.mid(0, 10))
            list.append(QString::number(id));
        diagnostics.append({ Severity::Warning,
            QStringLiteral("%1 event ids are used by different events (%2): all are kept, links to them may be "
                           "wrong")
                .arg(conflicting.size())
                .arg(list.join(QStringLiteral(", "))),
            {}, {}, file });
    }
}

void applyTerminalEvents(Execution& execution)
{
    for (const HistoryEvent& e : execution.events) {
        switch (e.type) {
        case HistoryEventType::ExecutionStarted:
            if (!execution.start.isValid())
                execution.start = e.timestamp;
            execution.input = e.input;
            if (execution.status == ExecutionStatus::Unknown)
                execution.status = ExecutionStatus::Running;
            break;
        case HistoryEventType::ExecutionSucceeded:
            execution.status = ExecutionStatus::Succeeded;
            execution.stop = e.timestamp;
            execution.output = e.output;
            break;
        case HistoryEventType::ExecutionFailed:
            execution.status = ExecutionStatus::Failed;
            execution.stop = e.timestamp;
            execution.error = e.error;
            execution.cause = e.cause;
            break;
        case HistoryEventType::ExecutionAborted:
            execution.status = ExecutionStatus::Aborted;
            execution.stop = e.timestamp;
            execution.error = e.error;
            execution.cause = e.cause;
            break;
        case HistoryEventType::ExecutionTimedOut:
            execution.status = ExecutionStatus::TimedOut;
            execution.stop = e.timestamp;
            execution.error = e.error.isEmpty() ? QStringLiteral("States.Timeout") : e.error;
            execution.cause = e.cause;
            break;
        case HistoryEventType::ExecutionRedriven:
            // A redrive reopens the execution: it runs again from the failed states.
            execution.status = ExecutionStatus::Running;
            execution.stop = QDateTime();
            execution.redriveCount += 1;
            execution.redriveDate = e.timestamp;
            execution.error.clear();
            execution.cause = Payload();
            break;
        default:
            break;
        }
        if (e.redriveCount > execution.redriveCount)
            execution.redriveCount = e.redriveCount;
        if (execution.arn.isEmpty() && !e.executionArn.isEmpty())
            execution.arn = e.executionArn;
    }
}

void mergeSummary(Execution& execution, const Sfn::DescribedExecution& s)
{
    if (!s.present)
        return;
    execution.arn = s.arn.isEmpty() ? execution.arn : s.arn;
    execution.name = s.name;
    execution.stateMachineArn = s.stateMachineArn;
    if (!execution.start.isValid())
        execution.start = s.start;
    if (!execution.stop.isValid() && execution.status != ExecutionStatus::Running)
        execution.stop = s.stop;
    if (s.redriveCount > execution.redriveCount)
        execution.redriveCount = s.redriveCount;
    if (!execution.redriveDate.isValid())
        execution.redriveDate = s.redriveDate;
    if (!execution.hasHistory) {
        execution.status = executionStatusFromKey(s.status);
        execution.input = s.input;
        execution.output = s.output;
        execution.error = s.error;
        execution.cause = s.cause;
        if (!execution.stop.isValid())
            execution.stop = s.stop;
    } else {
        if (!execution.input.isPresent())
            execution.input = s.input;
        if (!execution.output.isPresent())
            execution.output = s.output;
        if (execution.error.isEmpty())
            execution.error = s.error;
        if (!execution.cause.isPresent())
            execution.cause = s.cause;
    }
}

HistoryFormat formatOf(const RawHistory& raw)
{
    if (raw.logExportEvents > 0)
        return HistoryFormat::LogExport;
    if (raw.pages > 0)
        return HistoryFormat::ExecutionHistory;
    if (raw.logEvents > 0)
        return HistoryFormat::LogEvents;
    if (raw.summary.present)
        return raw.summary.sync ? HistoryFormat::StartSyncExecution : HistoryFormat::DescribeExecution;
    return HistoryFormat::Unknown;
}

std::shared_ptr<simdjson::padded_string> loadFile(const QString& path, Diagnostics& diagnostics)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        diagnostics.append({ Severity::Error, QStringLiteral("cannot open the file: %1").arg(file.errorString()), {},
            {}, path });
        return nullptr;
    }
    // Read straight into simdjson's padded buffer: the file is held once, and payloads point into it.
    const qint64 size = file.size();
    auto buffer = std::make_shared<simdjson::padded_string>(size_t(std::max<qint64>(size, 0)));
    qint64 done = 0;
    while (done < size) {
        const qint64 n = file.read(buffer->data() + done, size - done);
        if (n <= 0)
            break;
        done += n;
    }
    if (done != size) {
        diagnostics.append({ Severity::Error, QStringLiteral("cannot read the file: %1").arg(file.errorString()), {},
            {}, path });
        return nullptr;
    }
    return buffer;
}

HistoryReadResult readBufferToResult(std::shared_ptr<simdjson::padded_string> buffer, const QString& file,
                                     const HistoryReadOptions& options, Diagnostics diagnostics)
{
    HistoryReadResult result;
    result.fileSize = qint64(buffer->size());
    std::string_view text(buffer->data(), buffer->size());
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") // a byte-order mark from Windows editors
        std::memset(buffer->data(), ' ', 3);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        diagnostics.append({ Severity::Error, QStringLiteral("the file is empty"), {}, {}, file });
        result.diagnostics = diagnostics;
        return result;
    }
    RawHistory raw;
    Sfn::readBuffer(buffer, file, raw);
    if (raw.events.empty() && !raw.summary.present && hasErrors(raw.diagnostics)) {
        if (auto salvaged = Sfn::salvageTruncated(*buffer)) {
            RawHistory second;
            Sfn::readBuffer(salvaged, file, second);
            if (!second.events.empty()) {
                raw.diagnostics.append({ Severity::Warning,
                    QStringLiteral("the file is cut short: the %1 complete events before the cut were read; what "
                                   "followed is missing")
                        .arg(second.events.size()),
                    {}, {}, file });
                second.diagnostics = raw.diagnostics;
                raw = std::move(second);
            }
        }
    }
    raw.diagnostics = diagnostics + raw.diagnostics;
    return Sfn::buildResult(std::move(raw), file, options);
}

} // namespace

namespace Sfn {

HistoryReadResult buildResult(RawHistory&& raw, const QString& file, const HistoryReadOptions& options)
{
    HistoryReadResult result;
    result.format = formatOf(raw);
    result.diagnostics = std::move(raw.diagnostics);
    result.read = !raw.events.empty() || raw.summary.present;
    if (!result.read && !hasErrors(result.diagnostics))
        result.diagnostics.append({ Severity::Error,
            QStringLiteral("no execution history, log events or execution summary found in this file"), {}, {}, file });
    if (raw.sawNextToken)
        result.diagnostics.append({ Severity::Warning,
            QStringLiteral("the history has a nextToken: later pages are missing (fetch them and put all pages in one "
                           "file)"),
            {}, {}, file });
    const bool isLog = result.format == HistoryFormat::LogEvents || result.format == HistoryFormat::LogExport;
    if (isLog) {
        result.executionArns = executionArnsOf(raw.events);
        selectLogExecution(raw.events, options.executionArn, file, result.diagnostics);
    }
    putInOrder(raw.events, file, result.diagnostics);

    Execution& execution = result.execution;
    execution.events = std::move(raw.events);
    execution.hasHistory = !execution.events.empty();
    applyTerminalEvents(execution);
    if (!options.describeFile.isEmpty()) {
        Diagnostics describeDiagnostics;
        if (auto buffer = loadFile(options.describeFile, describeDiagnostics)) {
            RawHistory described;
            readBuffer(buffer, options.describeFile, described);
            describeDiagnostics += described.diagnostics;
            if (described.summary.present)
                raw.summary = described.summary;
            else
                describeDiagnostics.append({ Severity::Warning,
                    QStringLiteral("no describe-execution output in this file"), {}, {}, options.describeFile });
        }
        result.diagnostics += describeDiagnostics;
    }
    mergeSummary(execution, raw.summary);
    if (execution.start.isValid() && execution.stop.isValid())
        execution.durationMs = execution.start.msecsTo(execution.stop);
    if (!execution.hasHistory && raw.summary.present)
        result.diagnostics.append({ Severity::Info,
            QStringLiteral("an execution summary without its events: status, dates and error only (add the "
                           "get-execution-history output to see the states)"),
            {}, {}, file });
    if (isLog)
        notePartialLog(execution, file, result.diagnostics);
    if (execution.hasHistory) {
        reconstructExecution(execution);
        for (Diagnostic d : execution.warnings) {
            d.file = file;
            result.diagnostics.append(d);
        }
    }
    return result;
}

} // namespace Sfn

HistoryReadResult readHistoryFile(const QString& path, const HistoryReadOptions& options)
{
    Diagnostics diagnostics;
    if (!QFileInfo(path).isFile()) {
        HistoryReadResult result;
        result.diagnostics.append({ Severity::Error, QStringLiteral("no such file"), {}, {}, path });
        return result;
    }
    auto buffer = loadFile(path, diagnostics);
    if (!buffer) {
        HistoryReadResult result;
        result.diagnostics = diagnostics;
        return result;
    }
    return readBufferToResult(std::move(buffer), path, options, diagnostics);
}

HistoryReadResult readHistoryData(const QByteArray& data, const QString& file, const HistoryReadOptions& options)
{
    auto buffer = std::make_shared<simdjson::padded_string>(data.constData(), size_t(data.size()));
    return readBufferToResult(std::move(buffer), file, options, {});
}

} // namespace Stepscope
