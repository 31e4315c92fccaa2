#pragma once

#include "document/documentloader.h"
#include "layout/diagram.h"
#include "layout/layoutengine.h"

#include <QFuture>

#include <memory>

namespace Stepscope {

/// What the window opens: files, and how to lay out their workflow.
struct LoadRequest {
    DocumentRequest files;
    LayoutOptions layout;
    friend bool operator==(const LoadRequest&, const LoadRequest&) = default;
};

/// A document and its first layout, made together off the UI thread.
struct LoadResult {
    std::shared_ptr<const LoadedDocument> document;
    Diagram diagram;
};

/// Reads, matches and lays out on the thread pool, with progress text in the future.
[[nodiscard]] QFuture<LoadResult> startLoading(const LoadRequest& request);

/// Lays out a workflow for the canvas (Graphviz, falling back to the simple layout by itself, with a diagnostic).
[[nodiscard]] Diagram layoutForCanvas(const Workflow& workflow, const LayoutOptions& options);

} // namespace Stepscope
