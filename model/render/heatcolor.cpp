#include "heatcolor.h"

#include <algorithm>

namespace Stepscope {

QColor heatColor(double level)
{
    level = std::clamp(level, 0.0, 1.0);
    // Light yellow (255, 245, 200) through orange to dark red (165, 0, 38): light to dark, so it also reads in grey.
    const QColor low(255, 245, 200), mid(253, 141, 60), high(165, 0, 38);
    auto mix = [](const QColor& a, const QColor& b, double t) {
        return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
            float(a.blueF() + (b.blueF() - a.blueF()) * t));
    };
    return level < 0.5 ? mix(low, mid, level * 2.0) : mix(mid, high, (level - 0.5) * 2.0);
}

int applyHeat(StatusOverlay& overlay, const StateMachineStatistics& statistics, const Workflow& workflow,
    HeatMeasure measure)
{
    const QHash<QString, StateHeat> heat = stateHeat(statistics, workflow, measure);
    for (auto it = heat.cbegin(); it != heat.cend(); ++it)
        overlay.heatByStateId.insert(it.key(), { heatColor(it->level), heatValueText(it->value, measure) });
    overlay.heatScale.title = heatMeasureTitle(measure);
    overlay.heatScale.entries.clear();
    for (const HeatLegendEntry& entry : heatLegend(statistics, measure))
        overlay.heatScale.entries.append({ entry.label, heatColor(entry.level) });
    return int(heat.size());
}

} // namespace Stepscope
