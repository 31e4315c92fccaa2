#pragma once

#include "workflow/runstatus.h"
#include "workflow/workflow.h"

#include <QColor>
#include <QString>

namespace Stepscope {

/// Colours of a diagram. The GUI canvas may reuse them.
struct Theme {
    QString name;
    QColor background;
    QColor text;
    QColor mutedText;
    QColor nodeFill;
    QColor nodeBorder;
    QColor groupFill;
    QColor groupBorder;
    QColor branchFill;
    QColor branchBorder;
    QColor edge;
    QColor catchEdge;
    QColor labelBackground;
    QColor marker;
    QColor badgeFill;
    QColor badgeText;

    [[nodiscard]] QColor typeAccent(StateType type) const; ///< the stripe and icon colour of a state type
    /// The status palette's colour for this theme (statuspalette.h).
    [[nodiscard]] QColor statusColor(RunStatus status) const;
    [[nodiscard]] bool isDark() const { return name == QLatin1String("dark"); }
    [[nodiscard]] static Theme light();
    [[nodiscard]] static Theme dark();
    /// "light" or "dark"; std::nullopt-like: returns light and sets ok=false for anything else.
    [[nodiscard]] static Theme byName(const QString& name, bool* ok = nullptr);
};

} // namespace Stepscope
