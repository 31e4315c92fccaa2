#pragma once

#include "archivetypes.h"

#include <QHash>
#include <QString>

namespace Stepscope {

struct Workflow;

/// What a heat map shows.
enum class HeatMeasure { FailureRate, RunCount, P95Duration };

/// One state's heat: the value (failure rate 0..1, run count, p95 ms), its place on the scale (0..1), and the text a
/// legend or tooltip shows ("12% failed (3/25), p95 1.2 s").
struct StateHeat {
    double value = 0;
    double level = 0; ///< 0..1 along the colour scale
    QString label;
};

/// Heat per Workflow state id, for the renderer's overlay (canvas and exports). Statistics are matched by state id
/// first, then by the state's name when that name is unique in the workflow (histories read without container paths).
[[nodiscard]] QHash<QString, StateHeat> stateHeat(const StateMachineStatistics& statistics, const Workflow& workflow,
    HeatMeasure measure = HeatMeasure::FailureRate);

/// One legend entry: what a level on the scale means ("25% failed") and the level (0..1); render/heatcolor.h
/// turns levels into colours.
struct HeatLegendEntry {
    QString label;
    double level = 0;
};

/// Legend entries from low to high for `measure` over `statistics`.
[[nodiscard]] QList<HeatLegendEntry> heatLegend(const StateMachineStatistics& statistics, HeatMeasure measure);

/// The short text of a measured value: "25% failed", "12 runs", "p95 1.2 s" (node notes, legend entries).
[[nodiscard]] QString heatValueText(double value, HeatMeasure measure);

/// "Failure rate", "Runs", "p95 duration": the legend's title.
[[nodiscard]] QString heatMeasureTitle(HeatMeasure measure);

/// The command-line and settings key of a measure: "failures", "runs", "p95".
[[nodiscard]] QString heatMeasureKey(HeatMeasure measure);
/// The measure named by `key` (as heatMeasureKey writes it); false when it names none.
[[nodiscard]] bool heatMeasureFromKey(const QString& key, HeatMeasure* measure);

/// Which archived state machine goes with a workflow (`machines` as Archive::stateMachines() lists them): `given`
/// when set (it must be in the archive); else the one named like the workflow (template logical id, or the file name
/// without its extensions); else the only one. Returns false with `error` set (listing the archive's state machines)
/// when none fits; `ambiguous` tells that several did.
bool chooseStateMachine(const QList<QPair<QString, qint64>>& machines, const QString& given, const QString& workflowName,
    QString* chosen, QString* error, bool* ambiguous = nullptr);


} // namespace Stepscope
