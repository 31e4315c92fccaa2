#include "models/timelinemodel.h"

#include <algorithm>

namespace Stepscope {

namespace {

QString clock(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(QStringLiteral("HH:mm:ss.zzz")) : QStringLiteral("?");
}

} // namespace

void TimelineModel::setDocument(std::shared_ptr<const LoadedDocument> document)
{
    beginResetModel();
    m_doc = std::move(document);
    const Execution* execution = m_doc ? m_doc->execution.get() : nullptr;
    const RunIndex* runs = execution ? &m_doc->runs : nullptr;
    m_rows.clear();
    m_origin = execution ? execution->start : QDateTime();
    m_totalMs = 0;
    m_laneCount = runs ? runs->laneCount() : 1;
    if (runs) {
        for (int i = 0; i < runs->runs().size(); ++i) {
            const StateRun* run = runs->runs()[i].run;
            if (!run->entered.isValid())
                continue;
            m_rows.append(i);
            if (!m_origin.isValid() || run->entered < m_origin)
                m_origin = run->entered;
        }
        std::stable_sort(m_rows.begin(), m_rows.end(),
            [runs](int a, int b) { return runs->runs()[a].run->entered < runs->runs()[b].run->entered; });
        for (int i : std::as_const(m_rows)) {
            const StateRun* run = runs->runs()[i].run;
            m_totalMs = std::max(m_totalMs, offset(run->exited.isValid() ? run->exited : run->entered));
        }
        if (execution && execution->stop.isValid())
            m_totalMs = std::max(m_totalMs, offset(execution->stop));
    }
    endResetModel();
    Q_EMIT totalChanged();
}

double TimelineModel::offset(const QDateTime& t) const
{
    return t.isValid() && m_origin.isValid() ? static_cast<double>(m_origin.msecsTo(t)) : 0.0;
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRef& ref = m_doc->runs.runs()[m_rows[index.row()]];
    const StateRun& run = *ref.run;
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return run.path().join(QStringLiteral(" › "));
    case LaneRole:
        return ref.lane;
    case StartRole:
        return offset(run.entered);
    case EndRole:
        return offset(run.exited.isValid() ? run.exited : run.entered);
    case StatusRole:
        return runStatusKey(run.status);
    case StateRole:
        return ref.state;
    case SegmentsRole: {
        QVariantList segments;
        for (const TaskAttempt& a : run.attempts) {
            const QDateTime from = a.started.isValid() ? a.started : a.scheduled;
            if (!from.isValid())
                continue;
            segments.append(QVariantMap { { QStringLiteral("start"), offset(from) },
                { QStringLiteral("end"), offset(a.ended.isValid() ? a.ended : from) },
                { QStringLiteral("failed"), a.failed() } });
        }
        return segments;
    }
    case TimesRole: {
        QString text = QStringLiteral("%1\n%2 → %3").arg(run.path().join(QStringLiteral(" › ")), clock(run.entered),
            clock(run.exited));
        if (const auto d = run.durationMs())
            text += QStringLiteral(" (%1 ms)").arg(*d);
        text += QStringLiteral("\n") + runStatusName(run.status);
        for (const TaskAttempt& a : run.attempts)
            text += QStringLiteral("\nattempt %1: %2 %3 → %4 %5")
                        .arg(a.number)
                        .arg(attemptOutcomeName(a.outcome), clock(a.started.isValid() ? a.started : a.scheduled),
                            clock(a.ended), a.error);
        return text;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    return { { LabelRole, "label" }, { LaneRole, "lane" }, { StartRole, "startMs" }, { EndRole, "endMs" },
        { StatusRole, "status" }, { SegmentsRole, "segments" }, { StateRole, "stateIndex" }, { TimesRole, "times" } };
}

} // namespace Stepscope
