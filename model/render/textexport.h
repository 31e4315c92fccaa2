#pragma once

#include "layout/layoutengine.h"

#include <QByteArray>

namespace Stepscope {

/// Graphviz DOT: exactly the graph Stepscope's own layout hands to Graphviz (groups as clusters, ghosts, loops
/// reversed), with labels and styles so that `dot -Tsvg` draws a readable picture.
[[nodiscard]] QByteArray dotText(const Workflow& workflow, const LayoutOptions& options);

/// Mermaid flowchart: Parallel / Map states as nested subgraphs, generated ids, every user text quoted with
/// entity escapes so it stays literal.
[[nodiscard]] QByteArray mermaidText(const Workflow& workflow, const LayoutOptions& options);

/// Text made safe for a quoted Mermaid label ("a#quot;b").
[[nodiscard]] QString mermaidEscaped(const QString& text);

} // namespace Stepscope
