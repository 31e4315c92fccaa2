#pragma once

#include "workflow/diagnostic.h"
#include "workflow/runstatus.h"
#include "workflow/workflow.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

/// The laid-out picture of a Workflow: plain geometry in points, origin top-left, y pointing down.
///
/// How the picture is built (the same in layout, rendering, the GUI canvas and layout JSON):
/// - Every state is one DiagramNode. A Parallel or Map state is drawn as a *group*: a container box
///   (DiagramContainer with kind Group) whose first element is the state's own node, a header box
///   holding the state's name, type and retry badge, followed by its branch / item-processor
///   containers (kind Branch), each holding that sub-machine's states.
/// - Edges into and out of a Parallel / Map state attach to its group box (like the AWS console):
///   DiagramEdge::fromContainer / toContainer then name that group.
/// - A collapsed Parallel / Map state is a single node (collapsedContainer = true); its inner states
///   are not in the diagram.
/// - A Catch edge to a handler shared by many states may point at a *ghost*: a small copy of the
///   handler's node placed next to the source (DiagramNode::ghostOf names the real node).
namespace Stepscope {

enum class Direction { TopToBottom, LeftToRight };

/// Where the geometry came from.
enum class LayoutEngineKind { Graphviz, Simple };

struct DiagramNode {
    StateIndex state = NoIndex; ///< index into Workflow::states
    QString id; ///< unique in the diagram (the state id; ghosts get "<id>#ghost<n>")
    QString name;
    QString typeName; ///< as written in the definition
    StateType type = StateType::Unknown;
    QRectF box; ///< the state's box (for a group: its header box inside the group)
    QRectF labelBox; ///< where the name is drawn
    QString label; ///< the name as drawn (may be elided); `name` keeps the full text
    bool isStart = false;
    bool isEnd = false;
    QString badge; ///< retry summary ("3× retry, 2s ×2"), empty when the state has no Retry
    bool collapsedContainer = false; ///< a Parallel / Map state shown as one node
    int group = -1; ///< Parallel / Map (expanded): index into Diagram::containers of its group
    int container = -1; ///< index into Diagram::containers of the box this node sits in, -1 at top level
    int ghostOf = -1; ///< ghosts: index into Diagram::nodes of the real node, else -1
};

enum class DiagramContainerKind {
    Group, ///< a Parallel / Map state with everything inside it
    Branch ///< a Parallel branch or a Map item processor (Workflow::containers)
};

struct DiagramContainer {
    DiagramContainerKind kind = DiagramContainerKind::Branch;
    StateIndex state = NoIndex; ///< Group: the Parallel / Map state; Branch: the owner state
    ContainerIndex container = NoIndex; ///< Branch: index into Workflow::containers; Group: NoIndex
    QString id; ///< unique in the diagram: Branch: Workflow container id; Group: "<state id>#group"
    QString label; ///< Branch: "Branch 1", "Item processor"; Group: the state's name
    QRectF box;
    QRectF labelBox; ///< Branch: where the label is drawn; Group: the header node's box
    int parent = -1; ///< index into Diagram::containers, -1 at top level
    int node = -1; ///< Group: index into Diagram::nodes of the state's header node
};

struct DiagramEdge {
    int edge = -1; ///< index into Workflow::edges, -1 for drawn-only edges
    StateIndex fromState = NoIndex;
    StateIndex toState = NoIndex;
    int from = -1; ///< index into Diagram::nodes, or -1 when fromContainer is set
    int to = -1; ///< index into Diagram::nodes (maybe a ghost), or -1 when toContainer is set
    int fromContainer = -1; ///< index into Diagram::containers (a Parallel / Map group)
    int toContainer = -1;
    EdgeKind kind = EdgeKind::Next;
    QString label; ///< full text (Choice rule, "Default", Catch errors)
    QString shownLabel; ///< as drawn: elided when long
    /// Cubic Bézier: start, then (control 1, control 2, end) per segment. Starts on the source's box,
    /// ends on the target's box (the arrow head is drawn at the end, pointing along the last segment).
    QList<QPointF> points;
    QRectF labelBox; ///< empty when there is no label
    bool backward = false; ///< a loop back to an earlier state
};

/// Start and end markers: a small circle before the start state, one after each end state.
struct DiagramMarker {
    bool isStart = true;
    QRectF box; ///< the circle
    QList<QPointF> points; ///< Bézier from the marker to the state's box (start) or from the state to the marker (end)
    int node = -1; ///< the state's node (or -1 with `container` for a group)
    int container = -1;
};

struct Diagram {
    QSizeF size; ///< everything fits in (0, 0, width, height)
    Direction direction = Direction::TopToBottom;
    LayoutEngineKind engine = LayoutEngineKind::Graphviz;
    QList<DiagramNode> nodes;
    QList<DiagramContainer> containers; ///< parents always come before their children
    QList<DiagramEdge> edges;
    QList<DiagramMarker> markers;
    Diagnostics diagnostics; ///< e.g. "Graphviz failed (...); a simple layout is shown"

    [[nodiscard]] bool isEmpty() const { return nodes.isEmpty(); }
    /// The node drawn for a state (not a ghost), -1 if the state is not drawn (inside a collapsed group).
    [[nodiscard]] int nodeForState(StateIndex state) const;
    /// The box an edge to / from this state attaches to: the group box for an expanded Parallel / Map.
    [[nodiscard]] QRectF attachBox(int node) const;
};

/// Per-state execution status painted over a diagram (fed by the execution history).
struct StateStatus {
    RunStatus status = RunStatus::NotRun;
    QString note; ///< optional text drawn under the name, e.g. "3/1000 failed"
};

/// A state's heat fill (archive statistics: failure rate, runs, p95 duration) and the short value drawn with it.
struct StateHeatFill {
    QColor color;
    QString note; ///< e.g. "75% failed"
};

/// What the heat colours mean, for the legend: the measure and entries from low to high.
struct HeatScale {
    QString title; ///< e.g. "Failure rate (120 executions)"
    QList<QPair<QString, QColor>> entries; ///< label and colour
    [[nodiscard]] bool isEmpty() const { return entries.isEmpty(); }
};

struct StatusOverlay {
    QHash<QString, StateStatus> byStateId; ///< keyed by State::id; states not listed are "not run"
    QHash<QString, StateHeatFill> heatByStateId; ///< keyed by State::id; states not listed keep their usual fill
    HeatScale heatScale; ///< the heat legend; empty: no heat
    bool showLegend = true;
    [[nodiscard]] bool isEmpty() const { return byStateId.isEmpty() && heatByStateId.isEmpty() && heatScale.isEmpty(); }
    [[nodiscard]] bool hasStatuses() const { return !byStateId.isEmpty(); }
    [[nodiscard]] bool hasHeat() const { return !heatScale.isEmpty() || !heatByStateId.isEmpty(); }
};

} // namespace Stepscope
