#pragma once

#include "diagram.h"
#include "layoutengine.h"

#include <string>

namespace Stepscope {

/// The graph handed to a layout engine: the Workflow reshaped for drawing (groups, ghosts of shared Catch
/// handlers, reversed loops, start / end markers), every box already sized. Engine-neutral; also the source
/// of the DOT export, so that `stepscope export -o x.dot` is exactly what the layout engine sees.
struct LayoutGraph {
    enum class NodeKind { State, Ghost, Join, StartMarker, EndMarker };
    struct Node {
        NodeKind kind = NodeKind::State;
        std::string name; ///< engine-safe identifier ("n12", "gh3", "j2", "start", "end4")
        StateIndex state = NoIndex; ///< State, Ghost (the handler), EndMarker (the end state)
        int cluster = -1; ///< index into clusters
        int groupOf = -1; ///< a Parallel / Map header node: its group cluster
        int ghostOf = -1; ///< Ghost: index of the real node
        QSizeF size;
        QString label; ///< name as drawn (elided)
        QString typeLine; ///< "Task", "Map", ...
        QString badge;
    };
    struct Cluster {
        std::string name; ///< "cluster_g3", "cluster_c5"
        DiagramContainerKind kind = DiagramContainerKind::Branch;
        StateIndex state = NoIndex;
        ContainerIndex container = NoIndex;
        int parent = -1;
        QString id;
        QString label;
        int header = -1; ///< Group: header node
        int join = -1; ///< Group: invisible exit node
    };
    struct Edge {
        int from = -1; ///< node indices as laid out (already swapped when `reversed`)
        int to = -1;
        int workflowEdge = -1; ///< index into Workflow::edges; -1 for structural and marker edges
        EdgeKind kind = EdgeKind::Next;
        QString label; ///< full text
        QString shownLabel; ///< elided
        bool reversed = false; ///< a loop written target -> source (dir=back) so layering stays forward
        bool invisible = false; ///< structural: keeps branches inside and below their header
        int tailCluster = -1; ///< clip at this group's box (edge leaves a Parallel / Map)
        int headCluster = -1; ///< clip at this group's box (edge enters a Parallel / Map)
        int marker = -1; ///< start / end marker edges: the marker node
    };

    Direction direction = Direction::TopToBottom;
    QString title;
    QList<Node> nodes;
    QList<Cluster> clusters; ///< parents before children
    QList<Edge> edges;

    [[nodiscard]] static LayoutGraph build(const Workflow& workflow, const LayoutOptions& options);
    /// The graph as Graphviz DOT: ids and labels quoted and escaped, sizes fixed, ready for `dot`.
    [[nodiscard]] std::string toDot() const;
};

/// Quotes and escapes text for a DOT string ("a\"b").
[[nodiscard]] std::string dotQuoted(const QString& text);

} // namespace Stepscope
