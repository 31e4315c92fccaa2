#pragma once

#include "definition/definition.h"
#include "history/execution.h"
#include "layout/diagram.h"
#include "layout/layoutengine.h"
#include "runindex.h"

#include <QFuture>
#include <QPromise>

#include <memory>

namespace Stepscope {

/// What to open: a definition, a history, or both.
struct DocumentRequest {
    QString definition;
    QString history;
    QString executionArn; ///< log exports holding several executions: which one (default: the first)
    LayoutOptions layout;

    /// The request for these files (absolute paths; an empty name stays empty).
    [[nodiscard]] static DocumentRequest forFiles(const QString& definition, const QString& history,
        const QString& executionArn = {}, const LayoutOptions& layout = {});
    friend bool operator==(const DocumentRequest&, const DocumentRequest&) = default;
};

/// Everything the window shows about the open files, built off the UI thread and then only read.
struct LoadedDocument {
    DocumentRequest request;
    bool hasDefinition = false;
    OpenedDefinition definition;
    bool hasHistory = false;
    HistoryReadResult history;
    std::shared_ptr<const Execution> execution; ///< shares the history's lifetime; null without a history
    Workflow workflow; ///< the definition's, or the path that ran when only a history was opened
    ExecutionMatch match;
    RunIndex runs;
    Diagram diagram;
    Diagnostics diagnostics; ///< definition, history and layout diagnostics together
    QStringList stateNames; ///< distinct, sorted without regard to case (the event table's state filter)
    qint64 loadMs = 0;
    qint64 layoutMs = 0;
};

/// Guesses from the first bytes whether a file is an execution history (or log) rather than a definition.
[[nodiscard]] bool looksLikeHistory(const QString& path);

/// Reads, matches and lays out. Runs in a worker thread; reports progress text through `promise`.
[[nodiscard]] std::shared_ptr<LoadedDocument> loadDocument(const DocumentRequest& request,
    QPromise<std::shared_ptr<LoadedDocument>>* promise = nullptr);

/// loadDocument() on the thread pool, with its progress and result in the future.
[[nodiscard]] QFuture<std::shared_ptr<LoadedDocument>> startLoadingDocument(const DocumentRequest& request);

/// Lays out a workflow for the canvas (the Graphviz engine, falling back to the simple layout).
[[nodiscard]] Diagram layoutForCanvas(const Workflow& workflow, const LayoutOptions& options);

} // namespace Stepscope
