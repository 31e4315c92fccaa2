#pragma once

// Geometry invariants every diagram must satisfy; shared by the layout and render tests.

#include "layout/diagram.h"

#include <QLineF>
#include <QSet>
#include <QStringList>

#include <cmath>

namespace Stepscope::Test {

constexpr qreal Tolerance = 2.0; // points: Graphviz rounds clipped end points

inline qreal distanceToBoundary(const QRectF& box, QPointF p)
{
    const qreal dx = std::max({ box.left() - p.x(), 0.0, p.x() - box.right() });
    const qreal dy = std::max({ box.top() - p.y(), 0.0, p.y() - box.bottom() });
    if (dx > 0 || dy > 0)
        return std::hypot(dx, dy);
    return std::min({ p.x() - box.left(), box.right() - p.x(), p.y() - box.top(), box.bottom() - p.y() });
}

inline bool inside(const QRectF& inner, const QRectF& outer, qreal tolerance = 0.5)
{
    return inner.left() >= outer.left() - tolerance && inner.top() >= outer.top() - tolerance
        && inner.right() <= outer.right() + tolerance && inner.bottom() <= outer.bottom() + tolerance;
}

inline bool overlap(const QRectF& a, const QRectF& b, qreal tolerance = 0.5)
{
    const QRectF i = a.intersected(b);
    return i.width() > tolerance && i.height() > tolerance;
}

inline bool statePossiblyHidden(const Workflow& workflow, StateIndex s, const QSet<QString>& collapsed)
{
    for (ContainerIndex c = workflow.states[s].container; c != NoIndex; c = workflow.containers[c].parent) {
        if (collapsed.contains(workflow.states[workflow.containers[c].owner].id))
            return true;
    }
    return false;
}

/// Every problem found, as text (empty: the diagram is sound).
inline QStringList diagramProblems(const Workflow& workflow, const Diagram& diagram, const QSet<QString>& collapsed = {})
{
    QStringList problems;
    const QRectF canvas(QPointF(0, 0), diagram.size);
    for (StateIndex s = 0; s < workflow.states.size(); ++s) {
        if (diagram.nodeForState(s) < 0 && !statePossiblyHidden(workflow, s, collapsed))
            problems << QStringLiteral("state %1 is not drawn").arg(workflow.states[s].id);
    }
    for (int i = 0; i < diagram.nodes.size(); ++i) {
        const DiagramNode& a = diagram.nodes[i];
        if (a.box.isEmpty())
            problems << QStringLiteral("%1 has an empty box").arg(a.id);
        if (!inside(a.box, canvas))
            problems << QStringLiteral("%1 lies outside the canvas").arg(a.id);
        if (a.container >= 0 && !inside(a.box, diagram.containers[a.container].box))
            problems << QStringLiteral("%1 is not inside its container %2").arg(a.id, diagram.containers[a.container].id);
        for (int j = i + 1; j < diagram.nodes.size(); ++j) {
            if (overlap(a.box, diagram.nodes[j].box))
                problems << QStringLiteral("%1 overlaps %2").arg(a.id, diagram.nodes[j].id);
        }
    }
    for (const DiagramContainer& c : diagram.containers) {
        if (!inside(c.box, canvas))
            problems << QStringLiteral("container %1 lies outside the canvas").arg(c.id);
        if (c.parent >= 0 && !inside(c.box, diagram.containers[c.parent].box))
            problems << QStringLiteral("container %1 is not inside %2").arg(c.id, diagram.containers[c.parent].id);
        if (c.parent >= 0 && c.parent >= &c - diagram.containers.data())
            problems << QStringLiteral("container %1 comes before its parent").arg(c.id);
    }
    // Sibling containers must not overlap either.
    for (int i = 0; i < diagram.containers.size(); ++i) {
        for (int j = i + 1; j < diagram.containers.size(); ++j) {
            const DiagramContainer& a = diagram.containers[i];
            const DiagramContainer& b = diagram.containers[j];
            if (a.parent == b.parent && overlap(a.box, b.box))
                problems << QStringLiteral("containers %1 and %2 overlap").arg(a.id, b.id);
        }
    }
    for (const DiagramEdge& e : diagram.edges) {
        const QRectF from = e.fromContainer >= 0 ? diagram.containers[e.fromContainer].box : diagram.nodes[e.from].box;
        const QRectF to = e.toContainer >= 0 ? diagram.containers[e.toContainer].box : diagram.nodes[e.to].box;
        const QString name = QStringLiteral("edge %1 -> %2").arg(workflow.states[e.fromState].id, workflow.states[e.toState].id);
        if (e.points.size() < 4 || (e.points.size() - 1) % 3 != 0) {
            problems << name + QStringLiteral(" has %1 points").arg(e.points.size());
            continue;
        }
        if (distanceToBoundary(from, e.points.first()) > Tolerance)
            problems << name + QStringLiteral(" does not start at its source (%1 pt away)").arg(distanceToBoundary(from, e.points.first()));
        if (distanceToBoundary(to, e.points.last()) > Tolerance)
            problems << name + QStringLiteral(" does not end at its target (%1 pt away)").arg(distanceToBoundary(to, e.points.last()));
        if (!e.labelBox.isEmpty() && !inside(e.labelBox, canvas))
            problems << name + QStringLiteral("'s label runs off the canvas");
    }
    return problems;
}

} // namespace Stepscope::Test
