#include "documentload.h"

#include "layout/graphvizlayout.h"

#include <QFileInfo>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace Stepscope {

QFuture<LoadResult> startLoading(const LoadRequest& request)
{
    return QtConcurrent::run([request](QPromise<LoadResult>& promise) {
        const auto say = [&promise](const QString& text) { promise.setProgressValueAndText(0, text); };
        LoadResult result;
        result.document = loadDocument(request.files, say);
        const Workflow& workflow = result.document->workflow;
        if (!workflow.states.isEmpty()) {
            say(QStringLiteral("Laying out %1 states…").arg(workflow.states.size()));
            result.diagram = layoutForCanvas(workflow, request.layout);
        }
        promise.addResult(std::move(result));
    });
}

Diagram layoutForCanvas(const Workflow& workflow, const LayoutOptions& options)
{
    GraphvizLayout engine;
    return engine.layout(workflow, options);
}

} // namespace Stepscope
