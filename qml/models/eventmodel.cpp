#include "models/eventmodel.h"

namespace Stepscope {

namespace {

QString firstLine(QString text, int max = 160)
{
    text.replace(u'\n', u' ');
    if (text.size() > max)
        text = text.left(max) + u'…';
    return text;
}

} // namespace

void EventModel::setDocument(std::shared_ptr<const LoadedDocument> document)
{
    beginResetModel();
    m_doc = std::move(document);
    endResetModel();
}

int EventModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !execution() ? 0 : static_cast<int>(execution()->events.size());
}

QString EventModel::categoryOf(HistoryEventType type, const QString& typeName)
{
    if (typeName.contains(QLatin1String("Failed")) || typeName.contains(QLatin1String("TimedOut"))
        || typeName.contains(QLatin1String("Aborted")) || type == HistoryEventType::EvaluationFailed)
        return QStringLiteral("failure");
    if (typeName.startsWith(QLatin1String("Execution")))
        return QStringLiteral("execution");
    if (typeName.startsWith(QLatin1String("MapIteration")) || typeName.startsWith(QLatin1String("MapState"))
        || typeName.startsWith(QLatin1String("MapRun")))
        return QStringLiteral("map");
    if (typeName.startsWith(QLatin1String("ParallelState")))
        return QStringLiteral("parallel");
    if (typeName.startsWith(QLatin1String("Task")) || typeName.startsWith(QLatin1String("Lambda"))
        || typeName.startsWith(QLatin1String("Activity")))
        return QStringLiteral("task");
    if (typeName.endsWith(QLatin1String("StateEntered")) || typeName.endsWith(QLatin1String("StateExited")))
        return QStringLiteral("state");
    return QStringLiteral("other");
}

StateIndex EventModel::stateIndexOf(int row) const
{
    return m_doc ? m_doc->runs.stateOfEvent(row) : NoIndex;
}

QString EventModel::stateNameOf(int row) const
{
    const HistoryEvent& event = execution()->events[static_cast<size_t>(row)];
    if (!event.stateName.isEmpty())
        return event.stateName;
    const StateIndex state = stateIndexOf(row);
    if (state != NoIndex && state < m_doc->workflow.states.size())
        return m_doc->workflow.states[state].name;
    const int run = m_doc->runs.runOfEvent(row);
    return run >= 0 ? m_doc->runs.runs()[run].run->name : QString();
}

QVariant EventModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const HistoryEvent& event = execution()->events[static_cast<size_t>(row)];
    switch (role) {
    case IdRole:
        return event.id;
    case TimeRole: {
        if (!event.timestamp.isValid())
            return event.timestampText;
        if (!execution()->start.isValid())
            return event.timestamp.toString(Qt::ISODateWithMs);
        const qint64 ms = execution()->start.msecsTo(event.timestamp);
        return QStringLiteral("+%1 s").arg(ms / 1000.0, 0, 'f', 3);
    }
    case TimestampRole:
        return event.timestamp.isValid() ? event.timestamp.toString(Qt::ISODateWithMs) : event.timestampText;
    case Qt::DisplayRole:
    case TypeRole:
        return event.typeName;
    case CategoryRole:
        return categoryOf(event.type, event.typeName);
    case StateRole: {
        QString name = stateNameOf(row);
        if (event.iterationIndex >= 0)
            name += QStringLiteral(" [%1]").arg(event.iterationIndex);
        return name;
    }
    case StateIndexRole:
        return stateIndexOf(row);
    case DetailRole: {
        if (!event.error.isEmpty()) {
            const QString cause = firstLine(event.cause.toString(), 120);
            return cause.isEmpty() ? event.error : event.error + QStringLiteral(": ") + cause;
        }
        if (!event.resource.isEmpty())
            return event.resourceType.isEmpty() ? event.resource : event.resourceType + u' ' + event.resource;
        if (event.output.isPresent())
            return firstLine(event.output.toString());
        if (event.input.isPresent())
            return firstLine(event.input.toString());
        return QString();
    }
    case EventIndexRole:
        return row;
    default:
        return {};
    }
}

QString EventModel::eventText(int row) const
{
    if (!execution() || row < 0 || row >= rowCount())
        return {};
    const QModelIndex i = index(row);
    QStringList parts { data(i, IdRole).toString(), data(i, TimestampRole).toString(), data(i, TypeRole).toString(),
        data(i, StateRole).toString() };
    const HistoryEvent& event = execution()->events[static_cast<size_t>(row)];
    if (event.details.isPresent())
        parts.append(QString::fromUtf8(event.details.raw()));
    return parts.join(u'\t');
}

QHash<int, QByteArray> EventModel::roleNames() const
{
    return { { IdRole, "eventId" }, { TimeRole, "time" }, { TimestampRole, "timestamp" }, { TypeRole, "type" },
        { CategoryRole, "category" }, { StateRole, "stateName" }, { StateIndexRole, "stateIndex" },
        { DetailRole, "detail" }, { EventIndexRole, "eventIndex" } };
}

EventFilterModel::EventFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    connect(this, &QAbstractItemModel::modelReset, this, &EventFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsInserted, this, &EventFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &EventFilterModel::countChanged);
}

void EventFilterModel::refilter()
{
    // Qt 6.4 has no begin/endFilterChange: invalidateFilter() is the way.
    invalidateFilter();
    Q_EMIT filterChanged();
    Q_EMIT countChanged();
}

void EventFilterModel::setCategory(const QString& category)
{
    if (m_category == category)
        return;
    m_category = category;
    refilter();
}

void EventFilterModel::setStateName(const QString& name)
{
    if (m_stateName == name)
        return;
    m_stateName = name;
    refilter();
}

void EventFilterModel::setText(const QString& text)
{
    if (m_text == text)
        return;
    m_text = text;
    refilter();
}

void EventFilterModel::setEventSubset(const QList<int>& events, bool restrict)
{
    m_restricted = restrict;
    m_subset.clear();
    if (restrict) {
        const int n = sourceModel() ? sourceModel()->rowCount() : 0;
        m_subset.resize(n, false);
        for (int e : events) {
            if (e >= 0 && e < n)
                m_subset[e] = true;
        }
    }
    refilter();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    if (m_restricted && (sourceRow >= m_subset.size() || !m_subset[sourceRow]))
        return false;
    auto* events = static_cast<const EventModel*>(sourceModel());
    const QModelIndex index = events->index(sourceRow);
    if (!m_category.isEmpty() && m_category != QLatin1String("all")
        && events->data(index, EventModel::CategoryRole).toString() != m_category)
        return false;
    if (!m_stateName.isEmpty() && events->stateNameOf(sourceRow) != m_stateName)
        return false;
    if (!m_text.isEmpty()) {
        for (const int role : { EventModel::TypeRole, EventModel::StateRole, EventModel::DetailRole, EventModel::IdRole }) {
            if (events->data(index, role).toString().contains(m_text, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }
    return true;
}

int EventFilterModel::eventIndex(int row) const
{
    const QModelIndex source = mapToSource(index(row, 0));
    return source.isValid() ? source.row() : -1;
}

int EventFilterModel::rowOfEvent(int eventIndex) const
{
    if (!sourceModel())
        return -1;
    return mapFromSource(sourceModel()->index(eventIndex, 0)).row();
}

QString EventFilterModel::rowText(int row) const
{
    auto* events = static_cast<const EventModel*>(sourceModel());
    return events ? events->eventText(eventIndex(row)) : QString();
}

} // namespace Stepscope
