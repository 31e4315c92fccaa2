#pragma once

#include "definition/definition.h"
#include "executionmatch.h"
#include "history/execution.h"
#include "runindex.h"

#include <functional>
#include <memory>

namespace Stepscope {

/// What to open: a definition, a history, or both.
struct DocumentRequest {
    QString definition;
    QString history;
    QString executionArn; ///< log exports holding several executions: which one (default: the first)
    QString describeFile; ///< optional describe-execution output adding the ARN, name and dates

    /// The request for these files (absolute paths; an empty name stays empty).
    [[nodiscard]] static DocumentRequest forFiles(
        const QString& definition, const QString& history, const QString& executionArn = {});
    friend bool operator==(const DocumentRequest&, const DocumentRequest&) = default;
};

/// Everything known about a pair of files once read and matched: made once, off the UI thread, then shared
/// read-only (`std::shared_ptr<const LoadedDocument>`) by the window's models and the command line.
struct LoadedDocument {
    DocumentRequest request;
    bool hasDefinition = false; ///< a definition file was given (it may still have failed to load)
    OpenedDefinition definition;
    /// The history as read (execution included); null without a history file. `read` is false when it could not
    /// be read, and then `execution` is null.
    std::shared_ptr<const HistoryReadResult> history;
    std::shared_ptr<const Execution> execution; ///< shares the history's lifetime; null without one
    Workflow workflow; ///< the definition's, or the path that ran when there is no usable definition
    bool workflowFromHistory = false; ///< true when `workflow` is the path that ran
    RunIndex runs; ///< the execution's runs tied to the workflow's states (empty without an execution)
    ExecutionMatch match;
    Diagnostics diagnostics; ///< definition, history and matching diagnostics together
    QStringList stateNames; ///< distinct, sorted without regard to case (the event table's state filter)
};

/// Progress text for a slow step ("Reading history.json…"); may be called from the loading thread.
using LoadProgress = std::function<void(const QString&)>;

/// Reads the files of `request` and matches the execution to the workflow. Never throws: what went wrong is in
/// the diagnostics. Thread-safe (it touches no shared state).
[[nodiscard]] std::shared_ptr<const LoadedDocument> loadDocument(
    const DocumentRequest& request, const LoadProgress& progress = {});

/// Guesses from the first bytes whether a file is an execution history (or log) rather than a definition.
[[nodiscard]] bool looksLikeHistory(const QString& path);

} // namespace Stepscope
