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
    int timeoutMs = 90000; // 1,000 states take about 3 s of CPU; a loaded machine can stretch that a lot
    friend bool operator==(const LayoutOptions&, const LayoutOptions&) = default;
};

/// Turns a Workflow into a Diagram. Implementations never throw and always return a usable diagram:
/// when they fail they fall back and say so in Diagram::diagnostics.
class LayoutEngine {
public:
    virtual ~LayoutEngine() = default;
    [[nodiscard]] virtual Diagram layout(const Workflow& workflow, const LayoutOptions& options) = 0;
};

} // namespace Stepscope
