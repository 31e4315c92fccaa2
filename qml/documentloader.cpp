#include "documentloader.h"

#include "layout/graphvizlayout.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

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

DocumentRequest DocumentRequest::forFiles(
    const QString& definition, const QString& history, const QString& executionArn, const LayoutOptions& layout)
{
    DocumentRequest request;
    request.definition = definition.isEmpty() ? QString() : QFileInfo(definition).absoluteFilePath();
    request.history = history.isEmpty() ? QString() : QFileInfo(history).absoluteFilePath();
    request.executionArn = executionArn;
    request.layout = layout;
    return request;
}

QFuture<std::shared_ptr<LoadedDocument>> startLoadingDocument(const DocumentRequest& request)
{
    return QtConcurrent::run([request](QPromise<std::shared_ptr<LoadedDocument>>& promise) {
        promise.addResult(loadDocument(request, &promise));
    });
}

std::shared_ptr<LoadedDocument> loadDocument(const DocumentRequest& request,
    QPromise<std::shared_ptr<LoadedDocument>>* promise)
{
    auto say = [promise](const QString& text) {
        if (promise)
            promise->setProgressValueAndText(0, text);
    };
    auto doc = std::make_shared<LoadedDocument>();
    doc->request = request;
    QElapsedTimer timer;
    timer.start();
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
            readHistoryFile(request.history, HistoryReadOptions { request.executionArn, {} }));
        doc->diagnostics.append(history->diagnostics);
        if (history->read) {
            doc->hasHistory = true;
            doc->execution = std::shared_ptr<const Execution>(history, &history->execution);
            if (!doc->hasDefinition || !doc->definition.hasWorkflow())
                doc->workflow = workflowFromExecution(history->execution);
            say(QStringLiteral("Matching the execution to the definition…"));
            doc->match = matchDefinition(history->execution, doc->workflow);
            doc->diagnostics.append(doc->match.diagnostics);
            doc->runs.build(history->execution, doc->workflow);
        }
        doc->history.format = history->format;
        doc->history.fileSize = history->fileSize;
        doc->history.executionArns = history->executionArns;
    }
    for (const State& s : doc->workflow.states)
        doc->stateNames.append(s.name);
    doc->stateNames.removeDuplicates();
    doc->stateNames.sort(Qt::CaseInsensitive);
    doc->loadMs = timer.restart();
    if (!doc->workflow.states.isEmpty()) {
        say(QStringLiteral("Laying out %1 states…").arg(doc->workflow.states.size()));
        doc->diagram = layoutForCanvas(doc->workflow, request.layout);
        doc->diagnostics.append(doc->diagram.diagnostics);
    }
    doc->layoutMs = timer.elapsed();
    return doc;
}

} // namespace Stepscope

namespace Stepscope {

Diagram layoutForCanvas(const Workflow& workflow, const LayoutOptions& options)
{
    // GraphvizLayout runs dot in a child process and falls back to the simple layout by itself (with a diagnostic).
    GraphvizLayout engine;
    return engine.layout(workflow, options);
}

} // namespace Stepscope
