#include "heatmap.h"

#include "workflow/durationtext.h"
#include "workflow/workflow.h"

#include <algorithm>

namespace Stepscope {

namespace {

double measureValue(const StateStatistics& s, HeatMeasure measure)
{
    switch (measure) {
    case HeatMeasure::FailureRate:
        return s.failureRate;
    case HeatMeasure::RunCount:
        return double(s.runs);
    case HeatMeasure::P95Duration:
        return double(std::max<qint64>(s.p95Ms, 0));
    }
    return 0;
}

double maxValue(const StateMachineStatistics& statistics, HeatMeasure measure)
{
    if (measure == HeatMeasure::FailureRate)
        return 1.0; // rates keep an absolute scale, so that 5% looks the same in every workflow
    double top = 0;
    for (const StateStatistics& s : statistics.states)
        top = std::max(top, measureValue(s, measure));
    return top;
}

QString label(const StateStatistics& s)
{
    QString text = QStringLiteral("%1% failed (%2/%3)")
                       .arg(QString::number(s.failureRate * 100.0, 'f', s.failureRate < 0.1 && s.failureRate > 0 ? 1 : 0))
                       .arg(s.failedExecutions)
                       .arg(s.executions);
    if (s.p50Ms >= 0)
        text += QStringLiteral(", p50 %1, p95 %2").arg(durationText(s.p50Ms), durationText(s.p95Ms));
    if (!s.topErrors.isEmpty())
        text += QStringLiteral(", top error %1 (%2)").arg(s.topErrors.first().error).arg(s.topErrors.first().count);
    return text;
}

} // namespace

QHash<QString, StateHeat> stateHeat(const StateMachineStatistics& statistics, const Workflow& workflow,
    HeatMeasure measure)
{
    QHash<QString, int> nameCount;
    QHash<QString, QString> idByName;
    for (const State& state : workflow.states) {
        ++nameCount[state.name];
        idByName.insert(state.name, state.id);
    }
    const double top = maxValue(statistics, measure);
    QHash<QString, StateHeat> heat;
    for (const StateStatistics& s : statistics.states) {
        QString id;
        if (workflow.findStateById(s.stateId) != NoIndex)
            id = s.stateId;
        else if (nameCount.value(s.state) == 1)
            id = idByName.value(s.state);
        else if (workflow.states.isEmpty())
            id = s.stateId; // no workflow to match against: keep the archive's own ids
        if (id.isEmpty() || heat.contains(id))
            continue;
        StateHeat h;
        h.value = measureValue(s, measure);
        h.level = top > 0 ? h.value / top : 0.0;
        h.label = label(s);
        heat.insert(id, h);
    }
    return heat;
}

QList<HeatLegendEntry> heatLegend(const StateMachineStatistics& statistics, HeatMeasure measure)
{
    const double top = maxValue(statistics, measure);
    QList<HeatLegendEntry> legend;
    for (const double level : { 0.0, 0.25, 0.5, 0.75, 1.0 })
        legend.append({ heatValueText(level * top, measure), level });
    return legend;
}

QString heatValueText(double value, HeatMeasure measure)
{
    switch (measure) {
    case HeatMeasure::FailureRate:
        return QStringLiteral("%1% failed").arg(qRound(value * 100.0));
    case HeatMeasure::RunCount:
        return qRound64(value) == 1 ? QStringLiteral("1 run") : QStringLiteral("%1 runs").arg(qRound64(value));
    case HeatMeasure::P95Duration:
        return QStringLiteral("p95 %1").arg(durationText(qRound64(value)));
    }
    return {};
}

QString heatMeasureTitle(HeatMeasure measure)
{
    switch (measure) {
    case HeatMeasure::FailureRate:
        return QStringLiteral("Failure rate");
    case HeatMeasure::RunCount:
        return QStringLiteral("Runs");
    case HeatMeasure::P95Duration:
        return QStringLiteral("p95 duration");
    }
    return {};
}

QString heatMeasureKey(HeatMeasure measure)
{
    switch (measure) {
    case HeatMeasure::FailureRate:
        return QStringLiteral("failures");
    case HeatMeasure::RunCount:
        return QStringLiteral("runs");
    case HeatMeasure::P95Duration:
        return QStringLiteral("p95");
    }
    return {};
}

bool heatMeasureFromKey(const QString& key, HeatMeasure* measure)
{
    for (const HeatMeasure m : { HeatMeasure::FailureRate, HeatMeasure::RunCount, HeatMeasure::P95Duration }) {
        if (key.compare(heatMeasureKey(m), Qt::CaseInsensitive) == 0) {
            *measure = m;
            return true;
        }
    }
    return false;
}

bool chooseStateMachine(const QList<QPair<QString, qint64>>& machines, const QString& given, const QString& workflowName,
    QString* chosen, QString* error, bool* ambiguous)
{
    if (ambiguous)
        *ambiguous = false;
    auto has = [&](const QString& name) {
        return std::any_of(machines.cbegin(), machines.cend(), [&](const auto& m) { return m.first == name; });
    };
    QString list;
    for (const auto& [name, count] : machines)
        list += QStringLiteral("\n  %1 (%2 executions)").arg(name.isEmpty() ? QStringLiteral("\"\"") : name).arg(count);
    if (machines.isEmpty()) {
        *error = QStringLiteral("the archive holds no executions");
        return false;
    }
    if (!given.isEmpty()) {
        if (has(given)) {
            *chosen = given;
            return true;
        }
        *error = QStringLiteral("the archive has no executions of state machine \"%1\"; it holds:%2").arg(given, list);
        return false;
    }
    if (!workflowName.isEmpty() && has(workflowName)) {
        *chosen = workflowName;
        return true;
    }
    if (machines.size() == 1) {
        *chosen = machines.first().first;
        return true;
    }
    if (ambiguous)
        *ambiguous = true;
    *error = QStringLiteral("the archive holds several state machines and none is named \"%1\":%2").arg(workflowName, list);
    return false;
}

} // namespace Stepscope
