#include "layoutgraph.h"

#include "diagramfonts.h"

#include <QHash>

#include <cmath>
#include <cstdio>
#include <functional>

namespace Stepscope {

namespace {

constexpr qreal MaxNameWidth = 220;
constexpr qreal MaxEdgeLabelWidth = 150;
constexpr qreal MinNodeWidth = 90;
constexpr qreal MarkerSize = 14;
// More states than this and shared Catch handlers get ghosts (GUIDE.md §4: dot folds big graphs otherwise).
constexpr int GhostThreshold = 60;

bool isGroupType(const State& state)
{
    return (state.type == StateType::Parallel || state.type == StateType::Map) && !state.children.isEmpty();
}

QString badgeFor(const State& state)
{
    if (state.retries.isEmpty())
        return {};
    QString badge = state.retries.first().summary();
    if (state.retries.size() > 1)
        badge += QStringLiteral(" +%1").arg(state.retries.size() - 1);
    return badge;
}

LayoutGraph::Node stateNode(const State& state, StateIndex index, bool collapsed)
{
    const QFont name = DiagramFonts::nameFont();
    const QFont small = DiagramFonts::smallFont();
    LayoutGraph::Node node;
    node.state = index;
    node.label = DiagramFonts::elide(state.name, name, MaxNameWidth);
    node.typeLine = state.typeName.isEmpty() ? QStringLiteral("?") : state.typeName;
    if (collapsed)
        node.typeLine += QStringLiteral(" (collapsed)");
    node.badge = badgeFor(state);
    qreal width = qMax(DiagramFonts::textWidth(node.label, name), DiagramFonts::textWidth(node.typeLine, small));
    if (!node.badge.isEmpty())
        width = qMax(width, DiagramFonts::textWidth(node.badge, small) + 8);
    qreal height = 12 + DiagramFonts::lineHeight(name) + DiagramFonts::lineHeight(small);
    if (!node.badge.isEmpty())
        height += DiagramFonts::lineHeight(small) + 2;
    node.size = QSizeF(qMax(MinNodeWidth, std::ceil(width + 36)), std::ceil(height));
    return node;
}

} // namespace

std::string dotQuoted(const QString& text)
{
    std::string out = "\"";
    for (const char c : text.toStdString()) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\"; // label escapes (\N, \G, \l) must stay literal text
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            break;
        default:
            out += c;
        }
    }
    out += '"';
    return out;
}

LayoutGraph LayoutGraph::build(const Workflow& workflow, const LayoutOptions& options)
{
    LayoutGraph graph;
    graph.direction = options.direction;
    graph.title = workflow.name;
    const QFont small = DiagramFonts::smallFont();

    auto expanded = [&](StateIndex s) {
        return isGroupType(workflow.states[s]) && !options.collapsed.contains(workflow.states[s].id);
    };
    QList<int> nodeOfState(workflow.states.size(), -1);
    QList<int> groupOfState(workflow.states.size(), -1);
    QList<int> clusterOfContainer(workflow.containers.size(), -1);
    QHash<QString, int> usedIds;
    auto uniqueId = [&](QString id) {
        int& count = usedIds[id];
        const int n = count++;
        return n == 0 ? id : id + QStringLiteral("#%1").arg(n + 1);
    };
    for (const State& state : workflow.states)
        usedIds[state.id] = 1;

    // Walk the sub-machines top-down, so clusters come parent first.
    QHash<ContainerIndex, QList<StateIndex>> members;
    for (StateIndex s = 0; s < workflow.states.size(); ++s)
        members[workflow.states[s].container].append(s);

    std::function<void(ContainerIndex, int)> addMachine = [&](ContainerIndex container, int cluster) {
        for (const StateIndex s : members.value(container)) {
            const State& state = workflow.states[s];
            if (!expanded(s)) {
                LayoutGraph::Node node = stateNode(state, s, isGroupType(state));
                node.kind = NodeKind::State;
                node.name = "n" + std::to_string(s);
                node.cluster = cluster;
                nodeOfState[s] = int(graph.nodes.size());
                graph.nodes.append(std::move(node));
                continue;
            }
            const int group = int(graph.clusters.size());
            Cluster groupCluster;
            groupCluster.name = "cluster_g" + std::to_string(s);
            groupCluster.kind = DiagramContainerKind::Group;
            groupCluster.state = s;
            groupCluster.parent = cluster;
            groupCluster.id = uniqueId(state.id + QStringLiteral("#group"));
            groupCluster.label = state.name;
            graph.clusters.append(groupCluster);
            groupOfState[s] = group;

            LayoutGraph::Node header = stateNode(state, s, false);
            header.kind = NodeKind::State;
            header.name = "n" + std::to_string(s);
            header.cluster = group;
            header.groupOf = group;
            nodeOfState[s] = int(graph.nodes.size());
            graph.clusters[group].header = int(graph.nodes.size());
            graph.nodes.append(std::move(header));

            LayoutGraph::Node join;
            join.kind = NodeKind::Join;
            join.name = "j" + std::to_string(s);
            join.cluster = group;
            join.size = QSizeF(2, 2);
            graph.clusters[group].join = int(graph.nodes.size());
            graph.nodes.append(std::move(join));

            for (const ContainerIndex child : state.children) {
                const Container& c = workflow.containers[child];
                Cluster branch;
                branch.name = "cluster_c" + std::to_string(child);
                branch.kind = DiagramContainerKind::Branch;
                branch.state = s;
                branch.container = child;
                branch.parent = group;
                branch.id = uniqueId(c.id);
                branch.label = c.label;
                clusterOfContainer[child] = int(graph.clusters.size());
                graph.clusters.append(branch);
                addMachine(child, clusterOfContainer[child]);
            }
        }
    };
    addMachine(NoIndex, -1);

    // Where an edge from / to a state attaches: a group's join / header node, clipped at the group box.
    auto sourceOf = [&](StateIndex s, int& cluster) {
        cluster = groupOfState[s];
        return cluster >= 0 ? graph.clusters[cluster].join : nodeOfState[s];
    };
    auto targetOf = [&](StateIndex s, int& cluster) {
        cluster = groupOfState[s];
        return nodeOfState[s];
    };

    // Shared Catch handlers of large workflows get one ghost per Catch edge, placed with the source.
    int visibleStates = 0;
    for (const int n : nodeOfState)
        visibleStates += n >= 0 ? 1 : 0;
    QHash<StateIndex, int> catchesInto;
    for (const Stepscope::Edge& e : workflow.edges) {
        if (e.kind == EdgeKind::Catch && e.from >= 0 && e.to >= 0)
            ++catchesInto[e.to];
    }
    const bool useGhosts = visibleStates > GhostThreshold;

    for (int i = 0; i < workflow.edges.size(); ++i) {
        const Stepscope::Edge& e = workflow.edges[i];
        if (e.from < 0 || e.to < 0 || nodeOfState[e.from] < 0 || nodeOfState[e.to] < 0)
            continue;
        Edge edge;
        edge.workflowEdge = i;
        edge.kind = e.kind;
        edge.label = e.label;
        if (!e.label.isEmpty())
            edge.shownLabel = DiagramFonts::elide(e.label, small, MaxEdgeLabelWidth);
        edge.from = sourceOf(e.from, edge.tailCluster);
        if (useGhosts && e.kind == EdgeKind::Catch && catchesInto.value(e.to) >= 2 && e.from != e.to) {
            const Node& real = graph.nodes[nodeOfState[e.to]];
            Node ghost;
            ghost.kind = NodeKind::Ghost;
            ghost.name = "gh" + std::to_string(graph.nodes.size());
            ghost.state = e.to;
            ghost.ghostOf = nodeOfState[e.to];
            const int sourceNode = nodeOfState[e.from];
            ghost.cluster = groupOfState[e.from] >= 0 ? graph.clusters[groupOfState[e.from]].parent
                                                      : graph.nodes[sourceNode].cluster;
            ghost.label = real.label;
            ghost.typeLine = QStringLiteral("→ ") + real.typeLine;
            ghost.size = QSizeF(qMax(60.0, std::ceil(DiagramFonts::textWidth(ghost.label, small) + 20)),
                std::ceil(DiagramFonts::lineHeight(small) + 10));
            edge.to = int(graph.nodes.size());
            graph.nodes.append(std::move(ghost));
        } else {
            edge.to = targetOf(e.to, edge.headCluster);
        }
        graph.edges.append(std::move(edge));
    }

    // Structure: each branch hangs below its group's header and ends above its join.
    for (int c = 0; c < graph.clusters.size(); ++c) {
        const Cluster& cluster = graph.clusters[c];
        if (cluster.kind != DiagramContainerKind::Branch)
            continue;
        const Container& container = workflow.containers[cluster.container];
        const Cluster& group = graph.clusters[cluster.parent];
        if (container.start >= 0 && nodeOfState[container.start] >= 0) {
            Edge in;
            in.invisible = true;
            in.from = group.header;
            in.to = nodeOfState[container.start];
            graph.edges.append(in);
        }
        for (const StateIndex s : members.value(cluster.container)) {
            bool hasExit = false;
            for (const Stepscope::Edge& e : workflow.edges)
                hasExit = hasExit || (e.from == s && e.kind != EdgeKind::Catch);
            if (hasExit && !workflow.states[s].isEnd)
                continue;
            Edge out;
            out.invisible = true;
            int ignored = -1;
            out.from = sourceOf(s, ignored);
            out.to = group.join;
            graph.edges.append(out);
        }
    }

    // Start and end markers at the top level.
    if (workflow.start >= 0 && nodeOfState[workflow.start] >= 0) {
        Node start;
        start.kind = NodeKind::StartMarker;
        start.name = "start";
        start.size = QSizeF(MarkerSize, MarkerSize);
        const int marker = int(graph.nodes.size());
        graph.nodes.append(start);
        Edge edge;
        edge.from = marker;
        edge.to = targetOf(workflow.start, edge.headCluster);
        edge.marker = marker;
        graph.edges.append(edge);
    }
    int endMarker = -1;
    for (const StateIndex s : members.value(NoIndex)) {
        if (!workflow.states[s].isEnd)
            continue;
        if (endMarker < 0) {
            Node end;
            end.kind = NodeKind::EndMarker;
            end.name = "end";
            end.size = QSizeF(MarkerSize, MarkerSize);
            endMarker = int(graph.nodes.size());
            graph.nodes.append(end);
        }
        Edge edge;
        edge.from = sourceOf(s, edge.tailCluster);
        edge.to = endMarker;
        edge.marker = endMarker;
        graph.edges.append(edge);
    }

    // Loops are written reversed (dir=back) so the layering follows the flow: find them by a depth-first walk.
    {
        QList<QList<int>> out(graph.nodes.size());
        for (int i = 0; i < graph.edges.size(); ++i)
            out[graph.edges[i].from].append(i);
        QList<char> state(graph.nodes.size(), 0); // 0 new, 1 on stack, 2 done
        struct Frame {
            int node;
            int next;
        };
        QList<int> roots;
        for (int n = 0; n < graph.nodes.size(); ++n) {
            if (graph.nodes[n].kind == NodeKind::StartMarker)
                roots.prepend(n);
            else
                roots.append(n);
        }
        for (const int root : roots) {
            if (state[root] != 0)
                continue;
            QList<Frame> stack { { root, 0 } };
            state[root] = 1;
            while (!stack.isEmpty()) {
                Frame& top = stack.last();
                if (top.next >= out[top.node].size()) {
                    state[top.node] = 2;
                    stack.removeLast();
                    continue;
                }
                Edge& edge = graph.edges[out[top.node][top.next++]];
                if (edge.to == edge.from)
                    continue;
                if (state[edge.to] == 1) {
                    edge.reversed = true;
                } else if (state[edge.to] == 0) {
                    state[edge.to] = 1;
                    stack.append({ edge.to, 0 });
                }
            }
        }
    }
    return graph;
}

std::string LayoutGraph::toDot() const
{
    std::string dot;
    dot.reserve(256 + nodes.size() * 120 + edges.size() * 100);
    char number[64];
    auto inches = [&](qreal points) {
        std::snprintf(number, sizeof number, "%.4f", points / 72.0);
        return std::string(number);
    };
    dot += "digraph " + dotQuoted(title.isEmpty() ? QStringLiteral("workflow") : title) + " {\n";
    dot += "graph [rankdir=";
    dot += direction == Direction::LeftToRight ? "LR" : "TB";
    dot += ", compound=true, nodesep=0.3, ranksep=0.4, fontname=\"DejaVu Sans\", fontsize=10];\n";
    dot += "node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fixedsize=true, "
           "fontname=\"DejaVu Sans\", fontsize=11, margin=0];\n";
    dot += "edge [fontname=\"DejaVu Sans\", fontsize=9, arrowsize=0.7];\n";

    auto writeNode = [&](int index, const std::string& indent) {
        const Node& node = nodes[index];
        dot += indent + node.name + " [width=" + inches(node.size.width()) + ", height=" + inches(node.size.height());
        switch (node.kind) {
        case NodeKind::State: {
            QString label = node.label + u'\n' + node.typeLine;
            if (!node.badge.isEmpty())
                label += u'\n' + node.badge;
            dot += ", label=" + dotQuoted(label);
            break;
        }
        case NodeKind::Ghost:
            dot += ", label=" + dotQuoted(node.label) + ", style=\"rounded,dashed\", fontsize=9";
            break;
        case NodeKind::Join:
            dot += ", shape=point, style=invis, label=\"\"";
            break;
        case NodeKind::StartMarker:
            dot += ", shape=circle, style=filled, fillcolor=\"#333333\", label=\"\"";
            break;
        case NodeKind::EndMarker:
            dot += ", shape=doublecircle, style=filled, fillcolor=\"#333333\", label=\"\"";
            break;
        }
        dot += "];\n";
    };
    QList<QList<int>> nodesIn(clusters.size() + 1);
    for (int n = 0; n < nodes.size(); ++n)
        nodesIn[nodes[n].cluster + 1].append(n);
    QList<QList<int>> clustersIn(clusters.size() + 1);
    for (int c = 0; c < clusters.size(); ++c)
        clustersIn[clusters[c].parent + 1].append(c);
    std::function<void(int, const std::string&)> writeCluster = [&](int cluster, const std::string& indent) {
        for (const int n : nodesIn[cluster + 1])
            writeNode(n, indent);
        for (const int c : clustersIn[cluster + 1]) {
            const Cluster& sub = clusters[c];
            dot += indent + "subgraph " + sub.name + " {\n";
            if (sub.kind == DiagramContainerKind::Group)
                dot += indent + "  graph [label=\"\", style=\"rounded\", margin=8];\n";
            else
                dot += indent + "  graph [label=" + dotQuoted(sub.label)
                    + ", labeljust=l, style=\"rounded,dashed\", margin=8];\n";
            writeCluster(c, indent + "  ");
            dot += indent + "}\n";
        }
    };
    writeCluster(-1, "");

    for (int i = 0; i < edges.size(); ++i) {
        const Edge& edge = edges[i];
        const Node& from = nodes[edge.reversed ? edge.to : edge.from];
        const Node& to = nodes[edge.reversed ? edge.from : edge.to];
        const int tail = edge.reversed ? edge.headCluster : edge.tailCluster;
        const int head = edge.reversed ? edge.tailCluster : edge.headCluster;
        dot += from.name + " -> " + to.name + " [id=\"e" + std::to_string(i) + "\"";
        if (edge.invisible)
            dot += ", style=invis";
        if (edge.reversed)
            dot += ", dir=back";
        if (tail >= 0)
            dot += ", ltail=" + clusters[tail].name;
        if (head >= 0)
            dot += ", lhead=" + clusters[head].name;
        if (!edge.shownLabel.isEmpty())
            dot += ", label=" + dotQuoted(edge.shownLabel);
        if (edge.kind == EdgeKind::Catch && edge.workflowEdge >= 0)
            dot += ", style=dashed, color=\"#c0392b\"";
        else if (edge.kind == EdgeKind::Default)
            dot += ", style=bold";
        dot += "];\n";
    }
    dot += "}\n";
    return dot;
}

} // namespace Stepscope
