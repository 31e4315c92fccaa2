#include "textexport.h"

#include "layout/layoutgraph.h"

#include <QHash>

#include <functional>

namespace Stepscope {

QByteArray dotText(const Workflow& workflow, const LayoutOptions& options)
{
    return QByteArray::fromStdString(LayoutGraph::build(workflow, options).toDot());
}

QString mermaidEscaped(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += QStringLiteral("#quot;");
            break;
        case '#':
            out += QStringLiteral("#35;");
            break;
        case '<':
            out += QStringLiteral("#lt;");
            break;
        case '>':
            out += QStringLiteral("#gt;");
            break;
        case '&':
            out += QStringLiteral("#amp;");
            break;
        case '`':
            out += QStringLiteral("#96;");
            break;
        case '\n':
        case '\r':
            out += u' ';
            break;
        default:
            out += c;
        }
    }
    return out;
}

QByteArray mermaidText(const Workflow& workflow, const LayoutOptions& options)
{
    auto isGroup = [&](StateIndex s) {
        const State& state = workflow.states[s];
        return (state.type == StateType::Parallel || state.type == StateType::Map) && !state.children.isEmpty()
            && !options.collapsed.contains(state.id);
    };
    QHash<ContainerIndex, QList<StateIndex>> members;
    for (StateIndex s = 0; s < workflow.states.size(); ++s)
        members[workflow.states[s].container].append(s);
    QList<bool> visible(workflow.states.size(), false);

    QString out;
    out += options.direction == Direction::LeftToRight ? QStringLiteral("flowchart LR\n") : QStringLiteral("flowchart TB\n");
    auto node = [&](StateIndex s) { return QStringLiteral("s%1").arg(s); };
    auto group = [&](StateIndex s) { return QStringLiteral("g%1").arg(s); };
    auto shape = [&](const State& state) {
        const QString label = u'"' + mermaidEscaped(state.name) + u'"';
        switch (state.type) {
        case StateType::Choice:
            return u'{' + label + u'}';
        case StateType::Succeed:
        case StateType::Fail:
            return QStringLiteral("([") + label + QStringLiteral("])");
        case StateType::Wait:
            return QStringLiteral("[/") + label + QStringLiteral("/]");
        case StateType::Parallel:
        case StateType::Map:
            return QStringLiteral("[[") + label + QStringLiteral("]]");
        default:
            return u'[' + label + u']';
        }
    };
    std::function<void(ContainerIndex, const QString&)> machine = [&](ContainerIndex container, const QString& indent) {
        for (const StateIndex s : members.value(container)) {
            const State& state = workflow.states[s];
            visible[s] = true;
            if (!isGroup(s)) {
                out += indent + node(s) + shape(state) + u'\n';
                continue;
            }
            out += indent + QStringLiteral("subgraph ") + group(s) + QStringLiteral(" [\"")
                + mermaidEscaped(state.name + QStringLiteral(" (") + state.typeName + u')') + QStringLiteral("\"]\n");
            for (const ContainerIndex child : state.children) {
                out += indent + QStringLiteral("  subgraph c%1 [\"").arg(child)
                    + mermaidEscaped(workflow.containers[child].label) + QStringLiteral("\"]\n");
                machine(child, indent + QStringLiteral("    "));
                out += indent + QStringLiteral("  end\n");
            }
            out += indent + QStringLiteral("end\n");
        }
    };
    machine(NoIndex, QStringLiteral("  "));
    auto endpoint = [&](StateIndex s) { return isGroup(s) ? group(s) : node(s); };
    if (workflow.start >= 0) {
        out += QStringLiteral("  start_((\"Start\")) --> ") + endpoint(workflow.start) + u'\n';
    }
    for (const StateIndex s : members.value(NoIndex)) {
        if (workflow.states[s].isEnd) {
            out += QStringLiteral("  ") + endpoint(s) + QStringLiteral(" --> end_((\"End\"))\n");
        }
    }
    for (const Edge& edge : workflow.edges) {
        if (edge.from < 0 || edge.to < 0 || !visible[edge.from] || !visible[edge.to])
            continue;
        const QString arrow = edge.kind == EdgeKind::Catch ? QStringLiteral(" -.->") : edge.kind == EdgeKind::Default ? QStringLiteral(" ==>") : QStringLiteral(" -->");
        out += QStringLiteral("  ") + endpoint(edge.from) + arrow;
        if (!edge.label.isEmpty())
            out += QStringLiteral("|\"") + mermaidEscaped(edge.label) + QStringLiteral("\"|");
        out += u' ' + endpoint(edge.to) + u'\n';
    }
    return out.toUtf8();
}

} // namespace Stepscope
