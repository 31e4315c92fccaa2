#pragma once

#include "diagram.h"

#include <QSet>
#include <QString>

namespace Stepscope {

struct LayoutOptions {
    Direction direction = Direction::TopToBottom;
    /// Parallel / Map states (by State::id) drawn as a single node.
    QSet<QString> collapsed;
    /// Milliseconds the layout engine may take before the simple fallback layout is used.
    int timeoutMs = 30000;
};

/// Turns a Workflow into a Diagram. Implementations never throw and always return a usable diagram:
/// when they fail they fall back and say so in Diagram::diagnostics.
class LayoutEngine {
public:
    virtual ~LayoutEngine() = default;
    [[nodiscard]] virtual Diagram layout(const Workflow& workflow, const LayoutOptions& options) = 0;
};

} // namespace Stepscope
