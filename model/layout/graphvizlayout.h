#pragma once

#include "layoutengine.h"
#include "layoutgeometry.h"

#include <optional>

namespace Stepscope {

/// Layout with Graphviz `dot` through libgvc. Graphviz keeps global state and has crashed on some inputs, so
/// every call is serialised and runs in a forked child process that sends the geometry back through a pipe.
/// On a crash, an error or a timeout the SimpleLayout is used and a warning diagnostic says so.
class GraphvizLayout : public LayoutEngine {
public:
    /// Test hooks: make the child crash or hang (also settable with STEPSCOPE_TEST_GRAPHVIZ=crash|hang|error).
    enum class Fault { None, Crash, Hang, Error };

    [[nodiscard]] Diagram layout(const Workflow& workflow, const LayoutOptions& options) override;
    void setFault(Fault fault) { m_fault = fault; }

    /// Runs Graphviz on `graph`; the error message on failure.
    [[nodiscard]] static std::optional<LayoutGeometry> run(const LayoutGraph& graph, int timeoutMs, Fault fault,
        QString* error);

private:
    Fault m_fault = Fault::None;
};

} // namespace Stepscope
