#include "documentloader.h"

#include <QFile>
#include <QFileInfo>

namespace Stepscope {

bool looksLikeHistory(const QString& path)
{
    const QString name = QFileInfo(path).fileName().toLower();
    if (name.contains(QLatin1String(".asl.")))
        return false;
    if (name.contains(QLatin1String("history")) || name.endsWith(QLatin1String(".log")))
        return true;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(64 * 1024);
    // Definitions have "States"; histories, describe-execution output and logs have these.
    if (head.contains("\"States\"") || head.contains("States:"))
        return false;
    return head.contains("\"events\"") || head.contains("\"executionArn\"") || head.contains("\"execution_arn\"")
        || head.contains("\"event_timestamp\"");
}

DocumentRequest DocumentRequest::forFiles(const QString& definition, const QString& history, const QString& executionArn)
{
    DocumentRequest request;
    request.definition = definition.isEmpty() ? QString() : QFileInfo(definition).absoluteFilePath();
    request.history = history.isEmpty() ? QString() : QFileInfo(history).absoluteFilePath();
    request.executionArn = executionArn;
    return request;
}

std::shared_ptr<const LoadedDocument> loadDocument(const DocumentRequest& request, const LoadProgress& progress)
{
    auto say = [&progress](const QString& text) {
        if (progress)
            progress(text);
    };
    auto doc = std::make_shared<LoadedDocument>();
    doc->request = request;
    if (!request.definition.isEmpty()) {
        say(QStringLiteral("Reading %1…").arg(QFileInfo(request.definition).fileName()));
        doc->hasDefinition = true;
        doc->definition = openDefinition(request.definition);
        doc->workflow = doc->definition.workflow;
        doc->diagnostics.append(doc->definition.diagnostics);
    }
    if (!request.history.isEmpty()) {
        say(QStringLiteral("Reading %1…").arg(QFileInfo(request.history).fileName()));
        auto history = std::make_shared<HistoryReadResult>(
            readHistoryFile(request.history, HistoryReadOptions { request.executionArn, request.describeFile }));
        doc->diagnostics.append(history->diagnostics);
        doc->history = history;
        if (history->read) {
            doc->execution = std::shared_ptr<const Execution>(history, &history->execution);
            if (!doc->definition.hasWorkflow()) {
                doc->workflow = workflowFromExecution(history->execution);
                doc->workflowFromHistory = true;
            }
            say(QStringLiteral("Matching the execution to the definition…"));
            doc->runs = RunIndex(history->execution, doc->workflow);
            doc->match = matchDefinition(doc->runs, doc->workflow);
            doc->diagnostics.append(doc->match.diagnostics);
        }
    }
    for (const State& s : doc->workflow.states)
        doc->stateNames.append(s.name);
    doc->stateNames.removeDuplicates();
    doc->stateNames.sort(Qt::CaseInsensitive);
    return doc;
}

} // namespace Stepscope
