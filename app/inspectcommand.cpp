#include "inspectcommand.h"

#include "commandline.h"
#include "dataflowreport.h"
#include "document/documentloader.h"
#include "workflow/durationtext.h"

#include <nlohmann/json.hpp>

#include <QFileInfo>

namespace Stepscope::Cli {

namespace {

using Json = nlohmann::ordered_json;

std::string str(const QString& text)
{
    return text.toStdString();
}

Json timeJson(const QDateTime& time)
{
    return time.isValid() ? Json(str(time.toString(Qt::ISODateWithMs))) : Json(nullptr);
}

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toString(Qt::ISODateWithMs) : QStringLiteral("unknown");
}

QString pathText(const QStringList& path)
{
    return path.join(QStringLiteral(" › "));
}

// Long payloads are cut in the text report (the JSON output keeps them whole).
QString clip(const QString& text, int limit = 2000)
{
    if (text.size() <= limit)
        return text;
    return text.left(limit) + QStringLiteral("… (%1 more characters; --json prints all)").arg(text.size() - limit);
}

QString indentLines(const QString& text, const QString& indent)
{
    QStringList lines = text.split(u'\n');
    for (QString& line : lines)
        line = indent + line;
    return lines.join(u'\n');
}

Json attemptJson(const TaskAttempt& attempt, const Execution& execution)
{
    Json a;
    a["number"] = attempt.number;
    a["kind"] = str(attempt.kind);
    a["resourceType"] = str(attempt.resourceType);
    a["resource"] = str(attempt.resource);
    a["outcome"] = str(attemptOutcomeName(attempt.outcome));
    a["error"] = attempt.error.isEmpty() ? Json(nullptr) : Json(str(attempt.error));
    a["cause"] = attempt.cause.isPresent() ? Json(attempt.cause.text().toStdString()) : Json(nullptr);
    a["parameters"] = attempt.parameters.isPresent() ? Json(attempt.parameters.text().toStdString()) : Json(nullptr);
    a["scheduled"] = timeJson(attempt.scheduled);
    a["started"] = timeJson(attempt.started);
    a["ended"] = timeJson(attempt.ended);
    Json ids = Json::array();
    for (int i : attempt.events)
        ids.push_back(execution.events[size_t(i)].id);
    a["eventIds"] = ids;
    return a;
}

Json diagnosticsJson(const Diagnostics& diagnostics, const QString& file)
{
    Json list = Json::array();
    for (const Diagnostic& d : diagnostics) {
        Json item;
        item["severity"] = str(severityName(d.severity));
        item["message"] = str(d.message);
        item["file"] = str(d.file.isEmpty() ? file : d.file);
        item["line"] = d.pos.line;
        item["column"] = d.pos.column;
        list.push_back(std::move(item));
    }
    return list;
}

struct Report {
    std::shared_ptr<const LoadedDocument> doc;
    bool hasDefinition = false; ///< a definition was given and read
    Diagnostics notes;
    bool dataflow = false; ///< --dataflow: replay every run (dataflowreport.h)
    [[nodiscard]] const HistoryReadResult& history() const { return *doc->history; }
};

Json stateTableJson(const Report& report)
{
    Json states = Json::array();
    for (const State& state : report.doc->workflow.states) {
        const StateOutcome outcome = report.doc->match.states.value(state.id);
        Json s;
        s["id"] = str(state.id);
        s["name"] = str(state.name);
        s["type"] = str(state.typeName);
        s["status"] = str(runStatusKey(outcome.status));
        s["runs"] = outcome.runs;
        s["succeeded"] = outcome.succeeded;
        s["failed"] = outcome.failed;
        s["caught"] = outcome.caught;
        s["retried"] = outcome.retried;
        s["retries"] = outcome.retryCount;
        s["aborted"] = outcome.aborted;
        s["timedOut"] = outcome.timedOut;
        s["running"] = outcome.running;
        if (outcome.iterations >= 0) {
            s["iterations"] = outcome.iterations;
            s["iterationsSucceeded"] = outcome.iterationsSucceeded;
            s["iterationsFailed"] = outcome.iterationsFailed;
            s["iterationsAborted"] = outcome.iterationsAborted;
        }
        s["summary"] = str(outcome.summary);
        states.push_back(std::move(s));
    }
    return states;
}

void printJson(const Report& report, const QString& file)
{
    const Execution& e = report.history().execution;
    Json out;
    out["file"] = str(file);
    out["format"] = str(historyFormatName(report.history().format));
    out["executionArn"] = e.arn.isEmpty() ? Json(nullptr) : Json(str(e.arn));
    out["name"] = e.name.isEmpty() ? Json(nullptr) : Json(str(e.name));
    out["stateMachineArn"] = e.stateMachineArn.isEmpty() ? Json(nullptr) : Json(str(e.stateMachineArn));
    out["status"] = str(executionStatusKey(e.status));
    out["startDate"] = timeJson(e.start);
    out["stopDate"] = timeJson(e.stop);
    out["durationMs"] = e.durationMs ? Json(*e.durationMs) : Json(nullptr);
    out["redriveCount"] = e.redriveCount;
    out["eventCount"] = e.events.size();
    Json unassigned = Json::array();
    for (int i : e.unassignedEvents)
        unassigned.push_back(e.events[size_t(i)].id);
    out["unassignedEventIds"] = unassigned;
    out["hasHistory"] = e.hasHistory;
    out["isPartialLog"] = e.isPartialLog;
    if (e.isPartialLog)
        out["partialNote"] = str(e.partialNote);
    out["error"] = e.error.isEmpty() ? Json(nullptr) : Json(str(e.error));
    out["cause"] = e.cause.isPresent() ? Json(e.cause.text().toStdString()) : Json(nullptr);
    if (e.rootCause) {
        const RootCause& rc = *e.rootCause;
        Json r;
        r["state"] = str(rc.state);
        Json path = Json::array();
        for (const QString& p : rc.path)
            path.push_back(str(p));
        r["path"] = path;
        r["error"] = str(rc.error);
        r["cause"] = str(rc.cause);
        if (rc.lambda) {
            Json l;
            l["errorType"] = str(rc.lambda->errorType);
            l["errorMessage"] = str(rc.lambda->errorMessage);
            Json trace = Json::array();
            for (const QString& line : rc.lambda->stackTrace)
                trace.push_back(str(line));
            l["stackTrace"] = trace;
            r["lambdaCause"] = l;
        } else {
            r["lambdaCause"] = nullptr;
        }
        r["input"] = rc.input.isPresent() ? Json(rc.input.text().toStdString()) : Json(nullptr);
        r["inputTruncated"] = rc.input.truncated;
        Json attempts = Json::array();
        for (const TaskAttempt& a : rc.attempts)
            attempts.push_back(attemptJson(a, e));
        r["attempts"] = attempts;
        Json retries = Json::array();
        for (const RetryWait& w : rc.retries)
            retries.push_back({ { "afterAttempt", w.afterAttempt }, { "error", str(w.error) },
                { "waitMs", w.waitMs < 0 ? Json(nullptr) : Json(w.waitMs) } });
        r["retries"] = retries;
        r["eventId"] = rc.event >= 0 ? Json(e.events[size_t(rc.event)].id) : Json(nullptr);
        out["rootCause"] = r;
    } else {
        out["rootCause"] = nullptr;
    }
    Json caught = Json::array();
    for (const CaughtError& c : e.caughtErrors) {
        Json path = Json::array();
        for (const QString& p : c.path)
            path.push_back(str(p));
        caught.push_back({ { "state", str(c.state) }, { "path", path }, { "error", str(c.error) },
            { "cause", str(c.cause) }, { "nextState", str(c.nextState) } });
    }
    out["caughtErrors"] = caught;
    out["definition"] = report.hasDefinition ? Json(str(report.doc->definition.loaded.file)) : Json(nullptr);
    out["states"] = stateTableJson(report);
    Json unknown = Json::array();
    for (const QString& name : report.doc->match.unknownStates)
        unknown.push_back(str(name));
    out["unknownStates"] = unknown;
    if (report.history().executionArns.size() > 1) {
        Json arns = Json::array();
        for (const QString& arn : report.history().executionArns)
            arns.push_back(str(arn));
        out["executions"] = arns;
    }
    out["diagnostics"] = diagnosticsJson(report.history().diagnostics + report.notes, file);
    if (report.dataflow)
        out["dataflow"] = dataflowReportJson(e, report.doc->workflow);
    std::string text = out.dump(2, ' ', false, Json::error_handler_t::replace);
    text.push_back('\n');
    fwrite(text.data(), 1, text.size(), stdout);
    fflush(stdout);
}

void printText(const Report& report, const QString& file)
{
    QTextStream& o = out();
    const Execution& e = report.history().execution;
    const QString title = !e.name.isEmpty() ? e.name : !e.arn.isEmpty() ? e.arn : QFileInfo(file).fileName();
    o << "Execution: " << title << '\n';
    if (!e.arn.isEmpty() && e.arn != title)
        o << "ARN:       " << e.arn << '\n';
    o << "Read:      " << historyFormatName(report.history().format) << ", " << e.events.size() << " events\n";
    o << "Status:    " << executionStatusKey(e.status) << '\n';
    o << "Started:   " << timeText(e.start) << '\n';
    if (e.status != ExecutionStatus::Running)
        o << "Stopped:   " << timeText(e.stop) << '\n';
    o << "Duration:  " << (e.durationMs ? durationText(*e.durationMs) : QStringLiteral("unknown (no times in the file)"))
      << '\n';
    if (e.redriveCount > 0)
        o << "Redriven:  " << e.redriveCount << "×, last " << timeText(e.redriveDate) << '\n';
    if (e.isPartialLog)
        o << "Partial:   " << e.partialNote << '\n';
    if (report.history().executionArns.size() > 1) {
        o << "\nThis log holds " << report.history().executionArns.size() << " executions (pick one with --execution ARN):\n";
        for (const QString& arn : report.history().executionArns)
            o << (arn == e.arn ? "  * " : "    ") << arn << '\n';
    }

    if (e.rootCause) {
        const RootCause& rc = *e.rootCause;
        o << '\n';
        o << "Failed at: " << (rc.path.isEmpty() ? QStringLiteral("(the execution itself)") : pathText(rc.path)) << '\n';
        o << "Error:     " << (rc.error.isEmpty() ? QStringLiteral("(none given in the history)") : rc.error) << '\n';
        if (rc.lambda) {
            o << "Cause:     " << rc.lambda->errorType << ": " << rc.lambda->errorMessage << '\n';
            if (!rc.lambda->stackTrace.isEmpty()) {
                o << "Stack trace:\n";
                for (const QString& line : rc.lambda->stackTrace)
                    o << indentLines(line.trimmed(), QStringLiteral("    ")) << '\n';
            }
        } else if (!rc.cause.isEmpty()) {
            o << "Cause:     " << clip(rc.cause) << '\n';
        }
        if (rc.input.isPresent())
            o << "Input:     " << clip(rc.input.toString()) << (rc.input.truncated ? " (truncated by AWS)" : "") << '\n';
        if (!rc.attempts.isEmpty()) {
            o << "Attempts:\n";
            for (const TaskAttempt& a : rc.attempts) {
                o << "  " << a.number << ". " << attemptOutcomeName(a.outcome);
                if (!a.error.isEmpty())
                    o << ": " << a.error;
                if (!a.resource.isEmpty())
                    o << "  (" << (a.resourceType.isEmpty() || a.resource.startsWith(QLatin1String("arn:"))
                                          ? a.resource
                                          : a.resourceType + u':' + a.resource)
                      << ')';
                o << '\n';
            }
        }
        for (const RetryWait& w : rc.retries) {
            o << "Retry:     after attempt " << w.afterAttempt << " (" << w.error << ")";
            if (w.waitMs >= 0)
                o << ", waited " << durationText(w.waitMs);
            o << '\n';
        }
    } else if (!e.error.isEmpty()) {
        o << "Error:     " << e.error << '\n';
        if (e.cause.isPresent())
            o << "Cause:     " << clip(e.cause.toString()) << '\n';
    }
    if (!e.caughtErrors.isEmpty()) {
        o << "\nCaught and handled:\n";
        for (const CaughtError& c : e.caughtErrors) {
            o << "  " << pathText(c.path) << ": " << c.error;
            if (!c.nextState.isEmpty())
                o << " → " << c.nextState;
            o << '\n';
        }
    }

    o << "\nStates" << (report.hasDefinition ? QString() : QStringLiteral(" (path that ran; no definition given)"))
      << ":\n";
    int width = 5;
    for (const State& state : report.doc->workflow.states)
        width = std::max(width, int(state.id.size()));
    width = std::min(width, 60);
    o << "  " << QStringLiteral("STATE").leftJustified(width) << "  " << QStringLiteral("STATUS").leftJustified(10)
      << "  RUNS  DETAIL\n";
    for (const State& state : report.doc->workflow.states) {
        const StateOutcome outcome = report.doc->match.states.value(state.id);
        o << "  " << state.id.leftJustified(width) << "  " << runStatusName(outcome.status).leftJustified(10) << "  "
          << QString::number(outcome.runs).rightJustified(4) << "  " << outcome.summary << '\n';
    }
    const Diagnostics all = report.history().diagnostics + report.notes;
    if (!all.isEmpty()) {
        o << "\nNotes:\n";
        for (const Diagnostic& d : all)
            o << "  " << formatDiagnostic(d, file) << '\n';
    }
    if (report.dataflow)
        printDataflowReport(o, e, report.doc->workflow);
    o.flush();
}

} // namespace

int inspectCommand(const QStringList& arguments)
{
    QString historyFile;
    QString definitionFile;
    bool json = false;
    bool dataflow = false;
    HistoryReadOptions options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        const auto value = [&](QString& target) {
            if (++i >= arguments.size()) {
                err() << "stepscope inspect: " << arg << " needs a value\n";
                return false;
            }
            target = arguments.at(i);
            return true;
        };
        if (arg == QLatin1String("--json")) {
            json = true;
        } else if (arg == QLatin1String("--dataflow")) {
            dataflow = true;
        } else if (arg == QLatin1String("--definition") || arg == QLatin1String("-d")) {
            if (!value(definitionFile))
                return UsageError;
        } else if (arg == QLatin1String("--execution")) {
            if (!value(options.executionArn))
                return UsageError;
        } else if (arg == QLatin1String("--describe")) {
            if (!value(options.describeFile))
                return UsageError;
        } else if (arg.startsWith(QLatin1String("--"))) {
            err() << "stepscope inspect: unknown option " << arg << "\nTry 'stepscope --help'.\n";
            return UsageError;
        } else if (historyFile.isEmpty()) {
            historyFile = arg;
        } else {
            err() << "stepscope inspect: one history file at a time\n";
            return UsageError;
        }
    }
    if (historyFile.isEmpty()) {
        err() << "stepscope inspect: no history file given\n"
                 "Usage: stepscope inspect HISTORY [--definition FILE] [--json] [--execution ARN] [--describe FILE]\n"
                 "       [--dataflow]\n";
        return UsageError;
    }

    if (dataflow && definitionFile.isEmpty()) {
        err() << "stepscope inspect: --dataflow replays the runs against a definition: give --definition FILE\n";
        return UsageError;
    }
    Report report;
    report.dataflow = dataflow && !definitionFile.isEmpty();
    report.doc = loadDocument(DocumentRequest { definitionFile, historyFile, options.executionArn, options.describeFile });
    if (!report.history().read) {
        for (const Diagnostic& d : report.history().diagnostics)
            err() << formatDiagnostic(d, historyFile) << '\n';
        err().flush();
        return Failed;
    }
    if (report.doc->hasDefinition) {
        report.hasDefinition = report.doc->definition.hasWorkflow();
        if (!report.hasDefinition) {
            for (const Diagnostic& d : report.doc->definition.diagnostics) {
                if (d.isError())
                    report.notes.append(d);
            }
            report.notes.append({ Severity::Warning,
                QStringLiteral("the definition could not be read: showing the path that ran instead"), {}, {},
                definitionFile });
        }
    } else if (report.history().execution.hasHistory) {
        report.notes.append({ Severity::Info,
            QStringLiteral("no definition given (--definition FILE): the states are those of the path that ran"), {},
            {}, historyFile });
    }
    report.dataflow = report.dataflow && report.hasDefinition;
    for (Diagnostic d : report.doc->match.diagnostics) {
        d.file = definitionFile;
        report.notes.append(d);
    }
    if (json)
        printJson(report, historyFile);
    else
        printText(report, historyFile);
    return Ok;
}

} // namespace Stepscope::Cli
